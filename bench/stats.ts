/** The value at a quantile (0..1) of a list of timings. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[position];
}

/** The median of a list of timings. */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Times a synchronous function `runs` times (after one warm-up) and returns each duration in ms. */
export function timeRuns(runs: number, fn: (index: number) => void): number[] {
  fn(-1);
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    fn(index);
    times.push(performance.now() - start);
  }
  return times;
}

/** Times an asynchronous function `runs` times (after one warm-up) and returns each duration in ms. */
export async function timeRunsAsync(runs: number, fn: (index: number) => Promise<void>): Promise<number[]> {
  await fn(-1);
  const times: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await fn(index);
    times.push(performance.now() - start);
  }
  return times;
}
