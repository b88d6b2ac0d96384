import assert from 'node:assert/strict';
import { effectiveSeverity } from '../rules/core/engine.js';
import { compilePacks } from '../rules/packs/compile.js';
import { CORE_PACK, loadPackFile, parsePack } from '../rules/packs/load-pack.js';
import { Linter } from '../rules/linter.js';
import { explainRule } from '../cli/explain-rule.js';
import { assertProblemAt, configurationProblems, lintSnippet, TempFolder } from './helpers.js';

/** Compiles inline packs on top of the built-in one, in order. */
function onCore(...packs: string[]) {
  return compilePacks([loadPackFile(CORE_PACK), ...packs.map((text, index) => parsePack(`/packs/layer-${index}.yaml`, text, undefined))]);
}

const HEAD = 'name: team\nversion: 1.0.0\n';

describe('packs: extends and overrides', () => {
  describe('terms', () => {
    it('adds and removes terms in an inherited concept, keeping its exclusions', () => {
      const core = onCore();
      const coreAlcohol = core.concepts.get('alcohol')!;
      const removed = coreAlcohol.match[0];
      const pack = onCore(`${HEAD}terms:\n  alcohol:\n    add: [rum|brandy]\n    remove: [${JSON.stringify(removed)}]\n`);
      const alcohol = pack.concepts.get('alcohol')!;
      assert.deepEqual(alcohol.match, [...coreAlcohol.match.slice(1), 'rum|brandy']);
      assert.deepEqual(alcohol.exclude, coreAlcohol.exclude);
      assert.equal(lintSnippet('## Offender assessment\n\nHe drinks a bottle of rum a day.', pack).result.messages.some((m) => m.ruleId === 'alcohol'), false);
      assert.equal(lintSnippet('## Offender assessment\n\nHe drinks a bottle of rum a day.', core).result.messages.some((m) => m.ruleId === 'alcohol'), false);
      assert.equal(lintSnippet('## Offender assessment\n\nHe has a bottle of rum a day.', pack).result.messages.some((m) => m.ruleId === 'alcohol'), false);
      assert.equal(lintSnippet('## Offender assessment\n\nHe has a bottle of rum a day.', core).result.messages.some((m) => m.ruleId === 'alcohol'), true);
    });

    it('replaces an inherited concept given as a plain list, and refuses add to a concept nobody defined', () => {
      const pack = onCore(`${HEAD}terms:\n  alcohol: [rum]\n`);
      assert.deepEqual(pack.concepts.get('alcohol')!.match, ['rum']);
      const problems = configurationProblems(() => onCore(`${HEAD}terms:\n  gambling:\n    add: [betting]\n`));
      assertProblemAt(problems, { line: 5, column: 5, pattern: /concept 'gambling' is not defined by any pack this one extends/ });
    });
  });

  describe('rules', () => {
    it('changes severity with a bare severity, and message and options with fields, recording where each came from', () => {
      const pack = onCore(`${HEAD}rules:\n  alcohol: error\n`, `${HEAD}rules:\n  alcohol:\n    message: Say how much the person drinks.\n    options:\n      anchor: [risk]\n`);
      const rule = pack.rules.find((candidate) => candidate.id === 'alcohol')!;
      assert.equal(rule.severity, 'error');
      assert.equal(rule.message, 'Say how much the person drinks.');
      assert.deepEqual((rule.options as { anchor: string[] }).anchor, ['risk']);
      assert.deepEqual((rule.options as { topic: { concept: string } }).topic.concept, 'alcohol');
      assert.equal(rule.pack, 'core');
      assert.deepEqual(
        { kind: rule.origins.kind, severity: rule.origins.severity, message: rule.origins.message, anchor: rule.origins['options.anchor'], topic: rule.origins['options.topic'] },
        { kind: 'core', severity: '/packs/layer-0.yaml', message: '/packs/layer-1.yaml', anchor: '/packs/layer-1.yaml', topic: 'core' },
      );
    });

    it('turns rules off and adds new rules of any kind', () => {
      const pack = onCore(`${HEAD}terms:\n  label: [offender]\nrules:\n  drugs: off\n  label-use:\n    kind: flag-phrase\n    message: Avoid the label.\n    options: { phrases: label }\n`);
      const fired = lintSnippet('The offender said little. He drinks daily.', pack).result.messages.map((message) => message.ruleId);
      assert.ok(fired.includes('label-use'));
      assert.ok(!fired.includes('drugs'));
    });

    it('applies staged severities by date, with configuration overrides last', () => {
      const pack = onCore(`${HEAD}rules:\n  alcohol:\n    severity: off\n    from:\n      - { date: "2027-01-04", severity: warning }\n      - { date: "2026-10-01", severity: info }\n`);
      const rule = pack.rules.find((candidate) => candidate.id === 'alcohol')!;
      assert.deepEqual(rule.stages.map((stage) => stage.date), ['2026-10-01', '2027-01-04']);
      const on = (day: string) => effectiveSeverity(rule, { today: new Date(`${day}T12:00:00Z`) });
      assert.deepEqual([on('2026-09-30'), on('2026-10-01'), on('2027-01-03'), on('2027-01-04')], ['off', 'info', 'info', 'warning']);
      assert.equal(effectiveSeverity(rule, { today: new Date('2027-02-01'), severities: { alcohol: 'hint' } }), 'hint');
      const draft = '## Offender assessment\n\nHe lives alone.';
      const severity = (day: string) => lintSnippet(draft, pack, 'markdown', { today: new Date(day) }).result.messages.find((m) => m.ruleId === 'alcohol')?.severity;
      assert.deepEqual([severity('2026-09-01'), severity('2026-11-01'), severity('2027-03-01')], [undefined, 'info', 'warning']);
    });
  });

  describe('rules --explain', () => {
    let folder: TempFolder;
    beforeEach(() => (folder = new TempFolder()));
    afterEach(() => folder.remove());

    it('prints the resolved rule with the file each field and option came from, and today’s severity', () => {
      folder.write({
        'team.yaml': `${HEAD}extends: core\nrules:\n  alcohol:\n    severity: info\n    options: { anchor: [risk] }\n    from: [{ date: "2027-01-04", severity: error }]\n`,
        '.assessment-lint.yaml': 'packs: [./team.yaml]\n',
      });
      const resolved = new Linter({ configFile: folder.path('.assessment-lint.yaml') }).configFor(undefined);
      const text = explainRule(resolved, 'alcohol', new Date('2026-12-01'));
      assert.match(text, /^Rule alcohol: require-topic/);
      assert.match(text, /Severity today: info \(by the pack\)/);
      assert.match(text, /^kind: require-topic # from core \(built in\)$/m);
      assert.match(text, /^severity: info # from .*team\.yaml$/m);
      assert.match(text, /^ {2}topic: \{ concept: alcohol, about: person, labels: filled \} # from core \(built in\)$/m);
      assert.match(text, /^ {2}anchor: \[ risk \] # from .*team\.yaml$/m);
      assert.match(explainRule(resolved, 'alcohol', new Date('2027-02-01')), /Severity today: error \(by its from: dates\)/);
      assert.throws(() => explainRule(resolved, 'alcohool'), /'alcohool' is not a rule in the active packs/);
    });
  });
});
