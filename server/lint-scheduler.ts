import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { LintKeys, type LintKey } from './lint-key.js';

/** What a run of a lint is told by the scheduler, and may tell it back. */
export interface RunControl {
  /** False once the run's key is stale (a newer edit, a configuration change, the draft closed): its result would be thrown away. */
  isCurrent(): boolean;
  /** Lets the queue move on to other documents while this (long) run goes on in the background. */
  detach(): void;
}

/** What the scheduler runs and tells. */
export interface LintJobs<Report> {
  /** Runs one lint of a document for a key; undefined when it stopped because the key went stale. */
  run(uri: string, key: LintKey, control: RunControl): Promise<Report | undefined>;
  /** Hands over a finished run's result (the receiver checks it is still current). */
  finished(uri: string, report: Report): void;
  /** A run threw: whoever waits on the document for that key should stop waiting. */
  failed(uri: string, key: LintKey): void;
  /** Whether a key is still the document's (see `LintKeys.isCurrent`). */
  isCurrent(uri: string, key: LintKey): boolean;
}

/**
 * Decides when documents are linted: debounces keystrokes, runs one document
 * at a time and yields to the event loop between documents, and skips runs
 * whose key went stale while they waited. A long run may detach itself, so the
 * other documents are not held up by it; it stops at its next pause once its
 * key is stale.
 */
export class LintScheduler<Report> {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; key: LintKey }>();
  private readonly queue = new Map<string, LintKey>();
  /** The key of the latest run started for each document, while it runs. */
  private readonly running = new Map<string, LintKey>();
  private draining = false;

  constructor(private readonly jobs: LintJobs<Report>) {}

  /** Asks for a lint of a document under a key after a delay (0: as soon as the queue allows); replaces any earlier request. */
  schedule(uri: string, key: LintKey, delayMs: number): void {
    if (LintKeys.same(this.running.get(uri), key) || LintKeys.same(this.queue.get(uri), key)) return;
    this.cancel(uri);
    if (delayMs <= 0) {
      this.enqueue(uri, key);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.enqueue(uri, key);
    }, delayMs);
    this.timers.set(uri, { timer, key });
  }

  /** Drops a document's waiting request (a running lint stops by itself once its key is stale). */
  cancel(uri: string): void {
    const waiting = this.timers.get(uri);
    if (waiting) clearTimeout(waiting.timer);
    this.timers.delete(uri);
    this.queue.delete(uri);
  }

  /** True while a lint under the document's current key is waiting or running. */
  isPending(uri: string): boolean {
    const keys = [this.timers.get(uri)?.key, this.queue.get(uri), this.running.get(uri)];
    return keys.some((key) => key !== undefined && this.jobs.isCurrent(uri, key));
  }

  private enqueue(uri: string, key: LintKey): void {
    this.queue.set(uri, key);
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.size > 0) {
      const [uri, key] = this.queue.entries().next().value!;
      this.queue.delete(uri);
      if (!this.jobs.isCurrent(uri, key)) continue;
      let detach = () => {};
      const detached = new Promise<void>((resolve) => (detach = resolve));
      await Promise.race([this.execute(uri, key, detach), detached]);
      await yieldToEventLoop();
    }
    this.draining = false;
  }

  private async execute(uri: string, key: LintKey, detach: () => void): Promise<void> {
    this.running.set(uri, key);
    try {
      const report = await this.jobs.run(uri, key, { isCurrent: () => this.jobs.isCurrent(uri, key), detach });
      if (report !== undefined) this.jobs.finished(uri, report);
    } catch (error) {
      console.error(`assessment-lint: linting ${uri} failed: ${(error as Error).stack ?? error}`);
      this.jobs.failed(uri, key);
    } finally {
      if (this.running.get(uri) === key) this.running.delete(uri);
    }
  }
}
