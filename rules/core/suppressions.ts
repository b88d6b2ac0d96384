import type { Span } from './line-index.js';
import type { LineIndex } from './line-index.js';

/** What a suppression comment asks for. */
export type DirectiveVerb = 'disable' | 'enable' | 'disable-next-line' | 'disable-line';

/** One suppression comment as written in a draft. */
export interface Directive {
  verb: DirectiveVerb;
  /** Rule ids named; empty means every rule. */
  ruleIds: string[];
  /** The reason after ` -- `, or undefined when none was given. */
  reason?: string;
  /** Where the comment stands. */
  span: Span;
  line: number;
}

/** A stretch of lines in which some rules are switched off, and why. */
export interface SuppressedRange {
  ruleIds: string[];
  reason?: string;
  firstLine: number;
  lastLine: number;
  directive: Directive;
}

const PREFIX = 'assessment-lint-';
const VERBS: DirectiveVerb[] = ['disable-next-line', 'disable-line', 'disable', 'enable'];
const REASON_SEPARATOR = /\s--\s?/;

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
  const separator = REASON_SEPARATOR.exec(rest) ?? (rest.trim().startsWith('--') ? /--\s?/.exec(rest) : null);
  const idsText = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : undefined;
  const ruleIds = idsText.split(/[\s,]+/).filter(Boolean);
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

/** Turns directives into line ranges: next-line comments cover the next non-blank line, disable runs to its enable or the end. */
export function suppressedRanges(directives: Directive[], text: string, lines: LineIndex): SuppressedRange[] {
  const ranges: SuppressedRange[] = [];
  const open: SuppressedRange[] = [];
  const lastLine = lines.lineCount - 1;
  for (const directive of directives) {
    const base = { ruleIds: directive.ruleIds, reason: directive.reason, directive };
    if (directive.verb === 'disable-line') {
      ranges.push({ ...base, firstLine: directive.line, lastLine: directive.line });
    } else if (directive.verb === 'disable-next-line') {
      let target = directive.line + 1;
      while (target < lastLine && text.slice(lines.lineStart(target), lines.lineEnd(target)).trim() === '') target++;
      ranges.push({ ...base, firstLine: target, lastLine: target });
    } else if (directive.verb === 'disable') {
      const range = { ...base, firstLine: directive.line, lastLine };
      open.push(range);
      ranges.push(range);
    } else {
      for (const range of open) {
        const closes = directive.ruleIds.length === 0 || range.ruleIds.some((id) => directive.ruleIds.includes(id));
        if (closes && range.lastLine === lastLine) range.lastLine = directive.line;
      }
    }
  }
  return ranges;
}
