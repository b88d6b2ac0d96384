import assert from 'node:assert/strict';
import { SUPPRESSION_RULE } from '../rules/core/engine.js';
import { Linter } from '../rules/linter.js';
import { partialDiagnostics } from '../server/partial-report.js';
import { runCli, TempFolder } from './helpers.js';

const PHRASE = 'It was out of character.';
const REASON = 'quoting his own words to the court';

describe('suppressions on the command line and in partial results', () => {
  describe('findings of a draft read only in part (a very large draft in the editor)', () => {
    it('leave out unused and unclosed verdicts, which need the whole draft, and keep the rest', () => {
      const text = [
        `<!-- assessment-lint-disable uncritical-language -- ${REASON} -->`,
        '',
        'He lives alone.',
        '',
        '<!-- assessment-lint-disable-next-line uncritical-language -->',
        'He works nights.',
        '',
        `<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->`,
        'He has a dog.',
        '',
        PHRASE,
        '',
        '<!-- assessment-lint-enable uncritical-language -->',
      ].join('\n');
      const linter = new Linter();
      const config = linter.configFor(undefined);
      const start = text.slice(0, text.indexOf(PHRASE));
      const partial = linter.lintWith(config, start, 'markdown');
      assert.deepEqual(partial.result.suppressions.map((entry) => entry.status), ['unclosed', 'no-reason', 'unused']);
      const shown = partialDiagnostics(partial, { uri: 'file:///draft.md', version: 1, format: 'markdown' }).map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.code}`);
      assert.deepEqual(shown, [`5:${SUPPRESSION_RULE}`]);
      const whole = linter.lintWith(config, text, 'markdown');
      assert.deepEqual(whole.result.suppressions.map((entry) => entry.status), ['effective', 'no-reason', 'unused']);
    });
  });

  describe('on the command line', function () {
    this.timeout(60_000);
    let folder: TempFolder;
    before(() => {
      folder = new TempFolder({
        '.assessment-lint.yaml': 'packs: [core]\nrules:\n  alcohol: error\n  suppression-reason: error\n  unused-suppression: info\n',
        'unreasoned.md': '# Report\n\n## Offender assessment\n\n<!-- assessment-lint-disable-next-line alcohol -->\nHe lives alone and does not use drugs.\n',
        'reasoned.md': '# Report\n\n## Offender assessment\n\n<!-- assessment-lint-disable-next-line alcohol -- assessed in the attached OASys section 9 -->\nHe lives alone and does not use drugs.\n',
        'relaxed/.assessment-lint.yaml': 'packs: [core]\nrules:\n  alcohol: error\nsuppressions:\n  requireReason: false\n',
        'relaxed/unreasoned.md': '# Report\n\n## Offender assessment\n\n<!-- assessment-lint-disable-next-line alcohol -->\nHe lives alone and does not use drugs.\n',
        'bad/.assessment-lint.yaml': 'suppressions:\n  requireReason: maybe\n',
        'bad/draft.md': 'He lives alone.\n',
      });
    });
    after(() => folder.remove());

    it('check exits 1 when an error-severity finding has only an unreasoned suppression', async () => {
      const run = await runCli(['check', 'unreasoned.md', '--format', 'json'], folder.root);
      assert.equal(run.code, 1, run.stderr);
      const [report] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; severity: string; line: number }>; suppressions: unknown[] }>;
      assert.ok(report.messages.some((message) => message.ruleId === 'alcohol' && message.severity === 'error'));
      assert.ok(report.messages.some((message) => message.ruleId === SUPPRESSION_RULE && message.severity === 'error' && message.line === 5));
      assert.deepEqual(report.suppressions, [{ line: 5, ruleIds: ['alcohol'], reason: null, status: 'no-reason', silenced: 0 }]);
    });

    it('check exits 0 when the suppression gives a reason, and lists it as effective', async () => {
      const run = await runCli(['check', 'reasoned.md', '--format', 'json'], folder.root);
      const [report] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; severity: string }>; suppressions: unknown[] }>;
      assert.ok(!report.messages.some((message) => message.ruleId === 'alcohol'));
      assert.deepEqual(report.suppressions, [{ line: 5, ruleIds: ['alcohol'], reason: 'assessed in the attached OASys section 9', status: 'effective', silenced: 1 }]);
      assert.ok(!report.messages.some((message) => message.severity === 'error'), run.stdout);
      assert.equal(run.code, 0, run.stdout);
    });

    it('a configuration with requireReason: false lets it through', async () => {
      const run = await runCli(['check', 'relaxed/unreasoned.md', '--format', 'json'], folder.root);
      const [report] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }>; suppressions: Array<{ status: string }> }>;
      assert.deepEqual(report.suppressions.map((entry) => entry.status), ['effective']);
      assert.ok(!report.messages.some((message) => message.ruleId === 'alcohol'));
    });

    it('a bad suppressions setting is refused with file, line and column', async () => {
      const run = await runCli(['check', 'bad/draft.md'], folder.root);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /\.assessment-lint\.yaml:2:\d+: .*requireReason|\.assessment-lint\.yaml:2:\d+/);
    });

    it('rules lists the engine rules with their configured severity', async () => {
      const run = await runCli(['rules'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^suppression-reason +engine +error /m);
      assert.match(run.stdout, /^unused-suppression +engine +info /m);
      const explained = await runCli(['rules', '--explain', 'unused-suppression'], folder.root);
      assert.equal(explained.code, 0, explained.stderr);
      assert.match(explained.stdout, /^Severity today: info \(set under rules: in .*\.assessment-lint\.yaml\)$/m);
      assert.match(explained.stdout, /^kind: engine # from the engine$/m);
    });
  });
});
