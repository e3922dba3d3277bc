import { describe, it, expect, afterEach } from '@jest/globals'
import { DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr'
import { HeadBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { CreateModelCommand } from '@aws-sdk/client-sagemaker'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { awsCli, HAS_AWS_CLI } from './aws-cli.js'
import { failure, ROLE, startLab, stopLab, type Lab } from './helpers.js'

let lab: Lab | undefined
let s3: S3Client | undefined
let ecr: ECRClient | undefined
afterEach(async () => {
  s3?.destroy()
  ecr?.destroy()
  s3 = undefined
  ecr = undefined
  await stopLab(lab)
  lab = undefined
})

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com'

async function start(scenario: Record<string, unknown> = {}): Promise<Lab> {
  lab = await startLab({ scenario })
  const config = {
    endpoint: lab.emu.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1
  }
  s3 = new S3Client(config)
  ecr = new ECRClient(config)
  return lab
}

const S3_SCENARIO = {
  s3Objects: {
    's3://models/gone.tar.gz': { missing: true },
    's3://models/private/': { accessDenied: true },
    's3://models/private/open.tar.gz': {},
    's3://eu-models': { region: 'eu-west-1' },
    's3://no-bucket': { missing: true }
  }
}

describe('S3 HeadObject / HeadBucket', () => {
  it('an undeclared object exists in the home region: 200 with length, ETag, LastModified', async () => {
    await start()
    const head = await s3!.send(new HeadObjectCommand({ Bucket: 'any', Key: 'a/model.tar.gz' }))
    expect([head.$metadata.httpStatusCode, head.ContentLength]).toStrictEqual([200, 1048576])
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(head.LastModified?.getTime()).toBe(lab!.emu.now() - 86_400_000)
    expect(lab!.emu.calls().map(c => [c.service, c.operation, c.status, c.region])).toStrictEqual([
      ['s3', 'HeadObject', 200, 'us-east-1']
    ])
  })

  it('answers 404, 403 and 301 with x-amz-bucket-region as S3 does; the longest key wins', async () => {
    await start(S3_SCENARIO)
    const status = async (bucket: string, key: string): Promise<[number, string, string]> => {
      const error = (await failure(
        s3!.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))
      )) as Error & {
        $metadata: { httpStatusCode: number }
        $response?: { headers: Record<string, string> }
      }
      return [
        error.$metadata.httpStatusCode,
        error.name,
        error.$response?.headers['x-amz-bucket-region'] ?? ''
      ]
    }
    expect(await status('models', 'gone.tar.gz')).toStrictEqual([404, 'NotFound', ''])
    expect(await status('models', 'private/x.tar.gz')).toStrictEqual([403, 'Unknown', ''])
    expect(await status('eu-models', 'x.tar.gz')).toStrictEqual([301, 'Unknown', 'eu-west-1'])
    expect(await status('no-bucket', 'x')).toStrictEqual([404, 'NotFound', ''])
    const open = await s3!.send(
      new HeadObjectCommand({ Bucket: 'models', Key: 'private/open.tar.gz' })
    )
    expect(open.ContentLength).toBe(1048576)
    expect(lab!.emu.calls().map(c => c.error ?? 'ok')).toStrictEqual([
      'NoSuchKey',
      'AccessDenied',
      'PermanentRedirect',
      'NoSuchBucket',
      'ok'
    ])
  })

  it('a request signed for the bucket region finds it; HeadBucket reports the region', async () => {
    await start(S3_SCENARIO)
    const eu = new S3Client({
      endpoint: lab!.emu.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      maxAttempts: 1
    })
    const head = await eu.send(new HeadObjectCommand({ Bucket: 'eu-models', Key: 'x.tar.gz' }))
    const bucket = await eu.send(new HeadBucketCommand({ Bucket: 'eu-models' }))
    eu.destroy()
    expect(head.ContentLength).toBe(1048576)
    expect(bucket.BucketRegion).toBe('eu-west-1')
  })

  it('HeadObject needs s3:GetObject in allowedActions', async () => {
    await start({ allowedActions: ['sagemaker:*', 's3:ListBucket'] })
    const denied = (await failure(
      s3!.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }))
    )) as Error & { $metadata: { httpStatusCode: number } }
    const bucket = await s3!.send(new HeadBucketCommand({ Bucket: 'b' }))
    expect(denied.$metadata.httpStatusCode).toBe(403)
    expect(bucket.BucketRegion).toBe('us-east-1')
  })
})

