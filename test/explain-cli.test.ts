import assert from 'node:assert/strict';
import { docxOf, paragraphOf } from './audit-fixtures.js';
import { runCli, TempFolder } from './helpers.js';

/** A draft with one gap of each kind the explanation names: a source not available, someone else's drug use, and a topic that counts. */
const DRAFT = [
  '## Offence analysis',
  '',
  'The CPS papers have not yet been received, so this account rests on what Mr Hale told me. He says he punched the man once outside the shop.',
  '',
  '## Offender assessment',
  '',
  '😀 His cousin smokes cannabis daily.\r',
  'Mr Hale told me he drinks four pints most evenings.',
  '',
].join('\n');

interface CoverageJson {
  ruleId: string;
  status: string;
  evidence?: { line: number; column: number; words: string; sentence: string };
  setAside: Array<{ line: number; column: number; endColumn: number; words: string; concept: string; reason: string; because: string; cue?: string; sentence: string }>;
}

describe('explain: what counted and what was set aside', () => {
  let folder: TempFolder;
  before(() => {
    folder = new TempFolder({ 'draft.md': DRAFT });
  });
  after(() => folder.remove());

  it('names the mention about someone else and says the topic is missing', async () => {
    const run = await runCli(['explain', 'draft.md', '--rule', 'drugs'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^drugs: MISSING$/m);
    assert.match(run.stdout, /set aside, line 7: "cannabis": about someone else/);
    assert.match(run.stdout, /in "😀 His cousin smokes cannabis daily\."/);
    assert.doesNotMatch(run.stdout, /^alcohol:/m, '--rule limits the explanation to one rule');
  });

  it('gives the cue that made a source not available', async () => {
    const run = await runCli(['explain', 'draft.md', '--rule', 'sole-account'], folder.root);
    assert.match(run.stdout, /^sole-account: MISSING$/m);
    assert.match(run.stdout, /set aside, line 3: "CPS": not available \("not yet been received"\)/);
  });

  it('quotes the sentence that made a rule pass', async () => {
    const run = await runCli(['explain', 'draft.md', '--rule', 'alcohol'], folder.root);
    assert.match(run.stdout, /^alcohol: addressed$/m);
    assert.match(run.stdout, /counted, line 8: "drinks"\n    in "Mr Hale told me he drinks four pints most evenings\."/);
  });

  it('explains every coverage rule without --rule', async () => {
    const run = await runCli(['explain', 'draft.md'], folder.root);
    for (const rule of ['sole-account', 'alcohol', 'drugs', 'mental-health', 'previous-convictions']) assert.match(run.stdout, new RegExp(`^${rule}: `, 'm'));
  });

  it('refuses a rule that does not look for a topic, naming the ones that do', async () => {
    const run = await runCli(['explain', 'draft.md', '--rule', 'drug'], folder.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--rule 'drug' is not a rule that looks for a topic.*\bdrugs\b/);
  });

  it('refuses a missing draft argument', async () => {
    const run = await runCli(['explain'], folder.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /explain needs a draft/);
  });

  it('check --format json carries the same per rule, with UTF-16 columns', async () => {
    const run = await runCli(['check', 'draft.md', '--format', 'json'], folder.root);
    const [report] = JSON.parse(run.stdout) as Array<{ coverage: CoverageJson[] }>;
    const drugs = report.coverage.find((entry) => entry.ruleId === 'drugs')!;
    assert.equal(drugs.status, 'missing');
    assert.equal(drugs.evidence, undefined);
    const cannabis = drugs.setAside.find((mention) => mention.words === 'cannabis')!;
    // The emoji is two UTF-16 code units: "cannabis" starts at code unit 21, column 22.
    assert.deepEqual([cannabis.line, cannabis.column, cannabis.endColumn, cannabis.reason, cannabis.because], [7, 22, 30, 'owner', 'about someone else']);
    const alcohol = report.coverage.find((entry) => entry.ruleId === 'alcohol')!;
    assert.equal(alcohol.status, 'addressed');
    assert.equal(alcohol.evidence?.line, 8);
    const source = report.coverage.find((entry) => entry.ruleId === 'sole-account')!.setAside.find((mention) => mention.words === 'CPS')!;
    assert.deepEqual([source.reason, source.cue], ['status', 'not yet been received']);
  });

  it('works on a Word draft: lines are paragraph numbers and columns UTF-16 code units within the paragraph', async () => {
    const word = new TempFolder({
      'draft.docx': await docxOf(
        [
          { heading: 2 as const, text: 'Offence analysis' },
          { text: 'The CPS papers have not yet been received, so this account rests on what Mr Hale told me.' },
          { heading: 2 as const, text: 'Offender assessment' },
          { text: '😀 His cousin smokes cannabis daily.' },
          { text: 'Mr Hale told me he drinks four pints most evenings.' },
        ].map(paragraphOf),
      ),
    });
    try {
      const explained = await runCli(['explain', 'draft.docx', '--rule', 'drugs'], word.root);
      assert.equal(explained.code, 0, explained.stderr);
      assert.match(explained.stdout, /set aside, line 4: "cannabis": about someone else/);
      const [report] = JSON.parse((await runCli(['check', 'draft.docx', '--format', 'json'], word.root)).stdout) as Array<{ coverage: CoverageJson[] }>;
      const cannabis = report.coverage.find((entry) => entry.ruleId === 'drugs')!.setAside.find((mention) => mention.words === 'cannabis')!;
      assert.deepEqual([cannabis.line, cannabis.column, cannabis.endColumn], [4, 22, 30]);
      assert.equal(report.coverage.find((entry) => entry.ruleId === 'alcohol')!.evidence?.line, 5);
    } finally {
      word.remove();
    }
  });
});
