import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { corePack, REPO_ROOT, runCli, TempFolder, type CliRun } from './helpers.js';

/** The official SARIF 2.1.0 JSON schema (draft-04), compiled once. */
const validateSarif = (() => {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, logger: false });
  addFormats(ajv);
  return ajv.compile(sarifSchema);
})();

const TEAM_PACK = `name: team
version: 1.0.0
terms:
  alcohol: [alcohol, drink, drinking]
  uncritical: [out of character]
rules:
  alcohol:
    kind: require-topic
    message: Alcohol use is not assessed.
    docs: https://example.org/rules/alcohol
    options:
      topic: { concept: alcohol }
  uncritical-language:
    kind: flag-phrase
    severity: info
    message: This wording accepts the person's framing & tone <unchecked>.
    options: { phrases: uncritical }
`;

/** A workspace using only the team pack, so the expected findings are few and known. */
function workspace(extra: Record<string, string | Uint8Array> = {}): TempFolder {
  return new TempFolder({
    '.assessment-lint.yaml': 'packs: [./team.yaml]\n',
    'team.yaml': TEAM_PACK,
    'drafts/clean.md': '## Offender assessment\n\nHe drinks two pints at weekends.\n',
    'drafts/weak.md': '## Offence analysis\n\nIt was out of character.\n',
    ...extra,
  });
}

interface JsonReport {
  filePath: string;
  skipped?: string;
  messages: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }>;
}

function json(run: CliRun): JsonReport[] {
  assert.equal(run.stderr.includes('configuration problem'), false, run.stderr);
  return JSON.parse(run.stdout) as JsonReport[];
}

/** `file line:column ruleId severity` for each message of a JSON report. */
function findings(reports: JsonReport[]): string[] {
  return reports.flatMap((report) => report.messages.map((message) => `${report.filePath} ${message.line}:${message.column} ${message.ruleId} ${message.severity}`));
}

interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; version: string; rules: Array<{ id: string; shortDescription: { text: string }; helpUri?: string }> } };
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
    }>;
  }>;
}

