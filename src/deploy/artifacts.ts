// Pre-flight's checks of what a new model names: the artifact in S3, the image in ECR and the
// Model Registry package. Without them a missing artifact, or one in another region's bucket,
// fails only at CreateModel, and a missing image tag after 10+ minutes of provisioning.
// Reads only. A check that cannot be made (denied, throttled) is a warning, never a refusal.
import type { AwsApi } from '../aws/api.js'
import type { ArtifactApi, ImageRef } from '../aws/artifact-api.js'
import { isAccessDenied, isCancelled } from '../aws/errors.js'
import { errorMessage } from '../errors.js'
import type { Logger, Plan } from '../types.js'
import { PreflightError } from './preflight.js'

export interface ArtifactFindings {
  /** Each: one sentence of cause, one of fix, naming the input. */
  readonly refusals: string[]
  /** Checks that could not be made, and what they would have caught. */
  readonly warnings: string[]
  /** What was not checked, and why that is fine. */
  readonly notes: string[]
  /** The package is an AWS Marketplace package: deployment guardrails do not apply to it. */
  readonly marketplace: boolean
  /** The image URI and the artifact URL the new model names. */
  readonly image?: string
  readonly artifact?: string
}

/** SageMaker's own words (API reference, ContainerDefinition.Image). */
const SAME_REGION_DOC =
  'SageMaker requires the model artifacts in S3 and the image in ECR to be in the region of the model and endpoint (ContainerDefinition in the SageMaker API reference)'

const S3_URL = /^s3:\/\/([^/]+)\/(.*)$/
/** `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]/<repository>[:tag][@sha256:digest]` */
const ECR_IMAGE =
  /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([^:@]+)(?::([^@]+))?(?:@(sha256:[0-9a-f]{64}))?$/
const ARN_ACCOUNT = /^arn:[^:]+:[^:]+:([^:]*):(\d{12}):/

export interface EcrImage {
  readonly registryId: string
  readonly region: string
  readonly repository: string
  readonly ref: ImageRef
}

/** An ECR image URI's parts; undefined for any other registry. No tag means `latest` (Docker's rule). */
export function parseEcrImage(uri: string): EcrImage | undefined {
  const m = ECR_IMAGE.exec(uri)
  if (!m) return undefined
  const [, registryId, region, repository, tag, digest] = m
  const ref: ImageRef = digest ? { digest } : { tag: tag ?? 'latest' }
  return { registryId: registryId!, region: region!, repository: repository!, ref }
}

/** The region and account of an ARN. */
function arnParts(arn: string | undefined): { region: string; account: string } | undefined {
  const m = ARN_ACCOUNT.exec(arn ?? '')
  return m ? { region: m[1]!, account: m[2]! } : undefined
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)
const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : undefined

/** The artifact a container names, and whether it is an uncompressed prefix (a folder). */
function artifactOf(
  container: Record<string, unknown>
): { url: string; prefix: boolean } | undefined {
  const url = text(container['ModelDataUrl'])
  if (url) return { url, prefix: false }
  const source = record(record(container['ModelDataSource'])?.['S3DataSource'])
  const uri = text(source?.['S3Uri'])
  return uri ? { url: uri, prefix: source?.['S3DataType'] === 'S3Prefix' } : undefined
}

type Finding =
  | { readonly refusal: string }
  | { readonly warning: string }
  | { readonly note: string }
  | { readonly marketplace: true }
  | undefined

/** A read that failed: denied names the permission and what it would have caught; else why. */
function unchecked(
  e: unknown,
  what: string,
  permission: string,
  wouldCatch: string,
  extra = ''
): Finding {
  if (isCancelled(e)) throw e
  if (isAccessDenied(e)) {
    return {
      warning: `Could not check ${what}: access denied (${permission}${extra}). Allow ${permission} to the action's role so that pre-flight catches ${wouldCatch} before anything is changed.`
    }
  }
  return {
    warning: `Could not check ${what} (${errorMessage(e)}): going on without the check, which catches ${wouldCatch}.`
  }
}

