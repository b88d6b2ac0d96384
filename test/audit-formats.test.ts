import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import type { AuditReport } from '../cli/audit/audit-report.js';
import { auditJsonSchema } from '../cli/audit/audit-schema.js';
import { schemaText } from '../rules/packs/json-schema.js';
import { caseload, csvRecords, parsed, teamCaseload, type CheckReport } from './audit-fixtures.js';
import { REPO_ROOT, runCli, type TempFolder } from './helpers.js';




const numberOrBlank = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

const SCHEMA_FILE = path.join(REPO_ROOT, 'schemas', 'audit.schema.json');

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

function gapsByFile(check: CheckReport[]): Map<string, Set<string>> {
  return new Map(check.filter((report) => !report.skipped).map((report) => [report.filePath, new Set(report.messages.map((message) => message.ruleId))]));
}

describe('audit --compare: changes since a previous audit', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let earlier: AuditReport;
  let later: AuditReport;
  let checkBefore: CheckReport[];
  let checkAfter: CheckReport[];

  before(async () => {
    folder = teamCaseload();
    const first = await runCli(['audit', 'team', '--out', 'before.json'], folder.root);
    assert.equal(first.code, 0, first.stderr);
    earlier = JSON.parse(readFileSync(folder.path('before.json'), 'utf8')) as AuditReport;
    checkBefore = JSON.parse((await runCli(['check', 'team', '--format', 'json'], folder.root)).stdout) as CheckReport[];
    // Between the runs: one weak draft is rewritten well, a strong one gains uncritical wording, one draft goes and one comes.
    const strong = readFileSync(path.join(REPO_ROOT, 'examples', 'standard-report-strong.md'), 'utf8');
    const okafor = readFileSync(folder.path('team/north/strong-okafor.md'), 'utf8');
    folder.write({
      'team/north/weak-riley.md': strong.replace('**Author:** Rachel Okafor, Probation Officer, Marlstone PDU', '**Author:** Tom Riley\n**Team:** North'),
      'team/north/strong-okafor.md': okafor.replace('## Offence analysis\n', '## Offence analysis\n\nHe describes the offence as out of character.\n'),
      'team/south/new.md': readFileSync(path.join(REPO_ROOT, 'examples', 'short-format-weak.md'), 'utf8'),
    });
    rmSync(folder.path('team/south/unsigned.md'));
    later = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--compare', 'before.json'], folder.root));
    checkAfter = JSON.parse((await runCli(['check', 'team', '--format', 'json'], folder.root)).stdout) as CheckReport[];
  });
  after(() => folder.remove());

  it("gives each rule's pass rate then and now, and the change in points", () => {
    const comparison = later.comparison!;
    assert.deepEqual(comparison.previous, { file: 'before.json', date: earlier.date, tool: earlier.tool, linted: earlier.totals.linted });
    const then = new Map(earlier.rules.map((rule) => [rule.id, rule.passRate]));
    assert.deepEqual(
      comparison.rules.map((rule) => rule.id),
      later.rules.map((rule) => rule.id),
    );
    for (const rule of comparison.rules) {
      assert.equal(rule.before, then.get(rule.id) ?? null, `${rule.id}: rate then`);
      assert.equal(rule.after, later.rules.find((row) => row.id === rule.id)!.passRate, `${rule.id}: rate now`);
      assert.equal(rule.change, rule.before === null || rule.after === null ? null : Math.round((rule.after - rule.before) * 10) / 10);
    }
    assert.ok(comparison.rules.some((rule) => rule.change !== null && rule.change > 0), 'rewriting a weak draft well raises pass rates');
  });

  it('lists the drafts that gained or lost gaps as check sees them, and drafts added or gone', () => {
    const then = gapsByFile(checkBefore);
    const now = gapsByFile(checkAfter);
    const expected = [...now]
      .filter(([file]) => then.has(file))
      .map(([file, gaps]) => ({ file, gained: [...gaps].filter((id) => !then.get(file)!.has(id)).sort(), lost: [...then.get(file)!].filter((id) => !gaps.has(id)).sort() }))
      .filter((entry) => entry.gained.length > 0 || entry.lost.length > 0);
    const actual = later.comparison!.drafts.map((entry) => ({ file: entry.file, gained: [...entry.gained].sort(), lost: [...entry.lost].sort() }));
    assert.deepEqual(actual, expected);
    assert.deepEqual(
      actual.map((entry) => entry.file),
      ['team/north/strong-okafor.md', 'team/north/weak-riley.md'],
    );
    assert.ok(actual[0].gained.includes('uncritical-language'));
    assert.ok(actual[1].lost.includes('domestic-abuse-enquiry') && actual[1].gained.length === 0);
    assert.deepEqual(later.comparison!.added, ['team/south/new.md']);
    assert.deepEqual(later.comparison!.removed, ['team/south/unsigned.md']);
  });

  it('shows the changes in the HTML and as extra CSV columns', async () => {
    const html = await runCli(['audit', 'team', '--compare', 'before.json'], folder.root);
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, new RegExp(`<h2 id="changes">Changes since ${earlier.date}</h2>`));
    assert.match(html.stdout, /<table id="changed-drafts-table">/);
    const rules = csvRecords((await runCli(['audit', 'team', '--table', 'rules', '--compare', 'before.json'], folder.root)).stdout);
    assert.deepEqual(
      rules.map((row) => [row.rule, row.previous_pass_rate, row.change]),
      later.comparison!.rules.map((rule) => [rule.id, numberOrBlank(rule.before), numberOrBlank(rule.change)]),
    );
    const drafts = csvRecords((await runCli(['audit', 'team', '--table', 'drafts', '--compare', 'before.json'], folder.root)).stdout);
    const okafor = drafts.find((row) => row.file === 'team/north/strong-okafor.md')!;
    assert.equal(okafor.gaps_gained, later.comparison!.drafts.find((entry) => entry.file === okafor.file)!.gained.join(' '));
  });

  it('refuses a compare file that is missing, not JSON, or not an audit JSON, naming the file, with exit 2', async () => {
    folder.write({
      'broken.json': '{\n  "schemaVersion": 1,\n  "rules": [}\n',
      'check.json': JSON.stringify(checkBefore),
      'future.json': JSON.stringify({ ...earlier, schemaVersion: 2 }),
      'damaged.json': JSON.stringify({ ...earlier, rules: earlier.rules.map((rule) => ({ ...rule, passRate: 'high' })) }),
    });
    const cases: Array<[string, RegExp]> = [
      ['missing.json', /--compare: cannot read 'missing.json' \(ENOENT\)/],
      ['broken.json', /--compare: broken\.json:3:\d+: not JSON/],
      ['check.json', /--compare: check\.json is not an audit JSON of schemaVersion 1 \(it has no schemaVersion\); write one with 'assessment-lint audit --format json --out FILE'/],
      ['future.json', /--compare: future\.json is not an audit JSON of schemaVersion 1 \(\/schemaVersion: /],
      ['damaged.json', /--compare: damaged\.json is not an audit JSON of schemaVersion 1 \(\/rules\/0\/passRate: /],
    ];
    for (const [file, pattern] of cases) {
      const run = await runCli(['audit', 'team', '--compare', file], folder.root);
      assert.equal(run.code, 2, `${file}: ${run.stderr}`);
      assert.match(run.stderr, pattern);
      assert.equal(run.stdout, '', `${file}: nothing is written`);
    }
  });

  it('writes JSON that validates against schemas/audit.schema.json, with every optional part present', async () => {
    const validate = validator();
    const full = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--compare', 'before.json', '--group-by', 'author', '--snippets', '--type', 'report', '--sort', 'rate'], folder.root));
    assert.ok(full.grouping && full.comparison && full.filter && full.documents.some((row) => row.details.some((detail) => detail.quote)));
    for (const [name, report] of [
      ['before', earlier],
      ['after', later],
      ['full', full],
    ] as const) {
      assert.ok(validate(report), `${name}: ${JSON.stringify(validate.errors)}`);
      assert.equal(report.schemaVersion, 1);
    }
    const broken = structuredClone(later) as unknown as { rules: Array<Record<string, unknown>> };
    delete broken.rules[0].passRate;
    assert.equal(validate(broken), false, 'the schema requires what the audit always writes');
  });
});

