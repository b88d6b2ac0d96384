import type { CueSet } from './cues.js';
import type { Word } from './sentences.js';
import { MAX_SEQUENCES, MAX_TRIE_NODES, MAX_WALK_STEPS, parseTermParts, TermBudgetError, type TermStep } from './terms.js';

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

/** A node of the term trie. Edge tables are made when the first edge of their sort is added: most nodes have one sort or none. */
interface TrieNode {
  id: number;
  stems?: Map<string, TrieNode>;
  exact?: Map<string, TrieNode>;
  /** Prefix edges grouped by the prefix's first character ('' for an empty prefix), so a word is compared only with the few that could fit. */
  prefixes?: Map<string, Array<{ prefix: string; node: TrieNode }>>;
  gaps?: Array<{ min: number; max: number; node: TrieNode }>;
  /** Indexes into `Matcher.targets` of the concepts (or their vetoes) whose terms end here. */
  terminals?: number[];
}

interface Target {
  concept: string;
  exclude: boolean;
}

function childFor(node: TrieNode, step: TermStep, newNode: () => TrieNode): TrieNode {
  if (step.type === 'gap') {
    node.gaps ??= [];
    let edge = node.gaps.find((gap) => gap.min === step.min && gap.max === step.max);
    if (!edge) node.gaps.push((edge = { min: step.min, max: step.max, node: newNode() }));
    return edge.node;
  }
  if (step.type === 'prefix') {
    node.prefixes ??= new Map();
    const first = step.value.charAt(0);
    let bucket = node.prefixes.get(first);
    if (!bucket) node.prefixes.set(first, (bucket = []));
    let edge = bucket.find((candidate) => candidate.prefix === step.value);
    if (!edge) bucket.push((edge = { prefix: step.value, node: newNode() }));
    return edge.node;
  }
  const map = step.type === 'stem' ? (node.stems ??= new Map()) : (node.exact ??= new Map());
  let child = map.get(step.value);
  if (!child) map.set(step.value, (child = newNode()));
  return child;
}

/**
 * All of a pack's concepts compiled once into one token trie. Matching walks
 * the trie from each word, visiting each trie node at most once per word
 * position, so its cost grows with the text and the longest term, not with
 * the number of terms or the ways gaps can combine.
 */
export class Matcher {
  private nodeCount = 0;
  private sequenceCount = 0;
  private readonly root = this.newNode();
  private readonly targets: Target[] = [];
  /** Names of the concepts this matcher knows. */
  readonly concepts: ReadonlySet<string>;
  private cutOffs = 0;

  /**
   * The pack's cues, read around each mention for its status, role and owner;
   * without them every mention is affirmed, or negated, and about the topic.
   */
  readonly cues: CueSet | undefined;

  constructor(definitions: ConceptDefinition[], cues?: CueSet) {
    this.cues = cues;
    for (const definition of definitions) {
      this.add(definition.name, definition.match, false);
      this.add(definition.name, definition.exclude ?? [], true);
    }
    this.concepts = new Set(definitions.map((definition) => definition.name));
  }

  private newNode(): TrieNode {
    if (this.nodeCount >= MAX_TRIE_NODES) throw new TermBudgetError(`the terms expand to more than ${MAX_TRIE_NODES} trie nodes; shorten the lists or split alternatives into fewer combinations`);
    // Every field set, even when empty, so that all nodes share one shape and the walk's lookups stay fast.
    return { id: this.nodeCount++, stems: undefined, exact: undefined, prefixes: undefined, gaps: undefined, terminals: undefined };
  }

