import type { Word } from './sentences.js';
import { parseTerm, type TermStep } from './terms.js';

/** A named list of terms, with terms that veto an overlapping match (`as a child` for children). */
export interface ConceptDefinition {
  name: string;
  match: string[];
  exclude?: string[];
}

/** One match of a concept in a sentence, by word index (end exclusive). */
export interface WordMatch {
  concept: string;
  first: number;
  end: number;
}

interface TrieNode {
  stems: Map<string, TrieNode>;
  exact: Map<string, TrieNode>;
  prefixes: Array<[string, TrieNode]>;
  gaps: Array<{ min: number; max: number; node: TrieNode }>;
  /** Indexes into `Matcher.targets` of the terms that end here. */
  terminals: number[];
}

interface Target {
  concept: string;
  exclude: boolean;
}

function newNode(): TrieNode {
  return { stems: new Map(), exact: new Map(), prefixes: [], gaps: [], terminals: [] };
}

function childFor(node: TrieNode, step: TermStep): TrieNode {
  if (step.type === 'gap') {
    let edge = node.gaps.find((gap) => gap.min === step.min && gap.max === step.max);
    if (!edge) node.gaps.push((edge = { min: step.min, max: step.max, node: newNode() }));
    return edge.node;
  }
  if (step.type === 'prefix') {
    let edge = node.prefixes.find(([prefix]) => prefix === step.value);
    if (!edge) node.prefixes.push((edge = [step.value, newNode()]));
    return edge[1];
  }
  const map = step.type === 'stem' ? node.stems : node.exact;
  let child = map.get(step.value);
  if (!child) map.set(step.value, (child = newNode()));
  return child;
}

/**
 * All of a pack's concepts compiled once into one token trie. Matching walks
 * the trie from each word, so its cost grows with the text and the longest
 * term, not with the number of terms.
 */
export class Matcher {
  private readonly root = newNode();
  private readonly targets: Target[] = [];
  /** Names of the concepts this matcher knows. */
  readonly concepts: ReadonlySet<string>;

  constructor(definitions: ConceptDefinition[]) {
    for (const definition of definitions) {
      this.add(definition.name, definition.match, false);
      this.add(definition.name, definition.exclude ?? [], true);
    }
    this.concepts = new Set(definitions.map((definition) => definition.name));
  }

  private add(concept: string, terms: string[], exclude: boolean): void {
    for (const term of terms) {
      const index = this.targets.push({ concept, exclude }) - 1;
      for (const steps of parseTerm(term)) {
        let node = this.root;
        for (const step of steps) node = childFor(node, step);
        if (!node.terminals.includes(index)) node.terminals.push(index);
      }
    }
  }

  /** Finds every concept match in one sentence: longest per start, contained and vetoed matches dropped. */
  matchSentence(words: Word[]): WordMatch[] {
    const found: Array<WordMatch & { exclude: boolean }> = [];
    for (let first = 0; first < words.length; first++) {
      this.walk(this.root, words, first, first, found);
    }
    if (found.length === 0) return [];
    const vetoes = found.filter((match) => match.exclude);
    const kept = found.filter(
      (match) =>
        !match.exclude &&
        !vetoes.some((veto) => veto.concept === match.concept && veto.first < match.end && match.first < veto.end) &&
        !found.some(
          (other) =>
            !other.exclude &&
            other !== match &&
            other.concept === match.concept &&
            other.first <= match.first &&
            other.end >= match.end &&
            (other.end - other.first > match.end - match.first || other.first < match.first),
        ),
    );
    const unique = new Map<string, WordMatch>();
    for (const match of kept) unique.set(`${match.concept}:${match.first}:${match.end}`, { concept: match.concept, first: match.first, end: match.end });
    return [...unique.values()];
  }

  private walk(node: TrieNode, words: Word[], first: number, position: number, found: Array<WordMatch & { exclude: boolean }>): void {
    if (position > first) {
      for (const index of node.terminals) {
        const target = this.targets[index];
        found.push({ concept: target.concept, first, end: position, exclude: target.exclude });
      }
    }
    if (position >= words.length) return;
    const word = words[position];
    const byStem = node.stems.get(word.stem);
    if (byStem) this.walk(byStem, words, first, position + 1, found);
    const byExact = node.exact.get(word.norm);
    if (byExact) this.walk(byExact, words, first, position + 1, found);
    for (const [prefix, child] of node.prefixes) {
      if (word.norm.startsWith(prefix)) this.walk(child, words, first, position + 1, found);
    }
    if (position > first) {
      for (const gap of node.gaps) {
        for (let skip = gap.min; skip <= gap.max && position + skip < words.length; skip++) {
          this.walk(gap.node, words, first, position + skip, found);
        }
      }
    }
  }
}
