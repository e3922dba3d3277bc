// The pre-flight reads with the real SDK clients and aws-sdk-client-mock: what each S3, ECR and
// SageMaker answer means (a 301 with x-amz-bucket-region, a 404, a 403, the ECR exceptions).
import { afterAll, beforeEach, describe, expect, it } from '@jest/globals'
import { isAccessDenied } from '../../src/aws/errors.js'

const { mockClient } = await import('aws-sdk-client-mock')
const s3 = await import('@aws-sdk/client-s3')
const ecr = await import('@aws-sdk/client-ecr')
const sm = await import('@aws-sdk/client-sagemaker')
const { createAwsApi } = await import('../../src/aws/api.js')

const s3Mock = mockClient(s3.S3Client)
const ecrMock = mockClient(ecr.ECRClient)
const smMock = mockClient(sm.SageMakerClient)

afterAll(() => {
  s3Mock.restore()
  ecrMock.restore()
  smMock.restore()
})

beforeEach(() => {
  s3Mock.reset()
  ecrMock.reset()
  smMock.reset()
})

/** An SDK error as S3 or ECR would surface it. */
function sdkError(name: string, status: number, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(name === 'NotFound' ? 'UnknownError' : name), {
    name,
    $fault: 'client',
    $metadata: { httpStatusCode: status },
    $response: { statusCode: status, headers }
  })
}

const artifactsApi = async () => {
  const api = await createAwsApi({ region: 'eu-west-1', maxAttempts: 1 })
  const artifacts = await api.artifacts!()
  return { api, artifacts }
}

describe('artifact-api: HeadObject', () => {
  it('finds an object, asking for the bucket and key given', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock.on(s3.HeadObjectCommand).resolves({})
    expect(await artifacts.headObject('lab-bucket', 'models/b/model.tar.gz')).toStrictEqual({
      kind: 'found'
    })
    expect(s3Mock.commandCalls(s3.HeadObjectCommand).map(c => c.args[0].input)).toStrictEqual([
      { Bucket: 'lab-bucket', Key: 'models/b/model.tar.gz' }
    ])
    api.close()
  })

  it('creates the S3 client in the endpoint region, path-style, without following redirects', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock.on(s3.HeadObjectCommand).resolves({})
    await artifacts.headObject('lab-bucket', 'model.tar.gz')
    const client = s3Mock.call(0).thisValue as InstanceType<typeof s3.S3Client>
    expect([
      await client.config.region(),
      client.config.forcePathStyle,
      client.config.followRegionRedirects
    ]).toStrictEqual(['eu-west-1', true, false])
    api.close()
  })

  it('reads a 301 with x-amz-bucket-region as a bucket in another region', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock
      .on(s3.HeadObjectCommand)
      .rejects(sdkError('PermanentRedirect', 301, { 'x-amz-bucket-region': 'us-east-1' }))
    expect(await artifacts.headObject('lab-bucket', 'model.tar.gz')).toStrictEqual({
      kind: 'other-region',
      bucketRegion: 'us-east-1'
    })
    api.close()
  })

  it('reads a 404 as a missing key when the bucket is there', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock.on(s3.HeadObjectCommand).rejects(sdkError('NotFound', 404))
    s3Mock.on(s3.HeadBucketCommand).resolves({})
    expect(await artifacts.headObject('lab-bucket', 'model.tar.gz')).toStrictEqual({
      kind: 'missing-key'
    })
    api.close()
  })

  it('reads a 404 as a missing bucket when HeadBucket finds none', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock.on(s3.HeadObjectCommand).rejects(sdkError('NotFound', 404))
    s3Mock.on(s3.HeadBucketCommand).rejects(sdkError('NotFound', 404))
    expect(await artifacts.headObject('lab-bucket', 'model.tar.gz')).toStrictEqual({
      kind: 'missing-bucket'
    })
    api.close()
  })

  it('throws a 403 as denied access (HeadObject)', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock.on(s3.HeadObjectCommand).rejects(sdkError('Forbidden', 403))
    const error = await artifacts.headObject('lab-bucket', 'model.tar.gz').catch((e: unknown) => e)
    expect([isAccessDenied(error), (error as Error).message]).toStrictEqual([
      true,
      'HeadObject failed: AccessDenied: Forbidden'
    ])
    api.close()
  })

  it('checks only the bucket of a prefix, and its region', async () => {
    const { api, artifacts } = await artifactsApi()
    s3Mock
      .on(s3.HeadBucketCommand)
      .rejects(sdkError('PermanentRedirect', 301, { 'x-amz-bucket-region': 'eu-central-1' }))
    expect(await artifacts.headObject('lab-bucket', 'models/b/')).toStrictEqual({
      kind: 'other-region',
      bucketRegion: 'eu-central-1'
    })
    expect(s3Mock.commandCalls(s3.HeadObjectCommand)).toHaveLength(0)
    api.close()
  })
})

