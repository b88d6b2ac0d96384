import { Type } from '@sinclair/typebox';
import type { RuleKind } from '../core/contracts.js';
import { anchorSpan, filterConcepts, insertionPoint, MentionFilterSchema, partitionMentions, SectionList, spanOf } from './mention-filter.js';

const options = Type.Object(
  {
    topic: MentionFilterSchema,
    anchor: Type.Optional(SectionList),
    skeleton: Type.Optional(Type.String({ description: 'A paragraph the quick fix inserts at the end of the anchor section.' })),
  },
  { additionalProperties: false },
);

/** `require-topic`: a concept must be mentioned (in given sections, about the person) somewhere in the draft. */
export const requireTopic: RuleKind<typeof options> = {
  name: 'require-topic',
  description: 'A topic must be addressed in the draft, or in given kinds of section.',
  options,
  references: (o) => ({ concepts: filterConcepts(o.topic), sections: [...(o.topic.sections ?? []), ...(o.anchor ?? [])] }),
  check({ document, options: o, matcher }) {
    const { counted, setAside } = partitionMentions(document, matcher, o.topic, 'first-counted');
    if (counted.length > 0) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(counted[0]), setAside } };
    const anchor = o.anchor ?? o.topic.sections;
    const span = anchorSpan(document, anchor);
    const point = insertionPoint(document, anchor);
    const fix = o.skeleton ? { type: 'insert' as const, offset: point.offset, text: o.skeleton, sectionTitle: point.section?.title } : undefined;
    return { findings: [{ span, fix }], coverage: { status: 'missing', setAside } };
  },
};
