// SageMaker operations on endpoints: create, blue/green update, delete, describe and list.

import {
  checkPolicyForFleet,
  resolvePolicy,
  rollbackAlarms,
  validateDeploymentConfig
} from './deployment-config.js'
import { startCreation, startDeployment } from './deployment.js'
import { checkScalableVariants, deregisterOnDelete } from './endpoint-scaling.js'
import { ApiError, validation } from './errors.js'
import { checkInstanceQuota } from './quota.js'
import { SageMakerOperations, seconds, type SageMakerContext } from './sagemaker-operations.js'
import type { SageMakerEndpointConfigs } from './sagemaker-endpoint-configs.js'
import type { EndpointRecord } from './state.js'
import {
  NAME_PATTERN,
  optionalArray,
  optionalBoolean,
  readTags,
  requireString,
  type Params
} from './validate.js'

const IN_PROGRESS = ['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']

export class SageMakerEndpoints extends SageMakerOperations {
  constructor(
    ctx: SageMakerContext,
    private readonly configs: SageMakerEndpointConfigs
  ) {
    super(ctx)
  }

  endpoint(p: Params): EndpointRecord {
    const name = requireString(p, 'EndpointName', { max: 63, pattern: NAME_PATTERN })
    const endpoint = this.ctx.store.endpoint(name)
    if (endpoint === undefined) throw validation(`Could not find endpoint "${name}".`)
    return endpoint
  }

  private deploymentConfig(p: Params): Params | undefined {
    if (p.DeploymentConfig === undefined || p.DeploymentConfig === null) return undefined
    return validateDeploymentConfig(p.DeploymentConfig, name => this.alarmAccepted(name))
  }

  /** No source says a missing rollback alarm is rejected: only under the assumption switch. */
  private alarmAccepted(name: string): boolean {
    return !this.ctx.scenario().assumeAlarmsMustExist || this.ctx.alarmExists(name)
  }

  createEndpoint(p: Params): Params {
    const name = requireString(p, 'EndpointName', { max: 63, pattern: NAME_PATTERN })
    const configName = requireString(p, 'EndpointConfigName', { max: 63, pattern: NAME_PATTERN })
    const deploymentConfig = this.deploymentConfig(p)
    const tags = readTags(p)
    const arn = this.arn('endpoint', name)
    if (this.ctx.store.endpoint(name) !== undefined) {
      throw new ApiError('ResourceInUse', `Cannot create already existing endpoint "${arn}".`)
    }
    const config = this.configs.config(configName)
    const blue = this.configs.fleet(config)
    checkInstanceQuota(this.ctx.store, this.ctx.scenario(), blue)
    const now = this.ctx.now()
    const endpoint: EndpointRecord = {
      name,
      arn,
      status: 'Creating',
      configName: config.name,
      blue,
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

  updateEndpoint(p: Params): Params {
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
    const config = this.configs.config(configName)
    checkScalableVariants(endpoint, config, this.ctx.store)
    const oldNames = endpoint.blue.variants.map(v => v.variantName).sort()
    const newNames = config.variants.map(v => v.VariantName).sort()
    // Guardrail deployments need the same variant names (exclusions page); a plain update may
    // change the variant set (ACK's real-service test adds a variant with one).
    const guarded = deploymentConfig !== undefined || retain
    if (
      (guarded || this.ctx.scenario().assumeSameVariantsOnPlainUpdate) &&
      oldNames.join(',') !== newNames.join(',')
    ) {
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
      if (endpoint.storedDeploymentConfig !== undefined) {
        deploymentConfig = validateDeploymentConfig(endpoint.storedDeploymentConfig, name =>
          this.alarmAccepted(name)
        )
      } else if (this.ctx.scenario().assumeRetainNeedsStoredConfig) {
        throw validation(
          `Cannot retain deployment config: endpoint "${endpoint.name}" has no previous deployment configuration.`
        )
      }
      // Nothing stored: the model's default, all at once with no alarms.
    }
    const green = this.configs.fleet(config)
    checkPolicyForFleet(deploymentConfig, green, endpoint.blue)
    const policy = resolvePolicy(deploymentConfig, green)
    // A rolling update launches one batch at a time next to the live fleet.
    checkInstanceQuota(this.ctx.store, this.ctx.scenario(), green, policy.batch)
    const now = this.ctx.now()
    startDeployment(
      endpoint,
      green,
      policy,
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

  deleteEndpoint(p: Params): Params {
    const endpoint = this.endpoint(p)
    if (IN_PROGRESS.includes(endpoint.status))
      throw validation(`Cannot update in-progress endpoint "${endpoint.arn}".`)
    const scenario = this.ctx.scenario()
    deregisterOnDelete(endpoint, this.ctx.store, scenario)
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

  listEndpoints(p: Params): Params {
    const statuses = [
      'OutOfService',
      'Creating',
      'Updating',
      'SystemUpdating',
      'RollingBack',
      'InService',
      'Deleting',
      'Failed',
      'UpdateRollbackFailed'
    ]
    const wanted = p.StatusEquals
    if (wanted !== undefined && (typeof wanted !== 'string' || !statuses.includes(wanted)))
      throw validation(
        `1 validation error detected: Value '${String(wanted)}' at 'statusEquals' failed to satisfy constraint: Member must satisfy enum value set: [${statuses.join(', ')}]`
      )
    const ms = (field: string): number | undefined =>
      typeof p[field] === 'number' ? (p[field] as number) * 1000 : undefined
    const modifiedAfter = ms('LastModifiedTimeAfter')
    const modifiedBefore = ms('LastModifiedTimeBefore')
    const store = this.ctx.store
    const record = (name: string): EndpointRecord | undefined => store.endpoint(name)
    const result = this.list(p, 'Endpoints', 'EndpointName', 'EndpointArn', store.endpoints, {
      filter: name => {
        const e = record(name)
        return (
          e !== undefined &&
          (wanted === undefined || e.status === wanted) &&
          (modifiedAfter === undefined || e.lastModifiedTime > modifiedAfter) &&
          (modifiedBefore === undefined || e.lastModifiedTime < modifiedBefore)
        )
      },
      status: name => record(name)?.status ?? ''
    })
    const endpoints = (result.Endpoints as Params[]).map(e => {
      const r = record(String(e.EndpointName))
      return {
        ...e,
        EndpointStatus: r?.status,
        LastModifiedTime: seconds(r?.lastModifiedTime ?? 0)
      }
    })
    return { ...result, Endpoints: endpoints }
  }
}
