import type { Span } from './line-index.js';
import { HARD_CHUNK_LENGTH, linePieceEnd, MAX_LINE_PIECE, SOFT_CHUNK_LENGTH } from './parse-limits.js';

/** The two kinds of draft the text model reads. */
export type DocumentFormat = 'markdown' | 'plaintext';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;
const SENTENCE_END_CHARS = new Set(['.', '!', '?', ':', ';', '"', "'", '\u201d', '\u2019', ')', ']']);
const SPACE = 32;
const TAB = 9;
const PIPE = 124;

/** The next occurrence of a fixed string at or after a position, remembered while positions only grow (so a whole scan stays linear). */
class NextOccurrence {
  private searchedFrom = -1;
  private found = -1;

  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  /** The first offset at or after `position` where the string occurs, or -1. */
  from(position: number): number {
    if (this.searchedFrom < 0 || position < this.searchedFrom || (this.found >= 0 && this.found < position)) {
      this.found = this.text.indexOf(this.needle, position);
      this.searchedFrom = position;
    }
    return this.found;
  }
}

/** Where Markdown front matter ends (the start of the line after its closing `---`), or 0 when there is none. */
function frontMatterEnd(text: string): number {
  // Most drafts have none: no need to look for the first line break (in a draft of one long line, that is the whole draft).
  if (!text.startsWith('---')) return 0;
  const firstBreak = text.search(/\r\n|\r|\n/);
  if (firstBreak < 0 || !FRONT_MATTER_OPEN.test(text.slice(0, firstBreak))) return 0;
  const lineBreak = /\r\n|\r|\n/g;
  let lineStart = firstBreak + (text.startsWith('\r\n', firstBreak) ? 2 : 1);
  for (;;) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    if (FRONT_MATTER_CLOSE.test(text.slice(lineStart, lineEnd))) return found ? found.index + found[0].length : text.length + 1;
    if (!found) return 0;
    lineStart = found.index + found[0].length;
  }
}

/** A Markdown draft's front matter block, its `---` lines included, or undefined when it has none. */
export function frontMatterBlock(text: string): string | undefined {
  const end = frontMatterEnd(text);
  return end === 0 ? undefined : text.slice(0, end);
}

/** True when a draft's first line could open front matter (whose end depends on lines far below it). */
function opensFrontMatter(text: string): boolean {
  if (!text.startsWith('---')) return false;
  const firstBreak = text.search(/\r|\n/);
  return FRONT_MATTER_OPEN.test(firstBreak < 0 ? text : text.slice(0, firstBreak));
}

/**
 * Splits a draft into independent chunks cheaply, line by line, without
 * parsing it: the unit of caching and re-parsing. Markdown chunks end at blank
 * lines outside fenced code and comments (an indented chunk stays with the one
 * before it, as list continuations do); plain-text chunks also end where a line
 * ends a sentence. Front matter is left out.
 */
export function splitChunks(text: string, format: DocumentFormat): Span[] {
  return scanChunks(text, format, format === 'markdown' ? frontMatterEnd(text) : 0).chunks;
}

/**
 * Scans lines from `from`, a line start where no chunk, fence or comment is
 * open. Before opening each chunk it asks `resumeAt` whether to stop there
 * (when the rest is known from an earlier scan); `stoppedAt` is where it did.
 */