async function checkArtifact(
  artifact: { url: string; prefix: boolean },
  region: string,
  api: ArtifactApi
): Promise<Finding> {
  const m = S3_URL.exec(artifact.url)
  if (!m) return { note: `model-data-url ${artifact.url} is not an s3:// URL: not checked.` }
  const [, bucket, rawKey] = m
  const key = artifact.prefix && !rawKey!.endsWith('/') ? `${rawKey}/` : rawKey!
  const what = `model-data-url ${artifact.url}`
  try {
    const answer = await api.headObject(bucket!, key)
    switch (answer.kind) {
      case 'found':
        return undefined
      case 'missing-key':
        return {
          refusal: `Input "model-data-url" names ${artifact.url}, which does not exist: SageMaker's CreateModel would fail ("Could not find model data"). Upload the artifact there, or set model-data-url to where it is.`
        }
      case 'missing-bucket':
        return {
          refusal: `Input "model-data-url" names ${artifact.url}, but bucket ${bucket} does not exist: SageMaker's CreateModel would fail. Set model-data-url to the artifact's real location, in a bucket in ${region}.`
        }
      case 'other-region':
        return {
          refusal: `Input "model-data-url" names ${artifact.url}, in a bucket in ${answer.bucketRegion}, but the endpoint is in ${region}: a model's artifact must be in its endpoint's region. Copy it to a bucket in ${region} (aws s3 cp ${artifact.url} s3://<a bucket in ${region}>/${key}) and set model-data-url to the copy.`
        }
    }
  } catch (e) {
    return unchecked(
      e,
      what,
      artifact.prefix || key.endsWith('/') ? 's3:ListBucket' : 's3:GetObject',
      'a missing artifact or one in another region',
      artifact.prefix || key.endsWith('/')
        ? ''
        : '; without s3:ListBucket, S3 answers a missing object the same way'
    )
  }
}

async function checkImage(
  uri: string,
  region: string,
  callerAccount: string | undefined,
  api: ArtifactApi
): Promise<Finding> {
  const image = parseEcrImage(uri)
  if (!image) {
    return {
      note: `Image ${uri} is not in Amazon ECR: not checked (SageMaker pulls it while provisioning).`
    }
  }
  const ref = 'tag' in image.ref ? `tag ${image.ref.tag}` : `digest ${image.ref.digest}`
  const registry = `registry ${image.registryId} (ECR ${image.region})`
  if (image.region !== region) {
    return {
      refusal: `Input "image-uri" names ${uri}, an image in ECR ${image.region}, but the endpoint is in ${region}: ${SAME_REGION_DOC}. Push the image to a repository in ${region} (or replicate the repository there with ECR replication) and set image-uri to it.`
    }
  }
  try {
    const answer = await api.describeImage(image.registryId, image.repository, image.ref)
    switch (answer.kind) {
      case 'found':
        return undefined
      case 'missing-repository':
        return {
          refusal: `Input "image-uri" names repository ${image.repository}, which does not exist in ${registry}: SageMaker could not pull ${uri} and the endpoint would fail after provisioning. Push the image there, or set image-uri to an image that exists.`
        }
      case 'missing-image':
        return {
          refusal: `Input "image-uri" names ${ref} of repository ${image.repository} in ${registry}, which has no such image: SageMaker could not pull ${uri} and the endpoint would fail after provisioning. Push that image, or set image-uri to one that exists.`
        }
    }
  } catch (e) {
    // An image another account shares (SageMaker's own, a central registry) may be pullable
    // by the execution role and still not readable by this role: nothing is wrong with it.
    if (isAccessDenied(e) && callerAccount !== undefined && image.registryId !== callerAccount) {
      return {
        note: `Image ${uri} is in ${registry}, another account's registry: it cannot be checked from this account (ecr:DescribeImages denied). SageMaker pulls it with the execution role.`
      }
    }
    return unchecked(
      e,
      `image-uri ${uri}`,
      'ecr:DescribeImages',
      'a missing repository or tag (which fails only after 10+ minutes of provisioning)'
    )
  }
}

