import type { ConceptDefinition } from '../core/matcher.js';
import { entryKey, expandTerm, resolveWordLists, type ListEntry, type ListProblem, type WrittenList } from '../core/word-lists.js';
import { problemFileOf, type LoadedPack } from './load-pack.js';
import type { Problem } from './problems.js';
import type { ConceptEntry } from './schema.js';

/** Where an entry or a term was written: the pack file and the path to it inside the file (its line is found when asked for). */
export interface Origin {
  layer: LoadedPack;
  path: ReadonlyArray<string | number>;
}

/** The file, line and column of an origin. */
export function placeOf(origin: Origin): { file: string; line: number; column: number } {
  return { file: problemFileOf(origin.layer), ...origin.layer.source.positionOf(origin.path) };
}

/** `file:line:column` of an origin, for naming a second place in a message. */
export function describePlace(origin: Origin): string {
  const place = placeOf(origin);
  return `${place.file}:${place.line}:${place.column}`;
}

/** A resolved word list entry with where it was written. */
export type VocabularyEntry = ListEntry<Origin>;

/** A term of a concept as written, with where, and what it stands for once its list references are expanded. */
export interface ConceptTerm {
  written: string;
  origin: Origin;
  expanded: string[];
  /** The expanded terms folded for comparison (case and spacing aside). */
  keys: string[];
}

/** A concept with the origin of each of its terms, before and after expansion. */
export interface ConceptSource {
  name: string;
  match: ConceptTerm[];
  exclude: ConceptTerm[];
}

function problemAt(origin: Origin, message: string): Problem {
  return { ...placeOf(origin), message };
}

/** Merges the `vocabulary:` of each layer (base first) into resolved lists; problems name file, line and column. */
export function resolveVocabulary(layers: LoadedPack[], problems: Problem[]): Map<string, VocabularyEntry[]> {
  const found: Array<ListProblem<Origin>> = [];
  const lists = resolveWordLists(
    layers.map((layer) => ({
      lists: (layer.pack.vocabulary ?? {}) as Record<string, WrittenList>,
      at: (name: string, field?: 'add' | 'remove', index?: number): Origin => ({
        layer,
        path: ['vocabulary', name, ...(field ? [field] : []), ...(index === undefined ? [] : [index])],
      }),
    })),
    found,
  );
  for (const problem of found) {
    problems.push(problemAt(problem.at, problem.other ? `${problem.message}: here and at ${describePlace(problem.other)}; remove one` : problem.message));
  }
  return lists;
}

interface WrittenTerm {
  term: string;
  origin: Origin;
}

/** A concept as merged over the layers, its terms not yet expanded. */
export interface ConceptDraft {
  name: string;
  match: WrittenTerm[];
  exclude: WrittenTerm[];
}

const written = (terms: string[], layer: LoadedPack, path: Array<string | number>): WrittenTerm[] =>
  terms.map((term, index) => ({ term, origin: { layer, path: [...path, index] } }));

/** Applies one layer's entry for a concept (or, with `section` 'cues', a cue's terms) to those merged so far. */
export function mergeConcept(name: string, entry: ConceptEntry, concepts: Map<string, ConceptDraft>, layer: LoadedPack, problems: Problem[], section: 'terms' | 'cues' = 'terms'): void {
  if (Array.isArray(entry)) {
    concepts.set(name, { name, match: written(entry, layer, [section, name]), exclude: [] });
    return;
  }
  const inherited = concepts.get(name);
  const excludeChanges = entry.exclude !== undefined && !Array.isArray(entry.exclude);
  if ((entry.add || entry.remove || excludeChanges) && !inherited && !entry.match) {
    const message = `concept '${name}' is not defined by any pack this one extends, so there is nothing to add to or remove from; use match: instead`;
    problems.push({ file: problemFileOf(layer), ...layer.source.positionOf([section, name]), message });
    return;
  }
  const base = entry.match ? written(entry.match, layer, [section, name, 'match']) : [...(inherited?.match ?? [])];
  const match = [...removeTerms(base, entry.remove ?? [], name, 'terms', layer, [section, name, 'remove'], problems), ...written(entry.add ?? [], layer, [section, name, 'add'])];
  let exclude: WrittenTerm[];
  if (Array.isArray(entry.exclude)) exclude = written(entry.exclude, layer, [section, name, 'exclude']);
  else if (entry.exclude) {
    const changes = entry.exclude as { add?: string[]; remove?: string[] };
    const kept = removeTerms(inherited?.exclude ?? [], changes.remove ?? [], name, 'exclusions', layer, [section, name, 'exclude', 'remove'], problems);
    exclude = [...kept, ...written(changes.add ?? [], layer, [section, name, 'exclude', 'add'])];
  } else exclude = [...(inherited?.exclude ?? [])];
  concepts.set(name, { name, match, exclude });
}

