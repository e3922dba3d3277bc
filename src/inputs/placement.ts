// Where the model's parts live, checked against `region` before any call: SageMaker takes a model
// package, an ECR image and an S3 artifact from the endpoint's own region only, and an IAM role from
// the same partition. Without these checks the alarms, model and config are written first and AWS
// refuses later (or after 10 minutes of provisioning, for an image it cannot pull).
import { show, type Reader } from './parsers.js'
import type { ModelSource } from '../types.js'

/** The partition of a region (the `aws…` of its ARNs). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  if (region.startsWith('us-isob-')) return 'aws-iso-b'
  if (region.startsWith('us-isof-')) return 'aws-iso-f'
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e'
  if (region.startsWith('us-iso-')) return 'aws-iso'
  return 'aws'
}

/** An Amazon ECR image: `<account>.dkr.ecr[-fips].<region>.<domain>/<repository>[:tag|@digest]`. */
const ECR_IMAGE =
  /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.(?:amazonaws\.com(?:\.cn)?|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov)\/\S+$/

/** The region in an S3 https URL's host (`bucket.s3.eu-west-1.amazonaws.com`, `s3-eu-west-1…`). */
const S3_REGIONAL_HOST =
  /(?:^|\.)s3(?:-fips)?(?:\.dualstack)?[.-]([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/

/** `arn:<partition>:<service>:<region>:…` */
const ARN_PARTS = /^arn:([^:]+):[^:]*:([^:]*):/

/** A region's shape (an invalid region has its own error, and nothing can be compared with it). */
const REGION_SHAPE = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/

export function checkPlacement(r: Reader, region: string, model: ModelSource): void {
  if (!REGION_SHAPE.test(region)) return
  const partition = partitionOf(region)
  const arnPartition = (name: string, arn: string): void => {
    const parts = ARN_PARTS.exec(arn)
    if (parts && parts[1] !== partition) {
      r.p.add(
        name,
        `Input "${name}" is in partition ${parts[1]}, but region ${region} is in ${partition}: SageMaker in ${region} accepts only arn:${partition}:… ARNs. Use one of partition ${partition}, or fix region.`
      )
    }
  }
  if (model.kind === 'package') {
    arnPartition('model-package-arn', model.modelPackageArn)
    arnPartition('execution-role-arn', model.executionRoleArn)
    const packageRegion = ARN_PARTS.exec(model.modelPackageArn)?.[2]
    if (packageRegion && packageRegion !== region) {
      r.p.add(
        'model-package-arn',
        `Input "model-package-arn" is a model package in ${packageRegion}, but the endpoint is in ${region}: SageMaker deploys a package only in its own region. Copy the model version into a package group in ${region} (or deploy its artifact with model-data-url), or fix region.`
      )
    }
  }
  if (model.kind === 'artifact') {
    arnPartition('execution-role-arn', model.executionRoleArn)
    checkImage(r, region, model.imageUri)
    checkArtifact(r, region, model.modelDataUrl)
  }
}

function checkImage(r: Reader, region: string, image: string): void {
  if (image === '') return
  const ecr = ECR_IMAGE.exec(image)
  if (!ecr) {
    r.p.add(
      'image-uri',
      `Input "image-uri" must be an Amazon ECR image (<account>.dkr.ecr.${region}.amazonaws.com/<repository>:<tag>), got ${show(image)}: SageMaker hosting pulls images from ECR (a private registry needs the model's ImageConfig with RepositoryAccessMode Vpc, which this action does not set). Push the image to ECR in ${region}.`
    )
    return
  }
  if (ecr[1] !== region) {
    r.p.add(
      'image-uri',
      `Input "image-uri" is an ECR image in ${ecr[1] ?? '?'}, but the endpoint is in ${region}: SageMaker pulls a model's image from its own region. Replicate the repository to ${region} (ECR replication), or fix region.`
    )
  }
}

function checkArtifact(r: Reader, region: string, url: string): void {
  if (!url.startsWith('https://')) return
  const host = /^https:\/\/([^/]+)/.exec(url)?.[1] ?? ''
  const bucketRegion = S3_REGIONAL_HOST.exec(host)?.[1]
  if (bucketRegion && bucketRegion !== region) {
    r.p.add(
      'model-data-url',
      `Input "model-data-url" is an S3 URL in ${bucketRegion}, but the endpoint is in ${region}: SageMaker reads a model's artifact from a bucket in its own region. Copy the artifact to a bucket in ${region}, or fix region.`
    )
  }
}
