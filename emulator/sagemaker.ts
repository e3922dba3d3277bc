// SageMaker operations (AWS JSON 1.1): models, endpoint configs, endpoints, tags, model packages.

import { describeEndpoint } from './endpoint-view.js'
import { ApiError, validation } from './errors.js'
import { SageMakerEndpointConfigs } from './sagemaker-endpoint-configs.js'
import { SageMakerEndpoints } from './sagemaker-endpoints.js'
import { InferenceComponents } from './inference-components.js'
import { updateWeightsAndCapacities } from './sagemaker-capacity.js'
import { SageMakerModels } from './sagemaker-models.js'
import type { SageMakerContext } from './sagemaker-operations.js'
import { mergeTags, optionalArray, readTags, requireString, type Params } from './validate.js'

export type { SageMakerContext } from './sagemaker-operations.js'

type Handler = (params: Params) => unknown

export class SageMaker {
  private readonly models: SageMakerModels
  private readonly configs: SageMakerEndpointConfigs
  private readonly endpoints: SageMakerEndpoints
  private readonly components: InferenceComponents

  constructor(private readonly ctx: SageMakerContext) {
    this.models = new SageMakerModels(ctx)
    this.configs = new SageMakerEndpointConfigs(ctx)
    this.endpoints = new SageMakerEndpoints(ctx, this.configs)
    this.components = new InferenceComponents(ctx)
  }

  operations(): Record<string, Handler> {
    const { models, configs, endpoints, components } = this
    return {
      CreateModel: p => models.createModel(p),
      DescribeModel: p => models.describeModel(p),
      DeleteModel: p => models.deleteModel(p),
      ListModels: p => models.listModels(p),
      CreateEndpointConfig: p => configs.createEndpointConfig(p),
      DescribeEndpointConfig: p => configs.describeEndpointConfig(p),
      DeleteEndpointConfig: p => configs.deleteEndpointConfig(p),
      ListEndpointConfigs: p => configs.listEndpointConfigs(p),
      CreateEndpoint: p => endpoints.createEndpoint(p),
      DescribeEndpoint: p => describeEndpoint(endpoints.endpoint(p)),
      UpdateEndpoint: p => endpoints.updateEndpoint(p),
      DeleteEndpoint: p => endpoints.deleteEndpoint(p),
      ListEndpoints: p => endpoints.listEndpoints(p),
      UpdateEndpointWeightsAndCapacities: p =>
        updateWeightsAndCapacities(p, name => this.ctx.store.endpoint(name), this.ctx.now()),
      CreateInferenceComponent: p => components.createComponent(p),
      DescribeInferenceComponent: p => components.describeComponent(p),
      UpdateInferenceComponent: p => components.updateComponent(p),
      ListInferenceComponents: p => components.listComponents(p),
      DeleteInferenceComponent: p => components.deleteComponent(p),
      AddTags: p => this.addTags(p),
      ListTags: p => ({ Tags: this.taggable(p).tags }),
      DeleteTags: p => this.deleteTags(p),
      DescribeModelPackage: p => models.describeModelPackage(p)
    }
  }

  // Tags apply to any resource, found by its ARN.

  private taggable(p: Params): { tags: { Key: string; Value: string }[] } {
    const arn = requireString(p, 'ResourceArn', { max: 256 })
    const record = this.ctx.store.byArn(arn)
    if (record === undefined) throw validation(`Could not find resource "${arn}".`)
    return record
  }

  private addTags(p: Params): Params {
    const record = this.taggable(p)
    const tags = readTags(p)
    const merged = mergeTags(record.tags, tags)
    if (merged.length > 50)
      throw new ApiError('ResourceLimitExceeded', 'A resource can have at most 50 tags.')
    record.tags = merged
    return { Tags: tags }
  }

  private deleteTags(p: Params): Params {
    const record = this.taggable(p)
    const keys = (optionalArray(p, 'TagKeys', { min: 1, max: 50 }) ?? []).map(String)
    record.tags = record.tags.filter(t => !keys.includes(t.Key))
    return {}
  }
}
