import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker, workerData, parentPort } from 'node:worker_threads';
import { Linter } from '../rules/linter.js';

/** The option of the bench that runs only the in-process lint on every core at once, over a folder of drafts, and prints drafts per second. */
export const PARALLEL_FLAG = '--in-process-parallel';

/** What a bench thread is told: which drafts to lint. */
interface SliceOrder {
  role: 'bench-lint';
  files: string[];
}

/** True when this thread was started by `lintOnEveryCore` to lint a slice. */
export function isBenchLintThread(): boolean {
  return (workerData as SliceOrder | null)?.role === 'bench-lint';
}

/** In a bench thread: lints its slice with one Linter (the pack compiled before the clock starts) and reports the milliseconds. */
export function lintSlice(): void {
  const { files } = workerData as SliceOrder;
  const linter = new Linter();
  linter.lintText(readFileSync(files[0], 'utf8'), 'markdown', files[0]);
  parentPort!.postMessage({ ready: true });
  parentPort!.once('message', () => {
    const start = performance.now();
    for (const file of files) linter.lintText(readFileSync(file, 'utf8'), 'markdown', file);
    parentPort!.postMessage({ ms: performance.now() - start });
  });
}

/**
 * Lints every draft of a folder in this process, split across one thread per
 * core, all starting together once each has compiled the pack: the rate the
 * machine reaches when every core lints at once (memory, caches and the
 * collector shared), with no CLI around it. Resolves to drafts per second.
 */
export async function lintOnEveryCore(folder: string, entry: string): Promise<number> {
  const files = readdirSync(folder).map((name) => path.join(folder, name));
  const cores = availableParallelism();
  const slices = Array.from({ length: cores }, (_, index) => files.filter((_, at) => at % cores === index));
  const workers = slices.map((slice) => new Worker(entry, { workerData: { role: 'bench-lint', files: slice } satisfies SliceOrder }));
  await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))));
  const start = performance.now();
  await Promise.all(workers.map((worker) => new Promise((resolve) => { worker.once('message', resolve); worker.postMessage('go'); })));
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return files.length / seconds;
}
