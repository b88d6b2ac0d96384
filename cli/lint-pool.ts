import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { ConfigurationError, type Problem } from '../rules/packs/problems.js';
import { lintFiles, type LintBatch, type LintJob } from './lint-files.js';

/** Below this many files the work stays in one thread: starting workers costs more than it saves. */
const FILES_PER_WORKER = 48;

type WorkerReply = { ok: true; batch: LintBatch } | { ok: false; problems?: Problem[]; message: string } | { progress: true };

/** True when this thread was started as a lint worker by `lintInParallel`. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === 'lint';
}

/** The body of a lint worker: lint the batch it was given, posting a progress note after each file, then post the reports back. */
export async function runLintWorker(): Promise<void> {
  const job = (workerData as { job: LintJob }).job;
  const progress: WorkerReply = { progress: true };
  let reply: WorkerReply;
  try {
    reply = { ok: true, batch: await lintFiles(job, () => parentPort?.postMessage(progress)) };
  } catch (error) {
    reply = error instanceof ConfigurationError ? { ok: false, problems: error.problems, message: error.message } : { ok: false, message: (error as Error).stack ?? String(error) };
  }
  parentPort?.postMessage(reply);
}

/**
 * Lints files on all cores: the files are shared out among worker threads
 * running this same bundle, and the reports come back in the original order.
 * `onFile` is called each time a file is done (for a progress bar).
 */
export async function lintInParallel(job: LintJob, entryFile: string, onFile?: () => void): Promise<LintBatch> {
  const workers = Math.min(availableParallelism(), Math.ceil(job.files.length / FILES_PER_WORKER));
  if (workers <= 1) return lintFiles(job, onFile);
  const slices: string[][] = Array.from({ length: workers }, () => []);
  job.files.forEach((file, index) => slices[index % workers].push(file));
  const batches = await Promise.all(
    slices.map(
      (files) =>
        new Promise<LintBatch>((resolve, reject) => {
          const worker = new Worker(entryFile, { workerData: { role: 'lint', job: { ...job, files } } });
          worker.on('message', (reply: WorkerReply) => {
            if ('progress' in reply) onFile?.();
            else if (reply.ok) resolve(reply.batch);
            else reject(reply.problems ? new ConfigurationError(reply.problems) : new Error(reply.message));
          });
          worker.once('error', reject);
        }),
    ),
  );
  const byFile = new Map(batches.flatMap((batch) => batch.reports).map((report) => [report.file, report]));
  const rules = new Map(batches.flatMap((batch) => batch.rules).map((rule) => [rule.id, rule]));
  const warnings = [...new Set(batches.flatMap((batch) => batch.warnings ?? []))];
  const packs = new Map(batches.flatMap((batch) => batch.packs ?? []).map((pack) => [JSON.stringify(pack), pack]));
  return { reports: job.files.map((file) => byFile.get(file)!), rules: [...rules.values()], warnings, ...(job.describe ? { packs: [...packs.values()] } : {}) };
}
