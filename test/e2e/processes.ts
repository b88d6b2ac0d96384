import { execFile, spawn, type SpawnOptions } from 'node:child_process';
import { createWriteStream, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const POLL_MS = 50;
const STOP_GRACE_MS = 5_000;

/** Every process group still running, killed outright if the test run exits without stopping them. */
const running = new Set<number>();

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Temporary folders to remove if the run ends before the tests that made them clean up. */
const temporary = new Set<string>();

/** Registers a temporary folder to be removed when the test run exits, however it ends; returns the folder. */
export function removeOnExit(folder: string): string {
  temporary.add(folder);
  return folder;
}

function cleanUp(): void {
  for (const pgid of running) killGroup(pgid, 'SIGKILL');
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
  temporary.clear();
}

process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

/** Polls `check` every 50 ms until it returns a value other than undefined/false, or fails after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, timeoutMs: number, check: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A command started as the leader of its own process group (setsid), so that it and everything it starts can be stopped together. */
export class ProcessGroup {
  readonly pid: number;
  private readonly exited: Promise<number | null>;

  /** Starts `command` detached in a new session; its output goes to `logFile`. */
  constructor(command: string, args: string[], options: SpawnOptions & { logFile: string }) {
    const log = createWriteStream(options.logFile);
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    if (child.pid === undefined) throw new Error(`Could not start ${command}`);
    this.pid = child.pid;
    running.add(this.pid);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Whether the leader has exited (its exit code), without waiting. */
  async exitCode(): Promise<number | null | undefined> {
    return Promise.race([this.exited, Promise.resolve(undefined)]);
  }

  /** Waits for the leader to exit (its exit code); fails after `timeoutMs`. */
  async wait(timeoutMs: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`process ${this.pid} still running after ${timeoutMs} ms`)), timeoutMs)));
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the whole group: SIGTERM, then SIGKILL to whatever is left after a grace period; resolves once no process of the group remains. */
  async stop(): Promise<void> {
    killGroup(this.pid, 'SIGTERM');
    try {
      await waitFor(`process group ${this.pid} to exit`, STOP_GRACE_MS, () => !groupAlive(this.pid));
    } catch {
      killGroup(this.pid, 'SIGKILL');
      await waitFor(`process group ${this.pid} to die`, STOP_GRACE_MS, () => !groupAlive(this.pid));
    }
    running.delete(this.pid);
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Runs a command to completion and returns its standard output; fails with its output when it exits non-zero. */
export async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd: options.cwd, env: options.env, timeout: options.timeoutMs, maxBuffer: 64 * 1024 * 1024, killSignal: 'SIGKILL' });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`);
  }
}
