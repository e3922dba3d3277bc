// The virtual clock: simulated time runs `timeScale` times faster than real time and can be
// pushed forward with `advance`. All service timestamps come from it.

export class VirtualClock {
  private readonly realStart: number
  private readonly simStart: number
  private offsetMs = 0
  /** Each advance(): when (real), and the simulated span it jumped over. */
  private readonly jumps: { real: number; from: number; to: number; offsetBefore: number }[] = []

  constructor(
    private readonly timeScale: number,
    private readonly realNow: () => number = Date.now,
    /** Simulated epoch ms at the start (default: the real time), e.g. a whole minute for tests. */
    startTime?: number
  ) {
    this.realStart = realNow()
    this.simStart = startTime ?? this.realStart
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return Math.floor(
      this.simStart + (this.realNow() - this.realStart) * this.timeScale + this.offsetMs
    )
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('advance() needs seconds >= 0')
    const from = this.now()
    this.jumps.push({
      real: this.realNow(),
      from,
      to: from + seconds * 1000,
      offsetBefore: this.offsetMs
    })
    this.offsetMs += seconds * 1000
  }

  /**
   * Real epoch ms at which the clock passed `simulated` (a moment an advance() jumped over: the
   * advance's); never later than now. With timeScale 0 only advance() moves the clock: now.
   */
  realTimeAt(simulated: number): number {
    const real = this.realNow()
    if (this.timeScale <= 0) return real
    let offset = this.offsetMs
    for (let i = this.jumps.length - 1; i >= 0; i--) {
      const jump = this.jumps[i]!
      if (simulated >= jump.to) break
      if (simulated >= jump.from) return jump.real
      offset = jump.offsetBefore
    }
    const at = this.realStart + (simulated - this.simStart - offset) / this.timeScale
    return Math.min(real, Math.round(at))
  }

  /** Real milliseconds since the emulator started. */
  realElapsedMs(): number {
    return this.realNow() - this.realStart
  }
}