describe('ECR DescribeImages', () => {
  const ECR_SCENARIO = {
    ecrImages: {
      [`${REGISTRY}/app:gone`]: { missing: true },
      [`${REGISTRY}/deleted`]: { repositoryMissing: true },
      [`${REGISTRY}/locked`]: { accessDenied: true },
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/shared:1.0': {}
    }
  }

  it('an undeclared image of the account exists, shaped per the model', async () => {
    await start()
    const out = await ecr!.send(
      new DescribeImagesCommand({ repositoryName: 'app', imageIds: [{ imageTag: 'v1' }] })
    )
    const detail = out.imageDetails?.[0]
    expect(out.imageDetails?.length).toBe(1)
    expect({
      registryId: detail?.registryId,
      repositoryName: detail?.repositoryName,
      imageTags: detail?.imageTags,
      imageManifestMediaType: detail?.imageManifestMediaType
    }).toStrictEqual({
      registryId: '123456789012',
      repositoryName: 'app',
      imageTags: ['v1'],
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json'
    })
    expect(detail?.imageDigest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(detail?.imagePushedAt).toBeInstanceOf(Date)
  })

  it('answers the real error codes and texts', async () => {
    await start(ECR_SCENARIO)
    const describe = async (input: {
      registryId?: string
      repositoryName: string
      tag: string
    }): Promise<[string, string]> => {
      const error = await failure(
        ecr!.send(
          new DescribeImagesCommand({
            ...(input.registryId === undefined ? {} : { registryId: input.registryId }),
            repositoryName: input.repositoryName,
            imageIds: [{ imageTag: input.tag }]
          })
        )
      )
      return [error.name, error.message]
    }
    expect(await describe({ repositoryName: 'app', tag: 'gone' })).toStrictEqual([
      'ImageNotFoundException',
      "The image with imageId {imageDigest:'null', imageTag:'gone'} does not exist within the repository with name 'app' in the registry with id '123456789012'"
    ])
    expect(await describe({ repositoryName: 'deleted', tag: '1' })).toStrictEqual([
      'RepositoryNotFoundException',
      "The repository with name 'deleted' does not exist in the registry with id '123456789012'"
    ])
    expect((await describe({ repositoryName: 'locked', tag: '1' }))[0]).toBe(
      'AccessDeniedException'
    )
    expect(
      await describe({
        registryId: '763104351884',
        repositoryName: 'pytorch-inference',
        tag: '2.1'
      })
    ).toStrictEqual([
      'AccessDeniedException',
      'User: arn:aws:sts::123456789012:assumed-role/emulator-deploy-role/emulator-session is not authorized to perform: ecr:DescribeImages on resource: arn:aws:ecr:us-east-1:763104351884:repository/pytorch-inference because no resource-based policy allows the ecr:DescribeImages action'
    ])
    const shared = await ecr!.send(
      new DescribeImagesCommand({
        registryId: '763104351884',
        repositoryName: 'shared',
        imageIds: [{ imageTag: '1.0' }]
      })
    )
    expect(shared.imageDetails?.map(d => d.registryId)).toStrictEqual(['763104351884'])
  })

  it('needs ecr:DescribeImages in allowedActions', async () => {
    await start({ allowedActions: ['sagemaker:*'] })
    const error = await failure(
      ecr!.send(new DescribeImagesCommand({ repositoryName: 'app', imageIds: [{ imageTag: '1' }] }))
    )
    expect(error.name).toBe('AccessDeniedException')
    expect(error.message).toContain('ecr:DescribeImages')
  })
})

describe('CreateModel checks what S3 and ECR show', () => {
  const SCENARIO = {
    s3Objects: {
      's3://models/gone.tar.gz': { missing: true },
      's3://eu-models': { region: 'eu-west-1' }
    },
    ecrImages: { [`${REGISTRY}/app:gone`]: { missing: true } }
  }
  const create = async (image: string, data: string): Promise<string> => {
    const error = await failure(
      lab!.sm.send(
        new CreateModelCommand({
          ModelName: 'm',
          ExecutionRoleArn: ROLE,
          PrimaryContainer: { Image: image, ModelDataUrl: data }
        })
      )
    )
    return `${error.name}: ${error.message}`
  }

  it('answers ValidationException for missing or foreign-region model data and images', async () => {
    await start(SCENARIO)
    expect(await create(`${REGISTRY}/app:1`, 's3://models/gone.tar.gz')).toBe(
      'ValidationException: Could not find model data at s3://models/gone.tar.gz.'
    )
    expect(await create(`${REGISTRY}/app:1`, 's3://eu-models/m.tar.gz')).toBe(
      `ValidationException: Could not access model data at s3://eu-models/m.tar.gz. Please ensure that the role "${ROLE}" exists and that its trust relationship policy allows the action "sts:AssumeRole" for the service principal "sagemaker.amazonaws.com". Also ensure that the role has "s3:GetObject" permissions and that the object is located in us-east-1.`
    )
    expect(await create(`${REGISTRY}/app:gone`, 's3://models/ok.tar.gz')).toBe(
      `ValidationException: Requested image ${REGISTRY}/app:gone not found.`
    )
    expect(
      await create('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1', 's3://models/ok.tar.gz')
    ).toBe(
      'ValidationException: The image 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1 is in region eu-west-1; the model is in us-east-1. Use an image in an Amazon ECR repository in us-east-1.'
    )
  })

  it('keeps undeclared artifacts and other accounts images working', async () => {
    await start(SCENARIO)
    const out = await lab!.sm.send(
      new CreateModelCommand({
        ModelName: 'dlc',
        ExecutionRoleArn: ROLE,
        PrimaryContainer: {
          Image: '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1',
          ModelDataUrl: 's3://models/ok.tar.gz'
        }
      })
    )
    expect(out.ModelArn).toBe('arn:aws:sagemaker:us-east-1:123456789012:model/dlc')
  })
})

const run = HAS_AWS_CLI ? it : it.skip
describe('the AWS CLI (botocore) as an independent client', () => {
  run('s3api head-object: found, missing, and the 301 its region redirector follows', async () => {
    await start(S3_SCENARIO)
    const found = await awsCli(
      lab!.emu,
      'us-east-1',
      's3api',
      'head-object',
      '--bucket',
      'm',
      '--key',
      'k'
    )
    const missing = await awsCli(
      lab!.emu,
      'us-east-1',
      's3api',
      'head-object',
      '--bucket',
      'models',
      '--key',
      'gone.tar.gz'
    )
    const redirected = await awsCli(
      lab!.emu,
      'us-east-1',
      's3api',
      'head-object',
      '--bucket',
      'eu-models',
      '--key',
      'k'
    )
    expect(JSON.parse(found.stdout).ContentLength).toBe(1048576)
    expect([missing.code, missing.stderr.trim()]).toStrictEqual([
      255,
      'An error occurred (404) when calling the HeadObject operation: Not Found'
    ])
    // botocore reads x-amz-bucket-region from the 301 and signs the retry for eu-west-1.
    expect(JSON.parse(redirected.stdout).ContentLength).toBe(1048576)
    expect(
      lab!.emu
        .calls()
        .filter(
          c =>
            c.params !== undefined &&
            String((c.params as { Path?: string }).Path).startsWith('/eu-models')
        )
        .map(c => [c.status, c.region])
    ).toStrictEqual([
      [301, 'us-east-1'],
      [200, 'eu-west-1']
    ])
  })

  run(
    's3 cp: a staged artifact (PutObject) and its copy to a bucket in another region (CopyObject) exist from then on',
    async () => {
      await start({
        s3Objects: {
          's3://build/m/': { missing: true },
          's3://models-eu': { region: 'eu-west-1' },
          's3://models-eu/m/': { missing: true },
          's3://gone': { missing: true }
        }
      })
      const head = (bucket: string, region: string) =>
        awsCli(
          lab!.emu,
          region,
          's3api',
          'head-object',
          '--bucket',
          bucket,
          '--key',
          'm/model.tar.gz'
        )
      expect((await head('build', 'us-east-1')).code).toBe(255)
      const file = join(mkdtempSync(join(tmpdir(), 's3-cp-')), 'model.tar.gz')
      writeFileSync(file, 'model')
      const put = await awsCli(lab!.emu, 'us-east-1', 's3', 'cp', file, 's3://build/m/model.tar.gz')
      const copy = await awsCli(
        lab!.emu,
        'eu-west-1',
        's3',
        'cp',
        's3://build/m/model.tar.gz',
        's3://models-eu/m/model.tar.gz',
        '--source-region',
        'us-east-1'
      )
      const noBucket = await awsCli(
        lab!.emu,
        'us-east-1',
        's3',
        'cp',
        file,
        's3://gone/m/model.tar.gz'
      )
      expect([put.code, copy.code, put.stderr, copy.stderr]).toStrictEqual([0, 0, '', ''])
      expect(JSON.parse((await head('build', 'us-east-1')).stdout).ContentLength).toBe(1048576)
      expect(JSON.parse((await head('models-eu', 'eu-west-1')).stdout).ContentLength).toBe(1048576)
      expect(noBucket.code).not.toBe(0)
      expect(noBucket.stderr).toContain('NoSuchBucket')
      expect(
        lab!.emu
          .calls()
          .filter(c => c.operation === 'PutObject' || c.operation === 'CopyObject')
          .map(c => [c.operation, c.status, c.region])
      ).toStrictEqual([
        ['PutObject', 200, 'us-east-1'],
        ['CopyObject', 200, 'eu-west-1'],
        ['PutObject', 404, 'us-east-1']
      ])
    }
  )

  run('ecr describe-images: an image and RepositoryNotFoundException', async () => {
    await start({ ecrImages: { [`${REGISTRY}/deleted`]: { repositoryMissing: true } } })
    const found = await awsCli(
      lab!.emu,
      'us-east-1',
      'ecr',
      'describe-images',
      '--repository-name',
      'app',
      '--image-ids',
      'imageTag=v1'
    )
    const missing = await awsCli(
      lab!.emu,
      'us-east-1',
      'ecr',
      'describe-images',
      '--repository-name',
      'deleted',
      '--image-ids',
      'imageTag=v1'
    )
    expect(JSON.parse(found.stdout).imageDetails[0].imageTags).toStrictEqual(['v1'])
    expect(missing.stderr.trim()).toBe(
      "An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'deleted' does not exist in the registry with id '123456789012'"
    )
  })
})
