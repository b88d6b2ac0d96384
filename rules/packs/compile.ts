import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Value } from '@sinclair/typebox/value';
import type { RuleKind, SeveritySetting } from '../core/contracts.js';
import { textVocabulary } from '../core/default-vocabulary.js';
import type { Lexicon } from '../core/lexicon.js';
import { CueSet, type CueDefinition } from '../core/cues.js';
import { Matcher, type ConceptDefinition } from '../core/matcher.js';
import type { SectionClassifier } from '../core/section-kinds.js';
import { TermBudgetError, TermSyntaxError } from '../core/terms.js';
import { RULE_KINDS } from '../kinds/index.js';
import { compileCues } from './compile-cues.js';
import { baseParts, collect, CORE_PACK, problemFileOf, type LoadedPack } from './load-pack.js';
import { compileEngineRules, engineRuleSettings, isEngineRule, takeEngineRuleEntry } from './engine-rules.js';
import { installRoot } from './install-root.js';
import { ConfigurationError, type Problem } from './problems.js';
import { didYouMean } from './schema-messages.js';
import type { RuleFields } from './schema.js';
import { lexiconProblems, mergeSections } from './text-lists.js';
import { expandConcepts, mergeConcept, placeOf, resolveVocabulary, sharedTermProblems, type ConceptDraft, type ConceptSource, type VocabularyEntry } from './vocabulary.js';

/** A dated severity step of a staged rule. */
export interface Stage {
  date: string;
  severity: SeveritySetting;
}

/** A rule ready to run: its kind, validated options and the fields the engine stamps on messages. */
export interface CompiledRule {
  id: string;
  kind: RuleKind;
  severity: SeveritySetting;
  message: string;
  explanation?: string;
  docsUrl?: string;
  options: unknown;
  /** The pack that defined the rule first. */
  pack: string;
  examples: { warn: string[]; pass: string[] };
  /** What the docs page and the README's rule table say of the rule. */
  page: { summary?: string; floor?: number; title?: string; why?: string[]; counts?: string[] };
  stages: Stage[];
  /** For each field (and each option, as `options.name`), the pack file that last set it (for `rules --explain`). */
  origins: Record<string, string>;
}

/** A resolved chain of packs compiled once: rules, concepts in one matcher, and the heading classifier. */
export interface CompiledPack {
  /** The name of the last pack in the chain (the one the configuration asked for). */
  name: string;
  version: string;
  layers: Array<{ name: string; version: string; file: string }>;
  rules: CompiledRule[];
  /** The engine's own rules (suppression-reason, unused-suppression), with the severities the packs set. */
  engineRules: CompiledRule[];
  concepts: Map<string, ConceptDefinition>;
  /** Each concept's terms as written, with the pack file and line each came from (for `rules --terms`). */
  conceptSources: Map<string, ConceptSource>;
  /** The resolved word lists, each entry with where it was written (for `rules --vocabulary`). */
  vocabulary: Map<string, VocabularyEntry[]>;
  /** Heading wordings by section kind, as resolved. */
  sections: Record<string, string[]>;
  matcher: Matcher;
  /** The cues that tell each mention's status, role and owner, as resolved (for `rules --cues` and the docs). */
  cues: CueDefinition[];
  classifier: SectionClassifier;
  /** The word lists the text model reads, compiled. */
  lexicon: Lexicon;
}

interface DraftRule {
  fields: RuleFields;
  pack: string;
  origins: Record<string, string>;
  layer: LoadedPack;
  /** The layer whose `docs` path (or built-in docs page) the rule links. */
  docsLayer: LoadedPack;
}

function docsUrlFor(id: string, docs: string | undefined, layer: LoadedPack): string | undefined {
  if (docs && /^[a-z][a-z0-9+.-]*:/i.test(docs)) return docs;
  if (docs && layer.folder) {
    const target = path.resolve(layer.folder, docs);
    return pathToFileURL(target).href;
  }
  if (layer.file === CORE_PACK) {
    const root = installRoot();
    return root ? pathToFileURL(path.join(root, 'docs', 'rules', `${id}.md`)).href : undefined;
  }
  return undefined;
}

