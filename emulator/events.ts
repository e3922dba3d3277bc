// The event log: when each endpoint's deployment reached a verdict in the simulation (created,
// completed, rolled back), in simulated time and in the real time at which the virtual clock
// passed that moment, so a benchmark can measure how soon a client noticed.

export type EmulatorEventKind =
  | 'created'
  | 'creation-failed'
  | 'completed'
  | 'rolling-back'
  | 'rolled-back'
  | 'rollback-failed'
  | 'out-of-service'

export interface EmulatorEvent {
  seq: number
  kind: EmulatorEventKind
  endpointName: string
  /** Set when the transition is an inference component's update (on `endpointName`). */
  inferenceComponentName?: string
  /** Simulated epoch ms of the transition (its exact scheduled time). */
  simulatedTime: number
  /**
   * Real epoch ms at which the virtual clock passed `simulatedTime`: from then on a
   * DescribeEndpoint shows the change. With timeScale 0, when the transition was processed.
   */
  realTime: number
  detail?: string
}

export class EventLog {
  private readonly records: EmulatorEvent[] = []

  constructor(private readonly realTimeAt: (simulated: number) => number) {}

  add(
    kind: EmulatorEventKind,
    endpointName: string,
    simulatedTime: number,
    detail?: string,
    inferenceComponentName?: string
  ): void {
    this.records.push({
      seq: this.records.length + 1,
      kind,
      endpointName,
      ...(inferenceComponentName === undefined ? {} : { inferenceComponentName }),
      simulatedTime,
      realTime: this.realTimeAt(simulatedTime),
      ...(detail === undefined ? {} : { detail })
    })
  }

  all(): EmulatorEvent[] {
    return this.records.map(r => ({ ...r }))
  }
}
