import type { Span } from './line-index.js';

/** The two kinds of draft the text model reads. */
export type DocumentFormat = 'markdown' | 'plaintext';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;
const SENTENCE_END_CHARS = new Set(['.', '!', '?', ':', ';', '"', "'", '\u201d', '\u2019', ')', ']']);
const SPACE = 32;
const TAB = 9;

/** Line starts and ends (before the break) of a text, without copying the lines. */
function lineSpans(text: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === 10 || code === 13 || code === -1) {
      starts.push(start);
      ends.push(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return { starts, ends };
}

/** Every offset at which `needle` occurs, in order. */
function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/**
 * Splits a draft into independent chunks cheaply, line by line, without
 * parsing it: the unit of caching and re-parsing. Markdown chunks end at blank
 * lines outside fenced code and comments (an indented chunk stays with the one
 * before it, as list continuations do); plain-text chunks also end where a line
 * ends a sentence. Front matter is left out.
 */
export function splitChunks(text: string, format: DocumentFormat): Span[] {
  const { starts, ends } = lineSpans(text);
  const lineText = (index: number) => text.slice(starts[index], ends[index]);
  const chunks: Span[] = [];
  let first = 0;
  if (format === 'markdown' && starts.length > 1 && FRONT_MATTER_OPEN.test(lineText(0))) {
    for (let index = 1; index < starts.length; index++) {
      if (FRONT_MATTER_CLOSE.test(lineText(index))) {
        first = index + 1;
        break;
      }
    }
  }
  const opens = format === 'markdown' ? occurrences(text, '<!--') : [];
  const closes = format === 'markdown' ? occurrences(text, '-->') : [];
  let nextOpen = 0;
  let nextClose = 0;
  let current: Span | undefined;
  let fence: string | undefined;
  let inComment = false;
  let sawBlank = false;
  const close = () => {
    if (current) chunks.push(current);
    current = undefined;
  };
  for (let index = first; index < starts.length; index++) {
    const lineStart = starts[index];
    const lineEnd = ends[index];
    let firstChar = lineStart;
    while (firstChar < lineEnd && (text.charCodeAt(firstChar) === SPACE || text.charCodeAt(firstChar) === TAB)) firstChar++;
    const blank = firstChar === lineEnd;
    if (!fence && !inComment && blank) {
      if (current) sawBlank = true;
      continue;
    }
    const indented = text.charCodeAt(lineStart) === TAB || firstChar - lineStart >= 2;
    if (current && sawBlank && !(format === 'markdown' && indented)) close();
    sawBlank = false;
    if (current) current.end = lineEnd;
    else current = { start: lineStart, end: lineEnd };
    if (format === 'markdown') {
      while (nextOpen < opens.length && opens[nextOpen] < lineStart) nextOpen++;
      while (nextClose < closes.length && closes[nextClose] < lineStart) nextClose++;
      const lastOpen = lastBefore(opens, nextOpen, lineEnd);
      const closesAfter = (from: number) => {
        for (let at = nextClose; at < closes.length && closes[at] < lineEnd; at++) if (closes[at] >= from) return true;
        return false;
      };
      const fenceChar = text.charCodeAt(firstChar);
      const fenceMatch = firstChar - lineStart <= 3 && (fenceChar === 96 || fenceChar === 126) ? FENCE.exec(lineText(index)) : null;
      if (fence) {
        if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      } else if (fenceMatch) {
        fence = fenceMatch[1];
      } else if (inComment) {
        inComment = !closesAfter(lineStart);
      } else if (lastOpen >= 0 && !closesAfter(lastOpen)) {
        inComment = true;
      }
    } else {
      let lastChar = lineEnd - 1;
      while (lastChar >= lineStart && /\s/.test(text[lastChar])) lastChar--;
      if (lastChar >= lineStart && SENTENCE_END_CHARS.has(text[lastChar])) close();
    }
  }
  close();
  return chunks;
}

/** The last offset in `positions` (from index `from` on) that is before `end`, or -1. */
function lastBefore(positions: number[], from: number, end: number): number {
  let last = -1;
  for (let at = from; at < positions.length && positions[at] < end; at++) last = positions[at];
  return last;
}
