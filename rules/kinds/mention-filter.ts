import { Type, type Static } from '@sinclair/typebox';
import { MENTION_ROLES, MENTION_STATUSES, type MentionRole, type MentionStatus, type SetAsideMention, type SetAsideReason } from '../core/contracts.js';
import type { AssessmentDocument, Mention, PlacedUnit, Section } from '../core/document.js';
import type { Span } from '../core/line-index.js';
import type { Matcher } from '../core/matcher.js';

/** Schema for a reference to one concept or several (any of them will do). */
export const ConceptRef = Type.Union([Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })], {
  description: 'A concept name from `terms`, or a list of names (any of them counts).',
});

/** Schema for a list of section kinds. */
export const SectionList = Type.Array(Type.String({ minLength: 1 }), {
  description: 'Section kinds (offence-analysis, history, assessment, risk, proposal, sources, details, unknown).',
});

/** A mention status, as packs write it. */
export const StatusSchema = Type.Union(
  MENTION_STATUSES.map((name) => Type.Literal(name)),
  { description: MENTION_STATUSES.join(', ') + '.' },
);

/** A mention role, as packs write it. */
export const RoleSchema = Type.Union(
  MENTION_ROLES.map((name) => Type.Literal(name)),
  { description: MENTION_ROLES.join(', ') + '.' },
);

/** Statuses that count when a rule does not say: all but a thing not done, not available, or left as a placeholder. */
export const DEFAULT_STATUSES: readonly MentionStatus[] = ['affirmed', 'negated', 'reported', 'hypothetical', 'requested', 'refused'];

/** Roles that count when a rule does not say: the topic itself. */
export const DEFAULT_ROLES: readonly MentionRole[] = ['topic'];

