// Seeds for property tests: fixed ones, the same in every run (and the only ones under mutation
// testing, whose results must not depend on chance), plus a new random one each run, printed.
// PROPERTY_SEED=<seed> replays one seed alone: the one a failing test's title names.

export const FIXED_SEEDS: readonly number[] = [11, 23, 42]

export function propertySeeds(fixed: readonly number[] = FIXED_SEEDS): number[] {
  const replay = process.env['PROPERTY_SEED']
  if (replay !== undefined && replay !== '') {
    const seed = Number(replay)
    if (!Number.isSafeInteger(seed)) {
      throw new Error(`PROPERTY_SEED must be an integer seed, not "${replay}"`)
    }
    return [seed]
  }
  if (process.env['STRYKER_MUTATOR_WORKER'] !== undefined) return [...fixed]
  return [...fixed, Math.floor(Math.random() * 2 ** 31)]
}

/** The seeds, said once per test file so that a failing run can be replayed. */
export function announceSeeds(file: string, seeds: readonly number[]): void {
  console.info(`${file}: property seeds ${seeds.join(', ')} (replay one: PROPERTY_SEED=<seed>)`)
}
