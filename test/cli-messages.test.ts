import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { CLI, runCli, TempFolder } from './helpers.js';

const TEAM = `name: team
version: 1.0.0
terms:
  alcohol: [alcohol, drink, drinking]
  uncritical: [out of character]
  label: [offender]
rules:
  alcohol:
    kind: require-topic
    severity: error
    message: Alcohol use is not assessed.
    docs: https://example.org/rules/alcohol
    options:
      topic: { concept: alcohol }
  uncritical-language:
    kind: flag-phrase
    severity: warning
    message: This wording accepts the person's framing.
    docs: https://example.org/rules/uncritical-language
    options: { phrases: uncritical }
  person-first:
    kind: flag-phrase
    severity: warning
    message: Use person-first language.
    options: { phrases: label }
`;

describe('command line: messages that help', function () {
  this.timeout(20_000);
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder({ 'team.yaml': TEAM, '.assessment-lint.yaml': 'packs: [./team.yaml]\n' })));
  afterEach(() => folder.remove());

  describe('YAML syntax, one message per mistake in plain words', () => {
    it('names a rule defined twice and both its lines', async () => {
      folder.write({ 'team.yaml': `${TEAM}  alcohol:\n    severity: warning\n` });
      const run = await runCli(['pack', 'validate', 'team.yaml'], folder.root);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, 'team.yaml:26:3: rule `alcohol` is defined twice: lines 8 and 26; keep one, with the fields of both\n1 problem\n');
    });

    it('names a field given twice in a configuration, and lints nothing', async () => {
      folder.write({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohol: off\n  alcohol: error\n', 'drafts/a.md': 'Text.\n' });
      const run = await runCli(['check', 'drafts'], folder.root);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /\.assessment-lint\.yaml:4:3: rule `alcohol` is defined twice: lines 3 and 4; keep one/);
      assert.equal(run.stderr.trim().split('\n').length, 2, 'a heading line and one message');
    });

    it('says to put an unquoted @scope/name in quotes, keeping line and column', async () => {
      folder.write({ '.assessment-lint.yaml': 'packs:\n  - core\n  - @kent-pdu/assessment-pack\n' });
      const run = await runCli(['pack', 'validate', '.assessment-lint.yaml'], folder.root);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '.assessment-lint.yaml:3:5: @kent-pdu/assessment-pack starts with @, which YAML keeps for itself: put it in quotes ("@kent-pdu/assessment-pack")\n1 problem\n');
      folder.write({ 'other.yaml': 'name: other\nversion: 1.0.0\nextends: [core, @kent-pdu/assessment-pack]\n' });
      const pack = await runCli(['pack', 'validate', 'other.yaml'], folder.root);
      assert.match(pack.stdout, /^other\.yaml:3:17: @kent-pdu\/assessment-pack starts with @.*put it in quotes/m);
    });

    it('points at the quote that is never closed, once', async () => {
      folder.write({ 'team.yaml': TEAM.replace('message: Use person-first language.', 'message: "Use person-first language.') });
      const run = await runCli(['pack', 'validate', 'team.yaml'], folder.root);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, 'team.yaml:24:14: the " opened here is never closed; add the closing " at the end of the value (and write a " inside it as \\")\n1 problem\n');
    });
  });

  it('pack validate warns of a term that can make matching give up early, naming the concept, the term and its line', async () => {
    const gappy = Array.from({ length: 5 }, () => 'a*|aa*|aaa*|aaaa*').join(' {0,6} ');
    folder.write({ 'gappy.yaml': `name: gappy\nversion: 1.0.0\nterms:\n  plain: ['drink {0,3} driv*', 'a* {0,6} b* {0,6} c*']\n  pattern:\n    - out of character\n    - '${gappy}'\nrules:\n  pattern:\n    kind: flag-phrase\n    message: Pattern.\n    options: { phrases: pattern }\n` });
    const run = await runCli(['pack', 'validate', 'gappy.yaml'], folder.root);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual(run.stdout.split('\n').filter((line) => line.startsWith('warning:')), [
      `warning: gappy.yaml:7:7: term '${gappy}' in concept 'pattern' combines gaps, prefixes and alternatives in so many ways that matching can give up early on some sentences, and miss matches there; split it into simpler terms`,
    ]);
    assert.match(run.stdout, /^gappy\.yaml: valid pack gappy@1\.0\.0 \(1 rule\)$/m);
    for (const pack of ['core', 'team.yaml']) {
      const ordinary = await runCli(['pack', 'validate', pack], folder.root);
      assert.doesNotMatch(ordinary.stdout, /warning/, `${pack}: ordinary terms never warn`);
    }
  });

  describe('did you mean', () => {
    it('suggests the rule id meant in rules: and overrides', async () => {
      folder.write({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohl: off\noverrides:\n  - files: "*.md"\n    rules: { person-frist: off, zzzz: off }\n' });
      const run = await runCli(['pack', 'validate', '.assessment-lint.yaml'], folder.root);
      assert.equal(run.code, 2);
      assert.match(run.stdout, /^\.assessment-lint\.yaml:3:3: 'alcohl' is not a rule in the active packs; .* Did you mean 'alcohol'\? \[alcohl\]$/m);
      assert.match(run.stdout, /^\.assessment-lint\.yaml:6:14: 'person-frist' is not a rule .* Did you mean 'person-first'\? \[person-frist\]$/m);
      assert.match(run.stdout, /'zzzz' is not a rule in the active packs; run 'assessment-lint rules' to list rule ids\. \[zzzz\]$/m, 'nothing is suggested when no id is close');
    });

    it('suggests the kind and the field meant', async () => {
      folder.write({ 'team.yaml': TEAM.replace('kind: require-topic', 'kind: require-topik').replace('    docs: https://example.org/rules/uncritical-language', '    dosc: https://example.org/rules/uncritical-language') });
      const fields = await runCli(['pack', 'validate', 'team.yaml'], folder.root);
      assert.equal(fields.code, 2);
      assert.match(fields.stdout, /^team\.yaml:19:5: 'dosc' is not a field here; check its spelling or indentation \(in rules\.uncritical-language\)\. Did you mean 'docs'\?/m);
      folder.write({ 'team.yaml': TEAM.replace('kind: require-topic', 'kind: require-topik') });
      const kinds = await runCli(['pack', 'validate', 'team.yaml'], folder.root);
      assert.match(kinds.stdout, /^team\.yaml:9:11: unknown kind 'require-topik'; use one of .*\. Did you mean 'require-topic'\? \[alcohol\]$/m);
    });

    it('says what shape a value should have, with an example', async () => {
      folder.write({ 'team.yaml': TEAM.replace('      topic: { concept: alcohol }', '      topic: { concept: alcohol }\n      anchor: assessment'), '.assessment-lint.yaml': 'packs: ./team.yaml\n' });
      const pack = await runCli(['pack', 'validate', 'team.yaml'], folder.root);
      assert.match(pack.stdout, /^team\.yaml:15:15: rules\.alcohol\.options\.anchor should be a list, e.g\. \[assessment\], not 'assessment' \[alcohol\]$/m);
      const config = await runCli(['pack', 'validate', '.assessment-lint.yaml'], folder.root);
      assert.match(config.stdout, /^\.assessment-lint\.yaml:1:8: packs should be a list, e\.g\. \[core, \.\/team-pack\], not '\.\/team\.yaml'$/m);
      assert.doesNotMatch(pack.stdout + config.stdout, /expected (array|object|integer)/);
    });
  });

  describe('terminal output', () => {
    it('quotes the flagged words, lists messages in line order, links each rule’s docs and counts in the singular for one', async () => {
      folder.write({ 'drafts/report.md': '## Offence analysis\n\nThe offender said it was out of character.\n\nHe is an offender.\n' });
      const run = await runCli(['check', 'drafts'], folder.root);
      assert.equal(run.code, 1, run.stderr);
      const lines = run.stdout.split('\n');
      const at = lines.indexOf('drafts/report.md');
      assert.deepEqual(lines.slice(at + 1, at + 5).map((line) => line.replace(/\s+/g, ' ').trim()), [
        '1:1 error Alcohol use is not assessed. alcohol',
        '3:5 warning "offender": Use person-first language. person-first',
        '3:26 warning "out of character": This wording accepts the person\'s framing. uncritical-language',
        '5:10 warning "offender": Use person-first language. person-first',
      ]);
      assert.match(run.stdout, /^Rule docs:\n {2}alcohol {14}https:\/\/example\.org\/rules\/alcohol\n {2}uncritical-language {2}https:\/\/example\.org\/rules\/uncritical-language\n$/m);
      assert.match(run.stdout, /^4 problems \(1 error, 3 warnings, 0 information\) in 1 draft\.$/m);
      folder.write({ 'drafts/report.md': '## Offence analysis\n\nHe drinks. The offender was there.\n', 'drafts/clean.md': 'He drinks.\n' });
      const one = await runCli(['check', 'drafts'], folder.root);
      assert.equal(one.code, 0);
      assert.match(one.stdout, /^1 problem \(0 errors, 1 warning, 0 information\) in 2 drafts\.$/m);
    });

    it('exits 0 without a stack trace when standard output closes early (rules --explain X | head -1)', async () => {
      const child = spawn(process.execPath, [CLI, 'rules', '--explain', 'alcohol'], { cwd: folder.root, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
      assert.equal(stderr, '');
      assert.equal(code, 0);
    });
  });
});
