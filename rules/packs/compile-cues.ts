import type { CueDefinition } from '../core/cues.js';
import { problemFileOf, type LoadedPack } from './load-pack.js';
import type { Problem } from './problems.js';
import type { CueEntry } from './schema.js';
import { expandConcepts, mergeConcept, type ConceptDraft, type ConceptSource, type VocabularyEntry } from './vocabulary.js';

/** How far a cue reaches when its entry does not say. */
const DEFAULT_SCOPE = 4;

type CueFields = Omit<CueEntry, 'match' | 'add' | 'remove' | 'exclude'>;

/** A pack chain's cues, compiled: definitions for the cue matcher, and each cue's terms with where they were written. */
export interface CompiledCues {
  cues: CueDefinition[];
  sources: Map<string, ConceptSource>;
}

/**
 * Merges the `cues:` of each layer (base first). A later layer may change an
 * inherited cue's terms (match, add, remove, exclude) and its fields (status,
 * position, scope...) by naming it; problems name file, line and column.
 */
export function compileCues(layers: LoadedPack[], vocabulary: ReadonlyMap<string, VocabularyEntry[]>, problems: Problem[]): CompiledCues {
  const drafts = new Map<string, ConceptDraft>();
  const fields = new Map<string, { fields: CueFields; layer: LoadedPack }>();
  for (const layer of layers) {
    for (const [name, entry] of Object.entries((layer.pack as { cues?: Record<string, CueEntry> }).cues ?? {})) {
      const { match, add, remove, exclude, ...rest } = entry;
      if (match || add || remove || exclude) mergeConcept(name, { match, add, remove, exclude } as never, drafts, layer, problems, 'cues');
      else if (!drafts.has(name)) drafts.set(name, { name, match: [], exclude: [] });
      fields.set(name, { fields: { ...fields.get(name)?.fields, ...rest }, layer });
    }
  }
  const { concepts, sources } = expandConcepts(drafts, vocabulary, problems, 'cue');
  const cues: CueDefinition[] = [];
  for (const [name, { fields: cue, layer }] of fields) {
    const says = [cue.status, cue.role, cue.owner, cue.pseudo ? 'pseudo' : undefined].filter((value) => value !== undefined);
    // Where the cue is written is looked up only for a problem: finding positions parses the pack's YAML again.
    const at = () => ({ file: problemFileOf(layer), ...layer.source.positionOf(['cues', name]) });
    if (says.length !== 1) {
      problems.push({ ...at(), message: `cue '${name}' must say exactly one thing of a mention: give one of status:, role:, owner: or pseudo: true` });
      continue;
    }
    const definition = concepts.get(name);
    if (!definition || definition.match.length === 0) {
      problems.push({ ...at(), message: `cue '${name}' has no terms; give it match: (words, as in terms:)` });
      continue;
    }
    cues.push({
      name,
      match: definition.match,
      exclude: definition.exclude,
      status: cue.status,
      role: cue.role,
      owner: cue.owner,
      pseudo: cue.pseudo,
      position: cue.position ?? 'either',
      scope: cue.scope ?? DEFAULT_SCOPE,
      until: cue.until,
      acrossBreaks: cue.acrossBreaks,
      withinClause: cue.withinClause,
      concepts: cue.concepts,
      exceptConcepts: cue.exceptConcepts,
      wholeDraft: cue.wholeDraft,
    });
  }
  return { cues, sources };
}