  private add(concept: string, terms: string[], exclude: boolean): void {
    if (terms.length === 0) return;
    const index = this.targets.push({ concept, exclude }) - 1;
    const newNode = () => this.newNode();
    for (const term of terms) {
      const { parts, sequences } = parseTermParts(term);
      this.sequenceCount += sequences;
      if (this.sequenceCount > MAX_SEQUENCES) throw new TermBudgetError(`the terms expand to more than ${MAX_SEQUENCES} word sequences; shorten the lists or split alternatives into fewer combinations`);
      // The trie is grown part by part from the nodes the term has reached so far, so its sequences are never spelled out one by one.
      let reached: TrieNode[] = [this.root];
      for (const alternatives of parts) {
        const next = new Set<TrieNode>();
        for (const node of reached) for (const step of alternatives) next.add(childFor(node, step, newNode));
        reached = [...next];
      }
      for (const node of reached) {
        node.terminals ??= [];
        if (!node.terminals.includes(index)) node.terminals.push(index);
      }
    }
  }

  /** Finds every concept match in one sentence: longest per start, contained and vetoed matches dropped. */
  matchSentence(words: Word[]): WordMatch[] {
    const walk: Walk = { words, first: 0, found: [], budget: 0, cutOff: false };
    for (let first = 0; first < words.length; first++) {
      if (!this.startsTerm(words[first])) continue;
      walk.first = first;
      walk.visited?.clear();
      walk.budget = MAX_WALK_STEPS;
      walk.cutOff = false;
      this.walk(this.root, first, walk);
      if (walk.cutOff) this.cutOffs++;
    }
    return walk.found.length === 0 ? [] : keepOutermost(walk.found);
  }

  /**
   * How many times, since the matcher was made, matching from a word stopped
   * early because the terms that could start there branch too much (gaps,
   * prefixes and alternatives combined); matches there may have been missed.
   */
  get stoppedEarly(): number {
    return this.cutOffs;
  }

  /** Whether some term can start with this word (most words start none, and need no walk). */
  private startsTerm(word: Word): boolean {
    const { stems, exact, prefixes } = this.root;
    if (stems?.has(word.stem) || exact?.has(word.norm)) return true;
    if (!prefixes) return false;
    const norm = word.norm;
    if (norm.length > 0 && prefixes.has('')) return true;
    return prefixes.get(norm.charAt(0))?.some((edge) => norm.startsWith(edge.prefix)) ?? false;
  }

  /**
   * Follows every edge the words allow; gives up on this start when the budget
   * runs out. Before any gap the walk is a plain descent of the trie; after a
   * gap, each trie node is visited once per position, so gaps cannot multiply
   * the work.
   */
  private walk(node: TrieNode, position: number, walk: Walk, afterGap = false): void {
    const { words, first, found } = walk;
    if (walk.budget <= 0) {
      walk.cutOff = true;
      return;
    }
    if (afterGap) {
      const key = node.id * (words.length + 1) + position;
      const seen = (walk.visited ??= new Set());
      if (seen.has(key)) return;
      seen.add(key);
    }
    const { terminals, stems, exact, prefixes, gaps } = node;
    walk.budget -= 1 + (terminals?.length ?? 0);
    if (terminals && position > first) {
      for (const index of terminals) {
        const target = this.targets[index];
        found.push({ concept: target.concept, first, end: position, exclude: target.exclude });
      }
    }
    if (position >= words.length) return;
    const word = words[position];
    const byStem = stems?.get(word.stem);
    if (byStem) this.walk(byStem, position + 1, walk, afterGap);
    const byExact = exact?.get(word.norm);
    if (byExact) this.walk(byExact, position + 1, walk, afterGap);
    if (prefixes) {
      const norm = word.norm;
      const bucket = prefixes.get(norm.charAt(0));
      if (bucket) for (const edge of bucket) if (norm.startsWith(edge.prefix)) this.walk(edge.node, position + 1, walk, afterGap);
      const empty = norm.length > 0 ? prefixes.get('') : undefined;
      if (empty) for (const edge of empty) this.walk(edge.node, position + 1, walk, afterGap);
    }
    if (gaps && position > first) {
      for (const gap of gaps) {
        for (let skip = gap.min; skip <= gap.max && position + skip < words.length; skip++) {
          this.walk(gap.node, position + skip, walk, true);
        }
      }
    }
  }
}

