// SageMaker operations on models and the model packages they can be created from.

import { lookupImage, lookupS3, parseImageUri, parseS3Uri } from './artifacts.js'
import { ApiError, validation } from './errors.js'
import { SageMakerOperations, seconds } from './sagemaker-operations.js'
import type { Scenario } from './scenario.js'
import type { ModelRecord } from './state.js'
import { SAGEMAKER_SHAPES } from './sagemaker-shapes.js'
import { validateInput } from './shapes.js'
import { MODEL_NAME_PATTERN, readTags, requireString, type Params } from './validate.js'

export class SageMakerModels extends SageMakerOperations {
  listModels(p: Params): Params {
    return this.list(p, 'Models', 'ModelName', 'ModelArn', this.ctx.store.models)
  }

  createModel(p: Params): Params {
    const input = validateInput(SAGEMAKER_SHAPES, 'CreateModel', p)
    const name = String(input.ModelName)
    const primary = input.PrimaryContainer as Params | undefined
    const containers = (input.Containers as Params[] | undefined) ?? []
    if (primary === undefined && containers.length === 0) {
      throw validation('Either PrimaryContainer or Containers must be specified.')
    }
    const list = primary !== undefined ? [primary] : containers
    const keys: string[] = []
    let image: string | undefined
    list.forEach((container, i) => {
      const path = primary !== undefined ? 'PrimaryContainer' : `Containers.${i + 1}.member`
      const containerImage = container.Image as string | undefined
      const url = container.ModelDataUrl as string | undefined
      const packageName = container.ModelPackageName as string | undefined
      if (packageName !== undefined) {
        const pkg = this.modelPackage(packageName)
        keys.push(...[pkg.modelDataUrl, pkg.image].filter((k): k is string => k !== undefined))
        image ??= pkg.image
      } else if (containerImage === undefined) {
        throw validation(`${path}.Image must be specified when ModelPackageName is not.`)
      }
      this.checkArtifacts(container, String(input.ExecutionRoleArn ?? ''))
      if (url !== undefined) keys.unshift(url)
      if (containerImage !== undefined) {
        keys.push(containerImage)
        image ??= containerImage
      }
    })
    const tags = readTags(p)
    if (this.ctx.store.model(name) !== undefined) {
      throw new ApiError(
        'ResourceInUse',
        `Cannot create already existing model "${this.arn('model', name)}".`
      )
    }
    const record: ModelRecord = {
      name,
      arn: this.arn('model', name),
      creationTime: this.ctx.now(),
      request: input,
      behaviourKeys: keys,
      image,
      tags
    }
    delete record.request.Tags
    this.ctx.store.models.set(name.toLowerCase(), record)
    return { ModelArn: record.arn }
  }

  /**
   * What SageMaker finds when it checks a container's model data and image, per the scenario's
   * `s3Objects` and `ecrImages` (undeclared ones exist).
   */
  private checkArtifacts(container: Params, role: string): void {
    const scenario = this.ctx.scenario()
    const source = (container.ModelDataSource as Params | undefined)?.S3DataSource as
      Params | undefined
    for (const uri of [container.ModelDataUrl, source?.S3Uri]) {
      if (typeof uri !== 'string') continue
      const parsed = parseS3Uri(uri)
      if (parsed === undefined) continue
      const found = lookupS3(scenario.s3Objects, this.ctx.region, parsed.bucket, parsed.key)
      if (found.bucketMissing || found.objectMissing)
        throw validation(`Could not find model data at ${uri}.`)
      if (found.accessDenied || found.bucketRegion !== this.ctx.region)
        throw validation(
          `Could not access model data at ${uri}. Please ensure that the role "${role}" exists and that its trust relationship policy allows the action "sts:AssumeRole" for the service principal "sagemaker.amazonaws.com". Also ensure that the role has "s3:GetObject" permissions and that the object is located in ${this.ctx.region}.`
        )
    }
    const image = container.Image
    const ref = typeof image === 'string' ? parseImageUri(image) : undefined
    if (ref === undefined || typeof image !== 'string') return
    if (ref.region !== this.ctx.region)
      throw validation(
        `The image ${image} is in region ${ref.region}; the model is in ${this.ctx.region}. Use an image in an Amazon ECR repository in ${this.ctx.region}.`
      )
    const verdict = lookupImage(scenario.ecrImages, this.ctx.accountId, ref)
    if (verdict === 'image-missing' || verdict === 'repository-missing')
      throw validation(`Requested image ${image} not found.`)
    if (verdict === 'access-denied')
      throw validation(
        `The repository of your image ${image} does not grant ecr:GetDownloadUrlForLayer, ecr:BatchGetImage, ecr:BatchCheckLayerAvailability permission to sagemaker.amazonaws.com service principal.`
      )
  }

  private model(p: Params): ModelRecord {
    const name = requireString(p, 'ModelName', { max: 63, pattern: MODEL_NAME_PATTERN })
    const model = this.ctx.store.model(name)
    if (model === undefined) throw validation(`Could not find model "${name}".`)
    return model
  }

  describeModel(p: Params): Params {
    const m = this.model(p)
    return {
      ...m.request,
      ModelName: m.name,
      ModelArn: m.arn,
      CreationTime: seconds(m.creationTime)
    }
  }

  deleteModel(p: Params): Params {
    const m = this.model(p)
    this.ctx.store.models.delete(m.name.toLowerCase())
    return {}
  }

  private modelPackage(name: string): {
    arn: string
    image: string
    modelDataUrl: string | undefined
    raw: Scenario['modelPackages'][string]
  } {
    const packages = this.ctx.scenario().modelPackages
    const entry = Object.entries(packages).find(
      ([arn]) => arn === name || arn.split('/').slice(1).join('/') === name
    )
    if (entry === undefined) throw validation(`ModelPackage ${name} does not exist.`)
    const [arn, raw] = entry
    return { arn, image: raw.image, modelDataUrl: raw.modelDataUrl, raw }
  }

  describeModelPackage(p: Params): Params {
    const name = requireString(p, 'ModelPackageName', { max: 2048 })
    const pkg = this.modelPackage(name)
    const [, rest = ''] = pkg.arn.split(':model-package/')
    const parts = rest.split('/')
    const marketplace = pkg.raw.marketplace === true
    return {
      ModelPackageName: parts[0] ?? rest,
      ...(marketplace
        ? {}
        : {
            ModelPackageGroupName: pkg.raw.groupName ?? parts[0],
            ModelPackageVersion: pkg.raw.version ?? Number(parts[1] ?? 1)
          }),
      ModelPackageArn: pkg.arn,
      CreationTime: seconds(this.ctx.now()),
      InferenceSpecification: {
        Containers: [
          {
            Image: pkg.image,
            ...(pkg.modelDataUrl === undefined ? {} : { ModelDataUrl: pkg.modelDataUrl })
          }
        ],
        SupportedContentTypes: ['application/json'],
        SupportedResponseMIMETypes: ['application/json']
      },
      ModelPackageStatus: pkg.raw.status ?? 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      ModelApprovalStatus: pkg.raw.approvalStatus ?? 'Approved',
      CertifyForMarketplace: marketplace
    }
  }
}
