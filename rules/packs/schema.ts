import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { RULE_KINDS } from '../kinds/index.js';
import { RoleSchema, StatusSchema } from '../kinds/mention-filter.js';
import { REGEX_TERM_MESSAGE, TERM_PATTERN } from './regex-guard.js';

/** A severity as packs and configuration write it. */
export const SeveritySchema = Type.Union(
  [Type.Literal('error'), Type.Literal('warning'), Type.Literal('info'), Type.Literal('hint'), Type.Literal('off')],
  { description: 'error, warning, info, hint, or off.' },
);

/** One term: words matched by stem, never a regular expression. */
export const TermSchema = Type.String({
  minLength: 1,
  pattern: TERM_PATTERN,
  patternErrorMessage: REGEX_TERM_MESSAGE,
  description: 'Words matched by stem; "word" exact; word* prefix; a|b either; {0,3} a gap. Not a regular expression.',
});

/** The name of a word list, a concept or a rule: lower-case words joined by hyphens. */
export const NAME_PATTERN = '^[a-z0-9][a-z0-9-]*$';

/** Changes to an inherited list: entries added and entries removed. */
export const ListChangesSchema = Type.Object(
  {
    add: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1 }), Type.Integer({ minimum: 0 })]), { description: 'Entries added to the inherited list.' })),
    remove: Type.Optional(Type.Array(Type.Union([Type.String({ minLength: 1 }), Type.Integer({ minimum: 0 })]), { description: 'Entries removed from the inherited list.' })),
  },
  { additionalProperties: false },
);

/** A named word list: its entries (words, phrases, or "@name" for all of another list), or changes to an inherited one. */
export const WordListSchema = Type.Union([
  Type.Array(Type.Union([Type.String({ minLength: 1, pattern: TERM_PATTERN, patternErrorMessage: REGEX_TERM_MESSAGE }), Type.Integer({ minimum: 0 })]), {
    description: 'Entries: words, phrases or whole numbers (ages); "@name" (quoted) stands for every entry of another list.',
  }),
  ListChangesSchema,
]);

/** Exclusions as a list, replacing any inherited ones. */
export const ExcludeListSchema = Type.Array(TermSchema, { description: 'Terms that cancel an overlapping match, e.g. "as a child" (replacing any inherited ones).' });

/** Changes to an inherited concept's exclusions. */
export const ExcludeChangesSchema = Type.Object(
  {
    add: Type.Optional(Type.Array(TermSchema, { description: 'Exclusions added to the inherited ones.' })),
    remove: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Exclusions removed from the inherited ones.' })),
  },
  { additionalProperties: false },
);

function conceptObject(exclude: TSchema) {
  return Type.Object(
    {
      match: Type.Optional(Type.Array(TermSchema, { description: 'The terms of the concept (replacing any inherited ones).' })),
      exclude: Type.Optional(exclude),
      add: Type.Optional(Type.Array(TermSchema, { description: 'Terms added to an inherited concept.' })),
      remove: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Terms removed from an inherited concept.' })),
    },
    { additionalProperties: false },
  );
}

/** A concept: a plain list of terms, or terms with exclusions (a list, or changes to the inherited ones), or changes to an inherited concept. */
export const ConceptSchema = Type.Union([
  Type.Array(TermSchema, { description: 'Terms: words matched by stem; "word" exact; word* prefix; a|b either; {0,3} a gap; @name a word list.' }),
  conceptObject(ExcludeListSchema),
  conceptObject(ExcludeChangesSchema),
]);

/**
 * A cue: words that say something about a mention near them (its status, its
 * role, or whose it is), or a pseudo cue that only stops the cues it overlaps.
 */
export const CueSchema = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    role: Type.Optional(RoleSchema),
    owner: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('other')], { description: 'Whose the mention is.' })),
    pseudo: Type.Optional(Type.Boolean({ description: 'Says nothing itself, and stops every cue it overlaps ("not only").' })),
    position: Type.Optional(
      Type.Union([Type.Literal('before'), Type.Literal('after'), Type.Literal('either'), Type.Literal('over')], {
        description: 'Where the cue stands: before the mention, after it, either, or over it (its words contain the mention). Default: either.',
      }),
    ),
    scope: Type.Optional(Type.Integer({ minimum: 0, maximum: 20, description: 'How many words may stand between the cue and the mention (default 4).' })),
    until: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Words that end this cue\'s reach, besides the cue-terminators list.' })),
    concepts: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'The concepts the cue speaks of (default: every concept).' })),
    wholeDraft: Type.Optional(
      Type.Boolean({
        description: 'The role this cue gives holds for every other mention of the concept in the draft that ends in the same word ("her daughter (24)" … "her daughter").',
      }),
    ),
    exceptConcepts: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Concepts the cue never speaks of (with no `concepts:`, it speaks of every other one).' }),
    ),
    acrossBreaks: Type.Optional(Type.Boolean({ description: 'Reach across colons, dashes and brackets within the sentence (default: false).' })),
    withinClause: Type.Optional(Type.Boolean({ description: 'Reach only within the clause: a comma ends the reach too ("If released, he will live with his mother") (default: false).' })),
    match: Type.Optional(Type.Array(TermSchema, { description: 'The cue\'s terms (replacing any inherited ones).' })),
    exclude: Type.Optional(Type.Union([ExcludeListSchema, ExcludeChangesSchema])),
    add: Type.Optional(Type.Array(TermSchema, { description: 'Terms added to an inherited cue.' })),
    remove: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Terms removed from an inherited cue.' })),
  },
  { additionalProperties: false },
);