/** The state of matching from one word: where matches go, what was visited and how much work is left. */
interface Walk {
  words: Word[];
  first: number;
  found: FoundMatch[];
  /** Trie node and position pairs reached after a gap, made when the first gap is taken. */
  visited?: Set<number>;
  budget: number;
  /** Set when the budget ran out before every path from this start was followed. */
  cutOff: boolean;
}

/** A match as the walk finds it, before contained and vetoed matches are dropped. */
export type FoundMatch = WordMatch & { exclude: boolean; dropped?: boolean };

/**
 * Drops matches a veto of the same concept overlaps and matches another match
 * of the same concept strictly contains, keeping the order found and the
 * first of any repeats; sorts instead of comparing every pair, so a sentence
 * full of matches stays cheap.
 */
function keepOutermost(found: FoundMatch[]): WordMatch[] {
  if (found.length === 1) return found[0].exclude ? [] : [toWordMatch(found[0])];
  if (found.length <= FEW_MATCHES) return keepOutermostOfFew(found);
  return keepOutermostBySorting(found);
}

/** `keepOutermost` by grouping the matches by concept and sorting each group (exported for the test that compares it with `keepOutermostOfFew`). */
export function keepOutermostBySorting(found: FoundMatch[]): WordMatch[] {
  const byConcept = new Map<string, FoundMatch[]>();
  for (const match of found) {
    let list = byConcept.get(match.concept);
    if (!list) byConcept.set(match.concept, (list = []));
    list.push(match);
  }
  for (const matches of byConcept.values()) {
    const vetoes = matches.filter((match) => match.exclude).sort((a, b) => a.first - b.first);
    const vetoEnds: number[] = [];
    for (const veto of vetoes) vetoEnds.push(Math.max(veto.end, vetoEnds[vetoEnds.length - 1] ?? -1));
    const spans = matches.filter((match) => !match.exclude).sort((a, b) => a.first - b.first || b.end - a.end);
    let widestEnd = -1;
    let previous: FoundMatch | undefined;
    for (const match of spans) {
      if (previous && previous.first === match.first && previous.end === match.end) {
        match.dropped = true;
        continue;
      }
      const contained = widestEnd >= match.end;
      widestEnd = Math.max(widestEnd, match.end);
      const before = lastIndexBefore(vetoes, match.end);
      match.dropped = contained || (before >= 0 && vetoEnds[before] > match.first);
      previous = match;
    }
  }
  const kept: WordMatch[] = [];
  for (const match of found) if (!match.exclude && !match.dropped) kept.push(toWordMatch(match));
  return kept;
}

/** Up to this many matches in a sentence are compared pair by pair, which for so few is cheaper than grouping and sorting them. */
const FEW_MATCHES = 16;

/**
 * `keepOutermost` for a few matches, by comparing each with every other of its
 * concept: a match is dropped when a veto overlaps it, when another match
 * strictly contains it, or when an identical match was found before it.
 */
export function keepOutermostOfFew(found: FoundMatch[]): WordMatch[] {
  const kept: WordMatch[] = [];
  for (let index = 0; index < found.length; index++) {
    const match = found[index];
    if (match.exclude) continue;
    let dropped = false;
    for (let other = 0; other < found.length && !dropped; other++) {
      const rival = found[other];
      if (other === index || rival.concept !== match.concept) continue;
      if (rival.exclude) dropped = rival.first < match.end && rival.end > match.first;
      else if (rival.first <= match.first && rival.end >= match.end) dropped = rival.first !== match.first || rival.end !== match.end || other < index;
    }
    if (!dropped) kept.push(toWordMatch(match));
  }
  return kept;
}

function toWordMatch(match: FoundMatch): WordMatch {
  return { concept: match.concept, first: match.first, end: match.end };
}

/** The index of the last veto starting before `end` (vetoes sorted by start), or -1. */
function lastIndexBefore(vetoes: FoundMatch[], end: number): number {
  let low = 0;
  let high = vetoes.length - 1;
  let answer = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (vetoes[middle].first < end) {
      answer = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return answer;
}
