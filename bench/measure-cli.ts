import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Linter } from '../rules/linter.js';
import { generateDraft } from './generate-draft.js';

/** What the CLI throughput benchmark measured, all in one run so the ratios share the machine's load. */
export interface CliThroughput {
  /** Drafts per second of `check` over the folder, on every core. */
  perSecond: number;
  seconds: number;
  /** Drafts per second of the same lint in this process, one core, files read from disk, no workers or formatting. */
  inProcessPerSecond: number;
  cores: number;
  /** The CLI's rate as a share of what the cores could do: perSecond / (cores × inProcessPerSecond). */
  shareOfLimit: number;
  /** Drafts per second of the CLI pinned to one core (taskset -c 0), when taskset is there. */
  oneCorePerSecond?: number;
  /** How much slower the pinned run is than the run on every core. */
  oneCoreSlowdown?: number;
}

function timeCli(command: string[], count: number): number {
  const start = performance.now();
  const [program, ...args] = command;
  const result = spawnSync(program, args, { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed: ${result.error?.message ?? result.stderr}`);
  return count / seconds;
}

/** Lints every draft in this process with a fresh Linter (the pack compiled once), reading each file as the CLI does: drafts per second. */
function timeInProcess(files: string[]): number {
  const linter = new Linter();
  linter.lintText(readFileSync(files[0], 'utf8'), 'markdown', files[0]);
  const start = performance.now();
  for (const file of files) linter.lintText(readFileSync(file, 'utf8'), 'markdown', file);
  return files.length / ((performance.now() - start) / 1000);
}

function hasTaskset(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/**
 * Runs the built CLI over `count` generated drafts of `words` words and
 * compares its rate with the in-process lint rate measured in the same run:
 * the CLI against cores × in-process (the machine's limit), and the CLI on
 * every core against the CLI pinned to one. The in-process and CLI runs are
 * alternated, and the best of `rounds` kept, so that load from elsewhere
 * hurts both sides alike.
 */
export function measureCliThroughput(cli: string, count: number, words: number, rounds = 2): CliThroughput {
  const folder = mkdtempSync(path.join(tmpdir(), 'assessment-lint-bench-'));
  try {
    const files: string[] = [];
    for (let index = 0; index < count; index++) {
      const file = path.join(folder, `draft-${index}.md`);
      writeFileSync(file, generateDraft(words, 1000 + index));
      files.push(file);
    }
    const check = [process.execPath, cli, 'check', folder, '--format', 'json', '--output', path.join(tmpdir(), `assessment-lint-bench-${process.pid}.json`)];
    const pin = hasTaskset();
    let best = { cli: 0, inProcess: 0, pinned: 0 };
    for (let round = 0; round < rounds; round++) {
      const inProcess = timeInProcess(files);
      const rate = timeCli(check, count);
      const pinned = pin ? timeCli(['taskset', '-c', '0', ...check], count) : 0;
      best = { cli: Math.max(best.cli, rate), inProcess: Math.max(best.inProcess, inProcess), pinned: Math.max(best.pinned, pinned) };
    }
    const cores = availableParallelism();
    return {
      perSecond: best.cli,
      seconds: count / best.cli,
      inProcessPerSecond: best.inProcess,
      cores,
      shareOfLimit: best.cli / (cores * best.inProcess),
      ...(pin ? { oneCorePerSecond: best.pinned, oneCoreSlowdown: best.cli / best.pinned } : {}),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(path.join(tmpdir(), `assessment-lint-bench-${process.pid}.json`), { force: true });
  }
}
