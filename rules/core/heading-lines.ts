/** A line that reads as a heading in plain text, with its title and nesting depth. */
export interface HeadingLine {
  title: string;
  depth: number;
}

const MAX_HEADING_LENGTH = 70;
const MAX_HEADING_WORDS = 9;
const ATX = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const NUMBERED = /^\s*(\d{1,2}(?:\.\d{1,2})*)\.?\s+(.+)$/;
const SENTENCE_PUNCTUATION = /[.!?;,]$/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * Decides whether one line of plain text is a heading: a `#` heading, a short
 * line in capitals, a short line ending with ':', or a short numbered title
 * such as `2. Offence analysis` or `2.1 Risk`. A numbered paragraph
 * (`1.1 The offence took place...`) is not a heading.
 */
export function readHeadingLine(line: string): HeadingLine | undefined {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_HEADING_LENGTH) return undefined;
  const atx = ATX.exec(trimmed);
  if (atx) return { title: atx[2], depth: atx[1].length };
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) {
    const title = numbered[2].trim();
    const depth = numbered[1].split('.').length;
    if (wordCount(title) > MAX_HEADING_WORDS - 3 || SENTENCE_PUNCTUATION.test(title)) return undefined;
    if (!/^\p{Lu}/u.test(title)) return undefined;
    return { title: title.replace(/:$/, ''), depth };
  }
  if (wordCount(trimmed) > MAX_HEADING_WORDS) return undefined;
  if (isCapitals(trimmed) && !SENTENCE_PUNCTUATION.test(trimmed)) return { title: trimmed.replace(/:$/, ''), depth: 1 };
  if (trimmed.endsWith(':') && wordCount(trimmed) <= 6 && /^\p{Lu}/u.test(trimmed)) {
    return { title: trimmed.slice(0, -1).trim(), depth: 2 };
  }
  return undefined;
}
