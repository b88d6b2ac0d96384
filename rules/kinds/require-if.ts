import { Type } from '@sinclair/typebox';
import type { RuleKind } from '../core/contracts.js';
import { anchorSpan, conceptNames, filterConcepts, hasSectionOf, insertionPoint, MentionFilterSchema, partitionMentions, RelatedWording, relatedNote, SectionList, selectMentions, spanOf } from './mention-filter.js';

const options = Type.Object(
  {
    if: MentionFilterSchema,
    then: MentionFilterSchema,
    anchor: Type.Optional(SectionList),
    window: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 10,
        description: 'When the draft has no section of the `then` kinds, the answer must come within this many sentences after a trigger, in the same paragraph.',
      }),
    ),
    skeleton: Type.Optional(Type.String({ description: 'A paragraph the quick fix inserts at the end of the anchor section.' })),
    related: RelatedWording,
  },
  { additionalProperties: false },
);

/** `require-if`: when one concept is present, another must be too (for example children → a children's services enquiry). */
export const requireIf: RuleKind<typeof options> = {
  name: 'require-if',
  description: 'When one topic is present, another must be addressed too.',
  options,
  references: (o) => ({
    concepts: [o.if, o.then].flatMap(filterConcepts),
    sections: [...(o.if.sections ?? []), ...(o.then.sections ?? []), ...(o.anchor ?? [])],
  }),
  check({ document, options: o, matcher }) {
    // With a window, every answer is needed to find one near a trigger; without, the first that counts is enough.
    const windowed = o.window !== undefined && !hasSectionOf(document, o.then.sections);
    const selection = partitionMentions(document, matcher, o.then, windowed ? 'all' : 'first-counted');
    // Words that are part of an answer's own name ("Domestic abuse call-out information – not applicable") do not raise the question.
    const answerWords = document.mentionsOf(matcher, conceptNames(o.then.concept));
    const triggers = outside(selectMentions(document, matcher, o.if), answerWords);
    if (triggers.length === 0) return { findings: [], coverage: { status: 'not-applicable' } };
    const setAside = selection.setAside;
    let answers = selection.counted;
    if (windowed) {
      const window = o.window!;
      answers = answers.filter((answer) => triggers.some((trigger) => answer.unit === trigger.unit && answer.sentence >= trigger.sentence && answer.sentence <= trigger.sentence + window));
    }
    if (answers.length > 0) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(answers[0]), setAside } };
    const trigger = triggers[0];
    const span = o.anchor ? anchorSpan(document, o.anchor) : spanOf(trigger);
    const point = insertionPoint(document, o.anchor ?? o.then.sections);
    const fix = o.skeleton ? { type: 'insert' as const, offset: point.offset, text: o.skeleton, sectionTitle: point.section?.title } : undefined;
    const related = o.anchor ? [{ span: spanOf(trigger), message: relatedNote(o.related, trigger.text) }] : undefined;
    return { findings: [{ span, fix, related }], coverage: { status: 'missing', setAside } };
  },
};

/** The mentions not inside any of `spans`; both lists are in document order, so one pass over each. */
function outside<Item extends { start: number; end: number }>(mentions: readonly Item[], spans: readonly { start: number; end: number }[]): Item[] {
  const kept: Item[] = [];
  let next = 0;
  // The longest reach of the spans that start at or before the mention: a mention inside one is inside the furthest-reaching.
  let reach = -1;
  for (const mention of mentions) {
    while (next < spans.length && spans[next].start <= mention.start) reach = Math.max(reach, spans[next++].end);
    if (reach < mention.end) kept.push(mention);
  }
  return kept;
}
