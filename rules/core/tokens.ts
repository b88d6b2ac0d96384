import { stemmer } from 'stemmer';

/** A word as the matcher sees it: its folded form, its stem and what was stripped from it. */
export interface Token {
  /** Lower-cased, apostrophes straightened, possessive and contraction endings removed. */
  norm: string;
  /** Porter stem of `norm`, so that state, states, stated and stating meet. */
  stem: string;
  /** The word ended in 's or s' (the victim's, his parents'). */
  possessive: boolean;
  /** The word ended in n't (doesn't, hasn't). */
  negated: boolean;
}

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/** Porter stem of a folded word, cached because drafts repeat their words. */
export function stemOf(norm: string): string {
  let stem = stemCache.get(norm);
  if (stem === undefined) {
    stem = /[a-z]/.test(norm) ? stemmer(norm) : norm;
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(norm, stem);
  }
  return stem;
}

const tokenCache = new Map<string, Token>();

/** Folds one word as written into the form the matcher compares (cached: drafts repeat their words). */
export function tokenize(word: string): Token {
  let token = tokenCache.get(word);
  if (token === undefined) {
    token = fold(word);
    if (tokenCache.size >= STEM_CACHE_LIMIT) tokenCache.clear();
    tokenCache.set(word, token);
  }
  return token;
}

function fold(word: string): Token {
  let norm = word.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
  let possessive = false;
  let negated = false;
  if (norm.endsWith("n't")) {
    negated = true;
    norm = norm === "can't" ? 'can' : norm === "won't" ? 'will' : norm.slice(0, -3);
  } else if (norm.endsWith("'s") && norm.length > 2) {
    possessive = true;
    norm = norm.slice(0, -2);
  } else if (norm.endsWith("s'") && norm.length > 2) {
    possessive = true;
    norm = norm.slice(0, -1);
  } else {
    const contraction = /'(d|ll|ve|re|m)$/.exec(norm);
    if (contraction) norm = norm.slice(0, contraction.index);
  }
  if (norm.endsWith('.') && norm.length > 1 && !norm.slice(0, -1).includes('.')) norm = norm.slice(0, -1);
  return { norm, stem: stemOf(norm), possessive, negated };
}
