import { MAX_WALK_STEPS, parseTerm, type TermStep } from '../core/terms.js';
import type { LoadedPack } from './load-pack.js';
import type { Problem } from './problems.js';

/** A node of one term's own trie, as the matcher would build it. */
interface Node {
  words: Map<string, Node>;
  gaps: Map<string, { min: number; max: number; node: Node }>;
  ends: boolean;
}

/** The words of a sentence the worst case is played out on: long enough for any term (12 words, 4 gaps of 6). */
const SENTENCE_WORDS = 40;

function newNode(): Node {
  return { words: new Map(), gaps: new Map(), ends: false };
}

function trieOf(sequences: TermStep[][]): Node {
  const root = newNode();
  for (const steps of sequences) {
    let node = root;
    for (const step of steps) {
      if (step.type === 'gap') {
        const key = `${step.min},${step.max}`;
        let edge = node.gaps.get(key);
        if (!edge) node.gaps.set(key, (edge = { min: step.min, max: step.max, node: newNode() }));
        node = edge.node;
      } else {
        const key = `${step.type}:${step.value}`;
        let child = node.words.get(key);
        if (!child) node.words.set(key, (child = newNode()));
        node = child;
      }
    }
    node.ends = true;
  }
  return root;
}

/**
 * The word edges one draft word can follow at once, at worst: one stem, one
 * exact form, and every prefix that is a prefix of the longest of a chain
 * (`a*`, `aa*` and `aaa*` all take "aaaa").
 */
function edgesOneWordTakes(node: Node): Node[] {
  const byType = { stem: [] as Node[], exact: [] as Node[] };
  const prefixes: Array<[string, Node]> = [];
  for (const [key, child] of node.words) {
    const [type, value] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (type === 'prefix') prefixes.push([value, child]);
    else byType[type as 'stem' | 'exact'].push(child);
  }
  let chain: Node[] = [];
  for (const [longest] of prefixes) {
    const taken = prefixes.filter(([value]) => longest.startsWith(value)).map(([, child]) => child);
    if (taken.length > chain.length) chain = taken;
  }
  return [...byType.stem.slice(0, 1), ...byType.exact.slice(0, 1), ...chain];
}

/**
 * Whether matching one term could give up early: its trie walked from the
 * first word of a sentence whose every word fits as many of the term's words
 * as one word can, counting steps as the matcher does (each trie node once per
 * position after a gap), against the matcher's budget.
 */
export function termCanGiveUp(term: string): boolean {
  let sequences: TermStep[][];
  try {
    sequences = parseTerm(term);
  } catch {
    return false;
  }
  let budget = MAX_WALK_STEPS;
  const seen = new Map<Node, Set<number>>();
  const walk = (node: Node, position: number, afterGap: boolean): boolean => {
    if (budget <= 0) return true;
    if (afterGap) {
      const positions = seen.get(node) ?? new Set<number>();
      if (positions.has(position)) return false;
      seen.set(node, positions.add(position));
    }
    budget -= 1 + (node.ends ? 1 : 0);
    if (position >= SENTENCE_WORDS) return false;
    for (const child of edgesOneWordTakes(node)) if (walk(child, position + 1, afterGap)) return true;
    if (position > 0) {
      for (const gap of node.gaps.values()) {
        for (let skip = gap.min; skip <= gap.max && position + skip < SENTENCE_WORDS; skip++) if (walk(gap.node, position + skip, true)) return true;
      }
    }
    return false;
  };
  return walk(trieOf(sequences), 0, false);
}

/** Warnings for the terms of a pack that branch so much that matching can give up early, each naming the concept, the term and its place. */
export function branchingTermWarnings(layer: LoadedPack): Problem[] {
  const warnings: Problem[] = [];
  for (const [name, entry] of Object.entries(layer.pack.terms ?? {})) {
    const lists: Array<[Array<string | number>, string[] | undefined]> = Array.isArray(entry)
      ? [[[], entry]]
      : [
          [['match'], entry.match],
          [['add'], entry.add],
          Array.isArray(entry.exclude) ? [['exclude'], entry.exclude] : [['exclude', 'add'], (entry.exclude as { add?: string[] } | undefined)?.add],
        ];
    for (const [field, terms] of lists) {
      terms?.forEach((term, index) => {
        if (!termCanGiveUp(term)) return;
        const at = layer.source.positionOf(['terms', name, ...field, index]);
        warnings.push({
          file: layer.file,
          ...at,
          message: `term '${term}' in concept '${name}' combines gaps, prefixes and alternatives in so many ways that matching can give up early on some sentences, and miss matches there; split it into simpler terms`,
        });
      });
    }
  }
  return warnings;
}
