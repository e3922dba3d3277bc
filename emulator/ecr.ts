// Amazon ECR (AWS JSON 1.1, `AmazonEC2ContainerRegistry_V20150921.<Op>`): DescribeImages, over the
// images the scenario's `ecrImages` declares; undeclared images of the emulator's account exist.

import { createHash } from 'node:crypto'
import { lookupImage, type EcrImageSpec } from './artifacts.js'
import { ApiError } from './errors.js'
import type { Params } from './validate.js'

export interface EcrContext {
  accountId: string
  region: string
  images(): Record<string, EcrImageSpec>
  now(): number
  /** The caller, for AccessDenied texts. */
  callerArn: string
}

const validationError = (message: string): ApiError =>
  new ApiError('InvalidParameterException', message)

/** The digest an undeclared image has: stable per repository and tag. */
export function imageDigest(repositoryUri: string, tag: string): string {
  return `sha256:${createHash('sha256').update(`${repositoryUri}:${tag}`).digest('hex')}`
}

export class Ecr {
  constructor(private readonly ctx: EcrContext) {}

  operations(): Record<string, (p: Params) => unknown> {
    return { DescribeImages: p => this.describeImages(p) }
  }

  private describeImages(p: Params): Params {
    const repositoryName = p.repositoryName
    if (typeof repositoryName !== 'string' || repositoryName === '')
      throw validationError(
        "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null"
      )
    const registryId = typeof p.registryId === 'string' ? p.registryId : this.ctx.accountId
    const repositoryUri = `${registryId}.dkr.ecr.${this.ctx.region}.amazonaws.com/${repositoryName}`
    const images = this.ctx.images()
    const ids = Array.isArray(p.imageIds) ? (p.imageIds as Params[]) : undefined
    const requested: Params[] =
      ids ??
      Object.keys(images)
        .filter(k => k.startsWith(`${repositoryUri}:`) && images[k]?.missing !== true)
        .map(k => ({ imageTag: k.slice(repositoryUri.length + 1) }))
    const details: Params[] = []
    // With no imageIds and nothing declared, the repository's check alone decides (no image listed).
    const checks: Params[] = requested.length === 0 ? [{}] : requested
    for (const id of checks) {
      const tag = typeof id.imageTag === 'string' ? id.imageTag : undefined
      const digest = typeof id.imageDigest === 'string' ? id.imageDigest : undefined
      const verdict = lookupImage(images, this.ctx.accountId, {
        registryId,
        region: this.ctx.region,
        repository: repositoryName,
        tag,
        digest
      })
      if (verdict === 'access-denied' || verdict === 'cross-account') {
        const arn = `arn:aws:ecr:${this.ctx.region}:${registryId}:repository/${repositoryName}`
        throw new ApiError(
          'AccessDeniedException',
          `User: ${this.ctx.callerArn} is not authorized to perform: ecr:DescribeImages on resource: ${arn} because no resource-based policy allows the ecr:DescribeImages action`
        )
      }
      if (verdict === 'repository-missing') {
        throw new ApiError(
          'RepositoryNotFoundException',
          `The repository with name '${repositoryName}' does not exist in the registry with id '${registryId}'`
        )
      }
      if (tag === undefined && digest === undefined) continue
      if (verdict === 'image-missing') {
        throw new ApiError(
          'ImageNotFoundException',
          `The image with imageId {imageDigest:'${digest ?? 'null'}', imageTag:'${tag ?? 'null'}'} does not exist within the repository with name '${repositoryName}' in the registry with id '${registryId}'`
        )
      }
      details.push({
        registryId,
        repositoryName,
        imageDigest: digest ?? imageDigest(repositoryUri, tag ?? ''),
        imageTags: tag === undefined ? [] : [tag],
        imageSizeInBytes: 524_288_000,
        imagePushedAt: Math.floor(this.ctx.now() / 1000) - 86_400,
        imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        artifactMediaType: 'application/vnd.docker.container.image.v1+json'
      })
    }
    return { imageDetails: details }
  }
}
