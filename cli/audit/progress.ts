/** Redraw the bar at most this often (milliseconds), and always at the end. */
const REDRAW_MS = 80;
const BAR_WIDTH = 30;

/** A one-line progress bar on a terminal; does nothing when the stream is not a terminal (a pipe, a file, CI logs). */
export class ProgressBar {
  private done = 0;
  private drawnAt = 0;
  private readonly enabled: boolean;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = stream.isTTY === true && total > 0;
  }

  /** Counts one more file done and redraws when due. */
  tick(): void {
    this.done++;
    if (!this.enabled) return;
    const now = Date.now();
    if (this.done < this.total && now - this.drawnAt < REDRAW_MS) return;
    this.drawnAt = now;
    const filled = Math.round((this.done / this.total) * BAR_WIDTH);
    this.stream.write(`\r\u001b[2Kauditing [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.done}/${this.total} drafts`);
  }

  /** Clears the bar's line. */
  finish(): void {
    if (this.enabled) this.stream.write('\r\u001b[2K');
  }
}
