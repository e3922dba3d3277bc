// What the scenario says about S3 objects and ECR images (`s3Objects`, `ecrImages`), and the
// lookups S3 HeadObject, ECR DescribeImages and SageMaker CreateModel share. Anything the scenario
// does not declare exists: an object in the emulator's home region, an image in every repository
// of the emulator's account.

export interface S3ObjectSpec {
  /** The bucket's region (default: the emulator's home region). */
  region?: string
  /** The object (or, on `s3://bucket`, the bucket) does not exist. */
  missing?: boolean
  /** The credentials may not read it: 403. */
  accessDenied?: boolean
}

export interface EcrImageSpec {
  /** The tag or digest does not exist (on a repository key: none of its images exists). */
  missing?: boolean
  /** The repository does not exist. */
  repositoryMissing?: boolean
  /** The credentials may not read it: AccessDeniedException. */
  accessDenied?: boolean
}

const S3_KEY = /^s3:\/\/[^/]+(\/.*)?$/
const ECR_KEY = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?\/[^:@]+([:@].+)?$/

const SPEC_FIELDS = {
  s3Objects: ['region', 'missing', 'accessDenied'],
  ecrImages: ['missing', 'repositoryMissing', 'accessDenied']
} as const

/** Throws a clear error for a malformed `s3Objects` or `ecrImages` field. */
export function validateArtifacts(field: 's3Objects' | 'ecrImages', value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`Scenario field "${field}" must be an object`)
  const pattern = field === 's3Objects' ? S3_KEY : ECR_KEY
  for (const [key, spec] of Object.entries(value)) {
    if (!pattern.test(key))
      throw new Error(
        field === 's3Objects'
          ? `Scenario s3Objects key "${key}" must look like "s3://bucket", "s3://bucket/prefix/" or "s3://bucket/key"`
          : `Scenario ecrImages key "${key}" must look like "123456789012.dkr.ecr.us-east-1.amazonaws.com/repo" or ".../repo:tag" or ".../repo@sha256:..."`
      )
    if (typeof spec !== 'object' || spec === null || Array.isArray(spec))
      throw new Error(`Scenario ${field}["${key}"] must be an object`)
    for (const [name, v] of Object.entries(spec as Record<string, unknown>)) {
      if (!(SPEC_FIELDS[field] as readonly string[]).includes(name))
        throw new Error(`Scenario ${field}["${key}"]: unknown field "${name}"`)
      const ok = name === 'region' ? typeof v === 'string' && v !== '' : typeof v === 'boolean'
      if (!ok)
        throw new Error(
          `Scenario ${field}["${key}"].${name} must be ${name === 'region' ? 'a region name' : 'true or false'}`
        )
    }
  }
}

export interface S3Lookup {
  bucketRegion: string
  bucketMissing: boolean
  objectMissing: boolean
  accessDenied: boolean
}

/**
 * An S3 object (or, with `key` undefined, a bucket) as the scenario declares it: the longest
 * declared `s3://bucket[/prefix]` that covers it decides, and the bucket's own entry gives its
 * region and whether it exists.
 */
export function lookupS3(
  objects: Record<string, S3ObjectSpec>,
  homeRegion: string,
  bucket: string,
  key: string | undefined
): S3Lookup {
  const bucketSpec = objects[`s3://${bucket}`] ?? objects[`s3://${bucket}/`]
  let best: S3ObjectSpec | undefined
  let bestLength = -1
  if (key !== undefined) {
    const uri = `s3://${bucket}/${key}`
    for (const [declared, spec] of Object.entries(objects)) {
      const covers =
        declared === uri ||
        declared === `s3://${bucket}` ||
        (declared.endsWith('/') && uri.startsWith(declared))
      if (covers && declared.length > bestLength) {
        best = spec
        bestLength = declared.length
      }
    }
  }
  const objectSpec = best ?? bucketSpec
  return {
    bucketRegion: bucketSpec?.region ?? objectSpec?.region ?? homeRegion,
    bucketMissing: bucketSpec?.missing === true,
    objectMissing: objectSpec?.missing === true,
    accessDenied: objectSpec?.accessDenied === true || bucketSpec?.accessDenied === true
  }
}

/** `s3://bucket/key` → bucket and key (undefined for anything else). */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri)
  return match === null ? undefined : { bucket: match[1] ?? '', key: match[2] ?? '' }
}

export interface ImageRef {
  registryId: string
  region: string
  repository: string
  tag: string | undefined
  digest: string | undefined
  /** The registry host and repository: `123456789012.dkr.ecr.us-east-1.amazonaws.com/repo`. */
  repositoryUri: string
}

/** An ECR image URI, or undefined for an image elsewhere (Docker Hub, ECR Public...). */
export function parseImageUri(uri: string): ImageRef | undefined {
  const match =
    /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(.+))?$/.exec(
      uri
    )
  if (match === null) return undefined
  const [, registryId = '', region = '', repository = '', tag, digest] = match
  return {
    registryId,
    region,
    repository,
    tag,
    digest,
    repositoryUri: `${registryId}.dkr.ecr.${region}.amazonaws.com/${repository}`
  }
}

export type EcrVerdict =
  'exists' | 'image-missing' | 'repository-missing' | 'access-denied' | 'cross-account'

/**
 * What ECR knows of an image: its own entry (`repo:tag` or `repo@digest`) first, then its
 * repository's. Undeclared: an image of the emulator's account exists; another account's answers
 * AccessDenied (no registry policy lets this account read it).
 */
export function lookupImage(
  images: Record<string, EcrImageSpec>,
  accountId: string,
  ref: Omit<ImageRef, 'repositoryUri'>
): EcrVerdict {
  const repositoryUri = `${ref.registryId}.dkr.ecr.${ref.region}.amazonaws.com/${ref.repository}`
  const repoSpec = images[repositoryUri]
  const imageSpec =
    (ref.tag === undefined ? undefined : images[`${repositoryUri}:${ref.tag}`]) ??
    (ref.digest === undefined ? undefined : images[`${repositoryUri}@${ref.digest}`])
  if (repoSpec === undefined && imageSpec === undefined) {
    return ref.registryId === accountId ? 'exists' : 'cross-account'
  }
  if (repoSpec?.accessDenied === true || imageSpec?.accessDenied === true) return 'access-denied'
  if (repoSpec?.repositoryMissing === true || imageSpec?.repositoryMissing === true)
    return 'repository-missing'
  if (imageSpec !== undefined) return imageSpec.missing === true ? 'image-missing' : 'exists'
  return repoSpec?.missing === true ? 'image-missing' : 'exists'
}