function removeTerms(terms: WrittenTerm[], removed: string[], name: string, what: string, layer: LoadedPack, path: Array<string | number>, problems: Problem[]): WrittenTerm[] {
  removed.forEach((term, index) => {
    if (!terms.some((known) => known.term === term)) {
      problems.push({ file: problemFileOf(layer), ...layer.source.positionOf([...path, index]), message: `'${term}' is not among the ${what} of concept '${name}', so it cannot be removed; write it exactly as the pack it comes from does (see rules --terms ${name})` });
    }
  });
  const gone = new Set(removed);
  return terms.filter((term) => !gone.has(term.term));
}

/** Expands the list references of every term, checks each concept for a term written twice, and returns the concepts with their sources. */
export function expandConcepts(drafts: Map<string, ConceptDraft>, lists: ReadonlyMap<string, VocabularyEntry[]>, problems: Problem[], noun: 'concept' | 'cue' = 'concept'): { concepts: Map<string, ConceptDefinition>; sources: Map<string, ConceptSource> } {
  const concepts = new Map<string, ConceptDefinition>();
  const sources = new Map<string, ConceptSource>();
  for (const draft of drafts.values()) {
    const expand = (terms: WrittenTerm[], role: string): ConceptTerm[] => {
      const seen = new Map<string, Origin>();
      return terms.map(({ term, origin }) => {
        const result = expandTerm(term, lists);
        if (result.error) problems.push(problemAt(origin, `term '${term}' in ${noun} '${draft.name}': ${result.error}`));
        if (result.repeated) problems.push(problemAt(origin, `term '${term}' in ${noun} '${draft.name}' allows '${result.repeated}' twice in one place; remove one`));
        const keys = result.terms.map(entryKey);
        keys.forEach((key, index) => {
          const first = seen.get(key);
          if (first) problems.push(problemAt(origin, `'${result.terms[index]}' is among the ${role} of ${noun} '${draft.name}' twice: here and at ${describePlace(first)}; remove one`));
          else seen.set(key, origin);
        });
        return { written: term, origin, expanded: result.terms, keys };
      });
    };
    const match = expand(draft.match, 'terms');
    const exclude = expand(draft.exclude, 'exclusions');
    sources.set(draft.name, { name: draft.name, match, exclude });
    concepts.set(draft.name, { name: draft.name, match: match.flatMap((term) => term.expanded), exclude: exclude.flatMap((term) => term.expanded) });
  }
  return { concepts, sources };
}

/** Reports a term that two concepts one rule reads both hold: the rule could not tell which of the two the draft meant. */
export function sharedTermProblems(ruleId: string, names: readonly string[], sources: ReadonlyMap<string, ConceptSource>): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { concept: string; origin: Origin }>();
  for (const name of [...new Set(names)]) {
    const source = sources.get(name);
    if (!source) continue;
    for (const term of source.match) {
      for (const [index, key] of term.keys.entries()) {
        const first = owner.get(key);
        if (first && first.concept !== name) {
          const message = `'${term.expanded[index]}' is a term of both '${first.concept}' (at ${describePlace(first.origin)}) and '${name}', which rule '${ruleId}' both reads; keep it in one of them`;
          problems.push({ ...problemAt(term.origin, message), ruleId });
        } else if (!first) owner.set(key, { concept: name, origin: term.origin });
      }
    }
  }
  return problems;
}
