import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { LineIndex } from '../rules/core/line-index.js';
import { BINARY_BYTES, fiftyThousandWordDraft, fiveMegabyteDraft, LATIN1_BYTES, longLine, NUL_TEXT, tenThousandHeadings, TRUNCATED_UTF8_BYTES } from './bad-drafts.js';
import { runCli, TempFolder } from './helpers.js';

interface JsonReport {
  filePath: string;
  skipped?: string;
  messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }>;
}

/** What the CLI must do with each file: skip it with a reason matching the pattern, or lint it. */
const EXPECTED: Record<string, RegExp | 'linted'> = {
  'drafts/scan.md': /^looks like a binary file \(a NUL byte at byte 8\)/,
  'drafts/latin1.txt': /^is not valid UTF-8 text; save it again with UTF-8 encoding/,
  'drafts/truncated.md': /^is not valid UTF-8 text/,
  'drafts/nul.md': /^looks like a binary file \(a NUL byte at byte 32\)/,
  'drafts/empty.md': /^is empty/,
  'drafts/blank.txt': /^is empty/,
  'drafts/bom-only.md': /^is empty/,
  'drafts/too-big.md': /^is 9\.0 MB; drafts over 8 MB are skipped/,
  'drafts/five-megabytes.md': 'linted',
  'drafts/fifty-thousand-words.md': 'linted',
  'drafts/ten-thousand-headings.md': 'linted',
  'drafts/long-line.txt': 'linted',
  'drafts/weak.md': 'linted',
};

describe('bad drafts through the command line', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  const texts: Record<string, string> = {
    'drafts/five-megabytes.md': fiveMegabyteDraft(),
    'drafts/fifty-thousand-words.md': fiftyThousandWordDraft(),
    'drafts/ten-thousand-headings.md': tenThousandHeadings(),
    'drafts/long-line.txt': longLine(),
    'drafts/weak.md': '## Offence analysis\n\nHe said the offence was out of character.\n',
  };

  before(() => {
    folder = new TempFolder({
      ...texts,
      'drafts/scan.md': BINARY_BYTES,
      'drafts/latin1.txt': LATIN1_BYTES,
      'drafts/truncated.md': TRUNCATED_UTF8_BYTES,
      'drafts/nul.md': NUL_TEXT,
      'drafts/empty.md': '',
      'drafts/blank.txt': '  \n\t\n\n',
      'drafts/bom-only.md': '\ufeff\n',
      'drafts/too-big.md': 'He drinks. '.repeat(Math.ceil((9 * 1024 * 1024) / 11)).slice(0, 9 * 1024 * 1024),
    });
  });

  after(() => folder.remove());

  it('skips binary, non-UTF-8, NUL-bearing, empty and oversized files with a message naming each, and lints the huge drafts and the rest', async () => {
    const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    const reports = JSON.parse(run.stdout) as JsonReport[];
    assert.deepEqual(reports.map((report) => report.filePath).sort(), Object.keys(EXPECTED).sort(), 'every file is reported, none is dropped');
    for (const report of reports) {
      const expected = EXPECTED[report.filePath];
      if (expected === 'linted') {
        assert.equal(report.skipped, undefined, `${report.filePath} is linted`);
        const lines = new LineIndex(texts[report.filePath]);
        for (const message of report.messages) {
          assert.ok(message.line >= 1 && message.endLine <= lines.lineCount, `${report.filePath}: ${message.ruleId} at line ${message.line}-${message.endLine} of ${lines.lineCount}`);
          assert.ok(message.column >= 1 && message.endColumn - 1 <= lines.lineEnd(message.endLine - 1) - lines.lineStart(message.endLine - 1), `${report.filePath}: ${message.ruleId} column inside its line`);
        }
      } else {
        assert.match(report.skipped ?? '', expected, `${report.filePath} is skipped with its reason`);
        assert.ok(run.stderr.includes(`skipped ${report.filePath}: it ${report.skipped}`), `standard error names ${report.filePath} and why it was skipped`);
      }
    }
    assert.ok(reports.find((report) => report.filePath === 'drafts/weak.md')!.messages.some((message) => message.ruleId === 'uncritical-language'), 'the ordinary draft after the bad ones is still checked');
  });

  it('reports a pipe named as a draft instead of waiting on it, and goes on with the next file', async () => {
    execFileSync('mkfifo', [folder.path('drafts/pipe.md')]);
    const run = await runCli(['check', 'drafts/pipe.md', 'drafts/empty.md', 'drafts/weak.md'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /drafts\/pipe\.md is not a regular file/);
    assert.match(run.stdout, /drafts\/empty\.md is empty/);
    assert.match(run.stdout, /drafts\/weak\.md\n/);
    assert.match(run.stdout, /in 1 draft; 2 files skipped\./);
  });
});
