// Stepped time: simulated time that waits for the action. The emulator's clock does not follow the
// wall clock; it moves only when every action process attached to it is waiting (on a timer, or on
// a request the emulator holds), and then jumps straight to the earliest moment one of them, or the
// emulator itself, wakes. Each request is answered at one simulated instant. A busy or slow
// machine makes a test take longer in real time and changes nothing it sees.
//
// The action's side is emulator/action-clock.cjs, preloaded into the bundle's process (test only):
// it runs the process's Date and timers on this clock and reports over the IPC channel when it
// waits. Processes woken at the same instant run one after the other, in the order they attached,
// so even two runs racing for one endpoint interleave the same way every time.

import type { ChildProcess } from 'node:child_process'

interface Participant {
  readonly id: string
  readonly order: number
  readonly child: ChildProcess
  /** Bytes of stdout the test has received from it (the report must not be ahead of them). */
  stdoutReceived: () => number
  busy: boolean
  until: number | null
  inflight: readonly string[]
  stdoutBytes: number
}

interface Timer {
  readonly at: number
  readonly order: number
  readonly wake: () => void
}

type Hook = () => boolean

/** Where a request of an attached process stands in the emulator. */
type RequestState = 'processing' | 'held' | 'answered'

export interface SteppedTimeOptions {
  now(): number
  /** Moves the emulator's clock to `at` (simulated epoch ms) and runs the simulation up to it. */
  advanceTo(at: number): void
}

export class SteppedTime {
  private readonly participants = new Map<string, Participant>()
  private readonly requests = new Map<string, RequestState>()
  private timers: Timer[] = []
  private hooks: Hook[] = []
  private printedWaits: (() => boolean)[] = []
  private order = 0
  private scheduled = false
  private stalled: string | undefined

  constructor(private readonly options: SteppedTimeOptions) {}

  /** Simulated epoch ms. */
  now(): number {
    return this.options.now()
  }

  /**
   * Delivers a signal through the channel with the current simulated time, so the process handles
   * it at the moment it arrives (a real signal, raised by the process on itself).
   */
  signal(id: string, signal: NodeJS.Signals): boolean {
    const participant = this.participants.get(id)
    if (participant === undefined || !participant.child.connected) return false
    participant.busy = true
    participant.child.send({ emulatorClock: 'signal', signal, now: this.options.now() })
    this.schedule()
    return true
  }

  /** The environment a child needs to run on this clock (with the preload in NODE_OPTIONS). */
  childEnv(id: string, emulatorPort: number, seed: number): Record<string, string> {
    return {
      EMULATOR_CLOCK_CLIENT: id,
      EMULATOR_CLOCK_PORT: String(emulatorPort),
      EMULATOR_CLOCK_NOW: String(this.options.now()),
      EMULATOR_CLOCK_SEED: String(seed)
    }
  }

  /** Takes part from now until the child exits. It starts busy (loading). */
  attach(id: string, child: ChildProcess, stdoutReceived: () => number): void {
    const participant: Participant = {
      id,
      order: ++this.order,
      child,
      stdoutReceived,
      busy: true,
      until: null,
      inflight: [],
      stdoutBytes: 0
    }
    this.participants.set(id, participant)
    child.on('message', (message: unknown) => {
      const m = message as { emulatorClock?: string; until?: number | null; inflight?: string[] }
      if (m?.emulatorClock !== 'idle') return
      participant.busy = false
      participant.until = m.until ?? null
      participant.inflight = m.inflight ?? []
      participant.stdoutBytes = Number((m as { stdoutBytes?: number }).stdoutBytes ?? 0)
      this.schedule()
    })
    child.on('exit', () => {
      this.participants.delete(id)
      this.schedule()
    })
  }

  /** Re-evaluates (e.g. stdout arrived), and lets requests go on whose output has arrived. */
  poke(): void {
    this.printedWaits = this.printedWaits.filter(w => !w())
    this.schedule()
  }

