import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitChunks } from '../rules/core/chunks.js';
import { ChunkCache } from '../rules/core/chunk-cache.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { HARD_CHUNK_LENGTH, markdownLimitExceeded, MAX_LINE_PIECE, MAX_MARKDOWN_CHUNK } from '../rules/core/parse-limits.js';
import { parseUnits } from '../rules/core/units.js';
import { UNCHECKED_RULE } from '../rules/core/unchecked-draft.js';
import { Linter } from '../rules/linter.js';
import { lintFiles } from '../cli/lint-files.js';
import { TempFolder } from './helpers.js';
import { assertLintInvariants } from './draft-invariants.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-support.js';
import { hostileDrafts } from './hostile-drafts.js';

describe('hostile drafts', function () {
  this.timeout(120_000);
  const linter = new Linter();

  for (const draft of hostileDrafts()) {
    it(`lints ${draft.name} without throwing, every finding inside the draft`, () => {
      const linted = linter.lintText(draft.text, draft.format);
      assertLintInvariants(draft.text, linted);
      assert.ok(linted.result.coverage.length > 0, 'the rules ran and judged the draft');
      for (const span of linted.document.chunkSpans()) assert.ok(span.end - span.start <= MAX_MARKDOWN_CHUNK, `a chunk of ${span.end - span.start} characters`);
    });
  }

  it('reads a block nested too deeply as plain text, keeping every word at its offset', () => {
    const text = '> '.repeat(40) + 'He drinks four cans a day.\n';
    assert.equal(markdownLimitExceeded(text), 'nested too deeply');
    const [unit] = parseUnits(text, 'markdown');
    const words = unit.sentences.flatMap((sentence) => sentence.words).map((word) => text.slice(word.start, word.end));
    assert.deepEqual(words, ['He', 'drinks', 'four', 'cans', 'a', 'day']);
  });

  it('still parses ordinary nesting, separator lines and signature lines as Markdown', () => {
    for (const text of ['> - He drinks.\n>   - Daily.', '- a\n  - b\n    - c', 'Risk\n\n' + '*'.repeat(40), 'Signed: ' + '_'.repeat(40)]) {
      assert.equal(markdownLimitExceeded(text), undefined, JSON.stringify(text));
    }
    assert.equal(markdownLimitExceeded('*'.repeat(40) + 'a' + '*'.repeat(40)), 'a very long run of marks');
    assert.equal(markdownLimitExceeded('[a]('.repeat(600)), 'too much markup');
  });

  it('cuts a line with no break at sentence ends into chunks, so no chunk is parsed in one long step', () => {
    const sentence = 'He said he drinks wine with his partner. ';
    const text = sentence.repeat(Math.ceil((3 * MAX_LINE_PIECE) / sentence.length));
    const chunks = splitChunks(text, 'markdown');
    assert.ok(chunks.length >= 3, `${chunks.length} chunks`);
    for (const chunk of chunks) {
      assert.ok(chunk.end - chunk.start <= MAX_LINE_PIECE, `a chunk of ${chunk.end - chunk.start} characters`);
      assert.ok(text.slice(chunk.start, chunk.end).endsWith('partner.') || chunk.end === text.length, 'each piece ends at a sentence end');
    }
    const document = new AssessmentDocument(text, 'markdown');
    const words = document.units.flatMap((placed) => placed.unit.sentences.flatMap((s) => s.words.map((word) => text.slice(placed.offset + word.start, placed.offset + word.end))));
    assert.deepEqual(words.slice(0, 8), ['He', 'said', 'he', 'drinks', 'wine', 'with', 'his', 'partner']);
    assert.equal(words.length, 8 * Math.ceil((3 * MAX_LINE_PIECE) / sentence.length));
  });

  it('closes a very long chunk at a line start even inside fenced code', () => {
    const text = '```\n' + 'code line\n'.repeat(Math.ceil((2 * HARD_CHUNK_LENGTH) / 10)) + '```\n';
    const chunks = splitChunks(text, 'markdown');
    assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
    for (const chunk of chunks) assert.ok(chunk.end - chunk.start <= MAX_MARKDOWN_CHUNK);
  });

  it('stops a draft whose time runs out, reports the findings in the part read and says where checking stopped', () => {
    const text = ['He said the offence was out of character.', '## Risk analysis', 'He said the offence was out of character.'].join('\n\n') + '\n';
    const stopped = new Linter({ budgetMs: 0 }).lintText(text, 'markdown');
    const stoppedAt = text.indexOf('## Risk analysis');
    assert.equal(stopped.stoppedAt, stoppedAt, 'checking stops after the first chunk');
    assert.equal(stopped.document.complete, false);
    assertLintInvariants(text, stopped);
    const note = stopped.result.messages.find((message) => message.ruleId === UNCHECKED_RULE);
    assert.ok(note, 'an information message says the draft was not all checked');
    assert.equal(note.severity, 'info');
    assert.equal(note.start, stoppedAt);
    assert.match(note.message, /stopped checking this draft after 0 s: lines 3–6 were not checked.*Split the draft into smaller files/);
    assert.deepEqual(stopped.result.coverage, [], 'no verdict on topics the whole draft must cover');
    const others = stopped.result.messages.filter((message) => message !== note);
    assert.ok(others.some((message) => message.ruleId === 'uncritical-language'), 'findings in the part read are kept');
    assert.ok(others.every((message) => message.end <= stoppedAt), 'no finding comes from the part not read');
    const full = new Linter().lintText(text, 'markdown', undefined, stopped.document);
    assert.equal(full.stoppedAt, undefined);
    assert.ok(full.document.complete && full.document.units.length === 3, 'the next lint reads the whole draft afresh');
    assert.ok(full.result.messages.filter((message) => message.ruleId === 'uncritical-language').length === 2);
  });

  it('does not count a draft stopped part-way as passing the rules it could not judge (check and audit)', async () => {
    const text = ['He said the offence was out of character.', '## Risk analysis', 'He poses a medium risk of serious harm to the public.'].join('\n\n') + '\n';
    const folder = new TempFolder({ 'draft.md': text });
    try {
      const job = { files: [folder.path('draft.md')], packs: [], quiet: false, cwd: folder.root };
      const stopped = (await lintFiles(job, undefined, new Linter({ budgetMs: 0 }))).reports[0];
      const full = (await lintFiles(job)).reports[0];
      const unjudged = ['alcohol', 'mental-health', 'previous-convictions', 'who-is-at-risk'];
      for (const id of unjudged) {
        assert.ok(full.rulesRun?.includes(id), `${id} runs on the whole draft`);
        assert.ok(!stopped.rulesRun?.includes(id), `${id} is not counted on the stopped draft`);
      }
      assert.ok(stopped.rulesRun?.includes('uncritical-language'), 'rules judged on the part read still count');
      assert.ok(stopped.messages.some((message) => message.ruleId === 'uncritical-language'));
    } finally {
      folder.remove();
    }
  });

  it('gives a draft the linter fails on one warning saying so, and a reason to list it as skipped', () => {
    const linter = new Linter();
    const config = linter.configFor(undefined);
    const overflowing = (depth: number): number => overflowing(depth + 1) + 1;
    const [first, ...rest] = config.pack.rules;
    const broken = { ...config, pack: { ...config.pack, rules: [{ ...first, kind: { ...first.kind, check: () => ({ findings: [], coverage: { status: 'addressed' as const, evidence: { start: overflowing(0), end: 0 } } }) } }, ...rest] } };
    const text = '\n\n## Offence analysis\n\nHe said the offence was out of character.\n';
    const failed = linter.lintWith(broken, text, 'markdown');
    assert.match(failed.failure ?? '', /^could not be checked \(RangeError: Maximum call stack size exceeded\); simplify its formatting/);
    assert.equal(failed.result.messages.length, 1);
    const [warning] = failed.result.messages;
    assert.equal(warning.ruleId, UNCHECKED_RULE);
    assert.equal(warning.severity, 'warning');
    assert.equal(text.slice(warning.start, warning.end), '## Offence analysis', 'the warning sits on the first line with text');
    assert.match(warning.message, /this draft could not be checked .*Nothing in it was checked\./);
    assertLintInvariants(text, failed);
  });

  describe('building from a previous version agrees with a fresh build across the caps', function () {
    this.timeout(fuzzTimeout(30, 3_000));
    const piece = fc.constantFrom('He drinks. ', 'She is at risk. ', 'x'.repeat(900), '- ', '> ', '  ', '*'.repeat(40), '```', '<!-- ', ' -->', '\n', '\n\n', '| a | b |\n', 'word ');
    const longDraft = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('').repeat(1 + Math.floor(MAX_LINE_PIECE / 600)));
    const edit = fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom('', '\n', '\n\n', '. ', 'x', '```\n', '- ', '  '));

    it('does not read a piece of a long line that starts with a fence as opening fenced code when it rebuilds from there', () => {
      const start = 'He drinks wine. '.repeat(Math.ceil((0.75 * MAX_LINE_PIECE) / 16)) + '```' + 'word '.repeat(300) + '\n\nHe uses cannabis.\n\nShe is at risk.\n';
      const previous = new AssessmentDocument(start, 'markdown');
      assert.ok(previous.chunkSpans().some((span) => start.startsWith('```', span.start)), 'a piece of the long line starts with the fence marks');
      const text = start.replace('uses cannabis', 'uses cannabis daily');
      const incremental = new AssessmentDocument(text, 'markdown', { previous });
      const fresh = new AssessmentDocument(text, 'markdown');
      assert.deepEqual(incremental.chunkSpans(), fresh.chunkSpans());
      assert.equal(fresh.chunkSpans().length, 4);
    });

    it('keeps chunks, units and messages the same after random edits to long and deep drafts', () => {
      fc.assert(
        fc.property(longDraft, fc.array(edit, { minLength: 1, maxLength: 4 }), fc.constantFrom('markdown' as const, 'plaintext' as const), (start, edits, format) => {
          const cache = new ChunkCache();
          let previous = new AssessmentDocument(start, format, { cache });
          let text = start;
          for (const [at, length, insert] of edits) {
            const offset = at % (text.length + 1);
            text = text.slice(0, offset) + insert + text.slice(Math.min(text.length, offset + length));
            const incremental = new AssessmentDocument(text, format, { cache, previous });
            const fresh = new AssessmentDocument(text, format, { cache: new ChunkCache() });
            assert.deepEqual(incremental.chunkSpans().map((span) => [span.start, span.end]), fresh.chunkSpans().map((span) => [span.start, span.end]));
            assert.deepEqual(
              incremental.units.map((placed) => [placed.unit.kind, placed.start, placed.end]),
              fresh.units.map((placed) => [placed.unit.kind, placed.start, placed.end]),
            );
            previous = incremental;
          }
        }),
        fuzzParameters(30),
      );
    });
  });
});
