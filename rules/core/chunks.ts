import type { Span } from './line-index.js';

/** The two kinds of draft the text model reads. */
export type DocumentFormat = 'markdown' | 'plaintext';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(---|\.\.\.)[ \t]*$/;
const BLANK = /^[ \t]*$/;
const INDENTED = /^( {2,}|\t)\S/;
const SENTENCE_END = /[.!?:;"'\u201d\u2019)\]]\s*$/;
const COMMENT_OPEN = /<!--/;
const COMMENT_CLOSE = /-->/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function readLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === 10 || code === 13 || code === -1) {
      lines.push({ start, end: i, text: text.slice(start, i) });
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return lines;
}

/**
 * Splits a draft into independent chunks cheaply, line by line, without
 * parsing it: the unit of caching and re-parsing. Markdown chunks end at blank
 * lines outside fenced code and comments (an indented chunk stays with the one
 * before it, as list continuations do); plain-text chunks also end where a line
 * ends a sentence. Front matter is left out.
 */
export function splitChunks(text: string, format: DocumentFormat): Span[] {
  const lines = readLines(text);
  const chunks: Span[] = [];
  let first = 0;
  if (format === 'markdown' && lines.length > 1 && FRONT_MATTER_OPEN.test(lines[0].text)) {
    const close = lines.findIndex((line, index) => index > 0 && FRONT_MATTER_CLOSE.test(line.text));
    if (close > 0) first = close + 1;
  }
  let current: Span | undefined;
  let fence: string | undefined;
  let inComment = false;
  let sawBlank = false;
  const close = () => {
    if (current) chunks.push(current);
    current = undefined;
  };
  for (let index = first; index < lines.length; index++) {
    const line = lines[index];
    const blank = BLANK.test(line.text);
    if (!fence && !inComment && blank) {
      if (current) sawBlank = true;
      continue;
    }
    if (current && sawBlank && !(format === 'markdown' && INDENTED.test(line.text))) close();
    sawBlank = false;
    if (current) current.end = line.end;
    else current = { start: line.start, end: line.end };
    if (format === 'markdown') {
      const fenceMatch = FENCE.exec(line.text);
      if (fence) {
        if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      } else if (fenceMatch) {
        fence = fenceMatch[1];
      } else if (inComment) {
        inComment = !COMMENT_CLOSE.test(line.text);
      } else if (COMMENT_OPEN.test(line.text) && !COMMENT_CLOSE.test(line.text.slice(line.text.lastIndexOf('<!--')))) {
        inComment = true;
      }
    } else if (SENTENCE_END.test(line.text)) {
      close();
    }
  }
  close();
  return chunks;
}
