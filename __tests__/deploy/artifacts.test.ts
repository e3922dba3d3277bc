// Pre-flight's checks of the artifact, image and package a new model names, over a plain fake
// of the reads (the SDK side is __tests__/aws/artifact-api.test.ts).
import { describe, expect, it } from '@jest/globals'
import { checkArtifacts, parseEcrImage, refuseBadArtifacts } from '../../src/deploy/artifacts.js'
import { PreflightError } from '../../src/deploy/preflight.js'
import { AwsCallError } from '../../src/aws/errors.js'
import type {
  ArtifactApi,
  ImageAnswer,
  ModelPackageFacts,
  ObjectAnswer
} from '../../src/aws/artifact-api.js'
import type { AwsApi } from '../../src/aws/api.js'
import type { Plan } from '../../src/types.js'

const REGION = 'eu-west-1'
const ROLE = 'arn:aws:iam::111122223333:role/SageMakerRole'
const ARTIFACT = 's3://lab-bucket/models/b/model.tar.gz'
const IMAGE = '111122223333.dkr.ecr.eu-west-1.amazonaws.com/lab-inference:1.4'
const PACKAGE = 'arn:aws:sagemaker:eu-west-1:111122223333:model-package/fraud/3'

type Answer<T> = T | Error

/** A fake of the reads: each answers what it is given (or throws it), and records its calls. */
function fakeApi(answers: {
  object?: Answer<ObjectAnswer>
  image?: Answer<ImageAnswer>
  pkg?: Answer<ModelPackageFacts | undefined>
}) {
  const calls: string[] = []
  const answer = <T>(a: Answer<T>): Promise<T> =>
    a instanceof Error ? Promise.reject(a) : Promise.resolve(a)
  const api: ArtifactApi = {
    headObject: (bucket, key) => {
      calls.push(`HeadObject ${bucket} ${key}`)
      return answer(answers.object ?? { kind: 'found' })
    },
    describeImage: (registryId, repository, ref) => {
      calls.push(`DescribeImages ${registryId} ${repository} ${JSON.stringify(ref)}`)
      return answer(answers.image ?? { kind: 'found' })
    },
    describeModelPackage: arn => {
      calls.push(`DescribeModelPackage ${arn}`)
      return answer(
        'pkg' in answers
          ? answers.pkg
          : {
              status: 'Completed',
              approval: 'Approved',
              certifyForMarketplace: false,
              groupName: 'fraud'
            }
      )
    },
    destroy: () => undefined
  }
  return { api, calls }
}

const artifactBody = (container: Record<string, unknown> = {}) => ({
  ModelName: 'lab-model-b',
  ExecutionRoleArn: ROLE,
  PrimaryContainer: { Image: IMAGE, ModelDataUrl: ARTIFACT, ...container }
})
const packageBody = (arn = PACKAGE) => ({
  ModelName: 'lab-model-b',
  ExecutionRoleArn: ROLE,
  PrimaryContainer: { ModelPackageName: arn }
})
const denied = (operation: string) =>
  new AwsCallError(operation, 'AccessDeniedException', 'User is not authorized', 400)
const check = (
  body: Record<string, unknown> | undefined,
  api: ArtifactApi,
  requireApproved = false
) => checkArtifacts(body, REGION, api, { requireApproved })

