import type { LintMessage } from './contracts.js';
import type { AssessmentDocument } from './document.js';
import type { LintResult } from './engine.js';
import { UNUSED_SUPPRESSION_RULE } from './engine-rules.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installRoot } from '../packs/install-root.js';

/** The rule id of the engine's notes that a draft, or part of it, was not checked. */
export const UNCHECKED_RULE = 'draft-not-checked';

/** How long (ms of the linter's own work, not counting pauses for other drafts) one draft may take before it reports what it has: well above what the largest draft allowed (8 MB) takes on a busy machine. */
export const DRAFT_BUDGET_MS = 30_000;

function stamp(severity: LintMessage['severity'], start: number, end: number, message: string): LintMessage {
  const root = installRoot();
  const docsUrl = root ? pathToFileURL(path.join(root, 'docs', 'rules', `${UNCHECKED_RULE}.md`)).href : undefined;
  return { ruleId: UNCHECKED_RULE, kind: 'engine', severity, message, start, end, pack: 'engine', docsUrl };
}

/**
 * The result of a draft checked only up to `checkedTo` because its time ran
 * out: the findings about places in the part read, without the verdicts of
 * rules that need the whole draft, and an information message where the
 * unchecked part begins, saying what to do.
 */
export function stoppedResult(document: AssessmentDocument, partial: LintResult, checkedTo: number, seconds: number): LintResult {
  const wholeDraft = new Set(partial.coverage.map((entry) => entry.ruleId));
  const { lines } = document;
  const first = lines.positionAt(checkedTo).line;
  const end = lines.lineEnd(first);
  const note = stamp(
    'info',
    checkedTo,
    Math.max(checkedTo, end),
    `Assessment Lint stopped checking this draft after ${seconds} s: lines ${(first + 1).toLocaleString('en-GB')}–${lines.lineCount.toLocaleString('en-GB')} were not checked, and topics the whole draft must cover were not judged. ` +
      'Split the draft into smaller files (or simplify very long lines, long runs of symbols or deeply nested lists there) and check it again.',
  );
  // Whether a comment silenced nothing cannot be told while topics the whole draft must cover were not judged.
  const messages = partial.messages.filter((message) => !wholeDraft.has(message.ruleId) && message.ruleId !== UNUSED_SUPPRESSION_RULE);
  return { messages: [...messages, note], suppressed: partial.suppressed, suppressions: partial.suppressions, coverage: [], unjudged: [...wholeDraft] };
}

/** Words a failure for a writer: what happened, and what to do. */
export function failureReason(error: unknown): string {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `could not be checked (${detail}); simplify its formatting (very long lines, long runs of symbols, deeply nested lists or quotes) and check it again, or report the problem`;
}

/** The result of a draft the linter failed on: one warning at its first line, so the failure is never silent. */
export function failedResult(document: AssessmentDocument, reason: string): LintResult {
  const { start, end } = document.firstLine();
  return { messages: [stamp('warning', start, end, `Assessment Lint: this draft ${reason}. Nothing in it was checked.`)], suppressed: [], suppressions: [], coverage: [] };
}
