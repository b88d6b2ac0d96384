import { data as lexiconData } from '../packs/core/lexicon.yaml';
import { data as sectionsData } from '../packs/core/sections.yaml';
import { Lexicon } from './lexicon.js';
import { SectionClassifier } from './section-kinds.js';
import { resolveWordLists, type WrittenList } from './word-lists.js';

/** The lists the text model reads and the section classifier, compiled from one set of lists. */
export interface TextVocabulary {
  lexicon: Lexicon;
  classifier: SectionClassifier;
}

/** Builds the text model's vocabulary from resolved lists and heading wordings. */
export function textVocabulary(list: (name: string) => readonly string[], sections: Readonly<Record<string, readonly string[]>>): TextVocabulary {
  const lexicon = new Lexicon(list);
  return { lexicon, classifier: new SectionClassifier(sections, lexicon.headingStopWords) };
}

let built: TextVocabulary | undefined;

/**
 * The built-in pack's text-model vocabulary, for a document built without a
 * compiled pack (the pack compiler builds the same from the same files, with
 * any team's changes).
 */
export function defaultTextVocabulary(): TextVocabulary {
  if (!built) {
    const lists = resolveWordLists([{ lists: (lexiconData as { vocabulary: Record<string, WrittenList> }).vocabulary, at: () => undefined }], []);
    built = textVocabulary((name) => (lists.get(name) ?? []).map((entry) => entry.value), (sectionsData as { sections: Record<string, string[]> }).sections);
  }
  return built;
}