describe('checkArtifacts: a model from an artifact and an image', () => {
  it('reads the artifact and the image once each and finds nothing to say when both exist', async () => {
    const { api, calls } = fakeApi({})
    expect(await check(artifactBody(), api)).toStrictEqual({
      refusals: [],
      warnings: [],
      notes: [],
      marketplace: false,
      image: IMAGE,
      artifact: ARTIFACT
    })
    expect(calls).toStrictEqual([
      'HeadObject lab-bucket models/b/model.tar.gz',
      'DescribeImages 111122223333 lab-inference {"tag":"1.4"}'
    ])
  })

  it('checks nothing for an existing model (no CreateModel body)', async () => {
    const { api, calls } = fakeApi({})
    expect(await check(undefined, api)).toStrictEqual({
      refusals: [],
      warnings: [],
      notes: [],
      marketplace: false
    })
    expect(calls).toStrictEqual([])
  })

  it('refuses a missing artifact, naming the URI and CreateModel', async () => {
    const { api } = fakeApi({ object: { kind: 'missing-key' } })
    expect((await check(artifactBody(), api)).refusals).toStrictEqual([
      `Input "model-data-url" names ${ARTIFACT}, which does not exist: SageMaker's CreateModel would fail ("Could not find model data"). Upload the artifact there, or set model-data-url to where it is.`
    ])
  })

  it('refuses an artifact whose bucket does not exist', async () => {
    const { api } = fakeApi({ object: { kind: 'missing-bucket' } })
    expect((await check(artifactBody(), api)).refusals).toStrictEqual([
      `Input "model-data-url" names ${ARTIFACT}, but bucket lab-bucket does not exist: SageMaker's CreateModel would fail. Set model-data-url to the artifact's real location, in a bucket in eu-west-1.`
    ])
  })

  it('refuses an artifact in another region, naming both regions and the copy to make', async () => {
    const { api } = fakeApi({ object: { kind: 'other-region', bucketRegion: 'us-east-1' } })
    expect((await check(artifactBody(), api)).refusals).toStrictEqual([
      `Input "model-data-url" names ${ARTIFACT}, in a bucket in us-east-1, but the endpoint is in eu-west-1: a model's artifact must be in its endpoint's region. Copy it to a bucket in eu-west-1 (aws s3 cp ${ARTIFACT} s3://<a bucket in eu-west-1>/models/b/model.tar.gz) and set model-data-url to the copy.`
    ])
  })

  it('checks only the bucket of an uncompressed prefix (ModelDataSource S3Prefix)', async () => {
    const { api, calls } = fakeApi({})
    const body = {
      ExecutionRoleArn: ROLE,
      PrimaryContainer: {
        Image: IMAGE,
        ModelDataSource: {
          S3DataSource: {
            S3Uri: 's3://lab-bucket/models/b',
            S3DataType: 'S3Prefix',
            CompressionType: 'None'
          }
        }
      }
    }
    const found = await check(body, api)
    expect(calls[0]).toBe('HeadObject lab-bucket models/b/')
    expect(found.artifact).toBe('s3://lab-bucket/models/b')
  })

  it('notes an https:// artifact as not checked, and reads nothing for it', async () => {
    const { api, calls } = fakeApi({})
    const url = 'https://example.com/model.tar.gz'
    const found = await check(artifactBody({ ModelDataUrl: url }), api)
    expect(found.notes).toStrictEqual([`model-data-url ${url} is not an s3:// URL: not checked.`])
    expect(calls.filter(c => c.startsWith('HeadObject'))).toStrictEqual([])
  })

  it('refuses an image in another region without any call', async () => {
    const { api, calls } = fakeApi({})
    const image = '111122223333.dkr.ecr.us-east-1.amazonaws.com/lab-inference:1.4'
    const found = await check(artifactBody({ Image: image }), api)
    expect(found.refusals).toStrictEqual([
      `Input "image-uri" names ${image}, an image in ECR us-east-1, but the endpoint is in eu-west-1: SageMaker requires the model artifacts in S3 and the image in ECR to be in the region of the model and endpoint (ContainerDefinition in the SageMaker API reference). Push the image to a repository in eu-west-1 (or replicate the repository there with ECR replication) and set image-uri to it.`
    ])
    expect(calls.filter(c => c.startsWith('DescribeImages'))).toStrictEqual([])
  })

  it('refuses a repository that does not exist, naming it and the registry', async () => {
    const { api } = fakeApi({ image: { kind: 'missing-repository' } })
    expect((await check(artifactBody(), api)).refusals).toStrictEqual([
      `Input "image-uri" names repository lab-inference, which does not exist in registry 111122223333 (ECR eu-west-1): SageMaker could not pull ${IMAGE} and the endpoint would fail after provisioning. Push the image there, or set image-uri to an image that exists.`
    ])
  })

  it('refuses a tag that does not exist, naming the tag, the repository and the registry', async () => {
    const { api } = fakeApi({ image: { kind: 'missing-image' } })
    expect((await check(artifactBody(), api)).refusals).toStrictEqual([
      `Input "image-uri" names tag 1.4 of repository lab-inference in registry 111122223333 (ECR eu-west-1), which has no such image: SageMaker could not pull ${IMAGE} and the endpoint would fail after provisioning. Push that image, or set image-uri to one that exists.`
    ])
  })

  it('notes an image of another account that this account may not read, without failing', async () => {
    const image = '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference:2.1-cpu'
    const { api } = fakeApi({ image: denied('DescribeImages') })
    const found = await check(artifactBody({ Image: image }), api)
    expect(found.notes).toStrictEqual([
      `Image ${image} is in registry 763104351884 (ECR eu-west-1), another account's registry: it cannot be checked from this account (ecr:DescribeImages denied). SageMaker pulls it with the execution role.`
    ])
    expect([found.refusals, found.warnings]).toStrictEqual([[], []])
  })

  it('warns, naming ecr:DescribeImages, when the own registry cannot be read', async () => {
    const { api } = fakeApi({ image: denied('DescribeImages') })
    const found = await check(artifactBody(), api)
    expect(found.warnings).toStrictEqual([
      `Could not check image-uri ${IMAGE}: access denied (ecr:DescribeImages). Allow ecr:DescribeImages to the action's role so that pre-flight catches a missing repository or tag (which fails only after 10+ minutes of provisioning) before anything is changed.`
    ])
    expect(found.refusals).toStrictEqual([])
  })

  it('warns, naming s3:GetObject, when the artifact cannot be read', async () => {
    const { api } = fakeApi({
      object: new AwsCallError('HeadObject', 'AccessDenied', 'Forbidden', 403)
    })
    const found = await check(artifactBody(), api)
    expect(found.warnings).toStrictEqual([
      `Could not check model-data-url ${ARTIFACT}: access denied (s3:GetObject; without s3:ListBucket, S3 answers a missing object the same way). Allow s3:GetObject to the action's role so that pre-flight catches a missing artifact or one in another region before anything is changed.`
    ])
    expect(found.refusals).toStrictEqual([])
  })

  it('warns and goes on when a read fails otherwise (throttled past its retries)', async () => {
    const { api } = fakeApi({
      object: new AwsCallError('HeadObject', 'SlowDown', 'Please reduce your request rate', 503)
    })
    const found = await check(artifactBody(), api)
    expect(found.warnings).toStrictEqual([
      `Could not check model-data-url ${ARTIFACT} (HeadObject failed: SlowDown: Please reduce your request rate): going on without the check, which catches a missing artifact or one in another region.`
    ])
    expect(found.refusals).toStrictEqual([])
  })

  it('lets a cancellation through instead of turning it into a warning', async () => {
    const { api } = fakeApi({
      image: new AwsCallError('DescribeImages', 'Cancelled', 'cancelled', undefined)
    })
    await expect(check(artifactBody(), api)).rejects.toThrow('DescribeImages failed: Cancelled')
  })

  it('notes an image outside ECR as not checked', async () => {
    const { api, calls } = fakeApi({})
    const found = await check(artifactBody({ Image: 'ghcr.io/acme/inference:1' }), api)
    expect(found.notes).toStrictEqual([
      'Image ghcr.io/acme/inference:1 is not in Amazon ECR: not checked (SageMaker pulls it while provisioning).'
    ])
    expect(calls.filter(c => c.startsWith('DescribeImages'))).toStrictEqual([])
  })

  it('gives every refusal at once', async () => {
    const { api } = fakeApi({ object: { kind: 'missing-key' }, image: { kind: 'missing-image' } })
    expect((await check(artifactBody(), api)).refusals).toHaveLength(2)
  })
})

