import assert from 'node:assert/strict';
import { runCli, TempFolder } from './helpers.js';

const TEAM = `name: team
version: 1.0.0
terms:
  alcohol: [alcohol, drink, drinking]
  uncritical: [out of character]
rules:
  alcohol:
    kind: require-topic
    message: Alcohol use is not assessed.
    options:
      topic: { concept: alcohol }
  uncritical-language:
    kind: flag-phrase
    severity: info
    message: This wording accepts the person's framing.
    options: { phrases: uncritical }
`;

/** Enough drafts that checking them is shared out among worker threads (more than 48 per core used). */
const DRAFTS = 150;

/** A short draft whose findings depend on its number, so a report sent back for the wrong file would show. */
function draft(index: number): string {
  const drink = index % 3 === 0 ? 'He drinks two pints at weekends.' : 'He lives alone.';
  const phrase = index % 5 === 0 ? ' It was out of character.' : '';
  return `## Offence analysis\n\n${drink}${phrase} Draft ${index}.\n`;
}

describe('command line: checking many drafts on every core', function () {
  this.timeout(60_000);
  let folder: TempFolder;
  beforeEach(() => {
    const files: Record<string, string> = { '.assessment-lint.yaml': 'packs: [./team.yaml]\n', 'team.yaml': TEAM };
    for (let index = 0; index < DRAFTS; index++) files[`drafts/d${String(index).padStart(3, '0')}.md`] = draft(index);
    folder = new TempFolder(files);
  });
  afterEach(() => folder.remove());

  it('gives each draft its own findings, in the order of the files, as one thread would', async () => {
    const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    const reports = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    assert.deepEqual(reports.map((report) => report.filePath), Array.from({ length: DRAFTS }, (_, index) => `drafts/d${String(index).padStart(3, '0')}.md`));
    reports.forEach((report, index) => {
      const expected = [...(index % 3 === 0 ? [] : ['alcohol']), ...(index % 5 === 0 ? ['uncritical-language'] : [])];
      assert.deepEqual(report.messages.map((message) => message.ruleId).sort(), expected, report.filePath);
    });
    const single = await runCli(['check', 'drafts/d00*.md', 'drafts/d01*.md', '--format', 'json'], folder.root);
    const few = JSON.parse(single.stdout) as typeof reports;
    assert.deepEqual(few, reports.slice(0, 20), 'the same reports as drafts checked in one thread');
  });

  it('reports a broken pack once, and exits 2, when the drafts would be shared out', async () => {
    folder.write({ 'team.yaml': TEAM.replace('kind: flag-phrase', 'kind: flag-phrases') });
    const run = await runCli(['check', 'drafts'], folder.root);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr.match(/unknown kind 'flag-phrases'/g)?.length, 1, run.stderr);
  });
});
