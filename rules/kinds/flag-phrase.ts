import { Type } from '@sinclair/typebox';
import type { Finding, RuleKind } from '../core/contracts.js';
import type { Mention } from '../core/document.js';
import { ConceptRef, conceptNames, MentionFilterSchema, SectionList, selectMentions, spanOf } from './mention-filter.js';
import { replaceFix } from './replace-fix.js';

const options = Type.Object(
  {
    phrases: ConceptRef,
    sections: Type.Optional(SectionList),
    about: Type.Optional(
      Type.Union([Type.Literal('person'), Type.Literal('any')], {
        description: 'Whose phrases are flagged: any (default), or person: not a phrase whose clause is about someone else ("his mother says it was out of character", "First Response reports no concerns"), which is their view, attributed.',
      }),
    ),
    replacements: Type.Optional(Type.Array(Type.String(), { description: 'Wordings the quick fix offers in place of the phrase.' })),
    unless: Type.Optional(
      Type.Array(
        Type.Object(
          {
            concept: ConceptRef,
            scope: Type.Optional(Type.Union([Type.Literal('sentence'), Type.Literal('paragraph')], { description: 'sentence (default): in the phrase\'s sentence; paragraph: in its sentence or a later one of its paragraph.' })),
            when: Type.Optional(Type.Union([ConceptRef], { description: 'Only excuse the phrase when this concept also stands in its sentence (e.g. the words are attributed to the person).' })),
          },
          { additionalProperties: false },
        ),
        { description: 'Do not flag a phrase when one of these concepts stands in the same sentence or paragraph.' },
      ),
    ),
  },
  { additionalProperties: false },
);

function sameSentence(a: Mention, b: Mention): boolean {
  return a.unit === b.unit && a.sentence === b.sentence;
}

/** `flag-phrase`: each use of a phrase is flagged, optionally with replacements (a quick fix) and an exception. */
export const flagPhrase: RuleKind<typeof options> = {
  name: 'flag-phrase',
  description: 'Each use of a phrase is flagged, with optional replacements.',
  options,
  references: (o) => ({
    concepts: [...conceptNames(o.phrases), ...(o.unless ?? []).flatMap((excuse) => [...conceptNames(excuse.concept), ...(excuse.when ? conceptNames(excuse.when) : [])])],
    sections: o.sections ?? [],
  }),
  check({ document, options: o, matcher }) {
    const filter: typeof MentionFilterSchema.static = { concept: o.phrases, sections: o.sections, about: o.about ?? 'any', negated: 'exclude' };
    let hits = selectMentions(document, matcher, filter);
    for (const excuse of o.unless ?? []) {
      const excusing = selectMentions(document, matcher, { concept: excuse.concept, about: 'any' });
      const conditions = excuse.when ? selectMentions(document, matcher, { concept: excuse.when, about: 'any' }) : undefined;
      const bySentence = (excuse.scope ?? 'sentence') === 'sentence';
      hits = hits.filter(
        (hit) =>
          !(
            (!conditions || conditions.some((condition) => sameSentence(condition, hit))) &&
            // In the paragraph, an excuse tests the phrase only from its own sentence on: "He says it was a one-off. The PNC shows two similar offences."
            excusing.some((mention) => mention.unit === hit.unit && (bySentence ? mention.sentence === hit.sentence : mention.sentence >= hit.sentence))
          ),
      );
    }
    const findings: Finding[] = hits.map((hit) => ({
      span: spanOf(hit),
      message: undefined,
      fix: replaceFix(document, hit, o.replacements),
    }));
    return { findings };
  },
};
