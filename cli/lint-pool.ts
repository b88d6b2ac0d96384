import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Linter } from '../rules/linter.js';
import { ConfigurationError, type Problem } from '../rules/packs/problems.js';
import { lintFiles, type LintBatch, type LintJob } from './lint-files.js';

/** Below this many files the work stays in one thread: starting workers costs more than it saves. */
const FILES_PER_WORKER = 48;

/** Each worker is handed about this many batches over a run, so a worker that falls behind is given less, and few messages cross. */
const BATCHES_PER_WORKER = 8;
/** The fewest and most files handed out at once. */
const BATCH_FILES = { min: 4, max: 32 };

/** A message from the main thread: the next files to lint, or that there are no more. */
type WorkOrder = { files: string[] } | { done: true };
type WorkerReply = { ok: true; batch: LintBatch } | { ok: false; problems?: Problem[]; message: string };

/** True when this thread was started as a lint worker by `lintInParallel`. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === 'lint';
}

/**
 * The body of a lint worker: compiles the configuration once, then lints the
 * batches of files the main thread hands it, one after another, posting each
 * batch's reports back, until told there are no more.
 */
export function runLintWorker(): void {
  const job = (workerData as { job: LintJob }).job;
  const linter = new Linter({ configFile: job.config, extraPacks: job.packs });
  const port = parentPort!;
  const orders: WorkOrder[] = [];
  let busy = false;
  const work = async () => {
    busy = true;
    for (let order = orders.shift(); order; order = orders.shift()) {
      if ('done' in order) {
        port.close();
        break;
      }
      try {
        port.postMessage({ ok: true, batch: await lintFiles({ ...job, files: order.files }, undefined, linter) } satisfies WorkerReply);
      } catch (error) {
        port.postMessage((error instanceof ConfigurationError ? { ok: false, problems: error.problems, message: error.message } : { ok: false, message: (error as Error).stack ?? String(error) }) satisfies WorkerReply);
        port.close();
        break;
      }
    }
    busy = false;
  };
  port.on('message', (order: WorkOrder) => {
    orders.push(order);
    if (!busy) void work();
  });
}

/**
 * Lints files on all cores: this thread and worker threads running this same
 * bundle each compile the configuration once and take batches of files from
 * one queue (a worker holding the next batch while it lints one), and the
 * reports come back in the original order.
 * A configuration problem is reported once, by the first worker to meet it.
 * `onFile` is called each time a file is done (for a progress bar).
 */
export async function lintInParallel(job: LintJob, entryFile: string, onFile?: () => void): Promise<LintBatch> {
  const workers = Math.min(availableParallelism(), Math.ceil(job.files.length / FILES_PER_WORKER));
  if (workers <= 1) return lintFiles(job, onFile);
  const size = Math.max(BATCH_FILES.min, Math.min(BATCH_FILES.max, Math.ceil(job.files.length / (workers * BATCHES_PER_WORKER))));
  let next = 0;
  const take = (count = size): WorkOrder => {
    if (next >= job.files.length) return { done: true };
    const files = job.files.slice(next, next + count);
    next += files.length;
    return { files };
  };
  const batches: LintBatch[] = [];
  const started: Worker[] = [];
  let failed = false;
  // This thread lints too, a few files at a time so that it answers the workers between them: one worker fewer to start, load and warm up.
  const here = async () => {
    const linter = new Linter({ configFile: job.config, extraPacks: job.packs });
    for (let order = take(BATCH_FILES.min); !('done' in order) && !failed; order = take(BATCH_FILES.min)) {
      batches.push(await lintFiles({ ...job, files: order.files }, onFile, linter));
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const elsewhere = Array.from(
    { length: workers - 1 },
    () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(entryFile, { workerData: { role: 'lint', job: { ...job, files: [] } } });
        started.push(worker);
        worker.on('message', (reply: WorkerReply) => {
          if (!reply.ok) {
            reject(reply.problems ? new ConfigurationError(reply.problems) : new Error(reply.message));
            return;
          }
          batches.push(reply.batch);
          for (let index = 0; index < reply.batch.reports.length; index++) onFile?.();
          worker.postMessage(take());
        });
        worker.once('error', reject);
        worker.once('exit', () => resolve());
        // Two batches ahead, so a worker never waits for this thread to hand it the next.
        worker.postMessage(take());
        worker.postMessage(take());
      }),
  );
  try {
    await Promise.all([here(), ...elsewhere]);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    for (const worker of started) void worker.terminate();
  }
  const byFile = new Map(batches.flatMap((batch) => batch.reports).map((report) => [report.file, report]));
  const rules = new Map(batches.flatMap((batch) => batch.rules).map((rule) => [rule.id, rule]));
  const warnings = [...new Set(batches.flatMap((batch) => batch.warnings ?? []))];
  const packs = new Map(batches.flatMap((batch) => batch.packs ?? []).map((pack) => [JSON.stringify(pack), pack]));
  return { reports: job.files.map((file) => byFile.get(file)!), rules: [...rules.values()], warnings, ...(job.describe ? { packs: [...packs.values()] } : {}) };
}
