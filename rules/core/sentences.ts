import { ParseEnglish } from 'parse-english';
import type { Sentence as NlcstSentence } from 'nlcst';
import { tokenize, type Token } from './tokens.js';

/** How strongly punctuation separates a word from the one before it in its sentence. */
export const enum Break {
  None = 0,
  /** A comma: the clause may go on. */
  Weak = 1,
  /** A semicolon, colon, dash or bracket: a new clause starts. */
  Strong = 2,
}

/** A word with its offsets relative to the start of its block. */
export interface Word extends Token {
  start: number;
  end: number;
  breakBefore: Break;
  /** Written with a capital then lower case, as names are (not acronyms such as PNC). */
  capitalised: boolean;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** A sentence: a run of words the matcher never crosses. */
export interface Sentence {
  start: number;
  end: number;
  words: Word[];
}

const parser = new ParseEnglish();
const STRONG_BREAKS = new Set([';', ':', '(', ')', '[', ']', '\u2013', '\u2014', '-', '|', '\u2022', '"', '\u201c', '\u201d']);

/**
 * Splits plain text into sentences and words with parse-english (the parser
 * behind retext-english). `mapOffset` turns an offset in `text` into an offset
 * relative to the block, so Markdown markup removed from `text` is accounted for.
 */
export function parseSentences(text: string, mapOffset: (offset: number) => number): Sentence[] {
  const sentences: Sentence[] = [];
  const root = parser.parse(text);
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const child of paragraph.children) {
      if (child.type === 'SentenceNode') {
        const sentence = readSentence(child, text, mapOffset);
        if (sentence.words.length > 0) sentences.push(sentence);
      }
    }
  }
  return sentences;
}

function readSentence(node: NlcstSentence, source: string, mapOffset: (offset: number) => number): Sentence {
  const words: Word[] = [];
  let pending: Break = Break.None;
  for (const child of node.children) {
    if (child.type === 'WordNode') {
      const start = child.position?.start.offset ?? 0;
      const end = child.position?.end.offset ?? start;
      const text = source.slice(start, end);
      const token = tokenize(text);
      words.push({
        norm: token.norm,
        stem: token.stem,
        possessive: token.possessive,
        negated: token.negated,
        start: mapOffset(start),
        end: mapEnd(mapOffset, start, end),
        breakBefore: pending,
        capitalised: CAPITALISED.test(text),
      });
      pending = Break.None;
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      const value = child.value;
      if (STRONG_BREAKS.has(value)) pending = Break.Strong;
      else if (value === ',' && pending === Break.None) pending = Break.Weak;
    } else if (child.type === 'WhiteSpaceNode' && /\n\s*\n/.test(child.value)) {
      pending = Break.Strong;
    }
  }
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  return { start: mapOffset(start), end: mapEnd(mapOffset, start, end), words };
}

/**
 * Maps an exclusive end offset through the last character it closes, so that
 * markup removed right after a word (`**`, `</span>`, `](url)`) stays outside it.
 */
function mapEnd(mapOffset: (offset: number) => number, start: number, end: number): number {
  return end > start ? mapOffset(end - 1) + 1 : mapOffset(end);
}
