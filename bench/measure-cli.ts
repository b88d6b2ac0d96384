import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Linter } from '../rules/linter.js';
import { generateDraft } from './generate-draft.js';
import { PARALLEL_FLAG } from './measure-parallel.js';

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
  /**
   * CPU milliseconds per draft, all threads, user and system: the CLI's and the
   * in-process lint's, and their ratio. Unlike the rates, these hardly change
   * with load from elsewhere on the machine, so they show the CLI's own overhead.
   */
  cpuPerDraft: { cli: number; inProcess: number; ratio: number };
  /**
   * Drafts per second of the same in-process lint on every core at once (one
   * thread per core, in a process of its own): what the machine can reach
   * when the cores share memory and caches, which is less than cores × one.
   */
  everyCorePerSecond?: number;
  /** The CLI's rate as a share of `everyCorePerSecond`. */
  shareOfEveryCore?: number;
  /** Drafts per second of the CLI pinned to one core (taskset -c 0), when taskset is there. */
  oneCorePerSecond?: number;
  /** How much slower the pinned run is than the run on every core. */
  oneCoreSlowdown?: number;
}

/** A timed run: drafts per second (wall clock) and CPU milliseconds per draft (all threads, user and system). */
interface Timing {
  perSecond: number;
  cpuPerDraft: number;
}

/** The shell's `time -p` is used for the CPU time of the CLI and its worker threads. */
const SHELL = '/bin/bash';

function timeCli(command: string[], count: number): Timing {
  const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const start = performance.now();
  const result = spawnSync(SHELL, ['-c', `time -p ${quoted}`], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed: ${result.error?.message ?? result.stderr}`);
  const cpu = ['user', 'sys'].reduce((sum, name) => sum + Number(new RegExp(`^${name} ([\\d.]+)$`, 'm').exec(result.stderr)?.[1] ?? NaN), 0);
  return { perSecond: count / seconds, cpuPerDraft: (cpu * 1000) / count };
}

/** Lints every draft in this process with a fresh Linter (the pack compiled once), reading each file as the CLI does. */
function timeInProcess(files: string[]): Timing {
  const linter = new Linter();
  linter.lintText(readFileSync(files[0], 'utf8'), 'markdown', files[0]);
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (const file of files) linter.lintText(readFileSync(file, 'utf8'), 'markdown', file);
  const used = process.cpuUsage(cpu);
  return { perSecond: files.length / ((performance.now() - start) / 1000), cpuPerDraft: (used.user + used.system) / 1000 / files.length };
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
    let best = { cli: 0, inProcess: 0, pinned: 0, everyCore: 0, cliCpu: Infinity, inProcessCpu: Infinity };
    const bench = path.join(path.dirname(cli), 'bench.js');
    for (let round = 0; round < rounds; round++) {
      const inProcess = timeInProcess(files);
      const cli = timeCli(check, count);
      const pinned = pin ? timeCli(['taskset', '-c', '0', ...check], count).perSecond : 0;
      const everyCore = Number(spawnSync(process.execPath, [bench, PARALLEL_FLAG, folder], { encoding: 'utf8' }).stdout.trim());
      best = {
        everyCore: Math.max(best.everyCore, Number.isFinite(everyCore) ? everyCore : 0),
        cli: Math.max(best.cli, cli.perSecond),
        inProcess: Math.max(best.inProcess, inProcess.perSecond),
        pinned: Math.max(best.pinned, pinned),
        cliCpu: Math.min(best.cliCpu, cli.cpuPerDraft),
        inProcessCpu: Math.min(best.inProcessCpu, inProcess.cpuPerDraft),
      };
    }
    const cores = availableParallelism();
    return {
      perSecond: best.cli,
      seconds: count / best.cli,
      inProcessPerSecond: best.inProcess,
      cores,
      shareOfLimit: best.cli / (cores * best.inProcess),
      cpuPerDraft: { cli: best.cliCpu, inProcess: best.inProcessCpu, ratio: best.cliCpu / best.inProcessCpu },
      ...(best.everyCore > 0 ? { everyCorePerSecond: best.everyCore, shareOfEveryCore: best.cli / best.everyCore } : {}),
      ...(pin ? { oneCorePerSecond: best.pinned, oneCoreSlowdown: best.cli / best.pinned } : {}),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(path.join(tmpdir(), `assessment-lint-bench-${process.pid}.json`), { force: true });
  }
}
