import { Type } from '@sinclair/typebox';
import type { RuleKind } from '../core/contracts.js';
import type { MentionStatus, SetAsideMention } from '../core/contracts.js';
import type { Mention } from '../core/document.js';
import { anchorSpan, ConceptRef, conceptNames, hasSectionOf, RelatedWording, relatedNote, SectionList, setAsideOf, spanOf, StatusSchema } from './mention-filter.js';

/** A source counts only when it was there to read, unless the rule says otherwise. */
const DEFAULT_SOURCE_STATUSES: readonly MentionStatus[] = ['affirmed'];
/** An admission counts unless it is only planned or a note: the cues and negations of sources near it ("asked for them twice, so what follows is his account") say nothing of it. */
const NO_ADMISSION: ReadonlySet<MentionStatus> = new Set(['hypothetical', 'placeholder']);
const MAX_SET_ASIDE = 25;

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
    sourceStatuses: Type.Optional(
      Type.Array(StatusSchema, {
        minItems: 1,
        uniqueItems: true,
        description: `Which statuses of a source count (default: ${DEFAULT_SOURCE_STATUSES.join(', ')}): papers not received, only requested or left as a placeholder are no source.`,
      }),
    ),
    requireClaims: Type.Optional(Type.Boolean({ description: 'Warn only when the passage has claims of the first concept (default: true).' })),
    /** A concept for the writer saying the passage rests on the person alone ("so what follows is his account"). */
    admissions: Type.Optional(ConceptRef),
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
    concepts: [...conceptNames(o.claims), ...conceptNames(o.sources), ...(o.admissions ? conceptNames(o.admissions) : [])],
    sections: [...o.sections, ...(o.sourceSections ?? [])],
  }),
  check({ document, options: o, matcher }) {
    const claimConcepts = conceptNames(o.claims);
    const sourceConcepts = conceptNames(o.sources);
    const inPassage = hasSectionOf(document, o.sections) ? (kind: string) => o.sections.includes(kind) : () => true;
    const claims = document.mentionsOf(matcher, claimConcepts).filter((m) => inPassage(m.unit.section.kind));
    const counts = new Set(o.sourceStatuses ?? DEFAULT_SOURCE_STATUSES);
    const setAside: SetAsideMention[] = [];
    const sources = document.mentionsOf(matcher, sourceConcepts).filter((m) => {
      const reason = sourceSetAside(m, counts);
      if (reason && setAside.length < MAX_SET_ASIDE) setAside.push(reason);
      return !reason;
    });
    if (claims.length === 0 && (o.requireClaims ?? true)) return { findings: [], coverage: { status: 'not-applicable' } };
    // The writer's own word that the account is the person's outweighs a source named in passing.
    const admission = o.admissions ? document.mentionsOf(matcher, conceptNames(o.admissions)).find((m) => !NO_ADMISSION.has(m.status) && m.role === 'topic' && inPassage(m.unit.section.kind)) : undefined;
    if (admission) return { findings: [{ span: spanOf(admission) }], coverage: { status: 'missing', setAside } };
    const listed = sources.find((m) => (o.sourceSections ?? []).includes(m.unit.section.kind));
    if (listed) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(listed), setAside } };
    const scope = o.scope ?? 'passage';
    const near = sources.find((source) =>
      scope === 'passage' || claims.length === 0
        ? inPassage(source.unit.section.kind)
        : claims.some((claim) => (scope === 'paragraph' ? claim.unit === source.unit : claim.unit.section === source.unit.section)),
    );
    if (near) return { findings: [], coverage: { status: 'addressed', evidence: spanOf(near), setAside } };
    const unsupported = claims[0];
    const span = unsupported ? spanOf(unsupported) : anchorSpan(document, o.sections);
    const related = claims.slice(1, 4).map((claim) => ({ span: spanOf(claim), message: relatedNote(o.related, claim.text) }));
    return { findings: [{ span, related: related.length > 0 ? related : undefined }], coverage: { status: 'missing', setAside } };
  },
};

/** Why a mention of a source is no source: another sense of the word, or a status the rule does not count. */
function sourceSetAside(mention: Mention, counts: ReadonlySet<MentionStatus>): SetAsideMention | undefined {
  if (mention.role !== 'topic' && mention.role !== 'object') return setAsideOf(mention, { why: 'role', role: mention.role });
  if (!counts.has(mention.status)) return setAsideOf(mention, { why: 'status', status: mention.status });
  return undefined;
}
