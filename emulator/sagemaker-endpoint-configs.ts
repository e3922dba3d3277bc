// SageMaker operations on endpoint configs, and the fleet an endpoint config describes.

import { ApiError, validation } from './errors.js'
import { SageMakerOperations, seconds } from './sagemaker-operations.js'
import { configVariants } from './endpoint-config-rules.js'
import { SAGEMAKER_SHAPES } from './sagemaker-shapes.js'
import { validateInput } from './shapes.js'
import type { ConfigRecord, Fleet } from './state.js'
import { NAME_PATTERN, readTags, requireString, type Params } from './validate.js'

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
    const input = validateInput(SAGEMAKER_SHAPES, 'CreateEndpointConfig', p)
    const name = String(input.EndpointConfigName)
    const { variants } = configVariants(input, model => this.ctx.store.model(model))
    const tags = readTags(p)
    if (this.ctx.store.config(name) !== undefined) {
      throw new ApiError(
        'ResourceInUse',
        `Cannot create already existing endpoint configuration "${this.arn('endpoint-config', name)}".`
      )
    }
    const withWeight = (list: unknown): Params[] =>
      (list as Params[]).map(v => ({ InitialVariantWeight: 1, ...v }))
    const request: Params = { ...input, ProductionVariants: withWeight(input.ProductionVariants) }
    if (input.ShadowProductionVariants !== undefined)
      request.ShadowProductionVariants = withWeight(input.ShadowProductionVariants)
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
      config: config.request,
      variants: config.variants.map(v => {
        const model = v.ModelName === '' ? undefined : this.ctx.store.model(v.ModelName)
        if (v.ModelName !== '' && model === undefined)
          throw validation(`Could not find model "${v.ModelName}".`)
        return {
          variantName: v.VariantName,
          modelName: v.ModelName,
          instanceType: v.InstanceType,
          desired: v.InitialInstanceCount,
          current: 0,
          weight: v.InitialVariantWeight,
          image: model?.image,
          behaviourKeys: model?.behaviourKeys ?? [],
          spec: v.spec
        }
      })
    }
  }
}