function scanChunks(text: string, format: DocumentFormat, from: number, resumeAt?: (start: number) => boolean): { chunks: Span[]; stoppedAt?: number } {
  const chunks: Span[] = [];
  const markdown = format === 'markdown';
  const newlines = new NextOccurrence(text, '\n');
  const returns = new NextOccurrence(text, '\r');
  // Where the line from `start` ends: the first line feed or carriage return from there, found natively (a line may be megabytes long).
  const lineEndFrom = (start: number) => {
    const newline = newlines.from(start);
    const cr = returns.from(start);
    return Math.min(newline < 0 ? text.length : newline, cr < 0 ? text.length : cr);
  };
  const opens = new NextOccurrence(text, '<!--');
  const closes = new NextOccurrence(text, '-->');
  let current: Span | undefined;
  let fence: string | undefined;
  let inComment = false;
  let sawBlank = false;
  const close = () => {
    if (current) chunks.push(current);
    current = undefined;
  };
  // A line longer than MAX_LINE_PIECE is read as pieces, each a chunk of its own; `piece` is true while inside such a line.
  let piece = !startsLine(text, from);
  // Where the line being cut into pieces ends, found once for all its pieces.
  let realLineEnd = -1;
  for (let lineStart = from; lineStart <= text.length; ) {
    let lineEnd = piece && realLineEnd >= lineStart ? realLineEnd : lineEndFrom(lineStart);
    realLineEnd = lineEnd;
    let nextLine = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
    const continuesLine = piece;
    piece = false;
    if (lineEnd - lineStart > MAX_LINE_PIECE) {
      // Cut the line after a sentence end; the next piece starts at the next word.
      lineEnd = linePieceEnd(text, lineStart);
      nextLine = lineEnd;
      while (text.charCodeAt(nextLine) === SPACE || text.charCodeAt(nextLine) === TAB) nextLine++;
      piece = true;
    }
    let firstChar = lineStart;
    while (firstChar < lineEnd && (text.charCodeAt(firstChar) === SPACE || text.charCodeAt(firstChar) === TAB)) firstChar++;
    const blank = firstChar === lineEnd;
    if (!fence && !inComment && blank) {
      if (current) sawBlank = true;
      lineStart = nextLine;
      continue;
    }
    const indented = text.charCodeAt(lineStart) === TAB || firstChar - lineStart >= 2;
    if (current && sawBlank && !(markdown && indented)) close();
    else if (current && (continuesLine || lineEnd - current.start > HARD_CHUNK_LENGTH)) {
      // A piece of a long line, or a line after a very long chunk, opens a chunk of its own, parsed afresh (even inside fenced code or a comment).
      close();
      fence = undefined;
      inComment = false;
    } else if (current && !fence && !inComment && !indented && lineEnd - current.start > SOFT_CHUNK_LENGTH && text.charCodeAt(firstChar) !== PIPE) {
      // A long chunk closes before a line that is not indented and not a table row, so list items and tables stay whole as long as they can.
      close();
    }
    sawBlank = false;
    if (current) current.end = lineEnd;
    else {
      if (!continuesLine && resumeAt?.(lineStart)) return { chunks, stoppedAt: lineStart };
      current = { start: lineStart, end: lineEnd };
    }
    if (markdown) {
      const closesAfter = (position: number) => {
        const at = closes.from(position);
        return at >= 0 && at < lineEnd;
      };
      let lastOpen = -1;
      for (let at = opens.from(lineStart); at >= 0 && at < lineEnd; at = opens.from(at + 4)) lastOpen = at;
      const fenceChar = text.charCodeAt(firstChar);
      const fenceMatch = !continuesLine && firstChar - lineStart <= 3 && (fenceChar === 96 || fenceChar === 126) ? FENCE.exec(text.slice(lineStart, lineEnd)) : null;
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
    lineStart = nextLine;
  }
  close();
  return { chunks };
}

/**
 * How a draft's chunks changed between two versions of its text: the old
 * chunks before `first` stand as they were, `added` replace the old chunks
 * from `first` up to `resume`, and the old chunks from `resume` on follow,
 * moved by `shift`. `prefix` and `suffix` are the lengths of text the two
 * versions share at their start and end.
 */
export interface ChunkEdit {
  first: number;
  added: Span[];
  resume: number;
  shift: number;
  prefix: number;
  suffix: number;
}

/**
 * Works out a new version's chunks from the old version's, re-scanning only
 * around the change: from the chunk before it (an edit can join two chunks)
 * until a chunk opens where an old one did, in the text after the change.
 * Undefined when the draft may hold front matter, whose extent depends on
 * lines far from the change; split afresh then.
 */
export function editChunks(oldText: string, oldChunks: readonly Span[], text: string, format: DocumentFormat): ChunkEdit | undefined {
  if (format === 'markdown' && (opensFrontMatter(oldText) || opensFrontMatter(text))) return undefined;
  const prefix = commonPrefixLength(oldText, text);
  const suffix = commonSuffixLength(oldText, text, Math.min(oldText.length, text.length) - prefix);
  const shift = text.length - oldText.length;
  let affected = 0;
  while (affected < oldChunks.length && oldChunks[affected].end < prefix) affected++;
  const first = Math.max(0, affected - 1);
  const from = first > 0 ? oldChunks[first].start : 0;
  const unchangedFrom = text.length - suffix;
  let next = affected;
  const { chunks, stoppedAt } = scanChunks(text, format, from, (start) => {
    if (start < unchangedFrom) return false;
    while (next < oldChunks.length && oldChunks[next].start + shift < start) next++;
    // The old chunk must also have opened at the start of a line, not inside a long line cut into pieces.
    return next < oldChunks.length && oldChunks[next].start + shift === start && startsLine(oldText, start - shift);
  });
  return { first, added: chunks, resume: stoppedAt === undefined ? oldChunks.length : next, shift, prefix, suffix };
}

/** True when an offset is the start of a line (not a piece of a long line). */
function startsLine(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return at === 0 || before === 10 || before === 13;
}

/** Length of the longest common start of two strings, found by halving (each comparison is native). */
function commonPrefixLength(a: string, b: string): number {
  let low = 0;
  let high = Math.min(a.length, b.length);
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(low, middle) === b.slice(low, middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Length of the longest common end of two strings, at most `limit`. */
function commonSuffixLength(a: string, b: string, limit: number): number {
  let low = 0;
  let high = limit;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (a.slice(a.length - middle, a.length - low) === b.slice(b.length - middle, b.length - low)) low = middle;
    else high = middle - 1;
  }
  return low;
}
