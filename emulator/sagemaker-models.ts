// SageMaker operations on models and the model packages they can be created from.

import { ApiError, validation } from './errors.js'
import { SageMakerOperations, seconds } from './sagemaker-operations.js'
import type { Scenario } from './scenario.js'
import type { ModelRecord } from './state.js'
import {
  asObject,
  constraint,
  MODEL_DATA_URL_PATTERN,
  MODEL_NAME_PATTERN,
  optionalArray,
  optionalObject,
  optionalString,
  readTags,
  requireString,
  ROLE_ARN_PATTERN,
  type Params
} from './validate.js'

export class SageMakerModels extends SageMakerOperations {
  listModels(p: Params): Params {
    return this.list(p, 'Models', 'ModelName', 'ModelArn', this.ctx.store.models)
  }

  createModel(p: Params): Params {
    const name = requireString(p, 'ModelName', { max: 63, pattern: MODEL_NAME_PATTERN })
    optionalString(p, 'ExecutionRoleArn', { min: 20, max: 2048, pattern: ROLE_ARN_PATTERN })
    const primary = optionalObject(p.PrimaryContainer, 'PrimaryContainer')
    const containers = optionalArray(p, 'Containers', { max: 15 })
    if (primary === undefined && (containers === undefined || containers.length === 0)) {
      throw validation('Either PrimaryContainer or Containers must be specified.')
    }
    const list =
      primary !== undefined
        ? [primary]
        : (containers ?? []).map((c, i) => asObject(c, `Containers.${i + 1}.member`))
    const keys: string[] = []
    let image: string | undefined
    list.forEach((container, i) => {
      const path = primary !== undefined ? 'PrimaryContainer' : `Containers.${i + 1}.member`
      const containerImage = optionalString(container, 'Image', {
        max: 255,
        pattern: /^\S+$/,
        path: `${path}.Image`
      })
      const url = optionalString(container, 'ModelDataUrl', {
        max: 1024,
        pattern: MODEL_DATA_URL_PATTERN,
        path: `${path}.ModelDataUrl`
      })
      const packageName = optionalString(container, 'ModelPackageName', {
        max: 2048,
        path: `${path}.ModelPackageName`
      })
      const env = optionalObject(container.Environment, `${path}.Environment`) ?? {}
      if (Object.keys(env).length > 100)
        throw constraint(
          '{...}',
          `${path}.Environment`,
          'Member must have length less than or equal to 100'
        )
      for (const [key, value] of Object.entries(env)) {
        if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(key) || key.length > 1024) {
          throw constraint(
            key,
            `${path}.Environment`,
            'Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z_][a-zA-Z0-9_]*]'
          )
        }
        if (typeof value !== 'string' || value.length > 1024) {
          throw constraint(
            value,
            `${path}.Environment`,
            'Map value must be a string of at most 1024 characters'
          )
        }
      }
      if (packageName !== undefined) {
        const pkg = this.modelPackage(packageName)
        keys.push(...[pkg.modelDataUrl, pkg.image].filter((k): k is string => k !== undefined))
        image ??= pkg.image
      } else if (containerImage === undefined) {
        throw validation(`${path}.Image must be specified when ModelPackageName is not.`)
      }
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
      request: { ...p },
      behaviourKeys: keys,
      image,
      tags
    }
    delete record.request.Tags
    this.ctx.store.models.set(name.toLowerCase(), record)
    return { ModelArn: record.arn }
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
    return {
      ModelPackageName: parts[0] ?? rest,
      ModelPackageGroupName: pkg.raw.groupName ?? parts[0],
      ModelPackageVersion: pkg.raw.version ?? Number(parts[1] ?? 1),
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
      ModelPackageStatus: 'Completed',
      ModelPackageStatusDetails: { ValidationStatuses: [], ImageScanStatuses: [] },
      ModelApprovalStatus: pkg.raw.approvalStatus ?? 'Approved',
      CertifyForMarketplace: false
    }
  }
}