/** Merges a chain of loaded packs (base first) into one compiled pack; throws ConfigurationError with every problem. */
export function compilePacks(chain: LoadedPack[]): CompiledPack {
  const problems: Problem[] = [];
  const conceptDrafts = new Map<string, ConceptDraft>();
  const drafts = new Map<string, DraftRule>();
  const engine = engineRuleSettings();
  // The built-in pack is read file by file; its text-model lists and headings are the base of every pack.
  const parts = chain.flatMap((layer) => layer.parts ?? [layer]);
  const layers = parts.some((part) => part.base) ? parts : [...baseParts(), ...parts];
  const synonyms = mergeSections(layers, problems);
  for (const layer of layers) {
    for (const [name, entry] of Object.entries(layer.pack.terms ?? {})) mergeConcept(name, entry, conceptDrafts, layer, problems);
    for (const [id, entry] of Object.entries(layer.pack.rules ?? {})) {
      const fields: RuleFields = typeof entry === 'string' ? { severity: entry } : entry;
      if (isEngineRule(id)) {
        takeEngineRuleEntry(id, fields, layer, engine, problems);
        continue;
      }
      const previous = drafts.get(id);
      if (!previous && !fields.kind) {
        const message = `rule '${id}' has no kind, and no pack this one extends defines it; add kind: (one of ${Object.keys(RULE_KINDS).join(', ')}) or check the id`;
        problems.push({ file: problemFileOf(layer), ...layer.source.positionOf(['rules', id], true), message, ruleId: id });
        continue;
      }
      const merged: RuleFields = previous ? { ...previous.fields, ...fields, options: { ...previous.fields.options, ...fields.options } } : { ...fields };
      if (previous && fields.kind && fields.kind !== previous.fields.kind) merged.options = { ...fields.options };
      const origins = { ...(previous?.origins ?? {}) };
      if (previous && fields.kind && fields.kind !== previous.fields.kind) for (const key of Object.keys(origins)) if (key.startsWith('options.')) delete origins[key];
      for (const key of Object.keys(fields)) origins[key] = layer.file;
      for (const key of Object.keys(fields.options ?? {})) origins[`options.${key}`] = layer.file;
      const docsLayer = fields.docs !== undefined || !previous ? layer : previous.docsLayer;
      drafts.set(id, { fields: merged, pack: previous?.pack ?? layer.pack.name, origins, layer: fields.kind || fields.options || !previous ? layer : previous.layer, docsLayer });
    }
  }
  const vocabulary = resolveVocabulary(layers, problems);
  problems.push(...lexiconProblems(vocabulary, layers));
  const { concepts, sources } = expandConcepts(conceptDrafts, vocabulary, problems);
  const cues = compileCues(layers, vocabulary, problems);
  const rules: CompiledRule[] = [];
  for (const [id, draft] of drafts) {
    const rule = compileRule(id, draft, concepts, synonyms, problems);
    if (!rule) continue;
    rules.push(rule);
    problems.push(...sharedTermProblems(id, rule.kind.references(rule.options as never).concepts, sources));
  }
  let matcher: Matcher | undefined;
  try {
    matcher = new Matcher([...concepts.values()], new CueSet(cues.cues));
  } catch (error) {
    if (error instanceof TermBudgetError) {
      const last = chain[chain.length - 1];
      problems.push({ file: problemFileOf(last), ...last.source.positionOf(['terms']), message: error.message });
    } else if (error instanceof TermSyntaxError) problems.push(...termProblems(new Map([...sources, ...cues.sources])));
    else throw error;
  }
  if (problems.length > 0 || !matcher) throw new ConfigurationError(problems);
  const last = chain[chain.length - 1];
  const text = textVocabulary((name) => (vocabulary.get(name) ?? []).map((entry) => entry.value), synonyms);
  return {
    name: last.pack.name,
    version: last.pack.version,
    layers: chain.map((layer) => ({ name: layer.pack.name, version: layer.pack.version, file: layer.file })),
    rules,
    engineRules: compileEngineRules(engine),
    concepts,
    conceptSources: sources,
    vocabulary,
    sections: synonyms,
    matcher,
    cues: cues.cues,
    classifier: text.classifier,
    lexicon: text.lexicon,
  };
}

function termProblems(sources: Map<string, ConceptSource>): Problem[] {
  const problems: Problem[] = [];
  for (const source of sources.values()) {
    for (const term of [...source.match, ...source.exclude]) {
      for (const expanded of term.expanded) {
        try {
          new Matcher([{ name: source.name, match: [expanded] }]);
        } catch (error) {
          problems.push({ ...placeOf(term.origin), message: `term '${term.written}' in concept '${source.name}': ${(error as Error).message}` });
          break;
        }
      }
    }
  }
  return problems;
}

function compileRule(id: string, draft: DraftRule, concepts: Map<string, ConceptDefinition>, synonyms: Record<string, string[]>, problems: Problem[]): CompiledRule | undefined {
  const { fields, layer } = draft;
  const kindName = fields.kind ?? '';
  const kind = RULE_KINDS[kindName];
  const before = problems.length;
  if (!kind) {
    const at = layer.source.positionOf(['rules', id, 'kind']);
    problems.push({ file: problemFileOf(layer), ...at, ruleId: id, message: `unknown kind '${kindName}'; use one of ${Object.keys(RULE_KINDS).join(', ')}.${didYouMean(kindName, Object.keys(RULE_KINDS))}` });
    return undefined;
  }
  const options = fields.options ?? {};
  collect(layer.source, kind.options, options, ['rules', id, 'options'], problems);
  for (const problem of problems.slice(before)) problem.ruleId = id;
  if (problems.length > before) return undefined;
  const references = kind.references(options as never);
  for (const concept of references.concepts) {
    if (!concepts.has(concept)) {
      const at = layer.source.positionOfValue(['rules', id, 'options'], concept);
      problems.push({ file: problemFileOf(layer), ...at, ruleId: id, message: `concept '${concept}' is not defined in terms: of this pack or a pack it extends; define it or fix the name` });
    }
  }
  for (const section of references.sections) {
    if (section !== 'unknown' && !(section in synonyms)) {
      const at = layer.source.positionOfValue(['rules', id, 'options'], section);
      problems.push({ file: problemFileOf(layer), ...at, ruleId: id, message: `section kind '${section}' is not known; use one of ${Object.keys(synonyms).join(', ')}, or add it under sections:` });
    }
  }
  if (!fields.message) {
    problems.push({ file: problemFileOf(layer), ...layer.source.positionOf(['rules', id], true), ruleId: id, message: `rule '${id}' needs a message: one sentence saying what is missing and what would address it` });
  }
  if (problems.length > before) return undefined;
  return {
    id,
    kind,
    severity: fields.severity ?? 'warning',
    message: fields.message ?? '',
    explanation: fields.explanation,
    docsUrl: docsUrlFor(id, fields.docs, draft.docsLayer),
    options: Value.Clone(options),
    pack: draft.pack,
    examples: { warn: fields.examples?.warn ?? [], pass: fields.examples?.pass ?? [] },
    page: { ...fields.page },
    stages: [...(fields.from ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
    origins: draft.origins,
  };
}
