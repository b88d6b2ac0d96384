import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitChunks, type DocumentFormat } from '../rules/core/chunks.js';
import { ChunkCache } from '../rules/core/chunk-cache.js';
import { AssessmentDocument, planChunks } from '../rules/core/document.js';
import { lint } from '../rules/core/engine.js';
import { Linter } from '../rules/linter.js';
import { fuzzDraft, fuzzInsertion } from './fuzz-drafts.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-support.js';

const { pack } = new Linter().configFor(undefined);

/** Everything the rules and the editor read of a model, in plain data. */
function modelOf(document: AssessmentDocument) {
  const lines = Array.from({ length: document.lines.lineCount }, (_, line) => [document.lines.lineStart(line), document.lines.lineEnd(line)]);
  return {
    chunks: document.chunkSpans().map((span) => [span.start, span.end]),
    lines,
    sections: document.sections.map((section) => ({ kind: section.kind, title: section.title, depth: section.depth, heading: section.heading, start: section.start, end: section.end })),
    units: document.units.map((placed) => ({ kind: placed.unit.kind, start: placed.start, end: placed.end, section: document.sections.indexOf(placed.section), offset: placed.offset })),
    mentions: document.mentions(pack.matcher).map((mention) => ({ concept: mention.concept, start: mention.start, end: mention.end, text: mention.text, about: mention.about, negated: mention.negated, unit: document.units.indexOf(mention.unit) })),
    directives: document.directives,
    messages: lint(document, pack, { today: new Date('2026-01-01') }).messages,
  };
}

/** Builds the new text's model from the old one's and afresh, and asserts the two agree. */
function assertSameAsFresh(before: string, after: string, format: DocumentFormat, cache = new ChunkCache()): AssessmentDocument {
  const previous = new AssessmentDocument(before, format, { cache });
  const incremental = new AssessmentDocument(after, format, { cache, previous });
  const fresh = new AssessmentDocument(after, format, { cache: new ChunkCache() });
  assert.deepEqual(modelOf(incremental), modelOf(fresh), `${JSON.stringify(before)} → ${JSON.stringify(after)} (${format})`);
  return incremental;
}

/** Applies one edit: replace `length` characters at `at` (taken modulo the text) with `insert`. */
function applyEdit(text: string, at: number, length: number, insert: string): string {
  const start = at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
}

describe('building a draft model from its previous version', function () {
  this.timeout(fuzzTimeout(400, 40));

  const cases: Array<[string, string, string, DocumentFormat]> = [
    ['joins two paragraphs when the blank line between them goes', 'He drinks.\n\nHe uses cannabis.\n\nLast.', 'He drinks.\nHe uses cannabis.\n\nLast.', 'markdown'],
    ['splits a paragraph when a blank line comes into it', 'He drinks daily. He uses cannabis.', 'He drinks daily.\n\nHe uses cannabis.', 'markdown'],
    ['opens a fence that swallows the rest', '# Risk\n\nHe drinks.\n\nShe is at risk.', '# Risk\n\n```\nHe drinks.\n\nShe is at risk.', 'markdown'],
    ['closes a comment left open', 'Intro.\n\n<!-- note\n\nHe drinks.\n\nEnd -->\n\nLast.', 'Intro.\n\n<!-- note -->\n\nHe drinks.\n\nEnd -->\n\nLast.', 'markdown'],
    ['indents a line into the list item above it', '- He drinks.\n\nHe uses cannabis.\n\nEnd.', '- He drinks.\n\n  He uses cannabis.\n\nEnd.', 'markdown'],
    ['completes a CRLF line break one character at a time', 'One.\r\rTwo.\r\n\r\nThree.', 'One.\r\n\rTwo.\r\n\r\nThree.', 'markdown'],
    ['adds front matter', 'Title\n\nHe drinks.', '---\ntitle: x\n---\n\nHe drinks.', 'markdown'],
    ['removes front matter', '---\ntitle: x\n---\n\nHe drinks.', 'title: x\n---\n\nHe drinks.', 'markdown'],
    ['ends a plain-text sentence at a line end', 'RISK\nHe is\nwell.\nShe is\nfine.', 'RISK\nHe is.\nwell.\nShe is\nfine.', 'plaintext'],
    ['edits the first character', 'He drinks.\n\nShe is at risk from him.', 'She drinks.\n\nShe is at risk from him.', 'markdown'],
    ['appends at the very end', 'He drinks.\n\nShe is at risk', 'He drinks.\n\nShe is at risk from him.\n', 'markdown'],
    ['changes a heading so later sections change kind', '# Report\n\n## Offence\n\nHe hit her.\n\n### Detail\n\nHe drinks.', '# Report\n\n## Risk\n\nHe hit her.\n\n### Detail\n\nHe drinks.', 'markdown'],
    ['changes who the draft is about far from the mention', 'He drinks.\n\nHe said.\n\nShe drinks.', 'She drinks.\n\nShe said.\n\nShe drinks.', 'markdown'],
    ['empties the draft', 'He drinks.\n\nShe is at risk.', '', 'markdown'],
    ['fills an empty draft', '', '# Risk\n\nHe drinks.', 'plaintext'],
  ];
  for (const [name, before, after, format] of cases) {
    it(name, () => {
      assertSameAsFresh(before, after, format);
    });
  }

  it('parses only the chunks around a one-character edit in a long draft', () => {
    const paragraphs = Array.from({ length: 200 }, (_, index) => `Paragraph ${index}: he drinks at weekends and sees his son.`);
    const before = paragraphs.join('\n\n');
    const after = before.replace('Paragraph 100:', 'Paragraph 100 :');
    const previous = new AssessmentDocument(before, 'markdown');
    const plan = planChunks(after, 'markdown', previous);
    assert.ok(plan.edit, 'the model is built from the previous one');
    assert.ok(plan.fresh.length <= 2, `${plan.fresh.length} chunks parsed again`);
    assert.deepEqual(plan.fresh.map((span) => after.slice(span.start, span.end)).pop(), paragraphs[100].replace(':', ' :'));
    assert.equal(new AssessmentDocument(after, 'markdown', { previous }).chunkSpans().length, splitChunks(after, 'markdown').length);
  });

  it('builds afresh from a previous model of the other format', () => {
    const previous = new AssessmentDocument('RISK\nHe drinks.', 'plaintext');
    assert.equal(planChunks('RISK\nHe drinks!', 'markdown', previous).edit, undefined);
    assertSameAsFresh('RISK\nHe drinks.', 'RISK\nHe drinks!', 'markdown');
  });

  it('agrees with a fresh build after any sequence of edits to any draft', () => {
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 30 }), fuzzInsertion);
    fc.assert(
      fc.property(fuzzDraft, fc.array(edit, { minLength: 1, maxLength: 6 }), fc.constantFrom<DocumentFormat>('markdown', 'plaintext'), (initial, edits, format) => {
        const cache = new ChunkCache();
        let text = initial;
        let previous = new AssessmentDocument(text, format, { cache });
        for (const [at, length, insert] of edits) {
          const next = applyEdit(text, at, length, insert);
          previous = new AssessmentDocument(next, format, { cache, previous });
          text = next;
        }
        assert.deepEqual(modelOf(previous), modelOf(new AssessmentDocument(text, format, { cache: new ChunkCache() })));
      }),
      fuzzParameters(400),
    );
  });
});
