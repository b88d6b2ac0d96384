import { Type } from '@sinclair/typebox';
import type { Finding, RuleKind } from '../core/contracts.js';
import { ConceptRef, conceptNames, MentionFilterSchema, SectionList, selectMentions, spanOf } from './mention-filter.js';

const options = Type.Object(
  {
    phrases: ConceptRef,
    sections: Type.Optional(SectionList),
    replacements: Type.Optional(Type.Array(Type.String(), { description: 'Wordings the quick fix offers in place of the phrase.' })),
    unless: Type.Optional(
      Type.Object(
        {
          concept: ConceptRef,
          scope: Type.Optional(Type.Union([Type.Literal('sentence'), Type.Literal('paragraph')], { description: 'Default: sentence.' })),
        },
        { additionalProperties: false, description: 'Do not flag a phrase when this concept stands in the same sentence or paragraph.' },
      ),
    ),
  },
  { additionalProperties: false },
);

/** `flag-phrase`: each use of a phrase is flagged, optionally with replacements (a quick fix) and an exception. */
export const flagPhrase: RuleKind<typeof options> = {
  name: 'flag-phrase',
  description: 'Each use of a phrase is flagged, with optional replacements.',
  options,
  references: (o) => ({ concepts: [...conceptNames(o.phrases), ...(o.unless ? conceptNames(o.unless.concept) : [])], sections: o.sections ?? [] }),
  check({ document, options: o, matcher }) {
    const filter: typeof MentionFilterSchema.static = { concept: o.phrases, sections: o.sections, about: 'any', negated: 'exclude' };
    let hits = selectMentions(document, matcher, filter);
    if (o.unless) {
      const excusing = selectMentions(document, matcher, { concept: o.unless.concept, about: 'any', negated: 'exclude' });
      const bySentence = (o.unless.scope ?? 'sentence') === 'sentence';
      hits = hits.filter(
        (hit) => !excusing.some((excuse) => excuse.unit === hit.unit && (!bySentence || excuse.sentence === hit.sentence)),
      );
    }
    const findings: Finding[] = hits.map((hit) => ({
      span: spanOf(hit),
      message: undefined,
      fix: o.replacements && o.replacements.length > 0 ? { type: 'replace', span: spanOf(hit), replacements: o.replacements } : undefined,
    }));
    return { findings };
  },
};
