import { Type } from '@sinclair/typebox';
import type { Finding, RuleKind } from '../core/contracts.js';

const options = Type.Object(
  {
    unit: Type.Union([Type.Literal('sentence'), Type.Literal('paragraph')], { description: 'What is counted: each sentence, or each paragraph or list item.' }),
    max: Type.Integer({ minimum: 1, maximum: 1000, description: 'The most words allowed; one more is flagged.' }),
    sections: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Only count in these section kinds (offence-analysis, history, assessment, risk, proposal, sources, details, unknown); default: the whole draft.',
      }),
    ),
  },
  { additionalProperties: false },
);

const COUNTED = new Set(['paragraph', 'list-item']);

/** `max-length`: a sentence or paragraph (optionally only in given sections) has more words than the limit. */
export const maxLength: RuleKind<typeof options> = {
  name: 'max-length',
  description: 'A sentence or paragraph has more words than a limit.',
  options,
  references: (o) => ({ concepts: [], sections: o.sections ?? [] }),
  check({ document, options: o }) {
    const findings: Finding[] = [];
    for (const placed of document.units) {
      if (!COUNTED.has(placed.unit.kind)) continue;
      if (o.sections && !o.sections.includes(placed.section.kind)) continue;
      const sentences = placed.unit.sentences;
      if (o.unit === 'paragraph') {
        const words = sentences.reduce((sum, sentence) => sum + sentence.words.length, 0);
        if (words > o.max && sentences.length > 0) {
          findings.push({ span: { start: placed.offset + sentences[0].start, end: placed.offset + sentences[sentences.length - 1].end } });
        }
        continue;
      }
      for (const sentence of sentences) {
        if (sentence.words.length > o.max) findings.push({ span: { start: placed.offset + sentence.start, end: placed.offset + sentence.end } });
      }
    }
    return { findings };
  },
};
