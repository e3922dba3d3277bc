// DescribeEndpoint's view of an endpoint: the live (blue) fleet at the top level and the green
// fleet in PendingDeploymentSummary while a deployment runs.

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

function blueVariants(endpoint: EndpointRecord): Record<string, unknown>[] {
  return endpoint.blue.variants.map(v => ({
    VariantName: v.variantName,
    ...images(v, endpoint.creationTime),
    CurrentWeight: v.weight,
    DesiredWeight: v.weight,
    CurrentInstanceCount: v.current,
    DesiredInstanceCount: v.desired,
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
    CurrentInstanceCount: v.current,
    DesiredInstanceCount: v.desired,
    InstanceType: v.instanceType,
    ...statuses(status)
  }))
}

export function describeEndpoint(endpoint: EndpointRecord): Record<string, unknown> {
  const d = endpoint.deployment
  return {
    EndpointName: endpoint.name,
    EndpointArn: endpoint.arn,
    EndpointConfigName: endpoint.configName,
    ProductionVariants: blueVariants(endpoint),
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
            StartTime: seconds(d.startTime)
          }
        })
  }
}
