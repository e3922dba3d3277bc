// The virtual clock: simulated time runs `timeScale` times faster than real time and can be
// pushed forward with `advance`. All service timestamps come from it.

export class VirtualClock {
  private readonly realStart: number
  private readonly simStart: number
  private offsetMs = 0

  constructor(
    private readonly timeScale: number,
    private readonly realNow: () => number = Date.now
  ) {
    this.realStart = realNow()
    this.simStart = this.realStart
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return Math.floor(
      this.simStart + (this.realNow() - this.realStart) * this.timeScale + this.offsetMs
    )
  }

  advance(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('advance() needs seconds >= 0')
    this.offsetMs += seconds * 1000
  }

  /** Real milliseconds since the emulator started. */
  realElapsedMs(): number {
    return this.realNow() - this.realStart
  }
}
