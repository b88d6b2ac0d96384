import type { Sentence as NlcstSentence } from 'nlcst';
import { EnglishParser } from './english-parser.js';
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
const QUERIED_BIT = 8;
const BRACKETED_BIT = 16;
const INITIAL_CAPITAL_BIT = 32;
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

  /** Builds a word from its folded token, offsets, the break before it, whether it is capitalised and whether it opens with a capital (acronyms too). */
  static of(token: Token, start: number, end: number, breakBefore: Break, capitalised: boolean, initialCapital: boolean): Word {
    return new Word(token, start, end, breakBefore | (capitalised ? CAPITAL_BIT : 0) | (initialCapital ? INITIAL_CAPITAL_BIT : 0));
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

  /** A question mark stands right after the word, or right before it ("cocaine?", "? DA checks"): a note to self. */
  get queried(): boolean {
    return (this.bits & QUERIED_BIT) !== 0;
  }

  /** The word is a quantity written in figures ("1.8g", "6", "2x", "£300"). */
  get quantity(): boolean {
    const norm = this.norm;
    const first = CURRENCY_SIGNS.has(norm[0]) ? norm.charCodeAt(1) : norm.charCodeAt(0);
    return first >= 48 && first <= 57;
  }

  /** The word stands inside round brackets: an aside ("Daughter Lily-Mae (6) lives with her mother"). */
  get bracketed(): boolean {
    return (this.bits & BRACKETED_BIT) !== 0;
  }

  /** The same word, marked as standing inside round brackets. */
  markBracketed(): Word {
    return new Word(this.token, this.start, this.end, this.bits | BRACKETED_BIT);
  }

  /** The same word, marked as queried. */
  markQueried(): Word {
    return new Word(this.token, this.start, this.end, this.bits | QUERIED_BIT);
  }

  /** Opens with a capital letter, as names and acronyms do ("Hackney", "FAST"). */
  get initialCapital(): boolean {
    return (this.bits & INITIAL_CAPITAL_BIT) !== 0;
  }

  /** Written with a capital then lower case, as names are (not acronyms such as PNC). */
  get capitalised(): boolean {
    return (this.bits & CAPITAL_BIT) !== 0;
  }
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;
const INITIAL_CAPITAL = /^\p{Lu}/u;

/** Signs written before a sum of money: "£2,000" is read as one word, "£2", so that it is no age or count. */
const CURRENCY_SIGNS = new Set(['£', '$', '€']);

/** A sentence: a run of words the matcher never crosses. */
export interface Sentence {
  start: number;
  end: number;
  words: Word[];
  /** The sentence is a query, as notes to self are ("cocaine?", "? DA checks"): it ends with a question mark, or starts with one. */
  query?: true;
  /** The sentence holds "??" or "!!", the marks of a note to self ("[need CPS on the cash, were there messages??]"). */
  note?: true;
  /** The sentence opens with a square bracket ("[need CPS version – how many times?"): with an opener word after it, a note to self. */
  bracketOpened?: true;
}

const parser = new EnglishParser();
/** Marks after which a question mark still stands against the next word ("(?check", "– ?ask"). */
const OPENING_MARKS = new Set(['(', '[', '\u2013', '\u2014', '-']);
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
  let queryBefore = false;
  let depth = 0;
  let note = false;
  let bracketOpened = false;
  let lastMark = '';
  let currencyAt = -1;
  // Where a question mark written against the next word ends ("?check GP", "?cover at next visit").
  let queryMarkEnd = -1;
  let afterSpace = true;
  for (const child of node.children) {
    if (child.type === 'WordNode') {
      const wordStart = child.position?.start.offset ?? 0;
      // A question mark glued to the front of a word is a note to self: "?ask at next appt".
      if (wordStart === queryMarkEnd) note = true;
      const end = child.position?.end.offset ?? wordStart;
      const start = currencyAt >= 0 && currencyAt === wordStart - 1 ? currencyAt : wordStart;
      currencyAt = -1;
      const text = source.slice(start, end);
      const token = tokenize(text);
      const word = Word.of(token, mapOffset(start), mapEnd(mapOffset, start, end), pending, CAPITALISED.test(text), INITIAL_CAPITAL.test(text));
      const queried = queryBefore ? word.markQueried() : word;
      words.push(depth > 0 ? queried.markBracketed() : queried);
      pending = Break.None;
      queryBefore = false;
      lastMark = '';
    } else if (child.type === 'PunctuationNode' || child.type === 'SymbolNode') {
      const value = child.value;
      currencyAt = CURRENCY_SIGNS.has(value) ? (child.position?.start.offset ?? -1) : -1;
      queryMarkEnd = value === '?' && afterSpace ? (child.position?.end.offset ?? -1) : -1;
      if (value === '[' && words.length === 0) bracketOpened = true;
      // "??" and "!!" may come as one node or as two in a row.
      if (/[?!]{2}/.test(value) || ((value === '?' || value === '!') && value === lastMark)) note = true;
      lastMark = value;
      if (value === '?') {
        if (words.length > 0 && pending === Break.None) words[words.length - 1] = words[words.length - 1].markQueried();
        else queryBefore = true;
      }
      if (value === '(') depth++;
      else if (value === ')' && depth > 0) depth--;
      if (STRONG_BREAKS.has(value)) pending = Break.Strong;
      else if (value === ',' && pending === Break.None) pending = Break.Weak;
    } else if (child.type === 'WhiteSpaceNode' && /\n\s*\n/.test(child.value)) {
      pending = Break.Strong;
    }
    afterSpace = child.type === 'WhiteSpaceNode' || ((child.type === 'PunctuationNode' || child.type === 'SymbolNode') && OPENING_MARKS.has(child.value));
  }
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? start;
  const sentence: Sentence = { start: mapOffset(start), end: mapEnd(mapOffset, start, end), words };
  if (isQuery(node)) sentence.query = true;
  if (note) sentence.note = true;
  if (bracketOpened) sentence.bracketOpened = true;
  return sentence;
}

function isQuery(node: NlcstSentence): boolean {
  const children = node.children;
  const first = children.find((child) => child.type !== 'WhiteSpaceNode');
  if (first && first.type === 'PunctuationNode' && first.value === '?') return true;
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index];
    if (child.type === 'WhiteSpaceNode' || (child.type === 'PunctuationNode' && /^[)\]"'”’!]$/.test(child.value))) continue;
    return child.type === 'PunctuationNode' && child.value === '?';
  }
  return false;
}

/**
 * Maps an exclusive end offset through the last character it closes, so that
 * markup removed right after a word (`**`, `</span>`, `](url)`) stays outside it.
 */
function mapEnd(mapOffset: (offset: number) => number, start: number, end: number): number {
  return end > start ? mapOffset(end - 1) + 1 : mapOffset(end);
}