async function checkPackage(
  arn: string,
  region: string,
  callerAccount: string | undefined,
  api: ArtifactApi,
  requireApproved: boolean
): Promise<Finding[]> {
  const parts = arnParts(arn)
  if (parts && parts.region !== '' && parts.region !== region) {
    return [
      {
        refusal: `Input "model-package-arn" names a package in ${parts.region}, but the endpoint is in ${region}: SageMaker creates a model only from a package in its own region. Register the model in ${region} (or name that region's version) and set model-package-arn to it.`
      }
    ]
  }
  try {
    const pkg = await api.describeModelPackage(arn)
    if (!pkg) {
      return [
        {
          refusal: `Input "model-package-arn" names ${arn}, which does not exist in ${region}: SageMaker's CreateModel would fail. Set model-package-arn to an existing package version.`
        }
      ]
    }
    const findings: Finding[] = []
    // AWS Marketplace packages are unversioned and owned by the seller's account; a package
    // shared from another account through the registry belongs to a group.
    if (
      pkg.certifyForMarketplace ||
      (pkg.groupName === undefined && parts && callerAccount && parts.account !== callerAccount)
    ) {
      findings.push({ marketplace: true })
    }
    if (pkg.status !== 'Completed') {
      findings.push({
        refusal: `Input "model-package-arn" names ${arn}, whose status is ${pkg.status ?? 'unknown'}, not Completed: SageMaker creates a model only from a completed package. Wait until it completes (or fix why it failed), or set model-package-arn to a completed version.`
      })
    }
    if (requireApproved && pkg.approval !== 'Approved') {
      findings.push({
        refusal: `Input "model-package-arn" names ${arn}, whose approval status is ${pkg.approval ?? 'unknown'}, not Approved. Approve it in the Model Registry (UpdateModelPackage with ModelApprovalStatus Approved), or set model-package-arn to an approved version.`
      })
    }
    return findings
  } catch (e) {
    return [
      unchecked(
        e,
        `model-package-arn ${arn}`,
        'sagemaker:DescribeModelPackage',
        'a package that is not Completed (or not Approved)'
      )
    ]
  }
}

/**
 * Checks the artifact, image and package a CreateModel body names (undefined: the run deploys an
 * existing model, nothing to check). Never throws for what it finds, only for cancellation.
 */
export async function checkArtifacts(
  body: Record<string, unknown> | undefined,
  region: string,
  api: ArtifactApi,
  options: { requireApproved: boolean }
): Promise<ArtifactFindings> {
  const findings = { refusals: [] as string[], warnings: [] as string[], notes: [] as string[] }
  const container = record(body?.['PrimaryContainer'])
  if (!container) return { ...findings, marketplace: false }
  const callerAccount = arnParts(text(body?.['ExecutionRoleArn']))?.account
  const artifact = artifactOf(container)
  const image = text(container['Image'])
  const pkg = text(container['ModelPackageName'])
  const results = await Promise.all([
    artifact ? checkArtifact(artifact, region, api) : undefined,
    image ? checkImage(image, region, callerAccount, api) : undefined,
    pkg ? checkPackage(pkg, region, callerAccount, api, options.requireApproved) : []
  ])
  let marketplace = false
  for (const found of results.flat()) {
    if (!found) continue
    if ('refusal' in found) findings.refusals.push(found.refusal)
    else if ('warning' in found) findings.warnings.push(found.warning)
    else if ('note' in found) findings.notes.push(found.note)
    else marketplace = found.marketplace
  }
  return {
    ...findings,
    marketplace,
    ...(image ? { image } : {}),
    ...(artifact ? { artifact: artifact.url } : {})
  }
}

/** SageMaker's deployment guardrails exclusions: Marketplace containers fall back to all at once. */
/**
 * Pre-flight's step: logs what was not or could not be checked, and stops the run (before any
 * write) on what would fail. Skipped when the run creates no model or the API has no such reads.
 */
export async function refuseBadArtifacts(
  plan: Plan,
  api: AwsApi,
  log: Logger,
  options: { requireApproved: boolean } = { requireApproved: false }
): Promise<ArtifactFindings | undefined> {
  if (!plan.createModel || !api.artifacts) return undefined
  const findings = await checkArtifacts(
    plan.createModel,
    plan.region,
    await api.artifacts(),
    options
  )
  for (const note of findings.notes) log.info(note)
  for (const warning of findings.warnings) log.warning(warning)
  if (findings.refusals.length) throw new PreflightError(findings.refusals.join(' '))
  return findings
}
