// Amazon S3 (REST): HeadObject and HeadBucket, path-style (`HEAD /bucket/key`, what the SDK sends
// to an IP endpoint such as 127.0.0.1) or virtual-hosted (`Host: bucket.<host>`). Objects are what
// the scenario's `s3Objects` says; anything undeclared exists in the home region.

import { createHash } from 'node:crypto'
import { lookupS3, type S3ObjectSpec } from './artifacts.js'
import { ApiError } from './errors.js'

/** The size every undeclared object has (1 MiB). */
export const S3_OBJECT_SIZE = 1_048_576

export interface S3Request {
  method: string
  path: string
  host: string
}

export interface S3Reply {
  status: number
  headers: Record<string, string>
  /** The error the call log records (a HEAD answer has no body to carry it). */
  error?: string
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

/** The operation the request is (HeadObject, HeadBucket, or an unsupported one). */
export function s3Operation(request: S3Request): string {
  const { key } = s3Target(request)
  if (request.method === 'HEAD') return key === undefined ? 'HeadBucket' : 'HeadObject'
  const verb = request.method.charAt(0) + request.method.slice(1).toLowerCase()
  return `${verb}${key === undefined ? 'Bucket' : 'Object'}`
}

export function headS3(
  request: S3Request,
  objects: Record<string, S3ObjectSpec>,
  homeRegion: string,
  requestRegion: string,
  lastModified: number
): S3Reply {
  const operation = s3Operation(request)
  if (operation !== 'HeadObject' && operation !== 'HeadBucket') {
    throw new ApiError(
      'NotImplemented',
      `The emulated S3 service supports HeadObject and HeadBucket only (not ${request.method}).`,
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
  if (found.objectMissing) return { status: 404, headers: {}, error: 'NoSuchKey' }
  const etag = createHash('md5')
    .update(`s3://${bucket}/${key ?? ''}`)
    .digest('hex')
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
