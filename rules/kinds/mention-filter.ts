import { Type, type Static } from '@sinclair/typebox';
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

/** Schema for which mentions count: which concepts, where, about whom, and whether negated ones count. */
export const MentionFilterSchema = Type.Object(
  {
    concept: ConceptRef,
    sections: Type.Optional(SectionList),
    about: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('any'), Type.Literal('other')], { description: 'Whose mentions count (default: any).' })),
    negated: Type.Optional(Type.Union([Type.Literal('include'), Type.Literal('exclude')], { description: 'Whether negated mentions count (default: include).' })),
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
        description: 'Leave out mentions in a sentence that also mentions this concept (e.g. an enquiry known only from what the person said: "she told me a social worker visits").',
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

/**
 * The mentions that pass a filter. When the draft has no section of the
 * filter's kinds (no headings, or other headings), the whole draft is searched,
 * so rules still work on drafts without headings.
 */
export function selectMentions(document: AssessmentDocument, matcher: Matcher, filter: MentionFilter): Mention[] {
  const concepts = conceptNames(filter.concept);
  const sections = hasSectionOf(document, filter.sections) ? filter.sections : undefined;
  const about = filter.about ?? 'any';
  const includeNegated = (filter.negated ?? 'include') === 'include';
  const labels = filter.labels ?? 'include';
  const labelCounts = (mention: Mention) =>
    !mention.inLabel || labels === 'include' || (labels === 'answered' && mention.labelAnswered) || (labels === 'filled' && mention.labelFilled);
  const labelled = filter.notUnderLabel
    ? new Set(document.mentionsOf(matcher, conceptNames(filter.notUnderLabel)).filter((mention) => mention.inLabel).map((mention) => mention.unit))
    : undefined;
  const sentencesWith = filter.notInSentenceWith ? sentencesMentioning(document, matcher, conceptNames(filter.notInSentenceWith)) : undefined;
  return document.mentionsOf(matcher, concepts).filter(
    (mention) =>
      (sections === undefined || sections.includes(mention.unit.section.kind)) &&
      (about === 'any' || mention.about === about) &&
      (includeNegated || !mention.negated) &&
      labelCounts(mention) &&
      !labelled?.has(mention.unit) &&
      !sentencesWith?.get(mention.unit)?.has(mention.sentence),
  );
}

/** The sentences, by unit, that mention one of these concepts. */
function sentencesMentioning(document: AssessmentDocument, matcher: Matcher, concepts: string[]): Map<PlacedUnit, Set<number>> {
  const sentences = new Map<PlacedUnit, Set<number>>();
  for (const mention of document.mentionsOf(matcher, concepts)) {
    let inUnit = sentences.get(mention.unit);
    if (!inUnit) sentences.set(mention.unit, (inUnit = new Set()));
    inUnit.add(mention.sentence);
  }
  return sentences;
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
