import { Type } from '@sinclair/typebox';
import type { RuleKind } from '../core/contracts.js';

const options = Type.Object(
  {
    section: Type.String({ minLength: 1, description: 'The section kind that must be present.' }),
    heading: Type.Optional(Type.String({ description: 'The heading the quick fix inserts, e.g. "Sources of information".' })),
    skeleton: Type.Optional(Type.String({ description: 'Text the quick fix inserts under the new heading.' })),
    onlyWithHeadings: Type.Optional(Type.Boolean({ description: 'Skip drafts with no headings at all (default: true).' })),
  },
  { additionalProperties: false },
);

/** `require-section`: the draft must have a section of a given kind (recognised through the heading synonyms). */
export const requireSection: RuleKind<typeof options> = {
  name: 'require-section',
  description: 'The draft must have a section of a given kind.',
  options,
  references: (o) => ({ concepts: [], sections: [o.section] }),
  check({ document, options: o }) {
    if ((o.onlyWithHeadings ?? true) && !document.hasHeadings) return { findings: [], coverage: { status: 'not-applicable' } };
    const section = document.sectionOf([o.section]);
    if (section) return { findings: [], coverage: { status: 'addressed', evidence: section.heading ?? { start: section.start, end: section.end } } };
    const heading = o.heading ?? o.section;
    const text = document.format === 'markdown' ? `## ${heading}\n\n${o.skeleton ?? ''}`.trimEnd() : `${heading.toUpperCase()}\n${o.skeleton ?? ''}`.trimEnd();
    return {
      findings: [{ span: document.firstLine(), fix: { type: 'insert', offset: document.text.length, text, sectionTitle: heading } }],
      coverage: { status: 'missing' },
    };
  },
};