  /**
   * Resolves once the test has received the first `bytes` bytes the process printed: a request
   * is handled only after everything printed before it was seen (a test that acts on a line acts
   * before the next request, on every machine).
   */
  printed(requestId: string, bytes: number): Promise<void> {
    const participant = this.participants.get(requestId.split('.')[0] ?? '')
    if (participant === undefined || participant.stdoutReceived() >= bytes) return Promise.resolve()
    return new Promise(resolve => {
      this.printedWaits.push(() => {
        if (participant.stdoutReceived() < bytes && this.participants.has(participant.id))
          return false
        resolve()
        return true
      })
    })
  }

  /** A hook run each time everything waits, before time moves; true removes it. */
  whenWaiting(hook: Hook): void {
    this.hooks.push(hook)
    this.schedule()
  }

  /** With no process attached, wakes the emulator's own waits due by now (after advance()). */
  wakeDue(): void {
    if (this.participants.size > 0) return
    const now = this.options.now()
    const due = this.timers
      .filter(t => t.at <= now)
      .sort((a, b) => a.at - b.at || a.order - b.order)
    this.timers = this.timers.filter(t => t.at > now)
    for (const timer of due) timer.wake()
  }

  /** The emulator's own simulated wait (a slow or held answer). */
  sleep(ms: number, requestId?: string): Promise<void> {
    if (requestId !== undefined) this.requests.set(requestId, 'held')
    return new Promise(resolve => {
      this.timers.push({
        at: this.options.now() + Math.max(0, ms),
        order: ++this.order,
        wake: () => {
          if (requestId !== undefined && this.requests.get(requestId) === 'held')
            this.requests.set(requestId, 'processing')
          resolve()
        }
      })
      this.schedule()
    })
  }

  requestReceived(requestId: string): void {
    this.requests.set(requestId, 'processing')
  }

  requestAnswered(requestId: string): void {
    this.requests.set(requestId, 'answered')
    for (const p of this.participants.values()) if (p.inflight.includes(requestId)) p.busy = true
    this.schedule()
  }

  /** Where everything stands (for a test's failure message when a run does not end). */
  state(): string {
    const who = [...this.participants.values()].map(
      p =>
        `${p.id}: ${p.busy ? 'busy' : `waiting until ${p.until ?? 'never'}`}, ` +
        `requests [${p.inflight.map(id => `${id} ${this.requests.get(id) ?? 'not received'}`).join(', ')}], ` +
        `stdout ${p.stdoutReceived()}/${p.stdoutBytes}`
    )
    return [
      `now ${this.options.now()}`,
      ...who,
      `${this.timers.length} emulator timer(s), ${this.hooks.length} hook(s)`,
      ...(this.stalled ? [this.stalled] : [])
    ].join('; ')
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.step()
    })
  }

  private waiting(p: Participant): boolean {
    if (p.busy || p.stdoutReceived() < p.stdoutBytes) return false
    // Every request it still expects must be held by the emulator; an answered one will wake it,
    // one not yet received is on its way.
    return p.inflight.every(id => this.requests.get(id) === 'held')
  }

  private step(): void {
    const participants = [...this.participants.values()]
    if (participants.length === 0 || !participants.every(p => this.waiting(p))) return
    if (this.hooks.length > 0) {
      const before = this.hooks.length
      this.hooks = this.hooks.filter(hook => !hook())
      // A hook that acted (signalled a process) lets it run before time moves.
      if (this.hooks.length !== before || participants.some(p => p.busy)) {
        this.schedule()
        return
      }
    }
    const now = this.options.now()
    const candidates: { at: number; order: number; wake: () => void }[] = [
      ...this.timers,
      ...participants
        .filter(p => p.until !== null)
        .map(p => ({
          at: p.until!,
          order: p.order,
          wake: () => {
            p.busy = true
            p.child.send({ emulatorClock: 'wake', now: this.options.now() })
          }
        }))
    ]
    if (candidates.length === 0) {
      this.stalled = `every process waits on a request the emulator holds for ever (${participants
        .map(p => `${p.id}: ${p.inflight.join(', ')}`)
        .join('; ')})`
      return
    }
    candidates.sort((a, b) => a.at - b.at || a.order - b.order)
    const next = candidates[0]!
    if (next.at > now) this.options.advanceTo(next.at)
    this.timers = this.timers.filter(t => t !== next)
    // One at a time: whatever it does is finished before the next wakes at the same instant.
    next.wake()
    this.schedule()
  }
}
