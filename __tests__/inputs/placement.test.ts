import { describe, expect, it } from '@jest/globals'
import { Problems, type Reader } from '../../src/inputs/parsers.js'
import { checkPlacement, partitionOf } from '../../src/inputs/placement.js'
import type { ModelSource } from '../../src/types.js'

const ROLE = 'arn:aws:iam::123456789012:role/SageMakerRole'
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/serve:1'

/** The problems checkPlacement finds, as [input, message]. */
function problems(region: string, model: ModelSource): [string, string][] {
  const r: Reader = { v: () => '', p: new Problems() }
  checkPlacement(r, region, model)
  return r.p.list.map(p => [p.input, p.message])
}

const artifact = (over: Partial<Extract<ModelSource, { kind: 'artifact' }>> = {}): ModelSource => ({
  kind: 'artifact',
  modelDataUrl: 's3://models/fraud/model.tar.gz',
  imageUri: IMAGE,
  executionRoleArn: ROLE,
  ...over
})

describe('where the model lives, checked against the region before any call', () => {
  it('the partition of every kind of region', () => {
    expect(
      ['eu-west-1', 'cn-north-1', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1'].map(
        partitionOf
      )
    ).toEqual(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b'])
  })

  it('the partition of the ISO-F and ISO-E regions, by their prefix', () => {
    expect(['us-isof-south-1', 'us-isof-east-1', 'eu-isoe-west-1'].map(partitionOf)).toEqual([
      'aws-iso-f',
      'aws-iso-f',
      'aws-iso-e'
    ])
    // In such a region, a commercial role is of another partition.
    expect(problems('eu-isoe-west-1', artifact({ imageUri: '' }))).toEqual([
      [
        'execution-role-arn',
        'Input "execution-role-arn" is in partition aws, but region eu-isoe-west-1 is in aws-iso-e: SageMaker in eu-isoe-west-1 accepts only arn:aws-iso-e:… ARNs. Use one of partition aws-iso-e, or fix region.'
      ]
    ])
  })

  it('no image (a package, or the image comes later) is not checked', () => {
    expect(problems('eu-west-1', artifact({ imageUri: '' }))).toEqual([])
  })

  it('an https URL without a host names no region, and is not read past its host', () => {
    for (const url of [
      'https://',
      'https:///m.tar.gz',
      'https:///https://models.s3.us-west-2.amazonaws.com/m.tar.gz'
    ]) {
      expect(problems('eu-west-1', artifact({ modelDataUrl: url }))).toEqual([])
    }
  })

  it('an artifact, an ECR image and a role of the region pass', () => {
    expect(problems('eu-west-1', artifact())).toEqual([])
    expect(
      problems(
        'cn-north-1',
        artifact({
          imageUri: '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/serve@sha256:abc',
          executionRoleArn: 'arn:aws-cn:iam::123456789012:role/r',
          modelDataUrl: 'https://models.s3.cn-north-1.amazonaws.com.cn/m.tar.gz'
        })
      )
    ).toEqual([])
    // A global S3 URL names no region: nothing to compare.
    expect(
      problems('eu-west-1', artifact({ modelDataUrl: 'https://models.s3.amazonaws.com/m.tar.gz' }))
    ).toEqual([])
  })

  it('an ECR image of another region, and an image from another registry, are refused by name', () => {
    expect(
      problems('us-east-1', artifact({ imageUri: IMAGE.replace('eu-west-1', 'us-west-2') }))
    ).toEqual([
      [
        'image-uri',
        'Input "image-uri" is an ECR image in us-west-2, but the endpoint is in us-east-1: SageMaker pulls a model\'s image from its own region. Replicate the repository to us-east-1 (ECR replication), or fix region.'
      ]
    ])
    const [[input, message]] = problems('eu-west-1', artifact({ imageUri: 'nginx:latest' })) as [
      [string, string]
    ]
    expect(input).toBe('image-uri')
    expect(message).toMatch(
      /^Input "image-uri" must be an Amazon ECR image \(<account>\.dkr\.ecr\.eu-west-1\.amazonaws\.com\/<repository>:<tag>\), got "nginx:latest"/
    )
  })

  it('a regional S3 URL of another region is refused, in every host form', () => {
    for (const url of [
      'https://models.s3.us-west-2.amazonaws.com/m.tar.gz',
      'https://s3.us-west-2.amazonaws.com/models/m.tar.gz',
      'https://models.s3-us-west-2.amazonaws.com/m.tar.gz',
      'https://models.s3.dualstack.us-west-2.amazonaws.com/m.tar.gz'
    ]) {
      expect(problems('eu-west-1', artifact({ modelDataUrl: url }))).toEqual([
        [
          'model-data-url',
          'Input "model-data-url" is an S3 URL in us-west-2, but the endpoint is in eu-west-1: SageMaker reads a model\'s artifact from a bucket in its own region. Copy the artifact to a bucket in eu-west-1, or fix region.'
        ]
      ])
    }
  })

  it('a role of another partition is refused', () => {
    expect(
      problems('eu-west-1', artifact({ executionRoleArn: 'arn:aws-cn:iam::123456789012:role/r' }))
    ).toEqual([
      [
        'execution-role-arn',
        'Input "execution-role-arn" is in partition aws-cn, but region eu-west-1 is in aws: SageMaker in eu-west-1 accepts only arn:aws:… ARNs. Use one of partition aws, or fix region.'
      ]
    ])
  })

  it('a model package of another region is refused; one of this region passes', () => {
    const pkg = (arn: string): ModelSource => ({
      kind: 'package',
      modelPackageArn: arn,
      executionRoleArn: ROLE
    })
    expect(
      problems('eu-west-1', pkg('arn:aws:sagemaker:eu-west-1:123456789012:model-package/fraud/3'))
    ).toEqual([])
    expect(
      problems('eu-west-1', pkg('arn:aws:sagemaker:us-east-1:123456789012:model-package/fraud/3'))
    ).toEqual([
      [
        'model-package-arn',
        'Input "model-package-arn" is a model package in us-east-1, but the endpoint is in eu-west-1: SageMaker deploys a package only in its own region. Copy the model version into a package group in eu-west-1 (or deploy its artifact with model-data-url), or fix region.'
      ]
    ])
  })

  it('a model package and a role of another partition are refused by name', () => {
    expect(
      problems('eu-west-1', {
        kind: 'package',
        modelPackageArn: 'arn:aws-cn:sagemaker:cn-north-1:123456789012:model-package/fraud/3',
        executionRoleArn: 'arn:aws-us-gov:iam::123456789012:role/r'
      })
    ).toEqual([
      [
        'model-package-arn',
        'Input "model-package-arn" is in partition aws-cn, but region eu-west-1 is in aws: SageMaker in eu-west-1 accepts only arn:aws:… ARNs. Use one of partition aws, or fix region.'
      ],
      [
        'execution-role-arn',
        'Input "execution-role-arn" is in partition aws-us-gov, but region eu-west-1 is in aws: SageMaker in eu-west-1 accepts only arn:aws:… ARNs. Use one of partition aws, or fix region.'
      ],
      [
        'model-package-arn',
        'Input "model-package-arn" is a model package in cn-north-1, but the endpoint is in eu-west-1: SageMaker deploys a package only in its own region. Copy the model version into a package group in eu-west-1 (or deploy its artifact with model-data-url), or fix region.'
      ]
    ])
  })

  it('a model package that is not an ARN names no region (its own error elsewhere)', () => {
    expect(
      problems('eu-west-1', { kind: 'package', modelPackageArn: 'fraud/3', executionRoleArn: ROLE })
    ).toEqual([])
  })

  it('an existing model, or no valid region (its own error), is not checked', () => {
    expect(problems('eu-west-1', { kind: 'existing', modelName: 'm' })).toEqual([])
    expect(problems('', artifact({ imageUri: 'nginx' }))).toEqual([])
    expect(problems('x'.repeat(10_240), artifact({ imageUri: 'nginx' }))).toEqual([])
  })
})
