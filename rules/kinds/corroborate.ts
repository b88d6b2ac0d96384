import { Type } from '@sinclair/typebox';
import type { RuleKind } from '../core/contracts.js';
import { anchorSpan, ConceptRef, conceptNames, hasSectionOf, RelatedWording, relatedNote, SectionList, spanOf } from './mention-filter.js';

const options = Type.Object(
  {
    claims: ConceptRef,
    sources: ConceptRef,
    sections: SectionList,
    sourceSections: Type.Optional(SectionList),
    scope: Type.Optional(
      Type.Union([Type.Literal('passage'), Type.Literal('section'), Type.Literal('paragraph')], {
        description: 'Where a source must stand: anywhere in the given sections (passage, the default), or in the same section or paragraph as a claim.',
      }),
    ),
    requireClaims: Type.Optional(Type.Boolean({ description: 'Warn only when the passage has claims of the first concept (default: true).' })),
    related: RelatedWording,
  },
  { additionalProperties: false },
);

/**
 * `corroborate`: claims of one concept (what the person said) in given sections
 * need a source of another concept (an independent source) in the same section
 * or paragraph, or in a sources section. Without such sections, the whole draft
 * is the passage.
 */
export const corroborate: RuleKind<typeof options> = {
  name: 'corroborate',
  description: 'Claims of one kind in given sections need a source of another kind beside them or in the sources section.',
  options,
  references: (o) => ({
    concepts: [...conceptNames(o.claims), ...conceptNames(o.sources)],
    sections: [...o.sections, ...(o.sourceSections ?? [])],
  }),
  check({ document, options: o, matcher }) {
    const claimConcepts = conceptNames(o.claims);
    const sourceConcepts = conceptNames(o.sources);
    const inPassage = hasSectionOf(document, o.sections) ? (kind: string) => o.sections.includes(kind) : () => true;
    const claims = document.mentionsOf(matcher, claimConcepts).filter((m) => inPassage(m.unit.section.kind));
    const sources = document.mentionsOf(matcher, sourceConcepts).filter((m) => !m.negated);
    const listed = sources.find((m) => (o.sourceSections ?? []).includes(m.unit.section.kind));
    if (claims.length === 0 && (o.requireClaims ?? true)) return { findings: [], coverage: { status: 'not-applicable' } };
    if (listed) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(listed) } };
    const scope = o.scope ?? 'passage';
    const near = sources.find((source) =>
      scope === 'passage' || claims.length === 0
        ? inPassage(source.unit.section.kind)
        : claims.some((claim) => (scope === 'paragraph' ? claim.unit === source.unit : claim.unit.section === source.unit.section)),
    );
    if (near) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(near) } };
    const unsupported = claims[0];
    const span = unsupported ? spanOf(unsupported) : anchorSpan(document, o.sections);
    const related = claims.slice(1, 4).map((claim) => ({ span: spanOf(claim), message: relatedNote(o.related, claim.text) }));
    return { findings: [{ span, related: related.length > 0 ? related : undefined }], coverage: { status: 'missing' } };
  },
};
