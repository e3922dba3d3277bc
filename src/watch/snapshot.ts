// Pure mapping from the services' describe outputs to the core's plain snapshots.
import type { AlarmSnapshot, AlarmState, EndpointSnapshot, FleetSnapshot } from '../types.js'

/** The fields of DescribeEndpoint's output that the watch reads (SDK output is assignable). */
export interface DescribeEndpointLike {
  EndpointStatus?: string | undefined
  EndpointConfigName?: string | undefined
  FailureReason?: string | undefined
  LastModifiedTime?: Date | undefined
  ProductionVariants?: VariantLike[] | undefined
  PendingDeploymentSummary?:
    | {
        EndpointConfigName?: string | undefined
        StartTime?: Date | undefined
        ProductionVariants?: VariantLike[] | undefined
      }
    | undefined
}

interface VariantLike {
  VariantName?: string | undefined
  CurrentInstanceCount?: number | undefined
  DesiredInstanceCount?: number | undefined
  CurrentWeight?: number | undefined
  DesiredWeight?: number | undefined
  VariantStatus?:
    | {
        Status?: string | undefined
        StatusMessage?: string | undefined
        StartTime?: Date | undefined
      }[]
    | undefined
}

export interface MetricAlarmLike {
  AlarmName?: string | undefined
  StateValue?: string | undefined
  StateReason?: string | undefined
  StateUpdatedTimestamp?: Date | undefined
  StateTransitionedTimestamp?: Date | undefined
}

const millis = (date: Date | undefined): number | undefined =>
  date instanceof Date && !Number.isNaN(date.getTime()) ? date.getTime() : undefined

function toFleet(variant: VariantLike | undefined): FleetSnapshot | undefined {
  if (!variant) return undefined
  return {
    variantName: variant.VariantName ?? '',
    currentInstanceCount: variant.CurrentInstanceCount,
    desiredInstanceCount: variant.DesiredInstanceCount,
    currentWeight: variant.CurrentWeight,
    desiredWeight: variant.DesiredWeight,
    statuses: (variant.VariantStatus ?? []).map(s => ({
      status: s.Status ?? '',
      message: s.StatusMessage,
      startTime: millis(s.StartTime)
    }))
  }
}

/** The variant this step deploys to (by name), else the first one. */
function pick(
  variants: VariantLike[] | undefined,
  name: string | undefined
): VariantLike | undefined {
  return (
    (name === undefined ? undefined : variants?.find(v => v.VariantName === name)) ?? variants?.[0]
  )
}

export function toEndpointSnapshot(
  out: DescribeEndpointLike,
  variantName?: string
): EndpointSnapshot {
  const pending = out.PendingDeploymentSummary
  return {
    status: out.EndpointStatus ?? 'Unknown',
    configName: out.EndpointConfigName,
    failureReason: out.FailureReason ? out.FailureReason : undefined,
    lastModifiedTime: millis(out.LastModifiedTime),
    blue: toFleet(pick(out.ProductionVariants, variantName)),
    green: toFleet(pick(pending?.ProductionVariants, variantName)),
    pendingConfigName: pending?.EndpointConfigName,
    pendingStartTime: millis(pending?.StartTime)
  }
}

const ALARM_STATES: readonly AlarmState[] = ['OK', 'ALARM', 'INSUFFICIENT_DATA']

export function toAlarmSnapshots(alarms: readonly MetricAlarmLike[]): AlarmSnapshot[] {
  return alarms.map(a => ({
    name: a.AlarmName ?? '',
    state: ALARM_STATES.includes(a.StateValue as AlarmState)
      ? (a.StateValue as AlarmState)
      : 'INSUFFICIENT_DATA',
    reason: a.StateReason,
    updatedAt: millis(a.StateTransitionedTimestamp ?? a.StateUpdatedTimestamp)
  }))
}
