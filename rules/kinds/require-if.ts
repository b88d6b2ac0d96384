import { Type } from '@sinclair/typebox';
import type { RuleKind } from '../core/contracts.js';
import type { PlacedUnit } from '../core/document.js';
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
    const answer = windowed ? firstNear(selection.counted, triggers, o.window!) : selection.counted[0];
    if (answer) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(answer), setAside } };
    const trigger = triggers[0];
    const span = o.anchor ? anchorSpan(document, o.anchor) : spanOf(trigger);
    const point = insertionPoint(document, o.anchor ?? o.then.sections);
    const fix = o.skeleton ? { type: 'insert' as const, offset: point.offset, text: o.skeleton, sectionTitle: point.section?.title } : undefined;
    const related = o.anchor ? [{ span: spanOf(trigger), message: relatedNote(o.related, trigger.text) }] : undefined;
    return { findings: [{ span, fix, related }], coverage: { status: 'missing', setAside } };
  },
};

/** Where a mention stands: its unit, and the index of its sentence there. */
interface InSentence {
  unit: PlacedUnit;
  sentence: number;
}

/**
 * The first answer within `window` sentences after a trigger in the same
 * unit: the triggers' sentences are indexed by unit once, so each answer
 * looks at no more than `window + 1` sentence numbers, however many triggers there are.
 */
function firstNear<Item extends InSentence>(answers: readonly Item[], triggers: readonly InSentence[], window: number): Item | undefined {
  if (answers.length === 0) return undefined;
  const sentences = new Map<PlacedUnit, Set<number>>();
  for (const trigger of triggers) {
    let set = sentences.get(trigger.unit);
    if (!set) sentences.set(trigger.unit, (set = new Set()));
    set.add(trigger.sentence);
  }
  return answers.find((answer) => {
    const set = sentences.get(answer.unit);
    if (!set) return false;
    for (let back = 0; back <= window; back++) if (set.has(answer.sentence - back)) return true;
    return false;
  });
}

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
