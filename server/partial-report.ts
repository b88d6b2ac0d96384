import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import type { DocumentFormat } from '../rules/core/chunks.js';
import { SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE } from '../rules/core/engine-rules.js';
import { MAX_DRAFT_BYTES } from '../rules/io/read-draft.js';
import type { LintedDraft } from '../rules/linter.js';
import { toDiagnostic } from './diagnostics.js';

const BYTES_PER_MB = 1024 * 1024;

/**
 * The diagnostics worth showing from a lint of a draft's start alone: findings
 * about a place in the text (phrases, long sentences, suppressions), not the
 * verdicts of coverage rules, nor unused or unclosed suppression comments,
 * which need the whole draft.
 */
export function partialDiagnostics(linted: LintedDraft, target: { uri: string; version: number; format: DocumentFormat }): Diagnostic[] {
  const wholeDraft = new Set([...linted.result.coverage.map((entry) => entry.ruleId), UNUSED_SUPPRESSION_RULE]);
  // A disable comment whose enable lies beyond the part read so far is not yet known to be unclosed.
  const unclosedAt = new Set(linted.result.suppressions.filter((entry) => entry.status === 'unclosed').map((entry) => entry.span.start));
  return linted.result.messages
    .filter((message) => !wholeDraft.has(message.ruleId) && !(message.ruleId === SUPPRESSION_RULE && unclosedAt.has(message.start)))
    .map((message) => toDiagnostic(message, { ...target, document: linted.document }));
}

/** A draft's size for a notice, in KB or MB (of UTF-16 characters, which is what the editor sends). */
function sizeOf(text: string): string {
  return text.length >= BYTES_PER_MB ? `${(text.length / BYTES_PER_MB).toFixed(1)} MB` : `${Math.ceil(text.length / 1024)} KB`;
}

/** The one-time notice shown for a draft too large to check (the limit the command line applies to files). */
export function tooLargeNotice(uri: string, text: string): string {
  return `Assessment Lint: ${nameOf(uri)} is ${sizeOf(text)}; drafts over ${MAX_DRAFT_BYTES / BYTES_PER_MB} MB are not checked. Split it into smaller files to have it checked.`;
}

/** The one-time notice shown when a draft takes long to check, saying how far the findings shown so far go (when some are shown). */
export function slowDraftNotice(uri: string, text: string, checkedLines?: number): string {
  const name = nameOf(uri);
  const size = sizeOf(text);
  const sofar = checkedLines === undefined ? '' : ` Findings in its first ${checkedLines.toLocaleString('en-GB')} lines are shown now; topics the whole draft must cover are checked when it has all been read.`;
  return `Assessment Lint: ${name} is a very large draft (${size}), so checking it takes a few seconds. It is checked in the background and editing is not held up.${sofar}`;
}

function nameOf(uri: string): string {
  try {
    return path.posix.basename(decodeURIComponent(new URL(uri).pathname)) || uri;
  } catch {
    return uri;
  }
}