describe('parseEcrImage', () => {
  it('reads account, region, repository and tag; no tag means latest', () => {
    expect(parseEcrImage('111122223333.dkr.ecr.eu-west-1.amazonaws.com/team/model')).toStrictEqual({
      registryId: '111122223333',
      region: 'eu-west-1',
      repository: 'team/model',
      ref: { tag: 'latest' }
    })
  })

  it('prefers the digest, and knows the China partition', () => {
    const digest = `sha256:${'a'.repeat(64)}`
    expect(
      parseEcrImage(`111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/model:1@${digest}`)
    ).toStrictEqual({
      registryId: '111122223333',
      region: 'cn-north-1',
      repository: 'model',
      ref: { digest }
    })
  })

  it('is undefined for another registry', () => {
    expect(parseEcrImage('public.ecr.aws/acme/model:1')).toBeUndefined()
  })
})

describe('checkArtifacts: a Model Registry package', () => {
  it('accepts a completed package and reads it once', async () => {
    const { api, calls } = fakeApi({})
    expect(await check(packageBody(), api, true)).toStrictEqual({
      refusals: [],
      warnings: [],
      notes: [],
      marketplace: false
    })
    expect(calls).toStrictEqual([`DescribeModelPackage ${PACKAGE}`])
  })

  it('refuses a package that is not Completed', async () => {
    const { api } = fakeApi({
      pkg: {
        status: 'InProgress',
        approval: 'Approved',
        certifyForMarketplace: false,
        groupName: 'fraud'
      }
    })
    expect((await check(packageBody(), api)).refusals).toStrictEqual([
      `Input "model-package-arn" names ${PACKAGE}, whose status is InProgress, not Completed: SageMaker creates a model only from a completed package. Wait until it completes (or fix why it failed), or set model-package-arn to a completed version.`
    ])
  })

  it('refuses a package that is not Approved only when approval is required', async () => {
    const pending = {
      status: 'Completed',
      approval: 'PendingManualApproval',
      certifyForMarketplace: false,
      groupName: 'fraud'
    }
    expect(
      (await check(packageBody(), fakeApi({ pkg: pending }).api, false)).refusals
    ).toStrictEqual([])
    expect(
      (await check(packageBody(), fakeApi({ pkg: pending }).api, true)).refusals
    ).toStrictEqual([
      `Input "model-package-arn" names ${PACKAGE}, whose approval status is PendingManualApproval, not Approved. Approve it in the Model Registry (UpdateModelPackage with ModelApprovalStatus Approved), or set model-package-arn to an approved version.`
    ])
  })

  it('refuses a package that does not exist', async () => {
    const { api } = fakeApi({ pkg: undefined })
    expect((await check(packageBody(), api)).refusals).toStrictEqual([
      `Input "model-package-arn" names ${PACKAGE}, which does not exist in eu-west-1: SageMaker's CreateModel would fail. Set model-package-arn to an existing package version.`
    ])
  })

  it('refuses a package of another region without any call', async () => {
    const { api, calls } = fakeApi({})
    const arn = 'arn:aws:sagemaker:us-east-1:111122223333:model-package/fraud/3'
    expect((await check(packageBody(arn), api)).refusals).toStrictEqual([
      `Input "model-package-arn" names a package in us-east-1, but the endpoint is in eu-west-1: SageMaker creates a model only from a package in its own region. Register the model in eu-west-1 (or name that region's version) and set model-package-arn to it.`
    ])
    expect(calls).toStrictEqual([])
  })

  it('tells a Marketplace package: certified, or unversioned in another account', async () => {
    const certified = {
      status: 'Completed',
      approval: undefined,
      certifyForMarketplace: true,
      groupName: undefined
    }
    expect((await check(packageBody(), fakeApi({ pkg: certified }).api)).marketplace).toBe(true)
    const seller = 'arn:aws:sagemaker:eu-west-1:985815980388:model-package/vision-1234'
    const unversioned = { ...certified, certifyForMarketplace: false }
    expect((await check(packageBody(seller), fakeApi({ pkg: unversioned }).api)).marketplace).toBe(
      true
    )
    // The caller's own unversioned package is not one.
    expect((await check(packageBody(), fakeApi({ pkg: unversioned }).api)).marketplace).toBe(false)
  })

  it('warns, naming sagemaker:DescribeModelPackage, when the package cannot be read', async () => {
    const { api } = fakeApi({ pkg: denied('DescribeModelPackage') })
    const found = await check(packageBody(), api, true)
    expect(found.warnings).toStrictEqual([
      `Could not check model-package-arn ${PACKAGE}: access denied (sagemaker:DescribeModelPackage). Allow sagemaker:DescribeModelPackage to the action's role so that pre-flight catches a package that is not Completed (or not Approved) before anything is changed.`
    ])
    expect(found.refusals).toStrictEqual([])
  })
})

