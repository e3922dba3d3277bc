// The simulation: one-second ticks on the virtual clock, processed lazily up to "now" before
// each request. Per tick: synthetic traffic, alarm evaluation at each whole minute (and every
// 10 s while a high-resolution alarm exists), on the data that has arrived by then, then each
// endpoint's state machine (rollback checks, phase transitions).

import { AlarmBook } from './alarms.js'
import type { VirtualClock } from './clock.js'
import { tickComponentUpdate } from './component-update.js'
import { componentsServing } from './component-traffic.js'
import { tickEndpoint } from './deployment.js'
import { EventLog } from './events.js'
import { MetricStore, MINUTE_MS } from './metrics.js'
import { seededRandom } from './random.js'
import type { Scenario } from './scenario.js'
import { ResourceStore } from './state.js'
import { TrafficGenerator } from './traffic.js'

const TICK_MS = 1000
/** How often CloudWatch evaluates a 10, 20 or 30 s alarm. */
const HIGH_RESOLUTION_EVALUATION_MS = 10_000

export class Simulation {
  readonly store = new ResourceStore()
  readonly metrics = new MetricStore()
  readonly alarms: AlarmBook
  readonly traffic: TrafficGenerator
  readonly events: EventLog
  /** Everything before this simulated time has been processed. */
  private processedUntil: number

  constructor(
    readonly clock: VirtualClock,
    private readonly getScenario: () => Scenario
  ) {
    const random = seededRandom(getScenario().seed)
    this.alarms = new AlarmBook(this.metrics, () => this.getScenario().alarmsInAlarm)
    this.traffic = new TrafficGenerator(
      getScenario,
      this.metrics,
      random,
      seededRandom(getScenario().seed + 29)
    )
    this.events = new EventLog(simulated => clock.realTimeAt(simulated))
    this.processedUntil = Math.floor(clock.now() / TICK_MS) * TICK_MS
  }

  scenario(): Scenario {
    return this.getScenario()
  }

  /** Processes every tick up to the clock's current time. */
  catchUp(): number {
    const now = this.clock.now()
    while (this.processedUntil + TICK_MS <= now) this.tick()
    // Phase transitions due within the current (partial) second happen at their exact time.
    this.runStateMachines(now)
    return now
  }

  private runStateMachines(time: number): void {
    const ctx = {
      scenario: () => this.getScenario(),
      alarmInAlarm: (name: string) => this.alarms.isInAlarm(name),
      record: this.events.add.bind(this.events)
    }
    for (const [key, endpoint] of this.store.endpoints) {
      if (!tickEndpoint(endpoint, time, ctx)) this.store.endpoints.delete(key)
    }
    for (const component of this.store.inferenceComponents.values()) {
      tickComponentUpdate(component, time, ctx)
    }
  }

  private tick(): void {
    const start = this.processedUntil
    const end = start + TICK_MS
    for (const endpoint of this.store.endpoints.values()) {
      // An endpoint that hosts components serving traffic answers with their models.
      const components = componentsServing(this.store, endpoint)
      if (components.length === 0) this.traffic.tick(endpoint, start)
      else for (const c of components) this.traffic.tickComponent(endpoint, c, start)
    }
    this.processedUntil = end
    const due =
      end % MINUTE_MS === 0 ||
      (end % HIGH_RESOLUTION_EVALUATION_MS === 0 && this.alarms.hasHighResolution())
    if (due) {
      // What happened before the evaluation sees the alarms as they were.
      this.runStateMachines(end - 1)
      this.alarms.evaluateAll(end)
    }
    this.runStateMachines(end)
  }
}
