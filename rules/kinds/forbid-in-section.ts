import { Type } from '@sinclair/typebox';
import type { Finding, RuleKind } from '../core/contracts.js';
import { ConceptRef, conceptNames, spanOf } from './mention-filter.js';
import { replaceFix } from './replace-fix.js';

const options = Type.Object(
  {
    phrases: ConceptRef,
    sections: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'The section kinds the phrases may not appear in (offence-analysis, history, assessment, risk, proposal, sources, details, unknown).' }),
    replacements: Type.Optional(Type.Array(Type.String(), { description: 'Wordings the quick fix offers in place of the phrase.' })),
  },
  { additionalProperties: false },
);

/** `forbid-in-section`: a concept's phrases may not appear in given kinds of section (for example a sentence proposal in the offence analysis). */
export const forbidInSection: RuleKind<typeof options> = {
  name: 'forbid-in-section',
  description: 'A phrase is not allowed in given kinds of section.',
  options,
  references: (o) => ({ concepts: conceptNames(o.phrases), sections: o.sections }),
  check({ document, options: o, matcher }) {
    const concepts = conceptNames(o.phrases);
    const findings: Finding[] = document
      .mentions(matcher)
      .filter((mention) => concepts.includes(mention.concept) && o.sections.includes(mention.unit.section.kind))
      .map((mention) => ({
        span: spanOf(mention),
        fix: replaceFix(document, mention, o.replacements),
      }));
    return { findings };
  },
};
