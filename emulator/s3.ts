// Amazon S3 (REST): HeadObject, HeadBucket, PutObject and CopyObject, path-style (`HEAD /bucket/key`,
// what the SDK sends to an IP endpoint such as 127.0.0.1) or virtual-hosted (`Host: bucket.<host>`).
// Objects are what the scenario's `s3Objects` says; anything undeclared exists in the home region.
// An object written (PutObject, CopyObject) exists from then on, in its bucket's region (the
// emulator keeps no content: workflows' `aws s3 cp` steps stage artifacts the action then reads).

import { createHash } from 'node:crypto'
import { lookupS3, type S3ObjectSpec } from './artifacts.js'
import { ApiError } from './errors.js'

/** The size every undeclared object has (1 MiB). */
export const S3_OBJECT_SIZE = 1_048_576

export interface S3Request {
  method: string
  path: string
  host: string
  /** The `x-amz-copy-source` header (`bucket/key`, URL-encoded, maybe `?versionId=`): CopyObject. */
  copySource?: string
}

export interface S3Reply {
  status: number
  headers: Record<string, string>
  /** An XML body (CopyObject's result); none for the others. */
  body?: string
  /** The error the call log records (a HEAD answer has no body to carry it). */
  error?: string
  /** The object a PutObject or CopyObject wrote: it exists from now on, in `region`. */
  written?: { uri: string; region: string }
}

/** Bucket and key of a request: from the Host header (virtual-hosted) or the path. */
export function s3Target(request: S3Request): { bucket: string; key: string | undefined } {
  const hostname = request.host.replace(/:\d+$/, '')
  const path = request.path.replace(/^\//, '')
  const virtual =
    /^(.+?)\.(localhost|\d+\.\d+\.\d+\.\d+|s3[.-][a-z0-9.-]*amazonaws\.com(\.cn)?)$/.exec(hostname)
  const decode = (s: string): string => decodeURIComponent(s)
  if (virtual !== null && virtual[1] !== undefined) {
    return { bucket: virtual[1], key: path === '' ? undefined : decode(path) }
  }
  const slash = path.indexOf('/')
  if (slash < 0) return { bucket: decode(path), key: undefined }
  const key = path.slice(slash + 1)
  return { bucket: decode(path.slice(0, slash)), key: key === '' ? undefined : decode(key) }
}

/** The operation the request is (HeadObject, HeadBucket, PutObject, CopyObject, or another). */
export function s3Operation(request: S3Request): string {
  const { key } = s3Target(request)
  if (request.method === 'HEAD') return key === undefined ? 'HeadBucket' : 'HeadObject'
  if (request.method === 'PUT' && key !== undefined)
    return request.copySource === undefined ? 'PutObject' : 'CopyObject'
  const verb = request.method.charAt(0) + request.method.slice(1).toLowerCase()
  return `${verb}${key === undefined ? 'Bucket' : 'Object'}`
}

const SUPPORTED = ['HeadObject', 'HeadBucket', 'PutObject', 'CopyObject']

/** `x-amz-copy-source` → bucket and key (undefined when malformed). */
function copySourceOf(header: string): { bucket: string; key: string } | undefined {
  const path = decodeURIComponent(header.replace(/\?.*$/, '')).replace(/^\//, '')
  const slash = path.indexOf('/')
  if (slash <= 0 || slash === path.length - 1) return undefined
  return { bucket: path.slice(0, slash), key: path.slice(slash + 1) }
}

const ERROR_MESSAGES: Record<string, string> = {
  NoSuchBucket: 'The specified bucket does not exist',
  NoSuchKey: 'The specified key does not exist.',
  AccessDenied: 'Access Denied',
  PermanentRedirect:
    'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
  InvalidArgument: 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey'
}

/** An S3 request's answer; an error to a request other than HEAD carries its XML document. */
export function headS3(
  request: S3Request,
  objects: Record<string, S3ObjectSpec>,
  homeRegion: string,
  requestRegion: string,
  lastModified: number
): S3Reply {
  const reply = answer(request, objects, homeRegion, requestRegion, lastModified)
  if (reply.error === undefined || request.method === 'HEAD') return reply
  const message = ERROR_MESSAGES[reply.error] ?? reply.error
  return {
    ...reply,
    headers: { ...reply.headers, 'content-type': 'application/xml' },
    body: s3ErrorXml(reply.error, message, createHash('md5').update(request.path).digest('hex'))
  }
}

function answer(
  request: S3Request,
  objects: Record<string, S3ObjectSpec>,
  homeRegion: string,
  requestRegion: string,
  lastModified: number
): S3Reply {
  const operation = s3Operation(request)
  if (!SUPPORTED.includes(operation)) {
    throw new ApiError(
      'NotImplemented',
      `The emulated S3 service supports ${SUPPORTED.join(', ')} only (not ${operation}).`,
      501
    )
  }
  const { bucket, key } = s3Target(request)
  const found = lookupS3(objects, homeRegion, bucket, key)
  const regionHeader = { 'x-amz-bucket-region': found.bucketRegion }
  if (found.bucketMissing) return { status: 404, headers: {}, error: 'NoSuchBucket' }
  // A bucket in another region answers from the wrong regional endpoint with 301 and its region.
  if (found.bucketRegion !== requestRegion)
    return { status: 301, headers: regionHeader, error: 'PermanentRedirect' }
  if (found.accessDenied) {
    return {
      status: 403,
      headers: operation === 'HeadBucket' ? regionHeader : {},
      error: 'AccessDenied'
    }
  }
  if (operation === 'HeadBucket') {
    return { status: 200, headers: { ...regionHeader, 'x-amz-access-point-alias': 'false' } }
  }
  const etag = createHash('md5')
    .update(`s3://${bucket}/${key ?? ''}`)
    .digest('hex')
  const written = { uri: `s3://${bucket}/${key ?? ''}`, region: found.bucketRegion }
  if (operation === 'PutObject') return { status: 200, headers: { etag: `"${etag}"` }, written }
  if (operation === 'CopyObject') {
    const source = copySourceOf(request.copySource ?? '')
    if (source === undefined) return { status: 400, headers: {}, error: 'InvalidArgument' }
    const from = lookupS3(objects, homeRegion, source.bucket, source.key)
    if (from.bucketMissing) return { status: 404, headers: {}, error: 'NoSuchBucket' }
    if (from.accessDenied) return { status: 403, headers: {}, error: 'AccessDenied' }
    if (from.objectMissing) return { status: 404, headers: {}, error: 'NoSuchKey' }
    return {
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<CopyObjectResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LastModified>${new Date(lastModified).toISOString()}</LastModified><ETag>&quot;${etag}&quot;</ETag></CopyObjectResult>`,
      written
    }
  }
  if (found.objectMissing) return { status: 404, headers: {}, error: 'NoSuchKey' }
  return {
    status: 200,
    headers: {
      'content-type': 'binary/octet-stream',
      'content-length': String(S3_OBJECT_SIZE),
      etag: `"${etag}"`,
      'last-modified': new Date(lastModified).toUTCString(),
      'accept-ranges': 'bytes',
      'x-amz-server-side-encryption': 'AES256'
    }
  }
}

/** An S3 error document (sent for requests other than HEAD). */
export function s3ErrorXml(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message><RequestId>${requestId}</RequestId><HostId>emulator</HostId></Error>`
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, c =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === "'" ? '&apos;' : '&quot;'
  )
}
