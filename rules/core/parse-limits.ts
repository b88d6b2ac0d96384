/**
 * The bounds that keep parsing one chunk of a draft cheap, whatever the draft
 * holds: the Markdown parser works harder than linearly on long runs of
 * emphasis marks, deep nesting and very long blocks, so such a block is read
 * as plain text instead (with the same offsets), and very long chunks and
 * lines are cut into several chunks before any parsing.
 */

/** A chunk grows past this only until the next line that is neither indented nor a table row (so list items and tables stay whole). */
export const SOFT_CHUNK_LENGTH = 8_000;

/** A chunk is closed at the next line start once it is this long, whatever the line (even inside fenced code or a comment). */
export const HARD_CHUNK_LENGTH = 16_000;

/** A line longer than this is cut into pieces of about this length, at sentence ends where it has them, each its own chunk. */
export const MAX_LINE_PIECE = 4_000;

/** A Markdown chunk longer than this (UTF-16 code units) is read as plain text; chunks from `splitChunks` are never longer. */
export const MAX_MARKDOWN_CHUNK = HARD_CHUNK_LENGTH + MAX_LINE_PIECE + 2;

/** Block nesting deeper than this (quote and list markers and indentation steps in front of a line) is read as plain text. */
export const MAX_NESTING = 32;

/** A run of more than this many identical emphasis, code or strike marks (`*`, `_`, `` ` ``, `~`) next to other text makes a chunk plain text. */
export const MAX_MARK_RUN = 32;

/** A chunk with more than this many marks and brackets in all (`*`, `_`, `` ` ``, `~`, `[`, `]`, `(`, `)`) is read as plain text. */
export const MAX_MARKUP = 1_500;

const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const QUOTE = 62; // >
const MARKS = new Set([42, 95, 96, 126]); // * _ ` ~
const BRACKETS = new Set([91, 93, 40, 41]); // [ ] ( )
const BULLETS = new Set([45, 43, 42]); // - + *

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isGap(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** How deeply the line starting at `start` nests: quote and list markers in front of it, plus one level per two columns of indentation. */
function lineNesting(text: string, start: number, end: number): number {
  let markers = 0;
  let columns = 0;
  let at = start;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === SPACE) {
      columns++;
      at++;
    } else if (code === TAB) {
      columns += 4;
      at++;
    } else if (code === QUOTE) {
      markers++;
      at++;
    } else if (BULLETS.has(code) && (at + 1 >= end || isGap(text.charCodeAt(at + 1)))) {
      markers++;
      at++;
    } else if (isDigit(code)) {
      let digit = at;
      while (digit < end && digit - at < 9 && isDigit(text.charCodeAt(digit))) digit++;
      const after = text.charCodeAt(digit);
      if ((after !== 46 && after !== 41) || !(digit + 1 >= end || isGap(text.charCodeAt(digit + 1)))) break;
      markers++;
      at = digit + 1;
    } else break;
    if (markers + (columns >> 1) > MAX_NESTING) break;
  }
  return markers + (columns >> 1);
}

/**
 * Why a Markdown chunk should be read as plain text rather than parsed (too
 * long, nested too deeply, a very long run of marks, too much markup), or
 * undefined when the parser can take it. One linear pass over the text.
 */
export function markdownLimitExceeded(text: string): string | undefined {
  if (text.length > MAX_MARKDOWN_CHUNK) return 'too long';
  let markup = 0;
  let runStart = 0;
  let lineStart = 0;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : LINE_FEED;
    if (code === LINE_FEED || code === CARRIAGE_RETURN) {
      if (lineNesting(text, lineStart, at) > MAX_NESTING) return 'nested too deeply';
      lineStart = at + 1;
    }
    const runCode = text.charCodeAt(runStart);
    if (at > runStart && code !== runCode) {
      // A long run of marks next to a word can open or close emphasis or code many times over; standing alone ("_____", "***") it cannot.
      if (MARKS.has(runCode) && at - runStart > MAX_MARK_RUN && (!isBlank(text.charCodeAt(runStart - 1)) || !isBlank(code))) return 'a very long run of marks';
      runStart = at;
    }
    if ((MARKS.has(code) || BRACKETS.has(code)) && ++markup > MAX_MARKUP) return 'too much markup';
  }
  return undefined;
}

/** True for white space, a line break or no character at all (before the start of the text). */
function isBlank(code: number): boolean {
  return Number.isNaN(code) || code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** True when the code unit at `at` is the second half of a surrogate pair (a cut there would split a character). */
function splitsPair(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const before = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

const SENTENCE_ENDS = new Set([46, 33, 63]); // . ! ?

/**
 * Where to cut a line that runs from `start` past `start + MAX_LINE_PIECE`:
 * after the last sentence end (`.`, `!` or `?` before a space) in the
 * piece's second half, else at its last space, else at the length limit.
 * The cut depends only on the text from `start`.
 */
export function linePieceEnd(text: string, start: number): number {
  const limit = start + MAX_LINE_PIECE;
  let space = -1;
  for (let at = limit; at > start + (MAX_LINE_PIECE >> 1); at--) {
    const code = text.charCodeAt(at);
    if (!isGap(code)) continue;
    if (SENTENCE_ENDS.has(text.charCodeAt(at - 1))) return at;
    if (space < 0) space = at;
  }
  if (space >= 0) return space;
  return splitsPair(text, limit) ? limit - 1 : limit;
}
