// SageMaker operations (AWS JSON 1.1): models, endpoint configs, endpoints, tags, model packages.

import { resolvePolicy, rollbackAlarms, validateDeploymentConfig } from './deployment-config.js'
import { startCreation, startDeployment } from './deployment.js'
import { describeEndpoint } from './endpoint-view.js'
import { ApiError, validation } from './errors.js'
import type { Scenario } from './scenario.js'
import type {
  ConfigRecord,
  EndpointRecord,
  Fleet,
  ModelRecord,
  ResourceStore,
  VariantSpec
} from './state.js'
import {
  asObject,
  constraint,
  INSTANCE_TYPE_PATTERN,
  MODEL_DATA_URL_PATTERN,
  MODEL_NAME_PATTERN,
  mergeTags,
  NAME_PATTERN,
  optionalArray,
  optionalBoolean,
  optionalNumber,
  optionalObject,
  optionalString,
  readTags,
  requireString,
  ROLE_ARN_PATTERN,
  type Params
} from './validate.js'

type Handler = (params: Params) => unknown

export interface SageMakerContext {
  store: ResourceStore
  region: string
  accountId: string
  now(): number
  scenario(): Scenario
  alarmExists(name: string): boolean
}

const IN_PROGRESS = ['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']
const seconds = (ms: number): number => ms / 1000

export class SageMaker {
  constructor(private readonly ctx: SageMakerContext) {}

  operations(): Record<string, Handler> {
    return {
      CreateModel: p => this.createModel(p),
      DescribeModel: p => this.describeModel(p),
      DeleteModel: p => this.deleteModel(p),
      ListModels: p => this.list(p, 'Models', 'ModelName', 'ModelArn', this.ctx.store.models),
      CreateEndpointConfig: p => this.createEndpointConfig(p),
      DescribeEndpointConfig: p => this.describeEndpointConfig(p),
      DeleteEndpointConfig: p => this.deleteEndpointConfig(p),
      ListEndpointConfigs: p =>
        this.list(
          p,
          'EndpointConfigs',
          'EndpointConfigName',
          'EndpointConfigArn',
          this.ctx.store.configs
        ),
      CreateEndpoint: p => this.createEndpoint(p),
      DescribeEndpoint: p => describeEndpoint(this.endpoint(p)),
      UpdateEndpoint: p => this.updateEndpoint(p),
      DeleteEndpoint: p => this.deleteEndpoint(p),
      ListEndpoints: p => this.listEndpoints(p),
      AddTags: p => this.addTags(p),
      ListTags: p => ({ Tags: this.taggable(p).tags }),
      DeleteTags: p => this.deleteTags(p),
      DescribeModelPackage: p => this.describeModelPackage(p)
    }
  }

  private arn(kind: string, name: string): string {
    return `arn:aws:sagemaker:${this.ctx.region}:${this.ctx.accountId}:${kind}/${name.toLowerCase()}`
  }

  // ---- models ----------------------------------------------------------------------------

