import { parse as parseYaml } from 'yaml';
import phrasesText from './draft-phrases.yaml';

interface Phrases {
  headings: string[];
  sentences: string[];
  'list-items': string[];
  names: string[];
  towns: string[];
  forces: string[];
}

const phrases = parseYaml(phrasesText) as Phrases;

/** A small seeded random number generator (mulberry32), so every run generates the same drafts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: T[]): T {
  return list[Math.floor(random() * list.length)];
}

function fill(random: () => number, pattern: string): string {
  const filled = pattern
    .replace(/\{name\}/g, () => pick(random, phrases.names))
    .replace(/\{town\}/g, () => pick(random, phrases.towns))
    .replace(/\{force\}/g, () => pick(random, phrases.forces))
    .replace(/\{date\}/g, () => `${1 + Math.floor(random() * 28)}/${1 + Math.floor(random() * 12)}/2025`)
    .replace(/\{age\}/g, () => String(18 + Math.floor(random() * 40)))
    .replace(/\{number\}/g, () => String(2 + Math.floor(random() * 60)))
    .replace(/\{pronoun\}/g, 'he')
    .replace(/\{possessive\}/g, 'his');
  return filled.charAt(0).toUpperCase() + filled.slice(1);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Generates a realistic Markdown draft of about `words` words: PSR headings,
 * numbered paragraphs, bullet lists of sources and a RoSH table, from a seed.
 */
export function generateDraft(words: number, seed: number): string {
  const random = seededRandom(seed);
  const parts: string[] = [`# Pre-sentence report: ${pick(random, phrases.names)}`];
  let total = 0;
  let section = 0;
  while (total < words) {
    const heading = phrases.headings[section % phrases.headings.length];
    section++;
    parts.push(`## ${section}. ${heading}`);
    const paragraphs = 3 + Math.floor(random() * 4);
    for (let paragraph = 1; paragraph <= paragraphs && total < words; paragraph++) {
      const sentences = Array.from({ length: 2 + Math.floor(random() * 4) }, () => fill(random, pick(random, phrases.sentences)));
      const text = `${section}.${paragraph} ${sentences.join(' ')}`;
      parts.push(text);
      total += countWords(text);
    }
    if (random() < 0.4) {
      const items = Array.from({ length: 3 + Math.floor(random() * 3) }, () => `- ${fill(random, pick(random, phrases['list-items']))}`);
      parts.push(items.join('\n'));
      total += countWords(items.join(' '));
    }
    if (random() < 0.2) {
      parts.push('| Group | RoSH |\n|---|---|\n| Children | Low |\n| Public | Medium |\n| Known adult | Medium |\n| Staff | Low |');
      total += 12;
    }
  }
  return parts.join('\n\n') + '\n';
}
