import type { CoverageEntry } from '../rules/core/engine.js';
import type { LineIndex } from '../rules/core/line-index.js';
import { setAsideWording } from '../rules/core/set-aside-wording.js';
import type { ParagraphMap } from '../rules/io/read-docx.js';
import { lineAndColumn } from './report.js';
import type { CoverageDetail, PlacedWords } from './report.js';

/** The longest stretch of a sentence quoted as the context of a mention. */
const MAX_SENTENCE_LENGTH = 200;

/** Where a sentence before the span ends: a full stop, question or exclamation mark before space, or a line break. */
const SENTENCE_END_BEFORE = /[.!?](?=\s)|\n/g;

/** Where the sentence of the span ends: the same, or a mark at the end of the text. */
const SENTENCE_END_AFTER = /[.!?](?=\s|$)|\n/;

/** The sentence around a span, on its line, at most a readable length either side. */
function sentenceAround(text: string, start: number, end: number): string {
  const windowStart = Math.max(0, start - MAX_SENTENCE_LENGTH);
  let from = windowStart;
  for (const match of text.slice(windowStart, start).matchAll(SENTENCE_END_BEFORE)) from = windowStart + match.index + 1;
  const rest = text.slice(end, end + MAX_SENTENCE_LENGTH);
  const stop = rest.search(SENTENCE_END_AFTER);
  const to = stop === -1 ? end + rest.length : end + stop + (rest[stop] === '\n' ? 0 : 1);
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/** A span of the draft as reports give it: one-based positions, the words and the sentence they stand in. */
function placed(span: { start: number; end: number }, text: string, lines: LineIndex, paragraphs?: ParagraphMap): PlacedWords {
  const start = lineAndColumn(lines, span.start, paragraphs);
  const end = lineAndColumn(lines, span.end, paragraphs);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, words: text.slice(span.start, span.end), sentence: sentenceAround(text, span.start, span.end) };
}

/** Each coverage rule's state with the mention that counted and the mentions set aside, each with its reason in words. */
export function coverageDetail(entries: CoverageEntry[], text: string, lines: LineIndex, paragraphs?: ParagraphMap): CoverageDetail[] {
  return entries.map((entry) => ({
    ruleId: entry.ruleId,
    status: entry.status,
    ...(entry.evidence ? { evidence: placed(entry.evidence, text, lines, paragraphs) } : {}),
    setAside: (entry.setAside ?? []).map((mention) => ({
      ...placed(mention, text, lines, paragraphs),
      concept: mention.concept,
      reason: mention.reason.why,
      because: setAsideWording(mention.reason),
      ...(mention.cue ? { cue: text.slice(mention.cue.start, mention.cue.end) } : {}),
    })),
  }));
}
