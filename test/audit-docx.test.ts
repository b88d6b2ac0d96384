import assert from 'node:assert/strict';
import { Paragraph } from 'docx';
import { loadDraft } from '../rules/io/load-draft.js';
import { htmlToMarkdown, readDocx } from '../rules/io/read-docx.js';
import { Linter } from '../rules/linter.js';
import { blocksOfExample, docxOf, markdownOf, paragraphOf, tableOf } from './audit-fixtures.js';
import { runCli, TempFolder } from './helpers.js';

interface CheckReport {
  filePath: string;
  skipped?: string;
  messages: Array<{ ruleId: string; line: number; column: number }>;
  suppressed: Array<{ ruleId: string; line: number; reason: string | null }>;
}

describe('Word (.docx) drafts', function () {
  this.timeout(60_000);

  describe('converted through mammoth', () => {
    it('keeps headings as Markdown headings, one line per paragraph, and maps lines back to paragraph numbers', async () => {
      const bytes = await docxOf([
        paragraphOf({ heading: 1, text: 'Pre-sentence report' }),
        paragraphOf({ heading: 2, text: 'Offence analysis' }),
        paragraphOf({ label: 'Offence:', text: 'Assault by beating' }),
        new Paragraph(''),
        tableOf([
          ['Source', 'Seen'],
          ['CPS | summary', 'yes'],
        ]),
        new Paragraph({ text: 'Interview', bullet: { level: 0 } }),
      ]);
      const read = await readDocx(bytes);
      assert.ok(read.ok);
      assert.equal(
        read.text,
        ['# Pre-sentence report', '', '## Offence analysis', '', 'Offence: Assault by beating', '', '| Source | Seen |', '| --- | --- |', '| CPS \\| summary | yes |', '', '- Interview', ''].join('\n'),
      );
      // Paragraphs: 1 title, 2 heading, 3 body, 4 empty, 5–6 first row's cells, 7–8 second row's cells, 9 list item.
      assert.deepEqual(read.paragraphs.at(2, 3), { line: 2, column: 1 }, 'the `## ` prefix is not counted in the column');
      assert.deepEqual(read.paragraphs.at(4, 9), { line: 3, column: 10 });
      assert.deepEqual(read.paragraphs.at(8, 2), { line: 7, column: 3 }, 'a table row is numbered by its first cell');
      assert.deepEqual(read.paragraphs.at(10, 2), { line: 9, column: 1 });
    });

    it('reads footnote-style and nested HTML structures without losing text', () => {
      const { text } = htmlToMarkdown('<p>Before<br/>after</p><ul><li>One<ul><li>Two</li></ul></li></ul><ol><li><p>Note</p></li></ol>');
      assert.equal(text, 'Before after\n\n- One\n\n  - Two\n\n1. Note\n');
    });

    it('refuses a file that is not a Word document, with a reason', async () => {
      const read = await readDocx(Buffer.from('plain text pretending'));
      assert.equal(read.ok, false);
      assert.match(!read.ok ? read.reason : '', /not a readable Word \(\.docx\) document/);
    });
  });

  describe('a Word draft and its Markdown twin', () => {
    const blocks = blocksOfExample('examples/short-format-weak.md');
    let folder: TempFolder;

    before(async () => {
      const suppression = { text: '[assessment-lint-disable-next-line uncritical-language -- attributed to the person in the next sentence]' };
      const index = blocks.findIndex((block) => block.text.startsWith('Mr Benson told me that he regrets'));
      const withSuppression = [...blocks.slice(0, index), suppression, ...blocks.slice(index)];
      folder = new TempFolder({
        'twin/report.md': markdownOf(withSuppression),
        'twin/report.docx': await docxOf(withSuppression.map(paragraphOf)),
      });
    });
    after(() => folder.remove());

    it('gives the same findings (rule ids) in process', async () => {
      const linter = new Linter();
      const ids = async (file: string) => {
        const draft = await loadDraft(folder.path(file));
        assert.ok(draft.ok, file);
        return linter.lintText(draft.text, draft.format, folder.path(file)).result.messages.map((message) => message.ruleId).sort();
      };
      const fromWord = await ids('twin/report.docx');
      assert.ok(fromWord.length >= 5, fromWord.join(', '));
      assert.deepEqual(fromWord, await ids('twin/report.md'));
    });

    it('check reports the same rules, at paragraph numbers, with the same suppressions', async () => {
      const run = await runCli(['check', 'twin', '--format', 'json'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      const reports = JSON.parse(run.stdout) as CheckReport[];
      const word = reports.find((report) => report.filePath === 'twin/report.docx')!;
      const markdown = reports.find((report) => report.filePath === 'twin/report.md')!;
      assert.equal(word.skipped, undefined);
      // In the twin, block i (paragraph i + 1 in Word) stands on Markdown line 2i + 1.
      const asParagraphs = markdown.messages.map((message) => `${message.ruleId}@${(message.line + 1) / 2}`);
      assert.deepEqual(
        word.messages.map((message) => `${message.ruleId}@${message.line}`),
        asParagraphs,
      );
      assert.ok(word.suppressed.length > 0);
      for (const entry of word.suppressed) assert.deepEqual([entry.ruleId, entry.reason], ['uncritical-language', 'attributed to the person in the next sentence']);
      assert.deepEqual(word.suppressed, markdown.suppressed.map((entry) => ({ ...entry, line: (entry.line + 1) / 2 })));
    });

    it('stylish output names paragraph numbers for a Word draft', async () => {
      const run = await runCli(['check', 'twin/report.docx'], folder.root);
      const previous = (JSON.parse((await runCli(['check', 'twin/report.docx', '--format', 'json'], folder.root)).stdout) as CheckReport[])[0].messages.find(
        (message) => message.ruleId === 'previous-convictions',
      )!;
      assert.match(run.stdout, new RegExp(`^\\s+${previous.line}:${previous.column}\\s+warning .*previous-convictions`, 'm'));
    });
  });
});
