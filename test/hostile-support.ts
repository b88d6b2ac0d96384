import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { CLI, type CliRun } from './helpers.js';

/** How long a command-line run over a hostile file may take before it is killed and the test fails (it takes well under a second). */
export const HANG_LIMIT_MS = 15_000;

/**
 * Runs the built CLI in a folder and resolves when it closes; a run still
 * going after HANG_LIMIT_MS is killed and the test fails saying it hung, so
 * a regression fails instead of stopping the suite.
 */
export function runCliWithin(args: string[], cwd: string, limitMs = HANG_LIMIT_MS): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, timeout: limitMs, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal) reject(new Error(`assessment-lint ${args.join(' ')} did not finish within ${limitMs} ms (killed with ${signal}); stderr:\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** Makes a named pipe (FIFO) at a path with mkfifo. */
export function makeFifo(file: string): void {
  execFileSync('mkfifo', [file]);
}

/** Asserts that a run exited 2 and printed a problem at `file:line:column` matching a pattern, with no stack trace. */
export function assertRefused(run: CliRun, where: RegExp): void {
  const output = run.stdout + run.stderr;
  assert.equal(run.code, 2, `exit code 2 expected; output:\n${output}`);
  assert.match(output, where);
  assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+\)?\n/, 'no stack trace');
}

/** JSON nested `depth` lists deep. */
export function deepJson(depth: number): string {
  return `{"rules": ${'['.repeat(depth)}${']'.repeat(depth)}}\n`;
}