describe('artifact-api: DescribeImages', () => {
  it('asks for the tag in the registry given', async () => {
    const { api, artifacts } = await artifactsApi()
    ecrMock.on(ecr.DescribeImagesCommand).resolves({ imageDetails: [{}] })
    expect(
      await artifacts.describeImage('111122223333', 'lab-inference', { tag: '1.4' })
    ).toStrictEqual({ kind: 'found' })
    expect(ecrMock.commandCalls(ecr.DescribeImagesCommand)[0]!.args[0].input).toStrictEqual({
      registryId: '111122223333',
      repositoryName: 'lab-inference',
      imageIds: [{ imageTag: '1.4' }]
    })
    api.close()
  })

  it('reads RepositoryNotFoundException and ImageNotFoundException', async () => {
    const { api, artifacts } = await artifactsApi()
    ecrMock
      .on(ecr.DescribeImagesCommand)
      .rejectsOnce(sdkError('RepositoryNotFoundException', 400))
      .rejectsOnce(sdkError('ImageNotFoundException', 400))
    const digest = { digest: `sha256:${'b'.repeat(64)}` }
    expect([
      await artifacts.describeImage('111122223333', 'nope', { tag: '1' }),
      await artifacts.describeImage('111122223333', 'lab-inference', digest)
    ]).toStrictEqual([{ kind: 'missing-repository' }, { kind: 'missing-image' }])
    expect(
      ecrMock.commandCalls(ecr.DescribeImagesCommand)[1]!.args[0].input.imageIds
    ).toStrictEqual([{ imageDigest: digest.digest }])
    api.close()
  })

  it('throws AccessDeniedException as denied access', async () => {
    const { api, artifacts } = await artifactsApi()
    ecrMock.on(ecr.DescribeImagesCommand).rejects(sdkError('AccessDeniedException', 400))
    const error = await artifacts
      .describeImage('763104351884', 'pytorch-inference', { tag: '2.1' })
      .catch((e: unknown) => e)
    expect(isAccessDenied(error)).toBe(true)
    api.close()
  })
})

describe('artifact-api: DescribeModelPackage', () => {
  it('reads status, approval and what tells a Marketplace package', async () => {
    const { api, artifacts } = await artifactsApi()
    smMock.on(sm.DescribeModelPackageCommand).resolves({
      ModelPackageName: 'fraud',
      ModelPackageGroupName: 'fraud',
      ModelPackageStatus: 'Completed',
      ModelApprovalStatus: 'PendingManualApproval',
      CertifyForMarketplace: true
    })
    const arn = 'arn:aws:sagemaker:eu-west-1:111122223333:model-package/fraud/3'
    expect(await artifacts.describeModelPackage(arn)).toStrictEqual({
      status: 'Completed',
      approval: 'PendingManualApproval',
      certifyForMarketplace: true,
      groupName: 'fraud'
    })
    expect(smMock.commandCalls(sm.DescribeModelPackageCommand)[0]!.args[0].input).toStrictEqual({
      ModelPackageName: arn
    })
    api.close()
  })

  it('is undefined for a package that does not exist', async () => {
    const { api, artifacts } = await artifactsApi()
    smMock.on(sm.DescribeModelPackageCommand).rejects(
      Object.assign(sdkError('ValidationException', 400), {
        message:
          'Model Package arn:aws:sagemaker:eu-west-1:111122223333:model-package/x/1 does not exist.'
      })
    )
    expect(
      await artifacts.describeModelPackage(
        'arn:aws:sagemaker:eu-west-1:111122223333:model-package/x/1'
      )
    ).toBeUndefined()
    api.close()
  })
})