describe('command line', function () {
  this.timeout(60_000);

  describe('check examples --format sarif (from the repository root)', () => {
    let run: CliRun;
    let log: SarifLog;
    before(async () => {
      run = await runCli(['check', 'examples', '--format', 'sarif'], REPO_ROOT);
      log = JSON.parse(run.stdout) as SarifLog;
    });

    it('exits 0 (the built-in pack only warns) and writes valid SARIF 2.1.0 by the official schema', () => {
      assert.equal(run.code, 0, run.stderr);
      const valid = validateSarif(log);
      assert.ok(valid, JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs.length, 1);
    });

    it('describes the rules that ran: id, short description and help URI', () => {
      const { driver } = log.runs[0].tool;
      assert.equal(driver.name, 'assessment-lint');
      assert.match(driver.version, /^\d+\.\d+\.\d+/);
      assert.ok(driver.rules.length >= 10);
      const builtIn = new Set(corePack().rules.map((rule) => rule.id));
      for (const rule of driver.rules) {
        assert.ok(rule.shortDescription.text.length > 0, `${rule.id} has no short description`);
        if (builtIn.has(rule.id)) assert.match(rule.helpUri ?? '', /^file:.*\/docs\/rules\/[a-z-]+\.md$/, `${rule.id} has no help URI`);
      }
      for (const id of builtIn) assert.ok(driver.rules.some((rule) => rule.id === id), `${id} is not described`);
      assert.equal(new Set(driver.rules.map((rule) => rule.id)).size, driver.rules.length);
    });

    it('gives each result a rule, a level, a message and a relative location with 1-based region', () => {
      const { results, tool } = log.runs[0];
      assert.ok(results.length > 0);
      const artifacts = new Set(results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri));
      for (const example of ['examples/standard-report-strong.md', 'examples/short-format-weak.md', 'examples/oral-report-record.txt']) {
        if (example !== 'examples/standard-report-strong.md') assert.ok(artifacts.has(example), `no result for ${example}`);
      }
      for (const result of results) {
        assert.ok(['error', 'warning', 'note'].includes(result.level));
        assert.ok(result.message.text.length > 0);
        if (result.ruleIndex !== undefined) assert.equal(tool.driver.rules[result.ruleIndex].id, result.ruleId);
        assert.equal(result.locations.length, 1);
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.match(artifactLocation.uri, /^examples\/[^:]+\.(md|txt)$/, 'the artifact URI is relative to the working folder');
        assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
        if (region.endLine === region.startLine) assert.ok(region.endColumn >= region.startColumn);
        const lines = readFileSync(path.join(REPO_ROOT, artifactLocation.uri), 'utf8').split(/\r?\n/);
        assert.ok(region.startLine <= lines.length && region.startColumn <= lines[region.startLine - 1].length + 1, 'the region lies inside the file');
      }
    });

    it('agrees with the JSON output', async () => {
      const reports = json(await runCli(['check', 'examples', '--format', 'json'], REPO_ROOT));
      const fromJson = findings(reports).map((line) => line.replace(/ (warning|error|info|hint)$/, '')).sort();
      const fromSarif = log.runs[0].results
        .map((result) => {
          const { artifactLocation, region } = result.locations[0].physicalLocation;
          return `${artifactLocation.uri} ${region.startLine}:${region.startColumn} ${result.ruleId}`;
        })
        .sort();
      assert.deepEqual(fromSarif, fromJson);
    });
  });

  describe('output formats', () => {
    let folder: TempFolder;
    beforeEach(() => {
      folder = workspace();
    });
    afterEach(() => folder.remove());

    it('json: one entry per draft, with 1-based positions', async () => {
      const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      const reports = json(run);
      assert.deepEqual(reports.map((report) => report.filePath), ['drafts/clean.md', 'drafts/weak.md']);
      assert.deepEqual(reports[0].messages, []);
      assert.deepEqual(reports[1].messages, [
        { ruleId: 'alcohol', severity: 'warning', message: 'Alcohol use is not assessed.', line: 1, column: 1, endLine: 1, endColumn: 20 },
        { ruleId: 'uncritical-language', severity: 'info', message: "This wording accepts the person's framing & tone <unchecked>.", line: 3, column: 8, endLine: 3, endColumn: 24 },
      ]);
    });

    it('json: columns count UTF-16 code units on CRLF lines with emoji', async () => {
      folder.write({ 'drafts/weak.md': '## Offence analysis\r\n\r\nZoë 🙂 said it was out of character.\r\n' });
      const [, weak] = json(await runCli(['check', 'drafts', '--format', 'json'], folder.root));
      const phrase = weak.messages.find((message) => message.ruleId === 'uncritical-language');
      assert.deepEqual(phrase && [phrase.line, phrase.column, phrase.endLine, phrase.endColumn], [3, 20, 3, 36]);
    });

    it('stylish: findings grouped by file, then a summary', async () => {
      const run = await runCli(['check', 'drafts'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      const lines = run.stdout.split('\n');
      assert.ok(!run.stdout.includes('drafts/clean.md'), 'a clean draft is not listed');
      const at = lines.indexOf('drafts/weak.md');
      assert.ok(at >= 0, run.stdout);
      assert.match(lines[at + 1], /^\s+1:1\s+warning\s+Alcohol use is not assessed\.\s+alcohol$/);
      assert.match(lines[at + 2], /^\s+3:8\s+info\s+"out of character": This wording .*\s+uncritical-language$/);
      assert.match(run.stdout, /2 problems \(0 errors, 1 warning, 1 information\) in 2 drafts\./);
      assert.ok(!run.stdout.includes('\u001b['), 'no colour codes when NO_COLOR is set and output is not a terminal');
    });

    it('junit: a suite per draft and a failing case per finding, with XML escaped', async () => {
      const run = await runCli(['check', 'drafts', '--format', 'junit'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="assessment-lint" tests="3" failures="2">/);
      assert.equal((run.stdout.match(/<testsuite /g) ?? []).length, 2);
      assert.match(run.stdout, /<testsuite name="drafts\/weak\.md" tests="2" failures="2">/);
      assert.match(run.stdout, /<testcase classname="drafts\/clean\.md" name="no problems"\/>/);
      assert.match(run.stdout, /<failure type="info" message="This wording accepts the person's framing &amp; tone &lt;unchecked&gt;\.">/);
      assert.ok(!/tone <unchecked>/.test(run.stdout), 'markup in messages is escaped');
      assert.equal((run.stdout.match(/<testcase /g) ?? []).length, (run.stdout.match(/<\/testcase>|<testcase [^>]*\/>/g) ?? []).length, 'every test case is closed');
    });

    it('github: one workflow command per finding', async () => {
      const run = await runCli(['check', 'drafts', '--format', 'github'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(run.stdout.trimEnd().split('\n'), [
        '::warning file=drafts/weak.md,line=1,col=1,endLine=1,endColumn=20,title=alcohol::Alcohol use is not assessed.',
        "::notice file=drafts/weak.md,line=3,col=8,endLine=3,endColumn=24,title=uncritical-language::This wording accepts the person's framing & tone <unchecked>.",
      ]);
    });

    it('sarif: valid for a temporary workspace too, with the team rule’s help URI', async () => {
      const run = await runCli(['check', 'drafts', '--format', 'sarif'], folder.root);
      const log = JSON.parse(run.stdout) as SarifLog;
      assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5), null, 2));
      const rules = log.runs[0].tool.driver.rules;
      assert.equal(rules.find((rule) => rule.id === 'alcohol')?.helpUri, 'https://example.org/rules/alcohol');
      assert.deepEqual(
        log.runs[0].results.map((result) => [result.ruleId, result.level, result.locations[0].physicalLocation.artifactLocation.uri]),
        [
          ['alcohol', 'warning', 'drafts/weak.md'],
          ['uncritical-language', 'note', 'drafts/weak.md'],
        ],
      );
    });

    it('--output writes the report to a file instead of standard output', async () => {
      const run = await runCli(['check', 'drafts', '--format', 'json', '--output', 'report.json'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      const reports = JSON.parse(readFileSync(folder.path('report.json'), 'utf8')) as JsonReport[];
      assert.equal(reports.length, 2);
    });
  });

  describe('exit codes and options', () => {
    let folder: TempFolder;
    afterEach(() => folder?.remove());

    it('0 when only warnings and information are found', async () => {
      folder = workspace();
      assert.equal((await runCli(['check', 'drafts'], folder.root)).code, 0);
    });

    it('1 when an error-severity finding exists (configuration severities)', async () => {
      folder = workspace({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohol: error\n' });
      const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      assert.equal(run.code, 1);
      assert.deepEqual(findings(json(run)), ['drafts/weak.md 1:1 alcohol error', 'drafts/weak.md 3:8 uncritical-language info']);
    });

    it('0 when the configuration switches the failing rule off', async () => {
      folder = workspace({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohol: off\n  uncritical-language: hint\n' });
      const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      assert.equal(run.code, 0);
      assert.deepEqual(findings(json(run)), ['drafts/weak.md 3:8 uncritical-language hint']);
    });

    it('applies per-glob overrides after the configuration’s rules', async () => {
      folder = workspace({
        '.assessment-lint.yaml': ['packs: [./team.yaml]', 'rules:', '  alcohol: error', 'overrides:', '  - files: "oral/*.txt"', '    rules:', '      alcohol: off', '  - files: ["*.md"]', '    rules:', '      uncritical-language: warning', ''].join('\n'),
        'oral/record.txt': 'OFFENCE\nIt was out of character.\n',
      });
      const run = await runCli(['check', '.', '--format', 'json'], folder.root);
      assert.deepEqual(findings(json(run)), [
        'drafts/weak.md 1:1 alcohol error',
        'drafts/weak.md 3:8 uncritical-language warning',
        'oral/record.txt 2:8 uncritical-language info',
      ]);
      assert.equal(run.code, 1);
    });

    it('--max-warnings: 1 when warnings exceed it, 0 when they do not', async () => {
      folder = workspace();
      const over = await runCli(['check', 'drafts', '--max-warnings', '0'], folder.root);
      assert.equal(over.code, 1);
      assert.match(over.stderr, /1 warnings?, more than --max-warnings 0/);
      assert.equal((await runCli(['check', 'drafts', '--max-warnings', '1'], folder.root)).code, 0);
    });

    it('--quiet reports errors only', async () => {
      folder = workspace({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohol: error\n' });
      const run = await runCli(['check', 'drafts', '--quiet', '--format', 'json'], folder.root);
      assert.equal(run.code, 1);
      assert.deepEqual(findings(json(run)), ['drafts/weak.md 1:1 alcohol error']);
    });

    it('--config uses a configuration from elsewhere instead of the nearest one', async () => {
      folder = workspace({ 'elsewhere/strict.yaml': 'packs: [../team.yaml]\nrules:\n  uncritical-language: error\n' });
      const run = await runCli(['check', 'drafts', '--config', 'elsewhere/strict.yaml', '--format', 'json'], folder.root);
      assert.equal(run.code, 1);
      assert.deepEqual(findings(json(run)), ['drafts/weak.md 1:1 alcohol warning', 'drafts/weak.md 3:8 uncritical-language error']);
    });

    it('--pack adds a pack to the configuration’s (repeatable)', async () => {
      folder = workspace({
        'extra-one.yaml': 'name: extra-one\nversion: 1.0.0\nterms:\n  remorse: [genuinely remorseful]\nrules:\n  remorse:\n    kind: flag-phrase\n    severity: error\n    message: Remorse is asserted.\n    options: { phrases: remorse }\n',
        'extra-two.yaml': 'name: extra-two\nversion: 1.0.0\nrules:\n  alcohol: off\n',
        'drafts/weak.md': '## Offence analysis\n\nHe is genuinely remorseful.\n',
      });
      const run = await runCli(['check', 'drafts', '--pack', 'extra-one.yaml', '--pack', 'extra-two.yaml', '--format', 'json'], folder.root);
      assert.equal(run.code, 1);
      assert.deepEqual(findings(json(run)), ['drafts/weak.md 3:7 remorse error']);
    });

    it('--pack takes an npm package name installed in the workspace', async () => {
      folder = workspace({
        'node_modules/@unit/extra/package.json': JSON.stringify({ name: '@unit/extra', version: '1.4.0' }),
        'node_modules/@unit/extra/pack.yaml': 'name: "@unit/extra"\nversion: 1.4.0\nrules:\n  alcohol: off\n  uncritical-language: error\n',
      });
      const run = await runCli(['check', 'drafts', '--pack', '@unit/extra@^1.2.0', '--format', 'json'], folder.root);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(findings(json(run)), ['drafts/weak.md 3:8 uncritical-language error']);
      const missing = await runCli(['check', 'drafts', '--pack', '@unit/missing'], folder.root);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /pack '@unit\/missing' was not found: install it with npm/);
    });

    it('uses the built-in pack when there is no configuration', async () => {
      folder = new TempFolder({ 'draft.md': '## Offence analysis\n\nHe said he was provoked.\n' });
      const run = await runCli(['check', 'draft.md', '--format', 'json'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      const rules = json(run)[0].messages.map((message) => message.ruleId);
      assert.ok(rules.includes('sole-account') && rules.includes('alcohol'), rules.join(', '));
    });

    it('skips binary and invalid UTF-8 files with a message, and still lints the rest', async () => {
      folder = workspace({
        'drafts/scan.md': Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]),
        'drafts/latin1.txt': Uint8Array.from([0x4f, 0x6c, 0xe9, 0x20, 0x64, 0x72, 0x69, 0x6e, 0x6b, 0x0a]),
      });
      const stylish = await runCli(['check', 'drafts'], folder.root);
      assert.equal(stylish.code, 0);
      assert.match(stylish.stdout, /drafts\/scan\.md looks like a binary file/);
      assert.match(stylish.stdout, /drafts\/latin1\.txt is not valid UTF-8/);
      assert.match(stylish.stdout, /drafts\/weak\.md\n\s+1:1\s+warning/);
      assert.match(stylish.stdout, /in 2 drafts; 2 files skipped\./);
      const run = await runCli(['check', 'drafts', '--format', 'json'], folder.root);
      assert.match(run.stderr, /skipped drafts\/latin1\.txt: it is not valid UTF-8/);
      assert.match(run.stderr, /skipped drafts\/scan\.md: it looks like a binary file/);
      const reports = json(run);
      assert.deepEqual(reports.map((report) => [report.filePath, report.skipped !== undefined]), [
        ['drafts/clean.md', false],
        ['drafts/latin1.txt', true],
        ['drafts/scan.md', true],
        ['drafts/weak.md', false],
      ]);
      assert.equal(reports[3].messages.length, 2);
    });

    it('walks folders for .md, .markdown and .txt only, and takes globs', async () => {
      folder = workspace({ 'drafts/notes.markdown': 'It was out of character.\n', 'drafts/data.csv': 'out of character\n', 'drafts/old/report.txt': 'He drinks.\n' });
      const walked = json(await runCli(['check', 'drafts', '--format', 'json'], folder.root)).map((report) => report.filePath);
      assert.deepEqual(walked, ['drafts/clean.md', 'drafts/notes.markdown', 'drafts/old/report.txt', 'drafts/weak.md']);
      const globbed = json(await runCli(['check', 'drafts/**/*.txt', '--format', 'json'], folder.root)).map((report) => report.filePath);
      assert.deepEqual(globbed, ['drafts/old/report.txt']);
    });

    describe('2 for usage, configuration and pack problems, naming file:line:column', () => {
      it('a pack with a YAML syntax error', async () => {
        folder = workspace({ 'team.yaml': 'name: team\nversion: 1.0.0\nrules:\n  alcohol:\n    kind: require-topic\n   message: badly indented\n' });
        const run = await runCli(['check', 'drafts'], folder.root);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.match(run.stderr, new RegExp(`${escape(folder.path('team.yaml'))}:6:1: \`message: badly indented\` is not lined up with the keys above it`));
      });

      it('a pack with an unknown kind', async () => {
        folder = workspace({ 'team.yaml': TEAM_PACK.replace('kind: flag-phrase', 'kind: flag-phrases') });
        const run = await runCli(['check', 'drafts', '--format', 'sarif'], folder.root);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '', 'no report is written');
        assert.match(run.stderr, new RegExp(`${escape(folder.path('team.yaml'))}:14:11: unknown kind 'flag-phrases'; use one of .* \\[uncritical-language\\]`));
      });

      it('a pack given with --pack that has problems', async () => {
        folder = workspace({ 'broken.yaml': 'name: broken\nversion: 1.0.0\nrules:\n  a:\n    kind: nope\n    message: m\n' });
        const run = await runCli(['check', 'drafts', '--pack', 'broken.yaml'], folder.root);
        assert.equal(run.code, 2);
        assert.match(run.stderr, new RegExp(`${escape(folder.path('broken.yaml'))}:5:11: unknown kind 'nope'`));
      });

      it('a configuration naming a rule that does not exist, or a missing pack', async () => {
        folder = workspace({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohl: error\n' });
        const unknownRule = await runCli(['check', 'drafts'], folder.root);
        assert.equal(unknownRule.code, 2);
        assert.match(unknownRule.stderr, new RegExp(`${escape(folder.path('.assessment-lint.yaml'))}:3:3: 'alcohl' is not a rule`));
        folder.write({ '.assessment-lint.yaml': 'packs:\n  - ./team.yaml\n  - ./missing.yaml\n' });
        const missing = await runCli(['check', 'drafts'], folder.root);
        assert.equal(missing.code, 2);
        assert.match(missing.stderr, new RegExp(`${escape(folder.path('.assessment-lint.yaml'))}:3:5: pack '\\./missing\\.yaml' was not found`));
      });

      it('usage mistakes', async () => {
        folder = workspace();
        const cases: Array<[string[], RegExp]> = [
          [['check', 'drafts', '--format', 'xml'], /unknown format 'xml'/],
          [['check', 'drafts', '--max-warnings', 'many'], /--max-warnings takes a whole number/],
          [['check', 'drafts', '--max-warnings=-1'], /--max-warnings takes a whole number/],
          [['check', 'drafts', '--max-warnings', '-1'], /--max-warnings/],
          [['check', 'drafts', '--colour'], /--help/],
          [['lint', 'drafts'], /unknown command 'lint'/],
          [['check', 'no-such-folder'], /no drafts found in 'no-such-folder'/],
          [[], /Usage:/],
        ];
        for (const [args, pattern] of cases) {
          const run = await runCli(args, folder.root);
          assert.equal(run.code, 2, `${args.join(' ')} exited ${run.code}`);
          assert.match(run.stderr + run.stdout, pattern, args.join(' '));
        }
      });
    });

    it('--version and --help exit 0', async () => {
      folder = workspace();
      const version = await runCli(['--version'], folder.root);
      assert.equal(version.code, 0);
      const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
      assert.equal(version.stdout.trim(), manifest.version);
      const help = await runCli(['--help'], folder.root);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /assessment-lint check/);
    });

    it('rules lists the active rules with kind and severity', async () => {
      folder = workspace({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules:\n  alcohol: error\n' });
      const run = await runCli(['rules'], folder.root);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^alcohol\s+require-topic\s+error\s+Alcohol use is not assessed\.$/m);
      assert.match(run.stdout, /^uncritical-language\s+flag-phrase\s+info\s+/m);
    });
  });
});

/** Escapes a path for use inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