/** Schema for which mentions count: which concepts, where, about whom, and whether negated ones count. */
export const MentionFilterSchema = Type.Object(
  {
    concept: ConceptRef,
    sections: Type.Optional(SectionList),
    about: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('any'), Type.Literal('other')], { description: 'Whose mentions count (default: any).' })),
    negated: Type.Optional(Type.Union([Type.Literal('include'), Type.Literal('exclude')], { description: 'Whether negated mentions count (default: include); exclude is the same as leaving negated out of statuses.' })),
    statuses: Type.Optional(
      Type.Array(StatusSchema, {
        minItems: 1,
        uniqueItems: true,
        description: `Which statuses of a mention count (default: ${DEFAULT_STATUSES.join(', ')}). The pack's cues decide each mention's status.`,
      }),
    ),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, uniqueItems: true, description: `Which roles of a mention count (default: ${DEFAULT_ROLES.join(', ')}).` })),
    labels: Type.Optional(
      Type.Union([Type.Literal('include'), Type.Literal('answered'), Type.Literal('filled'), Type.Literal('exclude')], {
        description:
          'Whether mentions inside a field label such as "Nature of risk:", a table row’s first cell or a heading count: include (default), answered (only when the field is not left as N/A, None and the like), filled (only when it is not blank or a placeholder such as "[to complete]" or "TBC"; "None" fills it), or exclude.',
      }),
    ),
    notUnderLabel: Type.Optional(
      Type.Union([ConceptRef], {
        description: 'Leave out mentions in a field whose label mentions this concept (e.g. people named under "Factors likely to reduce risk:" are not the people at risk).',
      }),
    ),
    notInSentenceWith: Type.Optional(
      Type.Union([ConceptRef], {
        description:
          'Leave out mentions in a sentence that also mentions this concept, unless a semicolon, table cell or line parts them (e.g. an enquiry known only from what the person said: "she told me a social worker visits"; but not "Interview with Mr Gill; … ; police DA check").',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Which mentions count for a rule. */
export type MentionFilter = Static<typeof MentionFilterSchema>;

/** The concept names a reference stands for. */
export function conceptNames(ref: string | string[]): string[] {
  return typeof ref === 'string' ? [ref] : ref;
}

/** Every concept a filter names, for checking that the pack defines them. */
export function filterConcepts(filter: MentionFilter): string[] {
  return [filter.concept, filter.notUnderLabel, filter.notInSentenceWith].flatMap((ref) => (ref === undefined ? [] : conceptNames(ref)));
}

/** True when the draft has a section of one of these kinds. */
export function hasSectionOf(document: AssessmentDocument, kinds: readonly string[] | undefined): boolean {
  return kinds !== undefined && document.sections.some((section) => kinds.includes(section.kind));
}

/** At most this many set-aside mentions are kept per rule: enough to show why, without copying a long draft's every mention. */
const MAX_SET_ASIDE = 25;

/** The mentions a filter counts, and those it set aside with the reason. */
export interface MentionSelection {
  counted: Mention[];
  setAside: SetAsideMention[];
}

/** The statuses a filter counts. */
export function countedStatuses(filter: Pick<MentionFilter, 'statuses' | 'negated'>): ReadonlySet<MentionStatus> {
  const statuses = new Set<MentionStatus>(filter.statuses ?? DEFAULT_STATUSES);
  if (filter.negated === 'exclude') statuses.delete('negated');
  return statuses;
}

/**
 * Sorts the mentions of a filter's concepts into those that count and those
 * set aside, with why (in document order; with `first-counted`, only up to the
 * first that counts). When the draft has no section of the filter's kinds (no
 * headings, or other headings), the whole draft is searched, so rules still
 * work on drafts without headings.
 */
export function partitionMentions(document: AssessmentDocument, matcher: Matcher, filter: MentionFilter, until: 'all' | 'first-counted' = 'all'): MentionSelection {
  const concepts = conceptNames(filter.concept);
  const sections = hasSectionOf(document, filter.sections) ? filter.sections : undefined;
  const about = filter.about ?? 'any';
  const statuses = countedStatuses(filter);
  const roles = new Set<MentionRole>(filter.roles ?? DEFAULT_ROLES);
  const labels = filter.labels ?? 'include';
  const labelCounts = (mention: Mention) =>
    !mention.inLabel || labels === 'include' || (labels === 'answered' && mention.labelAnswered) || (labels === 'filled' && mention.labelFilled);
  const labelled = filter.notUnderLabel
    ? new Set(document.mentionsOf(matcher, conceptNames(filter.notUnderLabel)).filter((mention) => mention.inLabel).map((mention) => mention.unit))
    : undefined;
  const sentencesWith = filter.notInSentenceWith ? sentencesMentioning(document, matcher, conceptNames(filter.notInSentenceWith)) : undefined;
  const reasonFor = (mention: Mention): SetAsideReason | undefined => {
    if (sections !== undefined && !sections.includes(mention.unit.section.kind)) return { why: 'section', section: mention.unit.section.kind };
    if (about !== 'any' && mention.about !== about) return { why: 'owner' };
    if (!roles.has(mention.role)) return { why: 'role', role: mention.role };
    if (!statuses.has(mention.status)) return { why: 'status', status: mention.status };
    if (!labelCounts(mention)) return { why: 'empty-field' };
    if (labelled?.has(mention.unit)) return { why: 'under-label' };
    if (sentencesWith && sharesClause(document, sentencesWith, mention)) return { why: 'sentence-with', concept: conceptNames(filter.notInSentenceWith!)[0] };
    return undefined;
  };
  const counted: Mention[] = [];
  const setAside: SetAsideMention[] = [];
  for (const mention of document.mentionsOf(matcher, concepts)) {
    const reason = reasonFor(mention);
    if (!reason) {
      counted.push(mention);
      // A rule that needs only the first mention that counts stops there: what was set aside before it is what explains it.
      if (until === 'first-counted') break;
    } else if (setAside.length < MAX_SET_ASIDE) setAside.push(setAsideOf(mention, reason));
  }
  return { counted, setAside };
}

/** A mention set aside, as coverage reports it. */
export function setAsideOf(mention: Mention, reason: SetAsideReason): SetAsideMention {
  const cue = reason.why === 'status' || reason.why === 'role' ? mention.cue : undefined;
  return { start: mention.start, end: mention.end, concept: mention.concept, reason, cue };
}

/** The mentions that pass a filter (see `partitionMentions`). */
export function selectMentions(document: AssessmentDocument, matcher: Matcher, filter: MentionFilter): Mention[] {
  return partitionMentions(document, matcher, filter).counted;
}

/** The sentences, by unit, that mention one of these concepts. */
function sentencesMentioning(document: AssessmentDocument, matcher: Matcher, concepts: string[]): Map<PlacedUnit, Map<number, Mention[]>> {
  const sentences = new Map<PlacedUnit, Map<number, Mention[]>>();
  for (const mention of document.mentionsOf(matcher, concepts)) {
    let inUnit = sentences.get(mention.unit);
    if (!inUnit) sentences.set(mention.unit, (inUnit = new Map()));
    let inSentence = inUnit.get(mention.sentence);
    if (!inSentence) inUnit.set(mention.sentence, (inSentence = []));
    inSentence.push(mention);
  }
  return sentences;
}

/** Marks that part the items of a list written as one sentence ("Interview with Mr Gill; … ; Police DA check (no incidents)"). */
const ITEM_SEPARATORS = /[;|\n]/;

/** True when one of the other mentions stands in the same sentence as the mention and no semicolon, cell or line parts them. */
function sharesClause(document: AssessmentDocument, sentencesWith: Map<PlacedUnit, Map<number, Mention[]>>, mention: Mention): boolean {
  const others = sentencesWith.get(mention.unit)?.get(mention.sentence);
  if (!others) return false;
  return others.some((other) => {
    const [from, to] = other.end <= mention.start ? [other.end, mention.start] : [mention.end, other.start];
    return to <= from || !ITEM_SEPARATORS.test(document.text.slice(from, to));
  });
}

/** The heading of the first section of the given kinds, else the draft's first line: where a missing-topic message goes. */
export function anchorSpan(document: AssessmentDocument, kinds: readonly string[] | undefined): Span {
  const section = kinds ? document.sectionOf(kinds) : undefined;
  return section?.heading ?? document.firstLine();
}

/** Where to insert a skeleton paragraph: the end of the section of the given kinds, or of the draft. */
export function insertionPoint(document: AssessmentDocument, kinds: readonly string[] | undefined): { offset: number; section?: Section } {
  const section = kinds ? document.sectionOf(kinds) : undefined;
  if (!section) return { offset: document.text.length };
  let offset = section.end;
  while (offset > section.start && /\s/.test(document.text[offset - 1])) offset--;
  return { offset, section };
}

/** The bare span of a mention or section, without the rest of the object. */
export function spanOf(place: Span): Span {
  return { start: place.start, end: place.end };
}

/** A rule's wording for a secondary place (`related` option): `{text}` stands for the words found there; without one, the words alone. */
export const RelatedWording = Type.Optional(
  Type.String({ minLength: 1, description: "The note at each secondary place the message points to; {text} stands for the words found there, e.g. \"This is why the rule applies: '{text}'.\"" }),
);

/** The note at a secondary place: the rule's `related` wording with the words found there, or those words quoted. */
export function relatedNote(wording: string | undefined, text: string): string {
  return wording === undefined ? `'${text}'` : wording.split('{text}').join(text);
}
