// The service's clock as seen from here. Service timestamps (status start times, LastModifiedTime,
// alarm transitions) are lower bounds of the service's "now" at each poll; the first and the last
// poll give its offset and its rate against the local clock (1 against AWS; faster against an
// accelerated emulator), so a later wait can be expressed in the service's time. Pure.
import type { ServiceClock } from '../types.js'

export function sampleServiceClock(
  clock: ServiceClock | undefined,
  local: number,
  service: number
): ServiceClock {
  if (!Number.isFinite(service) || service <= 0) {
    return clock ?? { firstLocal: local, firstService: 0, lastLocal: local, lastService: 0 }
  }
  if (clock === undefined || clock.firstService <= 0) {
    return { firstLocal: local, firstService: service, lastLocal: local, lastService: service }
  }
  return { ...clock, lastLocal: local, lastService: Math.max(clock.lastService, service) }
}

/** Service milliseconds per local millisecond: 1 unless the polls show otherwise. */
export function serviceRate(clock: ServiceClock | undefined): number {
  if (clock === undefined || clock.firstService <= 0) return 1
  const local = clock.lastLocal - clock.firstLocal
  const service = clock.lastService - clock.firstService
  // Too short a watch says nothing reliable about the rate.
  if (local < 200 || service <= 0) return 1
  return Math.max(1, service / local)
}

/** The service's time at local time `local`, estimated from the last poll. */
export function serviceNow(clock: ServiceClock | undefined, local: number): number | undefined {
  if (clock === undefined || clock.lastService <= 0) return undefined
  return clock.lastService + (local - clock.lastLocal) * serviceRate(clock)
}
