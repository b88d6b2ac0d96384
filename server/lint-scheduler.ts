import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** What a run of a lint is told by the scheduler, and may tell it back. */
export interface RunControl {
  /** False once a newer request for the document came in (or it was closed): the run's result would be stale. */
  isCurrent(): boolean;
  /** Lets the queue move on to other documents while this (long) run goes on in the background. */
  detach(): void;
}

/** Runs one lint of a document. */
export type LintRun<Report> = (uri: string, control: RunControl) => Promise<Report | undefined>;

/**
 * Decides when documents are linted: debounces keystrokes, runs one document
 * at a time and yields to the event loop between documents, drops runs made
 * stale by a newer request, and lets pull requests wait for the next result.
 * A long run may detach itself, so the other documents are not held up by it.
 */
export class LintScheduler<Report> {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  private readonly tickets = new Map<string, number>();
  /** The ticket of the latest run started for each document, while it runs. */
  private readonly running = new Map<string, number>();
  private readonly waiters = new Map<string, Array<(report: Report | undefined) => void>>();
  private draining = false;

  constructor(
    private readonly run: LintRun<Report>,
    private readonly done: (uri: string, report: Report) => void,
  ) {}

  /** Asks for a lint of a document after a delay (0: as soon as the queue allows); replaces any earlier request. */
  schedule(uri: string, delayMs: number): void {
    this.bump(uri);
    if (delayMs <= 0) {
      this.enqueue(uri);
      return;
    }
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.enqueue(uri);
      }, delayMs),
    );
  }

  /** Forgets a document (closed): pending runs are dropped and waiters get undefined. */
  cancel(uri: string): void {
    this.bump(uri);
    this.tickets.delete(uri);
    this.settle(uri, undefined);
  }

  /** True while a lint of the document's latest request is waiting or running. */
  isPending(uri: string): boolean {
    return this.timers.has(uri) || this.queue.has(uri) || (this.running.has(uri) && this.running.get(uri) === this.tickets.get(uri));
  }

  /** Resolves with the next report for a document (undefined if it is closed first). */
  next(uri: string): Promise<Report | undefined> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(uri) ?? [];
      waiting.push(resolve);
      this.waiters.set(uri, waiting);
    });
  }

  private bump(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    this.queue.delete(uri);
    this.tickets.set(uri, (this.tickets.get(uri) ?? 0) + 1);
  }

  private enqueue(uri: string): void {
    this.queue.add(uri);
    if (!this.draining) void this.drain();
  }

  private settle(uri: string, report: Report | undefined): void {
    const waiting = this.waiters.get(uri) ?? [];
    this.waiters.delete(uri);
    for (const resolve of waiting) resolve(report);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.size > 0) {
      const uri: string = this.queue.values().next().value!;
      this.queue.delete(uri);
      let detach = () => {};
      const detached = new Promise<void>((resolve) => (detach = resolve));
      await Promise.race([this.execute(uri, this.tickets.get(uri) ?? 0, detach), detached]);
      await yieldToEventLoop();
    }
    this.draining = false;
  }

  private async execute(uri: string, ticket: number, detach: () => void): Promise<void> {
    this.running.set(uri, ticket);
    const isCurrent = () => this.tickets.get(uri) === ticket;
    try {
      const report = await this.run(uri, { isCurrent, detach });
      if (report !== undefined && isCurrent()) {
        this.done(uri, report);
        this.settle(uri, report);
      }
    } catch (error) {
      console.error(`assessment-lint: linting ${uri} failed: ${(error as Error).stack ?? error}`);
      if (isCurrent()) this.settle(uri, undefined);
    } finally {
      if (this.running.get(uri) === ticket) this.running.delete(uri);
    }
  }
}
