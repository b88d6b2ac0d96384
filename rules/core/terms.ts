import { tokenize } from './tokens.js';

/** One step of a term: a word (by stem, exact form or prefix) or a gap of skipped words. */
export type TermStep =
  | { type: 'stem'; value: string }
  | { type: 'exact'; value: string }
  | { type: 'prefix'; value: string }
  | { type: 'gap'; min: number; max: number };

/** The largest gap a term may ask for, so matching stays linear in the text. */
export const MAX_GAP = 6;
/** The most alternatives one term may expand to. */
export const MAX_EXPANSIONS = 1024;
/** The most words one term may have (gaps not counted). */
export const MAX_TERM_WORDS = 12;
/** The most gaps one term may have, so the words a match can span stay few. */
export const MAX_GAPS_PER_TERM = 4;
/** The most word sequences all of a pack's terms together may expand to. */
export const MAX_SEQUENCES = 200_000;
/** The most nodes the compiled term trie may have. */
export const MAX_TRIE_NODES = 1_000_000;
/** The most characters one word of a term may have. */
export const MAX_WORD_LENGTH = 64;
/**
 * The most trie steps matching may take from one word of a draft (the
 * built-in pack needs under 20); past it, matches starting at that word are
 * given up, so no pack can make matching slower than linear in the text.
 */
export const MAX_WALK_STEPS = 256;

/** Why a term could not be read, for the pack loader to report. */
export class TermSyntaxError extends Error {}

/** Thrown when a pack's terms together are too many to compile quickly. */
export class TermBudgetError extends Error {}

const GAP = /^\{(\d+)(?:,(\d+))?\}$/;

function parseWord(word: string): TermStep {
  if (word.length > MAX_WORD_LENGTH) throw new TermSyntaxError(`'${word.slice(0, 20)}…' is longer than ${MAX_WORD_LENGTH} characters; a term is made of words`);
  if (word.length > 1 && word.startsWith('"') && word.endsWith('"')) return { type: 'exact', value: tokenize(word.slice(1, -1)).norm };
  if (word.length > 1 && word.startsWith('=')) return { type: 'exact', value: tokenize(word.slice(1)).norm };
  if (word.length > 1 && word.endsWith('*')) return { type: 'prefix', value: tokenize(word.slice(0, -1)).norm };
  if (/[*{}]/.test(word)) throw new TermSyntaxError(`'${word}' is not a word, a prefix such as 'drink*', or a gap such as '{0,3}'`);
  return { type: 'stem', value: tokenize(word).stem };
}

/** A term read part by part: each part's alternatives (a gap is one step), and how many word sequences they combine into. */
export interface ParsedTerm {
  parts: TermStep[][];
  sequences: number;
}

/**
 * Reads a term written in a pack into its parts, without spelling out the
 * sequences they combine into. Syntax: words separated by spaces, matched by
 * stem (`stated` matches `states`); `"word"` or `=word` matches the word
 * exactly; `word*` matches any word starting so; `a|b` allows either word;
 * `{0,3}` skips up to three words.
 */
export function parseTermParts(term: string): ParsedTerm {
  const words = term.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new TermSyntaxError('a term cannot be empty');
  const gaps = words.filter((part) => GAP.test(part)).length;
  if (words.length - gaps > MAX_TERM_WORDS) throw new TermSyntaxError(`a term may have at most ${MAX_TERM_WORDS} words; split it into shorter terms`);
  if (gaps > MAX_GAPS_PER_TERM) throw new TermSyntaxError(`a term may have at most ${MAX_GAPS_PER_TERM} gaps such as '{0,3}'; split it into shorter terms`);
  const parts: TermStep[][] = [];
  let sequences = 1;
  words.forEach((part, index) => {
    const gap = GAP.exec(part);
    if (gap) {
      const min = Number(gap[1]);
      const max = gap[2] === undefined ? min : Number(gap[2]);
      if (index === 0 || index === words.length - 1) throw new TermSyntaxError(`a gap such as '${part}' must stand between two words`);
      if (max < min || max > MAX_GAP) throw new TermSyntaxError(`the gap '${part}' must be {min,max} with min ≤ max ≤ ${MAX_GAP}`);
      parts.push([{ type: 'gap', min, max }]);
      return;
    }
    const alternatives = part.split('|').filter(Boolean).map(parseWord);
    if (alternatives.length === 0) throw new TermSyntaxError(`'${part}' has no word in it`);
    sequences *= alternatives.length;
    if (sequences > MAX_EXPANSIONS) throw new TermSyntaxError(`'${term}' allows more than ${MAX_EXPANSIONS} combinations; split it into several terms`);
    parts.push(alternatives);
  });
  return { parts, sequences };
}

/** Reads a term written in a pack into the step sequences it stands for (syntax as in `parseTermParts`). */
export function parseTerm(term: string): TermStep[][] {
  let sequences: TermStep[][] = [[]];
  for (const alternatives of parseTermParts(term).parts) {
    const next: TermStep[][] = [];
    for (const sequence of sequences) for (const alternative of alternatives) next.push([...sequence, alternative]);
    sequences = next;
  }
  return sequences;
}
