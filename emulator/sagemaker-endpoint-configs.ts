// SageMaker operations on endpoint configs, and the fleet an endpoint config describes.

import { ApiError, validation } from './errors.js'
import { SageMakerOperations, seconds } from './sagemaker-operations.js'
import type { ConfigRecord, Fleet, VariantSpec } from './state.js'
import {
  asObject,
  constraint,
  INSTANCE_TYPE_PATTERN,
  MODEL_NAME_PATTERN,
  NAME_PATTERN,
  optionalArray,
  optionalNumber,
  readTags,
  requireString,
  type Params
} from './validate.js'

export class SageMakerEndpointConfigs extends SageMakerOperations {
  listEndpointConfigs(p: Params): Params {
    return this.list(
      p,
      'EndpointConfigs',
      'EndpointConfigName',
      'EndpointConfigArn',
      this.ctx.store.configs
    )
  }

  createEndpointConfig(p: Params): Params {
    const name = requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    const raw = optionalArray(p, 'ProductionVariants', { min: 1, max: 10 })
    if (raw === undefined)
      throw constraint(undefined, 'ProductionVariants', 'Member must not be null')
    const variants = raw.map((item, i) =>
      this.variantSpec(asObject(item, `ProductionVariants.${i + 1}.member`), i)
    )
    const names = new Set<string>()
    for (const v of variants) {
      if (names.has(v.VariantName))
        throw validation(`Duplicate VariantName "${v.VariantName}" in ProductionVariants.`)
      names.add(v.VariantName)
    }
    const tags = readTags(p)
    if (this.ctx.store.config(name) !== undefined) {
      throw new ApiError(
        'ResourceInUse',
        `Cannot create already existing endpoint configuration "${this.arn('endpoint-config', name)}".`
      )
    }
    const request: Params = {
      ...p,
      ProductionVariants: raw.map((item, i) => ({
        InitialVariantWeight: 1,
        ...(item as Params),
        ...{ VariantName: variants[i]?.VariantName }
      }))
    }
    delete request.Tags
    const record: ConfigRecord = {
      name,
      arn: this.arn('endpoint-config', name),
      creationTime: this.ctx.now(),
      variants,
      request,
      tags
    }
    this.ctx.store.configs.set(name.toLowerCase(), record)
    return { EndpointConfigArn: record.arn }
  }

  private variantSpec(v: Params, i: number): VariantSpec {
    const path = `ProductionVariants.${i + 1}.member`
    const VariantName = requireString(v, 'VariantName', {
      max: 63,
      pattern: NAME_PATTERN,
      path: `${path}.VariantName`
    })
    const ModelName = requireString(v, 'ModelName', {
      max: 63,
      pattern: MODEL_NAME_PATTERN,
      path: `${path}.ModelName`
    })
    if (v.ServerlessConfig !== undefined)
      throw validation('ServerlessConfig is not supported by this emulator.')
    const InstanceType = requireString(v, 'InstanceType', { path: `${path}.InstanceType` })
    if (!INSTANCE_TYPE_PATTERN.test(InstanceType)) {
      throw constraint(
        InstanceType,
        `${path}.InstanceType`,
        'Member must satisfy enum value set: [ml.t2.medium, ml.m5.large, ml.m5.xlarge, ...]'
      )
    }
    const count = optionalNumber(v, 'InitialInstanceCount', {
      min: 1,
      integer: true,
      path: `${path}.InitialInstanceCount`
    })
    if (count === undefined)
      throw validation(`InitialInstanceCount is required for production variant ${VariantName}.`)
    const weight =
      optionalNumber(v, 'InitialVariantWeight', { min: 0, path: `${path}.InitialVariantWeight` }) ??
      1
    optionalNumber(v, 'VolumeSizeInGB', {
      min: 1,
      max: 512,
      integer: true,
      path: `${path}.VolumeSizeInGB`
    })
    if (this.ctx.store.model(ModelName) === undefined)
      throw validation(`Could not find model "${ModelName}".`)
    return {
      VariantName,
      ModelName,
      InitialInstanceCount: count,
      InstanceType,
      InitialVariantWeight: weight
    }
  }

  config(name: string): ConfigRecord {
    const config = this.ctx.store.config(name)
    if (config === undefined) throw validation(`Could not find endpoint configuration "${name}".`)
    return config
  }

  describeEndpointConfig(p: Params): Params {
    const c = this.config(
      requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    )
    return {
      ...c.request,
      EndpointConfigName: c.name,
      EndpointConfigArn: c.arn,
      CreationTime: seconds(c.creationTime)
    }
  }

  deleteEndpointConfig(p: Params): Params {
    const c = this.config(
      requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    )
    this.ctx.store.configs.delete(c.name.toLowerCase())
    return {}
  }

  /** A fleet running `config` (instances not yet taking traffic). */
  fleet(config: ConfigRecord): Fleet {
    return {
      configName: config.name,
      variants: config.variants.map(v => {
        const model = this.ctx.store.model(v.ModelName)
        if (model === undefined) throw validation(`Could not find model "${v.ModelName}".`)
        return {
          variantName: v.VariantName,
          modelName: v.ModelName,
          instanceType: v.InstanceType,
          desired: v.InitialInstanceCount,
          current: 0,
          weight: v.InitialVariantWeight,
          image: model.image,
          behaviourKeys: model.behaviourKeys
        }
      })
    }
  }
}
