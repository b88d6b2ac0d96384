import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

/** Runs one lint of a document; `isCurrent` turns false once a newer request for it came in. */
export type LintRun<Report> = (uri: string, isCurrent: () => boolean) => Promise<Report | undefined>;

/**
 * Decides when documents are linted: debounces keystrokes, runs one document
 * at a time and yields to the event loop between documents, drops runs made
 * stale by a newer request, and lets pull requests wait for the next result.
 */
export class LintScheduler<Report> {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new Set<string>();
  private readonly tickets = new Map<string, number>();
  private readonly waiters = new Map<string, Array<(report: Report | undefined) => void>>();
  private running: string | undefined;
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
    const waiting = this.waiters.get(uri) ?? [];
    this.waiters.delete(uri);
    for (const resolve of waiting) resolve(undefined);
  }

  /** True while a lint of the document is waiting or running. */
  isPending(uri: string): boolean {
    return this.timers.has(uri) || this.queue.has(uri) || this.running === uri;
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

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.size > 0) {
      const uri: string = this.queue.values().next().value!;
      this.queue.delete(uri);
      this.running = uri;
      const ticket = this.tickets.get(uri);
      const isCurrent = () => this.tickets.get(uri) === ticket;
      try {
        const report = await this.run(uri, isCurrent);
        if (report !== undefined && isCurrent()) {
          this.done(uri, report);
          const waiting = this.waiters.get(uri) ?? [];
          this.waiters.delete(uri);
          for (const resolve of waiting) resolve(report);
        }
      } catch (error) {
        console.error(`assessment-lint: linting ${uri} failed: ${(error as Error).stack ?? error}`);
        const waiting = this.waiters.get(uri) ?? [];
        this.waiters.delete(uri);
        for (const resolve of waiting) resolve(undefined);
      } finally {
        this.running = undefined;
      }
      await yieldToEventLoop();
    }
    this.draining = false;
  }
}