  private createModel(p: Params): Params {
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

  private describeModel(p: Params): Params {
    const m = this.model(p)
    return {
      ...m.request,
      ModelName: m.name,
      ModelArn: m.arn,
      CreationTime: seconds(m.creationTime)
    }
  }

  private deleteModel(p: Params): Params {
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

  private describeModelPackage(p: Params): Params {
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

  // ---- endpoint configs -------------------------------------------------------------------

  private createEndpointConfig(p: Params): Params {
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

  private config(name: string): ConfigRecord {
    const config = this.ctx.store.config(name)
    if (config === undefined) throw validation(`Could not find endpoint configuration "${name}".`)
    return config
  }

  private describeEndpointConfig(p: Params): Params {
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

  private deleteEndpointConfig(p: Params): Params {
    const c = this.config(
      requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    )
    this.ctx.store.configs.delete(c.name.toLowerCase())
    return {}
  }

  /** A fleet running `config` (instances not yet taking traffic). */
  private fleet(config: ConfigRecord): Fleet {
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

  // ---- endpoints ---------------------------------------------------------------------------

  private endpoint(p: Params): EndpointRecord {
    const name = requireString(p, 'EndpointName', { max: 63, pattern: NAME_PATTERN })
    const endpoint = this.ctx.store.endpoint(name)
    if (endpoint === undefined) throw validation(`Could not find endpoint "${name}".`)
    return endpoint
  }

  private deploymentConfig(p: Params): Params | undefined {
    if (p.DeploymentConfig === undefined || p.DeploymentConfig === null) return undefined
    return validateDeploymentConfig(p.DeploymentConfig, name => this.ctx.alarmExists(name))
  }

  private createEndpoint(p: Params): Params {
    const name = requireString(p, 'EndpointName', { max: 63, pattern: NAME_PATTERN })
    const configName = requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    const deploymentConfig = this.deploymentConfig(p)
    const tags = readTags(p)
    const arn = this.arn('endpoint', name)
    if (this.ctx.store.endpoint(name) !== undefined) {
      throw new ApiError('ResourceInUse', `Cannot create already existing endpoint "${arn}".`)
    }
    const config = this.config(configName)
    const now = this.ctx.now()
    const endpoint: EndpointRecord = {
      name,
      arn,
      status: 'Creating',
      configName: config.name,
      blue: this.fleet(config),
      blueStatus: [],
      deployment: undefined,
      failureReason: undefined,
      creationTime: now,
      lastModifiedTime: now,
      phaseEndsAt: undefined,
      storedDeploymentConfig: deploymentConfig,
      lastDeploymentConfig: deploymentConfig,
      tags
    }
    startCreation(endpoint, now, this.ctx.scenario())
    this.ctx.store.endpoints.set(name.toLowerCase(), endpoint)
    return { EndpointArn: arn }
  }

  private updateEndpoint(p: Params): Params {
    const endpoint = this.endpoint(p)
    const configName = requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    const retain = optionalBoolean(p, 'RetainDeploymentConfig') ?? false
    optionalBoolean(p, 'RetainAllVariantProperties')
    optionalArray(p, 'ExcludeRetainedVariantProperties', { max: 3 })
    let deploymentConfig = this.deploymentConfig(p)
    if (endpoint.status === 'Failed') {
      throw validation(
        `Cannot update endpoint "${endpoint.arn}" in Failed status: DeleteEndpoint is the only operation allowed on a failed endpoint.`
      )
    }
    if (IN_PROGRESS.includes(endpoint.status))
      throw validation(`Cannot update in-progress endpoint "${endpoint.arn}".`)
    if (endpoint.status === 'UpdateRollbackFailed') {
      throw validation(
        `Cannot update endpoint "${endpoint.arn}" in UpdateRollbackFailed status: delete and recreate the endpoint.`
      )
    }
    const config = this.config(configName)
    const oldNames = endpoint.blue.variants.map(v => v.variantName).sort()
    const newNames = config.variants.map(v => v.VariantName).sort()
    if (oldNames.join(',') !== newNames.join(',')) {
      throw validation(
        `The variant name(s) [${newNames.join(', ')}] of endpoint configuration "${config.name}" do not match the variant name(s) [${oldNames.join(', ')}] of the current endpoint configuration "${endpoint.blue.configName}". A blue/green deployment needs the same variant names.`
      )
    }
    if (retain) {
      if (deploymentConfig !== undefined) {
        throw validation(
          'DeploymentConfig cannot be specified when RetainDeploymentConfig is true.'
        )
      }
      if (endpoint.storedDeploymentConfig === undefined) {
        throw validation(
          `Cannot retain deployment config: endpoint "${endpoint.name}" has no previous deployment configuration.`
        )
      }
      deploymentConfig = validateDeploymentConfig(endpoint.storedDeploymentConfig, name =>
        this.ctx.alarmExists(name)
      )
    }
    const green = this.fleet(config)
    const now = this.ctx.now()
    startDeployment(
      endpoint,
      green,
      resolvePolicy(deploymentConfig, green),
      rollbackAlarms(deploymentConfig),
      now,
      this.ctx.scenario()
    )
    if (deploymentConfig !== undefined) {
      endpoint.storedDeploymentConfig = deploymentConfig
      endpoint.lastDeploymentConfig = deploymentConfig
    }
    return { EndpointArn: endpoint.arn }
  }

  private deleteEndpoint(p: Params): Params {
    const endpoint = this.endpoint(p)
    if (IN_PROGRESS.includes(endpoint.status))
      throw validation(`Cannot update in-progress endpoint "${endpoint.arn}".`)
    const scenario = this.ctx.scenario()
    const now = this.ctx.now()
    if (scenario.deletionSeconds <= 0) {
      this.ctx.store.endpoints.delete(endpoint.name.toLowerCase())
      return {}
    }
    endpoint.status = 'Deleting'
    endpoint.deployment = undefined
    for (const v of endpoint.blue.variants) v.current = 0
    endpoint.phaseEndsAt = now + scenario.deletionSeconds * 1000
    endpoint.lastModifiedTime = now
    return {}
  }

  private listEndpoints(p: Params): Params {
    const result = this.list(
      p,
      'Endpoints',
      'EndpointName',
      'EndpointArn',
      this.ctx.store.endpoints
    )
    const byArn = new Map([...this.ctx.store.endpoints.values()].map(e => [e.arn, e]))
    const endpoints = (result.Endpoints as Params[])
      .map(e => ({ e, record: byArn.get(String(e.EndpointArn)) }))
      .filter(({ record }) => p.StatusEquals === undefined || record?.status === p.StatusEquals)
      .map(({ e, record }) => ({
        ...e,
        EndpointStatus: record?.status,
        LastModifiedTime: seconds(record?.lastModifiedTime ?? 0)
      }))
    return { ...result, Endpoints: endpoints }
  }

  private list(
    p: Params,
    key: string,
    nameField: string,
    arnField: string,
    map: Map<string, { name: string; arn: string; creationTime: number }>
  ): Params {
    const contains = optionalString(p, 'NameContains', { max: 63, pattern: /^[a-zA-Z0-9-]+$/ })
    const max = optionalNumber(p, 'MaxResults', { min: 1, max: 100, integer: true }) ?? 100
    const after = typeof p.CreationTimeAfter === 'number' ? p.CreationTimeAfter * 1000 : undefined
    const before =
      typeof p.CreationTimeBefore === 'number' ? p.CreationTimeBefore * 1000 : undefined
    let items = [...map.values()].filter(
      r =>
        (contains === undefined || r.name.includes(contains)) &&
        (after === undefined || r.creationTime > after) &&
        (before === undefined || r.creationTime < before)
    )
    items.sort((a, b) =>
      p.SortBy === 'Name' ? a.name.localeCompare(b.name) : a.creationTime - b.creationTime
    )
    if (p.SortOrder !== 'Ascending') items = items.reverse()
    const offset = typeof p.NextToken === 'string' ? Number(p.NextToken) || 0 : 0
    const page = items.slice(offset, offset + max)
    return {
      [key]: page.map(r => ({
        [nameField]: r.name,
        [arnField]: r.arn,
        CreationTime: seconds(r.creationTime)
      })),
      ...(offset + max < items.length ? { NextToken: String(offset + max) } : {})
    }
  }

  // ---- tags -----------------------------------------------------------------------------------

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
