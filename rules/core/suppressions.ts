import type { ReasonPolicy } from './engine-rules.js';
import type { LineIndex, Span } from './line-index.js';

/** What a suppression comment asks for. */
export type DirectiveVerb = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

/** One suppression comment as written in a draft. */
export interface Directive {
  verb: DirectiveVerb;
  /** Rule ids named; a comment that names none silences nothing (an `enable` naming none closes every open `disable`). */
  ruleIds: string[];
  /** The reason after ` -- `, or undefined when none was given. */
  reason?: string;
  /** Where the comment stands. */
  span: Span;
  line: number;
}

/** What became of a suppression comment: it silenced findings, silenced nothing, or was refused (and so silenced nothing) for the reason named. */
export type SuppressionStatus = 'effective' | 'unused' | 'no-reason' | 'no-rule' | 'unknown-rule' | 'unclosed';

/** The statuses of a comment the engine refused: it silences nothing, and `suppression-reason` says why at the comment. */
export const REFUSED_STATUSES: readonly SuppressionStatus[] = ['no-reason', 'no-rule', 'unknown-rule', 'unclosed'];

/** One suppression comment (every verb but `enable`) and what became of it. */
export interface SuppressionRecord {
  verb: Exclude<DirectiveVerb, 'enable'>;
  ruleIds: string[];
  reason?: string;
  /** Where the comment stands. */
  span: Span;
  /** The comment's line (zero-based). */
  line: number;
  status: SuppressionStatus;
  /** How many findings it silenced. */
  silenced: number;
  /** How many findings it silenced, by rule id. */
  silencedByRule: Record<string, number>;
}

/** A suppression comment read against the active rules, before findings are matched to it. */
export interface PlannedSuppression {
  record: SuppressionRecord;
  /** The lines the comment covers (a `disable` runs to its `enable`); meaningful only when the comment is not refused. */
  firstLine: number;
  lastLine: number;
  /** Why it was refused: the problem `suppression-reason` reports (no-rule, unknown-rule, no-reason, short-reason, unclosed). */
  problem?: string;
  /** The ids it names that are not rules of the active packs. */
  unknownIds: string[];
}

/** An `enable` comment that closes nothing or names an unknown rule. */
export interface EnableProblem {
  directive: Directive;
  problem: 'enable-unused' | 'unknown-enable';
  ids: string[];
}

const PREFIX = 'assessment-lint-';
const VERBS: DirectiveVerb[] = ['disable-next-line', 'disable-line', 'disable', 'enable'];
const REASON_SEPARATOR = /\s--\s?/;
const LEADING_SEPARATOR = /--\s?/;
const ID_SEPARATOR = /[\s,]+/;
const WHITESPACE = /\s+/;
const LETTERS_OR_DIGITS = /[\p{L}\p{N}]/gu;

/** Reads the inside of `<!-- ... -->` or `[ ... ]` when a whole line is one suppression comment. */
function directiveBody(line: string): string | undefined {
  const trimmed = line.trim();
  let inner: string | undefined;
  if (trimmed.startsWith('<!--') && trimmed.endsWith('-->')) inner = trimmed.slice(4, -3);
  else if (trimmed.startsWith('[') && trimmed.endsWith(']')) inner = trimmed.slice(1, -1);
  inner = inner?.trim();
  return inner?.startsWith(PREFIX) ? inner.slice(PREFIX.length) : undefined;
}

/** True when a line consists of a suppression comment only (such lines are not part of the draft's prose). */
export function isDirectiveLine(line: string): boolean {
  return directiveBody(line) !== undefined;
}

/** Parses one line as a suppression comment, or returns undefined. */
export function parseDirective(line: string, lineNumber: number, lineStart: number): Directive | undefined {
  const body = directiveBody(line);
  if (body === undefined) return undefined;
  const verb = VERBS.find((candidate) => body === candidate || body.startsWith(candidate + ' ') || body.startsWith(candidate + '\t'));
  if (!verb) return undefined;
  const rest = body.slice(verb.length);
  const separator = REASON_SEPARATOR.exec(rest) ?? (rest.trim().startsWith('--') ? LEADING_SEPARATOR.exec(rest) : null);
  const idsText = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : undefined;
  const ruleIds = idsText.split(ID_SEPARATOR).filter(Boolean);
  const leading = line.length - line.trimStart().length;
  const span = { start: lineStart + leading, end: lineStart + line.trimEnd().length };
  return { verb, ruleIds, reason: reason || undefined, span, line: lineNumber };
}

