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

const CAPITAL_BIT = 4;
const BREAK_BITS = 3;

/**
 * A word with its offsets relative to the start of its block. Kept small (a
 * shared folded token, two offsets and a few bits), because a long draft has
 * tens of thousands of them and the editor keeps them between keystrokes.
 */
export class Word implements Token {
  constructor(
    private readonly token: Token,
    readonly start: number,
    readonly end: number,
    private readonly bits: number,
  ) {}

  /** Builds a word from its folded token, offsets, the break before it and whether it is capitalised. */
  static of(token: Token, start: number, end: number, breakBefore: Break, capitalised: boolean): Word {
    return new Word(token, start, end, breakBefore | (capitalised ? CAPITAL_BIT : 0));
  }

  get norm(): string {
    return this.token.norm;
  }

  get stem(): string {
    return this.token.stem;
  }

  get possessive(): boolean {
    return this.token.possessive;
  }

  get negated(): boolean {
    return this.token.negated;
  }

  /** How strongly punctuation separates this word from the one before it. */
  get breakBefore(): Break {
    return this.bits & BREAK_BITS;
  }

  /** Written with a capital then lower case, as names are (not acronyms such as PNC). */
  get capitalised(): boolean {
    return (this.bits & CAPITAL_BIT) !== 0;
  }
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** A sentence: a run of words the matcher never crosses. */
export interface Sentence {
  start: number;
  end: number;
  words: Word[];
}

const parser = new ParseEnglish();
const STRONG_BREAKS = new Set([';', ':', '(', ')', '[', ']', '\u2013', '\u2014', '-', '|', '\u2022']);

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
      words.push(Word.of(token, mapOffset(start), mapEnd(mapOffset, start, end), pending, CAPITALISED.test(text)));
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
