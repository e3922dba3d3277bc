// DescribeEndpoint's view of an endpoint: the live (blue) fleet at the top level and the green
// fleet in PendingDeploymentSummary while a deployment runs.

import { configEcho, shadowVariants } from './endpoint-view-config.js'
import type { EndpointRecord, Fleet, FleetVariant, VariantStatusEntry } from './state.js'

const seconds = (ms: number): number => ms / 1000

function statuses(list: VariantStatusEntry[]): Record<string, unknown> {
  if (list.length === 0) return {}
  return {
    VariantStatus: list.map(s => ({
      Status: s.Status,
      StatusMessage: s.StatusMessage,
      StartTime: seconds(s.StartTime)
    }))
  }
}

function images(variant: FleetVariant, at: number): Record<string, unknown> {
  if (variant.image === undefined) return {}
  return {
    DeployedImages: [
      {
        SpecifiedImage: variant.image,
        ResolvedImage: `${variant.image.split(':')[0]}@sha256:${'0'.repeat(64)}`,
        ResolutionTime: seconds(at)
      }
    ]
  }
}

/** Per variant kind: serverless shows its config, not instance counts (DescribeEndpoint model). */
function capacity(v: FleetVariant, current: number): Record<string, unknown> {
  const serverless = v.spec?.ServerlessConfig
  if (serverless !== undefined) {
    return {
      ...(current > 0 ? { CurrentServerlessConfig: serverless } : {}),
      DesiredServerlessConfig: serverless
    }
  }
  return { CurrentInstanceCount: current, DesiredInstanceCount: v.desired }
}

/** Settings a variant summary echoes from its config. */
function echoed(v: FleetVariant): Record<string, unknown> {
  const spec = v.spec ?? {}
  const out: Record<string, unknown> = {}
  if (spec.ManagedInstanceScaling !== undefined)
    out.ManagedInstanceScaling = spec.ManagedInstanceScaling
  if (spec.RoutingConfig !== undefined) out.RoutingConfig = spec.RoutingConfig
  const reservation = spec.CapacityReservationConfig as Record<string, unknown> | undefined
  if (reservation !== undefined) {
    out.CapacityReservationConfig = {
      ...(reservation.MlReservationArn === undefined
        ? {}
        : { MlReservationArn: reservation.MlReservationArn }),
      ...(reservation.CapacityReservationPreference === undefined
        ? {}
        : { CapacityReservationPreference: reservation.CapacityReservationPreference })
    }
  }
  return out
}

function blueVariants(endpoint: EndpointRecord): Record<string, unknown>[] {
  return endpoint.blue.variants.map(v => ({
    VariantName: v.variantName,
    ...images(v, endpoint.creationTime),
    CurrentWeight: v.weight,
    DesiredWeight: v.weight,
    ...capacity(v, v.current),
    ...echoed(v),
    ...statuses(endpoint.blueStatus)
  }))
}

function pendingVariants(
  green: Fleet,
  status: VariantStatusEntry[],
  startTime: number
): Record<string, unknown>[] {
  return green.variants.map(v => ({
    VariantName: v.variantName,
    ...images(v, startTime),
    CurrentWeight: v.current > 0 ? v.weight : 0,
    DesiredWeight: v.weight,
    ...capacity(v, v.current),
    ...(v.instanceType === '' ? {} : { InstanceType: v.instanceType }),
    ...(v.spec?.AcceleratorType === undefined ? {} : { AcceleratorType: v.spec.AcceleratorType }),
    ...echoed(v),
    ...statuses(status)
  }))
}

export function describeEndpoint(endpoint: EndpointRecord): Record<string, unknown> {
  const d = endpoint.deployment
  const pendingShadow = shadowVariants(d?.green.config, 0)
  return {
    EndpointName: endpoint.name,
    EndpointArn: endpoint.arn,
    EndpointConfigName: endpoint.configName,
    ProductionVariants: blueVariants(endpoint),
    ...configEcho(endpoint.blue.config, endpoint.status !== 'Creating'),
    EndpointStatus: endpoint.status,
    ...(endpoint.failureReason === undefined ? {} : { FailureReason: endpoint.failureReason }),
    CreationTime: seconds(endpoint.creationTime),
    LastModifiedTime: seconds(endpoint.lastModifiedTime),
    ...(endpoint.lastDeploymentConfig === undefined
      ? {}
      : { LastDeploymentConfig: endpoint.lastDeploymentConfig }),
    ...(d === undefined
      ? {}
      : {
          PendingDeploymentSummary: {
            EndpointConfigName: d.newConfigName,
            ProductionVariants: pendingVariants(d.green, d.greenStatus, d.startTime),
            StartTime: seconds(d.startTime),
            ...(pendingShadow === undefined ? {} : { ShadowProductionVariants: pendingShadow })
          }
        })
  }
}
