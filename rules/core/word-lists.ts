/**
 * Named word lists merged over a chain of layers and expanded: a layer may
 * define a list (replacing an inherited one), or add to and remove from the
 * list it inherits; an entry `@name` stands for every entry of another list.
 * Pure and position-free: the pack compiler passes where each entry was
 * written as `at`, and gets back problems to place.
 */

/** The mark that makes an entry or a term word a reference to a named list. */
export const LIST_REFERENCE = '@';

/** A list as one layer writes it: its entries, or changes to the inherited list. */
export type WrittenList = Array<string | number> | { add?: Array<string | number>; remove?: Array<string | number> };

/** One entry of a resolved list, with where it was written and the lists it came through. */
export interface ListEntry<At> {
  value: string;
  at: At;
  /** The lists referred to on the way, nearest first (`placeholder-answers` for "tbc" in `empty-answers`). */
  via: string[];
}

/** A problem found while resolving, with the place it concerns and, for a duplicate, the other place. */
export interface ListProblem<At> {
  at: At;
  message: string;
  other?: At;
}

interface Raw<At> {
  entries: Array<{ value: string; at: At }>;
  removed: Array<{ value: string; at: At }>;
  at: At;
}

/** Folds an entry for comparison: case and spacing do not make two entries different. */
export function entryKey(value: string): string {
  const lower = value.toLowerCase();
  return /^\s|\s$|\s\s|[\t\n\r]/.test(lower) ? lower.trim().replace(/\s+/g, ' ') : lower;
}

/** True when a list entry (or a word of a term) refers to a named list. */
export function isListReference(value: string): boolean {
  return value.length > 1 && value.startsWith(LIST_REFERENCE);
}

/** Merges the layers' lists (base first) and expands references; problems go to `problems`. */
export function resolveWordLists<At>(
  layers: Array<{ lists: Record<string, WrittenList>; at: (name: string, field?: 'add' | 'remove', index?: number) => At }>,
  problems: Array<ListProblem<At>>,
): Map<string, Array<ListEntry<At>>> {
  const raw = new Map<string, Raw<At>>();
  for (const layer of layers) {
    for (const [name, written] of Object.entries(layer.lists)) {
      if (Array.isArray(written)) {
        raw.set(name, { entries: written.map((value, index) => ({ value: String(value), at: layer.at(name, undefined, index) })), removed: [], at: layer.at(name) });
        continue;
      }
      const inherited = raw.get(name);
      if (!inherited) {
        problems.push({ at: layer.at(name), message: `word list '${name}' is not defined by any pack this one extends, so there is nothing to add to or remove from; give the list itself` });
        continue;
      }
      written.remove?.forEach((value, index) => inherited.removed.push({ value: String(value), at: layer.at(name, 'remove', index) }));
      written.add?.forEach((value, index) => inherited.entries.push({ value: String(value), at: layer.at(name, 'add', index) }));
    }
  }
  const resolved = new Map<string, Array<ListEntry<At>>>();
  const expand = (name: string, stack: string[]): Array<ListEntry<At>> => {
    const done = resolved.get(name);
    if (done) return done;
    const list = raw.get(name)!;
    const entries: Array<ListEntry<At>> = [];
    for (const entry of list.entries) {
      if (!isListReference(entry.value)) {
        entries.push({ value: entry.value, at: entry.at, via: [] });
        continue;
      }
      const target = entry.value.slice(LIST_REFERENCE.length);
      if (!raw.has(target)) problems.push({ at: entry.at, message: `'${entry.value}' refers to no word list; define '${target}' under vocabulary: or fix the name` });
      else if (stack.includes(target)) problems.push({ at: entry.at, message: `'${entry.value}' refers back to a list that refers to it (${[...stack, target].join(' → ')}); remove one of the references` });
      else for (const inner of expand(target, [...stack, target])) entries.push({ ...inner, via: [target, ...inner.via] });
    }
    const removed = new Set(list.removed.map((entry) => entryKey(entry.value)));
    for (const entry of list.removed) {
      if (!entries.some((known) => entryKey(known.value) === entryKey(entry.value))) {
        problems.push({ at: entry.at, message: `'${entry.value}' is not in word list '${name}', so it cannot be removed; check the spelling` });
      }
    }
    const kept = entries.filter((entry) => !removed.has(entryKey(entry.value)));
    const seen = new Map<string, ListEntry<At>>();
    for (const entry of kept) {
      const key = entryKey(entry.value);
      const first = seen.get(key);
      if (first) problems.push({ at: entry.at, other: first.at, message: `'${entry.value}' is in word list '${name}' twice` });
      else seen.set(key, entry);
    }
    const unique = [...seen.values()];
    resolved.set(name, unique);
    return unique;
  };
  for (const name of raw.keys()) expand(name, [name]);
  return resolved;
}

/** A term with its list references replaced by the lists' entries, or why it could not be. */
export interface ExpandedTerm {
  terms: string[];
  error?: string;
  /** A word the term allows twice in one place ("records" in `gp records|record|records`). */
  repeated?: string;
}

/**
 * Replaces list references in a term: a term that is only `@name` stands for
 * each entry of the list as a term of its own (entries may be phrases); inside
 * a longer term, `@name` is one more set of alternatives for that word, so the
 * list's entries must be single words there.
 */
export function expandTerm<At>(term: string, lists: ReadonlyMap<string, ReadonlyArray<ListEntry<At>>>): ExpandedTerm {
  const trimmed = term.trim();
  if (!trimmed.includes(LIST_REFERENCE)) return { terms: [term], repeated: repeatedWord(trimmed.split(/\s+/)) };
  const whole = isListReference(trimmed) && !/[\s|]/.test(trimmed);
  if (whole) {
    const list = lists.get(trimmed.slice(LIST_REFERENCE.length));
    return list ? { terms: list.map((entry) => entry.value) } : { terms: [], error: `'${trimmed}' refers to no word list; define it under vocabulary: or fix the name` };
  }
  const parts: string[] = [];
  for (const part of trimmed.split(/\s+/)) {
    const words: string[] = [];
    for (const alternative of part.split('|')) {
      if (!isListReference(alternative)) {
        words.push(alternative);
        continue;
      }
      const name = alternative.slice(LIST_REFERENCE.length);
      const list = lists.get(name);
      if (!list) return { terms: [], error: `'${alternative}' refers to no word list; define '${name}' under vocabulary: or fix the name` };
      const phrase = list.find((entry) => /\s/.test(entry.value.trim()));
      if (phrase) return { terms: [], error: `word list '${name}' holds the phrase '${phrase.value}', so inside a longer term it cannot stand for one word; write '@${name}' as a term of its own, or keep the list to single words` };
      words.push(...list.map((entry) => entry.value.trim()));
    }
    parts.push(words.join('|'));
  }
  return { terms: [parts.join(' ')], repeated: repeatedWord(parts) };
}

function repeatedWord(parts: string[]): string | undefined {
  for (const part of parts) {
    if (!part.includes('|')) continue;
    const seen = new Set<string>();
    for (const word of part.split('|')) {
      const key = word.toLowerCase();
      if (word !== '' && seen.has(key)) return word;
      seen.add(key);
    }
  }
  return undefined;
}
