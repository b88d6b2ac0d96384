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
    const selection = partitionMentions(document, matcher, o.then);
    // Words that are part of an answer's own name ("Domestic abuse call-out information – not applicable") do not raise the question.
    const answerWords = document.mentionsOf(matcher, conceptNames(o.then.concept));
    const triggers = selectMentions(document, matcher, o.if).filter((trigger) => !answerWords.some((answer) => answer.start <= trigger.start && answer.end >= trigger.end));
    if (triggers.length === 0) return { findings: [], coverage: { status: 'not-applicable' } };
    const setAside = selection.setAside;
    let answers = selection.counted;
    if (o.window !== undefined && !hasSectionOf(document, o.then.sections)) {
      const window = o.window;
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
