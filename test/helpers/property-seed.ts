/**
 * One seed for every property test (fast-check) of a run: fixed unless asked otherwise, so that CI checks the
 * same cases every time and a failure replays. FUZZ_SEED=n replays run n; FUZZ_SEED=random picks a new one.
 * global-setup.ts resolves it once, prints it and hands it to the test workers in the environment;
 * setup-property-seed.ts makes it fast-check's default, and tests that sample by hand read it here.
 */
export const FIXED_SEED = 20_240_613;

/** The seed FUZZ_SEED asks for ('' or unset: the fixed one; 'random': a new one). */
export function resolveSeed(wanted = process.env['FUZZ_SEED']): number {
  if (wanted === undefined || wanted === '') return FIXED_SEED;
  if (wanted === 'random') return Math.floor(Math.random() * 2 ** 31);
  const seed = Number(wanted);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FUZZ_SEED must be an integer or "random", not ${JSON.stringify(wanted)}`);
  return seed;
}

/** The run's seed, as global-setup.ts resolved it (also right when a test file runs without it). */
export function propertySeed(): number {
  return resolveSeed();
}