/** A cue as written. */
export type CueEntry = Static<typeof CueSchema>;

/** Snippets a rule must warn on and must pass, run by `pack test` and the test suite. */
export const ExamplesSchema = Type.Object(
  {
    warn: Type.Optional(Type.Array(Type.String())),
    pass: Type.Optional(Type.Array(Type.String())),
  },
  { additionalProperties: false },
);

/** What a rule's docs page and the README's rule table say of it, kept with the rule. */
export const RulePageSchema = Type.Object(
  {
    summary: Type.Optional(Type.String({ minLength: 1, description: 'When the rule warns, as the end of "warns when …" (the README\'s rule table).' })),
    floor: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'The labelled corpus measures this rule: npm run eval prints its figures and fails when its F1 is under this floor.' })),
    title: Type.Optional(Type.String({ minLength: 1, description: 'What the rule checks, in one sentence (the first line of its docs page).' })),
    why: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Why it matters: one point each, with its source (the docs page\'s "Why it matters").' })),
    counts: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'What counts as addressed, and what does not: one point each (the docs page\'s "What counts as addressed").' })),
  },
  { additionalProperties: false },
);

/** A dated severity step: from this day on, the rule has this severity. */
export const StageSchema = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' }),
    severity: SeveritySchema,
  },
  { additionalProperties: false },
);

/** The fields every rule entry may have; `options` is checked against its kind's own schema. */
export const RuleFieldsSchema = Type.Object(
  {
    kind: Type.Optional(Type.String({ description: `The rule kind: ${Object.keys(RULE_KINDS).join(', ')}.` })),
    severity: Type.Optional(SeveritySchema),
    message: Type.Optional(Type.String({ minLength: 1, description: 'One sentence: what is missing and what would address it.' })),
    explanation: Type.Optional(Type.String({ description: 'Markdown shown on hover: what good looks like and the finding behind the rule.' })),
    docs: Type.Optional(Type.String({ description: 'A URL, or a path relative to the pack file, of the rule’s docs page.' })),
    options: Type.Optional(Type.Object({}, { additionalProperties: true })),
    examples: Type.Optional(ExamplesSchema),
    page: Type.Optional(RulePageSchema),
    from: Type.Optional(Type.Array(StageSchema, { description: 'Severity changes by date, for announcing a rule before enforcing it.' })),
  },
  { additionalProperties: false },
);

/** A rule entry: full fields, or just a severity to change an inherited rule. */
export const RuleEntrySchema = Type.Union([RuleFieldsSchema, SeveritySchema]);

/** A rule pack file (YAML or JSON). */
export const PackSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    name: Type.String({ pattern: '^[@a-z0-9][a-z0-9._/-]*$', description: 'The pack name, lower case (an npm name for shared packs).' }),
    version: Type.String({ pattern: '^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$', description: 'A semantic version such as 1.2.0.' }),
    description: Type.Optional(Type.String()),
    engine: Type.Optional(Type.String({ description: 'The Assessment Lint versions this pack works with, e.g. ">=0.1.0".' })),
    extends: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())], { description: 'Packs this one builds on: core, a path, or an npm package name.' })),
    sections: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.Array(Type.String()), ListChangesSchema]), {
        description: 'Heading wordings of section kinds: a list adds wordings; add/remove change the inherited ones.',
      }),
    ),
    vocabulary: Type.Optional(
      Type.Record(Type.String({ pattern: NAME_PATTERN }), WordListSchema, {
        description: 'Named word lists, referred to as @name in terms and in other lists; the text model reads some by name (see docs/packs.md#vocabulary).',
      }),
    ),
    terms: Type.Optional(Type.Record(Type.String({ pattern: NAME_PATTERN }), ConceptSchema)),
    cues: Type.Optional(
      Type.Record(Type.String({ pattern: NAME_PATTERN }), CueSchema, {
        description: 'Words that tell what a mention of any concept asserts: its status (not yet received, requested, TBC...), its role (goods stolen or supplied), or whose it is (see docs/packs.md#cues).',
      }),
    ),
    rules: Type.Optional(Type.Record(Type.String({ pattern: NAME_PATTERN }), RuleEntrySchema)),
  },
  { additionalProperties: false },
);

/** A pack file as validated. */
export type PackFile = Static<typeof PackSchema>;
/** A rule entry as written. */
export type RuleFields = Static<typeof RuleFieldsSchema>;
/** A concept as written. */
export type ConceptEntry = Static<typeof ConceptSchema>;
/** A word list as written. */
export type WordListEntry = Static<typeof WordListSchema>;

/** The schema of one kind's options, for validating a rule. */
export function optionsSchemaFor(kind: string): TSchema | undefined {
  return RULE_KINDS[kind]?.options;
}

/** A file of a pack split over several files (the built-in pack): the same fields, with the name and version in the pack's first file. */
export const PackFragmentSchema = Type.Omit(PackSchema, ['name', 'version', 'extends', 'engine']);
