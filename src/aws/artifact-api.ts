// The reads that check what a new model names before CreateModel: the artifact in S3
// (HeadObject, HeadBucket), the image in ECR (DescribeImages) and the Model Registry package
// (DescribeModelPackage). Loaded only when the run creates a model. Reads only.
import type { SageMakerClient } from '@aws-sdk/client-sagemaker'
import type { Call, CallOptions } from './call.js'

/** What S3 says of an object (or, for a prefix, of its bucket). */
export type ObjectAnswer =
  | { readonly kind: 'found' }
  | { readonly kind: 'missing-key' }
  | { readonly kind: 'missing-bucket' }
  /** S3 answered 301 from the endpoint's region: the bucket lives in `bucketRegion`. */
  | { readonly kind: 'other-region'; readonly bucketRegion: string }

export type ImageAnswer =
  | { readonly kind: 'found' }
  | { readonly kind: 'missing-repository' }
  | { readonly kind: 'missing-image' }

export type ImageRef = { readonly tag: string } | { readonly digest: string }

/** DescribeModelPackage, as the pre-flight rules need it. */
export interface ModelPackageFacts {
  readonly status: string | undefined
  readonly approval: string | undefined
  readonly certifyForMarketplace: boolean
  /** Undefined for an unversioned package (AWS Marketplace packages are unversioned). */
  readonly groupName: string | undefined
}

export interface ArtifactApi {
  /** A key ending in `/` (an uncompressed prefix) checks the bucket only. */
  headObject(bucket: string, key: string, o?: CallOptions): Promise<ObjectAnswer>
  describeImage(
    registryId: string,
    repositoryName: string,
    image: ImageRef,
    o?: CallOptions
  ): Promise<ImageAnswer>
  /** Undefined when no such package exists. */
  describeModelPackage(arn: string, o?: CallOptions): Promise<ModelPackageFacts | undefined>
  destroy(): void
}

type ClientConfig = Record<string, unknown>

interface SdkError {
  name?: string
  $metadata?: { httpStatusCode?: number }
  $response?: { headers?: Record<string, string | undefined> }
  message?: string
}

/** The bucket's region S3 names in a redirect (301) or an error from another region. */
export function bucketRegionOf(e: unknown): string | undefined {
  const headers = (e as SdkError | undefined)?.$response?.headers ?? {}
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-amz-bucket-region')
  return found?.[1] || undefined
}

const statusOf = (e: unknown): number | undefined =>
  (e as SdkError | undefined)?.$metadata?.httpStatusCode

/**
 * The S3 and ECR clients use the endpoint's region and never follow S3's region redirects: a
 * redirect is the answer (the artifact is in another region). Path-style addressing keeps a
 * bucket name with dots, and a local stand-in, working.
 */
export async function createArtifactApi(
  config: ClientConfig,
  call: Call,
  sagemaker: () => Promise<{
    sm: typeof import('@aws-sdk/client-sagemaker')
    client: SageMakerClient
  }>
): Promise<ArtifactApi> {
  const [s3, ecr] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/client-ecr')])
  const region = String(config['region'])
  const s3Client = new s3.S3Client({
    ...config,
    followRegionRedirects: false,
    forcePathStyle: true
  })
  const ecrClient = new ecr.ECRClient(config)

  /** One HEAD: found, missing (404), or in another region; anything else is thrown. */
  const head = (
    operation: string,
    o: CallOptions | undefined,
    send: (abortSignal: AbortSignal) => Promise<unknown>
  ): Promise<ObjectAnswer | 'not-found'> =>
    call(operation, o, async abortSignal => {
      try {
        await send(abortSignal)
        return { kind: 'found' } as const
      } catch (e) {
        const elsewhere = bucketRegionOf(e)
        if (elsewhere && elsewhere !== region) {
          return { kind: 'other-region', bucketRegion: elsewhere } as const
        }
        if (statusOf(e) === 404) return 'not-found' as const
        // A HEAD has no body: a 403 comes as "Forbidden", which the action reads as denied access.
        if (statusOf(e) === 403) throw Object.assign(e as object, { name: 'AccessDenied' })
        throw e
      }
    })
  const headBucket = async (bucket: string, o?: CallOptions): Promise<ObjectAnswer> => {
    const answer = await head('HeadBucket', o, abortSignal =>
      s3Client.send(new s3.HeadBucketCommand({ Bucket: bucket }), { abortSignal })
    )
    return answer === 'not-found' ? { kind: 'missing-bucket' } : answer
  }

  return {
    headObject: async (bucket, key, o) => {
      if (key === '' || key.endsWith('/')) return headBucket(bucket, o)
      const answer = await head('HeadObject', o, abortSignal =>
        s3Client.send(new s3.HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal })
      )
      if (answer !== 'not-found') return answer
      // A HEAD has no body: its 404 does not say whether the key or the bucket is missing.
      const bucketAnswer = await headBucket(bucket, o).catch(() => undefined)
      return bucketAnswer?.kind === 'missing-bucket' ? bucketAnswer : { kind: 'missing-key' }
    },
    describeImage: (registryId, repositoryName, image, o) =>
      call('DescribeImages', o, async abortSignal => {
        try {
          const imageId = 'tag' in image ? { imageTag: image.tag } : { imageDigest: image.digest }
          await ecrClient.send(
            new ecr.DescribeImagesCommand({ registryId, repositoryName, imageIds: [imageId] }),
            { abortSignal }
          )
          return { kind: 'found' } as const
        } catch (e) {
          const name = (e as SdkError | undefined)?.name
          if (name === 'RepositoryNotFoundException') return { kind: 'missing-repository' } as const
          if (name === 'ImageNotFoundException') return { kind: 'missing-image' } as const
          throw e
        }
      }),
    describeModelPackage: async (arn, o) => {
      const { sm, client } = await sagemaker()
      return call('DescribeModelPackage', o, async abortSignal => {
        try {
          const out = await client.send(
            new sm.DescribeModelPackageCommand({ ModelPackageName: arn }),
            { abortSignal }
          )
          return {
            status: out.ModelPackageStatus,
            approval: out.ModelApprovalStatus,
            certifyForMarketplace: out.CertifyForMarketplace === true,
            groupName: out.ModelPackageGroupName
          }
        } catch (e) {
          // SageMaker says "ValidationException: Model Package ... does not exist."
          const err = e as SdkError | undefined
          if (
            err?.name === 'ValidationException' &&
            /does not exist|could not find/i.test(err.message ?? '')
          )
            return undefined
          throw e
        }
      })
    },
    destroy: () => {
      s3Client.destroy()
      ecrClient.destroy()
    }
  }
}