/** Finds every suppression comment in a draft, line by line. */
export function findDirectives(text: string, lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  if (!text.includes(PREFIX)) return directives;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const content = text.slice(start, lines.lineEnd(line));
    if (!content.includes(PREFIX)) continue;
    const directive = parseDirective(content, line, start);
    if (directive) directives.push(directive);
  }
  return directives;
}

/** Why a reason does not count under a policy (`no-reason`, `short-reason`), or undefined when it does. */
export function reasonProblem(reason: string | undefined, policy: ReasonPolicy): 'no-reason' | 'short-reason' | undefined {
  if (!policy.requireReason) return undefined;
  if (!reason) return 'no-reason';
  let words = 0;
  let letters = 0;
  for (const word of reason.split(WHITESPACE)) {
    const count = word.match(LETTERS_OR_DIGITS)?.length ?? 0;
    if (count > 0) words++;
    letters += count;
  }
  return words < policy.words || letters < policy.letters ? 'short-reason' : undefined;
}

/**
 * The line a `disable-next-line` comment covers: the next line that is neither
 * blank nor another suppression comment. `skipped` remembers, for each line
 * passed over, where its scan ended, so stacked comments are read once.
 */
function nextContentLine(from: number, text: string, lines: LineIndex, skipped: Map<number, number>): number {
  const last = lines.lineCount - 1;
  let target = from + 1;
  const passed: number[] = [];
  while (target < last) {
    const known = skipped.get(target);
    if (known !== undefined) {
      target = known;
      break;
    }
    const content = text.slice(lines.lineStart(target), lines.lineEnd(target));
    if (content.trim() !== '' && !isDirectiveLine(content)) break;
    passed.push(target);
    target++;
  }
  for (const line of passed) skipped.set(line, target);
  return Math.min(target, Math.max(last, 0));
}

/**
 * Reads a draft's suppression comments against the active rules and the reason
 * policy: the lines each covers (a `disable` runs to the `enable` that closes
 * it), and why any is refused. Linear in the number of comments and rule ids.
 */
export function planSuppressions(directives: Directive[], text: string, lines: LineIndex, knownIds: ReadonlySet<string>, policy: ReasonPolicy): { planned: PlannedSuppression[]; enableProblems: EnableProblem[] } {
  const planned: PlannedSuppression[] = [];
  const enableProblems: EnableProblem[] = [];
  const skipped = new Map<number, number>();
  const open = new Set<PlannedSuppression>();
  const openById = new Map<string, Set<PlannedSuppression>>();
  const close = (entry: PlannedSuppression, line: number) => {
    entry.lastLine = line;
    open.delete(entry);
    for (const id of entry.record.ruleIds) openById.get(id)?.delete(entry);
  };
  for (const directive of directives) {
    const unknownIds = directive.ruleIds.filter((id) => !knownIds.has(id));
    if (directive.verb === 'enable') {
      if (unknownIds.length > 0) enableProblems.push({ directive, problem: 'unknown-enable', ids: unknownIds });
      const closing = directive.ruleIds.length === 0 ? [...open] : directive.ruleIds.flatMap((id) => [...(openById.get(id) ?? [])]);
      for (const entry of closing) if (open.has(entry)) close(entry, directive.line);
      if (closing.length === 0 && unknownIds.length === 0) enableProblems.push({ directive, problem: 'enable-unused', ids: [] });
      continue;
    }
    const problem = directive.ruleIds.length === 0 ? 'no-rule' : unknownIds.length > 0 ? 'unknown-rule' : reasonProblem(directive.reason, policy);
    const record: SuppressionRecord = {
      verb: directive.verb,
      ruleIds: directive.ruleIds,
      ...(directive.reason ? { reason: directive.reason } : {}),
      span: directive.span,
      line: directive.line,
      status: problem === 'short-reason' ? 'no-reason' : ((problem as SuppressionStatus | undefined) ?? 'unused'),
      silenced: 0,
      silencedByRule: {},
    };
    const target = directive.verb === 'disable-next-line' ? nextContentLine(directive.line, text, lines, skipped) : directive.line;
    const entry: PlannedSuppression = { record, firstLine: target, lastLine: target, problem, unknownIds };
    planned.push(entry);
    if (directive.verb === 'disable') {
      entry.lastLine = lines.lineCount - 1;
      open.add(entry);
      for (const id of directive.ruleIds) {
        let set = openById.get(id);
        if (!set) openById.set(id, (set = new Set()));
        set.add(entry);
      }
    }
  }
  for (const entry of open) {
    if (entry.problem) continue;
    entry.problem = 'unclosed';
    entry.record.status = 'unclosed';
  }
  return { planned, enableProblems };
}
