import type { Parameters } from 'fast-check';

/** The seed every fuzz suite starts from, so a failure replays exactly (override with FUZZ_SEED). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_251_125);

/** How many cases a suite runs: its own bounded count, or FUZZ_RUNS for a longer search on demand. */
export function fuzzRuns(bounded: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : bounded;
}

/** fast-check parameters with the fixed seed and the run count; failures are shrunk and print the seed and path to replay. */
export function fuzzParameters<T>(bounded: number): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(bounded) };
}

/** A mocha timeout that grows with the number of runs asked for (milliseconds per run, at least `floor`). */
export function fuzzTimeout(bounded: number, perRunMs: number, floor = 20_000): number {
  return Math.max(floor, fuzzRuns(bounded) * perRunMs);
}
