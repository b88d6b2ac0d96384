import { LEXICON_LISTS } from '../core/lexicon.js';
import { entryKey } from '../core/word-lists.js';
import { problemFileOf, type LoadedPack } from './load-pack.js';
import type { Problem } from './problems.js';
import type { VocabularyEntry } from './vocabulary.js';

/**
 * Merges the heading wordings of each layer (base first): a list adds
 * wordings to a kind (or makes a new kind); `add` and `remove` change the
 * inherited wordings. A wording given twice for one kind is a problem.
 */
export function mergeSections(layers: LoadedPack[], problems: Problem[]): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const where = new Map<string, { layer: LoadedPack; path: (string | number)[] }>();
  for (const layer of layers) {
    for (const [kind, entry] of Object.entries(layer.pack.sections ?? {})) {
      const added = Array.isArray(entry) ? entry.map((wording, index) => ({ wording, path: ['sections', kind, index] })) : (entry.add ?? []).map((wording, index) => ({ wording: String(wording), path: ['sections', kind, 'add', index] }));
      const removed = Array.isArray(entry) ? [] : (entry.remove ?? []).map(String);
      let list = synonyms[kind] ?? [];
      removed.forEach((wording, index) => {
        if (!list.some((known) => entryKey(known) === entryKey(wording))) {
          problems.push({ file: problemFileOf(layer), ...layer.source.positionOf(['sections', kind, 'remove', index]), message: `'${wording}' is not a wording of section kind '${kind}', so it cannot be removed; check the spelling` });
        }
      });
      const gone = new Set(removed.map(entryKey));
      list = list.filter((known) => !gone.has(entryKey(known)));
      for (const { wording, path } of added) {
        const key = `${kind}\u0000${entryKey(wording)}`;
        if (list.some((known) => entryKey(known) === entryKey(wording))) {
          const first = where.get(key);
          const firstAt = first && first.layer.source.positionOf(first.path);
          const place = first && firstAt ? `${problemFileOf(first.layer)}:${firstAt.line}:${firstAt.column}` : 'a pack this one extends';
          problems.push({ file: problemFileOf(layer), ...layer.source.positionOf(path), message: `'${wording}' is a wording of section kind '${kind}' twice: here and at ${place}; remove one` });
          continue;
        }
        // Positions are worked out only for a problem: finding them parses the pack's YAML again.
        where.set(key, { layer, path });
        list = [...list, wording];
      }
      synonyms[kind] = list;
    }
  }
  return synonyms;
}

/** Problems with the lists the text model reads: each must be defined (the built-in pack defines them all). */
export function lexiconProblems(vocabulary: ReadonlyMap<string, VocabularyEntry[]>, layers: LoadedPack[]): Problem[] {
  const last = layers[layers.length - 1];
  return LEXICON_LISTS.filter((name) => !vocabulary.has(name)).map((name) => ({
    file: problemFileOf(last),
    ...last.source.positionOf(['vocabulary']),
    message: `the text model needs the word list '${name}', and no pack defines it; extend core or define it under vocabulary:`,
  }));
}
