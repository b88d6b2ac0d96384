import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INIT_FILES } from '../cli/init-command.js';
import { REPO_ROOT, runCli, TempFolder } from './helpers.js';

const BROKEN = `name: team
version: 1.0.0
extends: core
terms:
  label: [=offender]
rules:
  person-first:
    kind: flag-phrase
    message: Use person-first language.
    options: { phrases: label, replacements: [person on probation] }
    examples:
      warn:
        - "The offender lives alone."
        - "The person on probation lives alone."
      pass:
        - "His offending began at 15."
        - "Both offender and victim were drunk."
`;

describe('packs: command line', function () {
  this.timeout(20_000);
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder()));
  afterEach(() => folder.remove());

  describe('pack test', () => {
    it('passes the example team pack and the built-in pack', async () => {
      const team = await runCli(['pack', 'test', 'examples/team-pack'], REPO_ROOT);
      assert.equal(team.code, 0, team.stdout + team.stderr);
      assert.match(team.stdout, /examples \(core@1\.0\.0, @kent-pdu\/assessment-pack@2\.1\.0\): all passed/);
      const core = await runCli(['pack', 'test', 'core'], REPO_ROOT);
      assert.equal(core.code, 0, core.stdout);
      assert.doesNotMatch(team.stdout + core.stdout, /gave up early/, 'ordinary terms never reach the matching limit');
    });

    it('warns when terms branch so much that matching gives up early on the examples', async () => {
      const gappy = Array.from({ length: 5 }, () => 'a*|aa*|aaa*|aaaa*').join(' {0,6} ');
      const sentence = Array.from({ length: 40 }, () => 'aaaa').join(' ');
      folder.write({
        'gappy.yaml': `name: gappy\nversion: 1.0.0\nterms:\n  pattern: ['${gappy}']\nrules:\n  pattern:\n    kind: flag-phrase\n    message: Pattern.\n    options: { phrases: pattern }\n    examples:\n      warn: ['${sentence}.']\n`,
      });
      const run = await runCli(['pack', 'test', 'gappy.yaml'], folder.root);
      assert.equal(run.code, 0, run.stdout);
      assert.match(run.stdout, /warning: on the examples, matching gave up early \d+ times? because some terms combine gaps, prefixes and alternatives/);
    });

    it('exits 1 and reports each failing example with its place, rule id and snippet', async () => {
      folder.write({ 'team.yaml': BROKEN });
      const run = await runCli(['pack', 'test', 'team.yaml'], folder.root);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stdout, /^team\.yaml:14:11: person-first: warn example 2 did not make the rule fire\n {4}"The person on probation lives alone\."$/m);
      assert.match(run.stdout, /^team\.yaml:17:11: person-first: pass example 2 made the rule fire \(1 message\)\n {4}"Both offender and victim were drunk\."$/m);
      assert.match(run.stdout, /: 2 failed$/m);
      assert.doesNotMatch(run.stdout, /example 1/);
    });

    it('tests the configuration’s packs when no file is given', async () => {
      folder.write({ 'team.yaml': BROKEN, '.assessment-lint.yaml': 'packs: [./team.yaml]\n' });
      const run = await runCli(['pack', 'test'], folder.root);
      assert.equal(run.code, 1);
      assert.match(run.stdout, /person-first: warn example 2/);
    });
  });

  describe('pack validate', () => {
    it('prints every problem as file:line:column and exits 2', async () => {
      folder.write({ 'team/pack.yaml': 'name: team\nversion: 1.0\nextends: core\nterms:\n  drink: ["drink.*"]\nrules:\n  alcohol:\n    severity: fatal\n    docs: ../../notes.md\n' });
      const run = await runCli(['pack', 'validate', 'team/pack.yaml'], folder.root);
      assert.equal(run.code, 2);
      const lines = run.stdout.trim().split('\n');
      assert.match(lines[lines.length - 1], /^\d+ problems$/);
      for (const [line, column, pattern] of [[2, 10, /version/], [5, 11, /regular expression/], [8, 15, /severity/], [9, 11, /leaves the pack's own folder/]] as const) {
        assert.ok(lines.some((text) => text.startsWith(`team/pack.yaml:${line}:${column}: `) && pattern.test(text)), `no problem at ${line}:${column}:\n${run.stdout}`);
      }
    });

    it('exits 0 for a valid pack and a valid configuration', async () => {
      const pack = await runCli(['pack', 'validate', 'examples/team-pack/pack.yaml'], REPO_ROOT);
      assert.equal(pack.code, 0, pack.stdout);
      assert.match(pack.stdout, /valid pack @kent-pdu\/assessment-pack@2\.1\.0 \(18 rules\)/);
      const config = await runCli(['pack', 'validate', 'examples/team-pack/.assessment-lint.yaml'], REPO_ROOT);
      assert.equal(config.code, 0, config.stdout);
      assert.match(config.stdout, /valid configuration/);
    });
  });

  describe('init', () => {
    it('writes a starter configuration and team pack that validate and pass pack test, and lints with them', async () => {
      const run = await runCli(['init'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^wrote \.assessment-lint\.yaml\nwrote assessment-pack\/pack\.yaml\n/);
      for (const [name, text] of INIT_FILES) assert.equal(readFileSync(folder.path(name), 'utf8'), text);
      const pack = readFileSync(folder.path('assessment-pack/pack.yaml'), 'utf8');
      for (const kind of ['require-topic', 'require-if', 'corroborate', 'flag-phrase', 'require-section', 'max-length', 'forbid-in-section']) assert.match(pack, new RegExp(`# ${kind}: .+\\n(?: {2}.*\\n)?  [a-z-]+:\\n {4}kind: ${kind}\\n`), `no commented ${kind} rule`);
      assert.equal((await runCli(['pack', 'validate', 'assessment-pack'], folder.root)).code, 0);
      assert.equal((await runCli(['pack', 'test'], folder.root)).code, 0);
      folder.write({ 'drafts/report.md': '## Offence analysis\n\nThe offender stole a bike.\n' });
      const check = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      assert.equal(check.code, 0, check.stderr);
      assert.ok(!JSON.parse(check.stdout)[0].messages.some((message: { ruleId: string }) => message.ruleId === 'person-first-language'), 'starter rules are off');
    });

    it('refuses to overwrite, writing nothing', async () => {
      folder.write({ 'assessment-pack/pack.yaml': 'name: mine\nversion: 1.0.0\n' });
      const run = await runCli(['init'], folder.root);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /assessment-pack\/pack\.yaml already exists; init writes nothing over existing files/);
      assert.equal(existsSync(folder.path('.assessment-lint.yaml')), false);
      assert.equal(readFileSync(folder.path('assessment-pack/pack.yaml'), 'utf8'), 'name: mine\nversion: 1.0.0\n');
    });
  });

  it('rules --explain prints the resolved rule and where each field came from', async () => {
    const run = await runCli(['rules', '--explain', 'person-first-language'], path.join(REPO_ROOT, 'examples', 'team-pack'));
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Rule person-first-language: flag-phrase/);
    assert.match(run.stdout, /^severity: warning # from pack\.yaml$/m);
    assert.match(run.stdout, /^ {2}replacements: \[ person on probation, the person \] # from pack\.yaml$/m);
    const safeguarding = await runCli(['rules', '--explain', 'safeguarding-enquiry'], path.join(REPO_ROOT, 'examples', 'team-pack'));
    assert.match(safeguarding.stdout, /^severity: error # from pack\.yaml$/m);
    assert.match(safeguarding.stdout, /^message: .* # from core \(built in\)$/m);
    const unknown = await runCli(['rules', '--explain', 'nope'], REPO_ROOT);
    assert.equal(unknown.code, 2);
  });

  it('pack lock writes the lock, and check warns on stderr, naming the pack, when it no longer matches', async () => {
    folder.write({ 'team.yaml': 'name: team\nversion: 1.0.0\nextends: core\n', '.assessment-lint.yaml': 'packs: [./team.yaml]\n', 'drafts/report.md': 'He lives alone.\n' });
    const lock = await runCli(['pack', 'lock'], folder.root);
    assert.equal(lock.code, 0, lock.stderr);
    assert.equal(lock.stdout, 'wrote .assessment-lint.lock: core@1.0.0, team@1.0.0\n');
    const clean = await runCli(['check', 'drafts'], folder.root);
    assert.doesNotMatch(clean.stderr, /warning/);
    folder.write({ 'team.yaml': 'name: team\nversion: 1.1.0\nextends: core\nrules:\n  alcohol: off\n' });
    const changed = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
    assert.equal(changed.code, 0);
    assert.match(changed.stderr, /^assessment-lint: warning: pack 'team' no longer matches \.assessment-lint\.lock \(version 1\.0\.0 → 1\.1\.0; team\.yaml changed\)/m);
    assert.ok(!JSON.parse(changed.stdout)[0].messages.some((message: { ruleId: string }) => message.ruleId === 'alcohol'), 'lints with the pack as it is now');
  });
});