describe('refuseBadArtifacts: the pre-flight step', () => {
  const planWith = (createModel: Record<string, unknown> | undefined) =>
    ({ region: REGION, createModel }) as unknown as Plan
  const awsWith = (artifacts: ArtifactApi | undefined) =>
    (artifacts ? { artifacts: () => Promise.resolve(artifacts) } : {}) as unknown as AwsApi
  const recorder = () => {
    const lines: string[] = []
    return {
      lines,
      log: {
        info: (m: string) => lines.push(`info: ${m}`),
        warning: (m: string) => lines.push(`warning: ${m}`)
      }
    }
  }

  it('throws a PreflightError with every refusal, after logging notes and warnings', async () => {
    const { api } = fakeApi({ object: { kind: 'missing-key' }, image: { kind: 'missing-image' } })
    const { lines, log } = recorder()
    const body = artifactBody({ Image: IMAGE })
    const error = await refuseBadArtifacts(planWith(body), awsWith(api), log).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(PreflightError)
    expect((error as Error).message).toMatch(
      /^Input "model-data-url" names .* Input "image-uri" names tag 1\.4 /
    )
    expect(lines).toStrictEqual([])
  })

  it('finds a Marketplace package and leaves the refusal to the guardrail check', async () => {
    const pkg = {
      status: 'Completed',
      approval: undefined,
      certifyForMarketplace: true,
      groupName: undefined
    }
    const { api } = fakeApi({ pkg })
    const { lines, log } = recorder()
    const found = await refuseBadArtifacts(planWith(packageBody()), awsWith(api), log)
    expect(found?.marketplace).toBe(true)
    expect(lines).toStrictEqual([])
  })

  it('logs a note as info and goes on', async () => {
    const { api } = fakeApi({})
    const { lines, log } = recorder()
    await refuseBadArtifacts(
      planWith(artifactBody({ Image: 'ghcr.io/acme/m:1' })),
      awsWith(api),
      log
    )
    expect(lines).toStrictEqual([
      'info: Image ghcr.io/acme/m:1 is not in Amazon ECR: not checked (SageMaker pulls it while provisioning).'
    ])
  })

  it('does nothing for an existing model, or an API without these reads', async () => {
    const { api, calls } = fakeApi({ object: { kind: 'missing-key' } })
    const { log } = recorder()
    expect(await refuseBadArtifacts(planWith(undefined), awsWith(api), log)).toBeUndefined()
    expect(
      await refuseBadArtifacts(planWith(artifactBody()), awsWith(undefined), log)
    ).toBeUndefined()
    expect(calls).toStrictEqual([])
  })
})