describe('audit output formats', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let audit: AuditReport;

  before(async () => {
    folder = await caseload();
    folder.write({ 'caseload/injected.md': '<!-- assessment-lint-disable-next-line uncritical-language -- =HYPERLINK("http://example.org","click") -->\nHe said it was out of character.\n\n## Offence analysis\n\nHe said it was out of character.\n' });
    audit = parsed<AuditReport>(await runCli(['audit', 'caseload', '--format', 'json'], folder.root));
  });
  after(() => folder.remove());

  it('keeps schemas/audit.schema.json as the audit schema generates it, and the caseload audit validates', () => {
    assert.equal(readFileSync(SCHEMA_FILE, 'utf8'), schemaText(auditJsonSchema()), 'schemas/audit.schema.json is stale: run node esbuild.mjs and commit it');
    const validate = validator();
    assert.ok(validate(audit), JSON.stringify(validate.errors));
  });

  it('names each pack with its version, source and configuration, and the sha256 of the lock beside a locked configuration', async () => {
    assert.deepEqual(audit.packs.find((pack) => pack.name === '@kent-pdu/assessment-pack'), { name: '@kent-pdu/assessment-pack', version: '2.1.0', source: 'caseload/examples/team-pack/pack.yaml', config: 'caseload/examples/team-pack/.assessment-lint.yaml' });
    assert.ok(audit.packs.some((pack) => pack.name === 'core' && pack.source === 'core' && pack.config === undefined), 'drafts outside the team folder use the built-in pack alone');
    const locked = await runCli(['pack', 'lock'], folder.path('caseload/examples/team-pack'));
    assert.equal(locked.code, 0, locked.stderr);
    const lock = readFileSync(folder.path('caseload/examples/team-pack/.assessment-lint.lock'));
    const withLock = parsed<AuditReport>(await runCli(['audit', 'caseload', '--format', 'json'], folder.root));
    rmSync(folder.path('caseload/examples/team-pack/.assessment-lint.lock'));
    const hash = createHash('sha256').update(lock).digest('hex');
    assert.deepEqual(
      withLock.packs.filter((pack) => pack.config).map((pack) => [pack.name, pack.lockSha256]),
      [
        ['core', hash],
        ['@kent-pdu/assessment-pack', hash],
      ],
    );
  });

  it('writes one CSV file per table into a folder, each parsing back to the numbers of the JSON', async () => {
    const run = await runCli(['audit', 'caseload', '--format', 'csv', '--out', 'tables'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /CSV tables written to tables \(rules\.csv, drafts\.csv, suppressions\.csv\)/);
    assert.deepEqual(readdirSync(folder.path('tables')).sort(), ['drafts.csv', 'rules.csv', 'suppressions.csv']);
    const text = readFileSync(folder.path('tables/rules.csv'), 'utf8');
    assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends, as RFC 4180 has them');
    assert.deepEqual(
      csvRecords(text).map((row) => [row.rule, row.applicable, row.passing, row.failing, row.pass_rate, row.findings, row.suppressed_findings, row.published_percent]),
      audit.rules.map((rule) => [rule.id, String(rule.applicable), String(rule.passing), String(rule.failing), numberOrBlank(rule.passRate), String(rule.findings), String(rule.suppressions.reduce((sum, entry) => sum + entry.findings, 0)), numberOrBlank(rule.published?.percent)]),
    );
    assert.deepEqual(
      csvRecords(readFileSync(folder.path('tables/drafts.csv'), 'utf8')).map((row) => [row.file, row.skipped, row.findings, row.gaps, row.gap_rules, row.suppressions, row.author]),
      audit.documents.map((row) => [row.file, row.skipped ?? '', row.skipped ? '' : String(row.findings), row.skipped ? '' : String(row.gaps.length), row.gaps.join(' '), row.skipped ? '' : String(row.suppressions.length), row.facts.author ?? '']),
    );
    const suppressions = csvRecords(readFileSync(folder.path('tables/suppressions.csv'), 'utf8'));
    assert.deepEqual(
      suppressions.map((row) => row.status),
      audit.documents.flatMap((row) => row.suppressions.map((entry) => entry.status)),
      'each suppression says what became of it',
    );
    assert.deepEqual(
      suppressions.map((row) => [row.file, row.rule, row.line, row.reason.replace(/^'/, '')]),
      audit.documents.flatMap((row) => row.suppressions.map((entry) => [row.file, entry.ruleId ?? '', String(entry.line), entry.reason ?? ''])),
    );
  });

  it('defuses spreadsheet formulas in untrusted text: a reason starting with = gets a leading apostrophe', () => {
    const suppressions = csvRecords(readFileSync(folder.path('tables/suppressions.csv'), 'utf8'));
    const injected = suppressions.find((row) => row.file === 'caseload/injected.md')!;
    assert.equal(injected.reason, `'=HYPERLINK("http://example.org","click")`);
    assert.ok(suppressions.every((row) => Object.values(row).every((cell) => !/^[=+\-@]/.test(cell))), 'no cell starts a formula');
  });

  it('writes one table with --table, to standard output or to --out FILE.csv', async () => {
    const stdout = await runCli(['audit', 'caseload', '--table', 'drafts'], folder.root);
    assert.equal(stdout.code, 0, stdout.stderr);
    assert.deepEqual(csvRecords(stdout.stdout).map((row) => row.file), audit.documents.map((row) => row.file));
    const file = await runCli(['audit', 'caseload', '--table', 'suppressions', '--out', 'only.csv'], folder.root);
    assert.equal(file.code, 0, file.stderr);
    assert.match(file.stderr, /suppressions table written to only\.csv/);
    assert.equal(csvRecords(readFileSync(folder.path('only.csv'), 'utf8')).length, audit.documents.reduce((sum, row) => sum + row.suppressions.length, 0), 'one row per suppression comment and rule');
  });

  it('refuses outputs it cannot write with a message naming the formats it can, exit 2, before linting', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--out', 'audit.pdf'], /cannot write 'audit\.pdf': the audit writes HTML \(\.html\), JSON \(\.json\) or CSV \(\.csv for one table, or a folder for all of them\), not \.pdf files/],
      [['--out', 'audit.xlsx'], /not \.xlsx files/],
      [['--format', 'pdf'], /unknown audit format 'pdf'; the audit writes HTML/],
      [['--format', 'csv'], /CSV is written one table per file: give --out FOLDER for all the tables, or --table rules\|drafts\|suppressions\|groups for one/],
      [['--out', 'audit.csv'], /'audit\.csv' is one file, and CSV is written one table per file: add --table/],
      [['--format', 'json', '--out', 'audit.html'], /--format json does not match 'audit\.html'/],
      [['--table', 'rules', '--format', 'html'], /--table chooses a CSV table; it does not go with --format html/],
      [['--table', 'findings'], /unknown CSV table 'findings'; use --table rules, drafts, suppressions, groups/],
      [['--docs-base-url', 'docs/rules'], /--docs-base-url takes a web address such as https:\/\/example\.org\/rules\/, not 'docs\/rules'/],
    ];
    for (const [args, pattern] of cases) {
      const run = await runCli(['audit', 'caseload', ...args], folder.root);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, pattern);
      assert.ok(!run.stderr.includes('audited'), 'refused before linting');
    }
    assert.ok(!existsSync(folder.path('audit.pdf')) && !existsSync(folder.path('audit.csv')));
  });

  it('says which path it cannot write, exit 2, when the folder is missing or a file stands where a folder should be', async () => {
    folder.write({ 'a-file': 'not a folder' });
    const missing = await runCli(['audit', 'caseload', '--out', 'no/such/folder/audit.html'], folder.root);
    assert.equal(missing.code, 2, missing.stderr);
    assert.match(missing.stderr, /cannot write 'no\/such\/folder\/audit\.html' \(ENOENT\); check that its folder exists/);
    const blocked = await runCli(['audit', 'caseload', '--format', 'csv', '--out', 'a-file'], folder.root);
    assert.equal(blocked.code, 2, blocked.stderr);
    assert.match(blocked.stderr, /cannot write 'a-file' \(EEXIST\)/);
    assert.ok(!/unexpected failure/.test(missing.stderr + blocked.stderr));
    mkdirSync(folder.path('tables.2026'));
    const dotted = await runCli(['audit', 'caseload', '--format', 'csv', '--out', 'tables.2026'], folder.root);
    assert.equal(dotted.code, 0, dotted.stderr);
    assert.ok(existsSync(folder.path('tables.2026/rules.csv')), 'an existing folder takes the tables, whatever its name');
    const folderForHtml = await runCli(['audit', 'caseload', '--out', 'tables.2026'], folder.root);
    assert.equal(folderForHtml.code, 2);
    assert.match(folderForHtml.stderr, /'tables\.2026' is a folder; give --out a file name/);
  });
});
