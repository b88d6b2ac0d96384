import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../rules/core/line-index.js';
import { decodeDraft } from '../rules/io/read-draft.js';
import { Linter } from '../rules/linter.js';
import { assertLintInvariants, assertRoundTrip, insideLineBreak } from './draft-invariants.js';
import { fuzzDraft } from './fuzz-drafts.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-support.js';
import { runCli, TempFolder } from './helpers.js';

const RUNS = 400;

describe('fuzzing: drafts through the command-line path', function () {
  this.timeout(fuzzTimeout(RUNS, 40));
  const linter = new Linter();

  it('lints random Markdown and Unicode without throwing, every range inside the draft and round-tripping through the line index', () => {
    fc.assert(
      fc.property(fuzzDraft, fc.constantFrom('markdown' as const, 'plaintext' as const), (text, format) => {
        const linted = linter.lintText(text, format, format === 'markdown' ? 'draft.md' : 'draft.txt');
        assertLintInvariants(text, linted);
      }),
      fuzzParameters(RUNS),
    );
  });

  it('maps every offset to a position and back, and every position to an offset inside the text', () => {
    fc.assert(
      fc.property(fuzzDraft, fc.array(fc.nat(), { maxLength: 20 }), fc.array(fc.tuple(fc.integer({ min: -2, max: 60 }), fc.integer({ min: -2, max: 400 })), { maxLength: 20 }), (text, offsets, positions) => {
        const lines = new LineIndex(text);
        for (const raw of offsets) {
          const offset = raw % (text.length + 1);
          if (!insideLineBreak(text, offset)) assertRoundTrip(lines, text, offset, 'offset');
        }
        for (const [line, character] of positions) {
          const offset = lines.offsetAt({ line, character });
          assert.ok(offset >= 0 && offset <= text.length && !insideLineBreak(text, offset), `${line}:${character} → ${offset}`);
        }
      }),
      fuzzParameters(RUNS),
    );
  });

  it('decodes any bytes to a draft or a reason, never throwing, and keeps every UTF-8 draft as written', () => {
    const encoder = new TextEncoder();
    const wellFormed = new TextDecoder();
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), fuzzDraft.map((text) => encoder.encode(text))), (bytes) => {
        const decoded = decodeDraft(bytes);
        if (!decoded.ok) {
          assert.ok(decoded.reason.length > 0);
          return;
        }
        assert.ok(!bytes.includes(0), 'a NUL byte is refused');
        assert.equal(decoded.text, wellFormed.decode(bytes), 'the text is the bytes decoded (without a byte order mark)');
        assert.ok(decoded.text.trim() !== '', 'an empty draft is refused');
      }),
      fuzzParameters(RUNS),
    );
  });

  it('the built command line lints a folder of fuzzed drafts, reporting every file with positions inside it', async () => {
    const drafts = fc.sample(fuzzDraft, { seed: 7, numRuns: 40 });
    const files: Record<string, string> = {};
    drafts.forEach((text, index) => (files[`drafts/draft-${String(index).padStart(2, '0')}.${index % 2 ? 'txt' : 'md'}`] = text));
    const folder = new TempFolder(files);
    try {
      const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      assert.ok(run.code === 0 || run.code === 1, `exit code ${run.code}: ${run.stderr}`);
      const reports = JSON.parse(run.stdout) as Array<{ filePath: string; skipped?: string; messages: Array<{ line: number; column: number; endLine: number; endColumn: number }> }>;
      assert.equal(reports.length, drafts.length, 'one report per draft');
      for (const report of reports) {
        const text = files[report.filePath];
        assert.ok(text !== undefined, `report for an unknown file ${report.filePath}`);
        if (report.skipped) {
          assert.ok(run.stderr.includes(`skipped ${report.filePath}: it ${report.skipped}`), `${report.filePath} is named with its reason`);
          continue;
        }
        const lines = new LineIndex(text);
        for (const message of report.messages) {
          for (const [line, column] of [[message.line, message.column], [message.endLine, message.endColumn]]) {
            assert.ok(line >= 1 && line <= lines.lineCount, `${report.filePath}: line ${line} of ${lines.lineCount}`);
            const length = lines.lineEnd(line - 1) - lines.lineStart(line - 1);
            assert.ok(column >= 1 && column <= length + 1, `${report.filePath}: column ${column} on a line of ${length}`);
          }
        }
      }
    } finally {
      folder.remove();
    }
  });
});
