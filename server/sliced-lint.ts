import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { LintedDraft } from '../rules/linter.js';

/** How long a lint may hold the event loop before other messages get a turn (ms). */
export const SLICE_MS = 20;

/** After this long (ms), a lint still reading its draft shows what it has found so far. */
export const PARTIAL_AFTER_MS = 1_000;

/** What a sliced lint asks of its caller. */
export interface SliceControl {
  /** False once the lint is no longer wanted (a newer edit, the draft closed): the run stops at its next pause. */
  isCurrent(): boolean;
  /** Called once, when the run has taken PARTIAL_AFTER_MS, with the offset the draft is read up to (its length once it is all read). */
  onSlow?(preparedTo: number): void;
}

/**
 * Runs a linter's steps (`Linter.lintSteps`) without freezing the server: it
 * pauses for the event loop every SLICE_MS, so requests and edits are handled
 * meanwhile, and gives up as soon as its result would be stale.
 */
export async function runInSlices(steps: Generator<number, LintedDraft>, control: SliceControl, partialAfterMs = PARTIAL_AFTER_MS): Promise<LintedDraft | undefined> {
  const started = performance.now();
  let sliceStart = started;
  let slow = false;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    const now = performance.now();
    if (now - sliceStart < SLICE_MS) continue;
    if (!slow && now - started >= partialAfterMs) {
      slow = true;
      control.onSlow?.(step.value);
    }
    await yieldToEventLoop();
    if (!control.isCurrent()) return undefined;
    sliceStart = performance.now();
  }
}
