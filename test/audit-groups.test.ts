import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AuditReport } from '../cli/audit/audit-report.js';
import { factsFromFields, parseFieldWordings } from '../cli/audit/draft-fields.js';
import { explanationHtml } from '../cli/audit/explanation-html.js';
import { ruleDocsHref } from '../cli/audit/html-sections.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { headerFields } from '../rules/core/header-fields.js';
import { csvRecords, parsed, TEAM_CASELOAD, teamCaseload, type CheckReport } from './audit-fixtures.js';
import { runCli, type TempFolder } from './helpers.js';




function rateText(rate: number | null): string {
  return rate === null ? '' : String(rate);
}

describe('audit by author, team and folder', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let check: CheckReport[];
  const audits: Partial<Record<'author' | 'team' | 'folder', AuditReport>> = {};

  before(async () => {
    folder = teamCaseload();
    check = parsed<CheckReport[]>(await runCli(['check', 'team', '--format', 'json'], folder.root));
    for (const by of ['author', 'team', 'folder'] as const) audits[by] = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--group-by', by], folder.root));
  });
  after(() => folder.remove());

  it("reads each draft's author and team from bold fields, field lines, front matter and a CRLF header table", () => {
    const audit = audits.author!;
    assert.deepEqual(audit.documents.map((row) => row.file).sort(), Object.keys(TEAM_CASELOAD).sort());
    for (const row of audit.documents) {
      const expected = TEAM_CASELOAD[row.file];
      assert.equal(row.facts.author, expected.author, `author of ${row.file}`);
      assert.equal(row.facts.team?.toLowerCase(), expected.team?.toLowerCase(), `team of ${row.file}`);
      assert.equal(row.facts.type, expected.type, `report type of ${row.file}`);
      assert.equal(row.facts.folder, row.file.slice(0, row.file.lastIndexOf('/')));
    }
  });

  it('groups drafts by author (names differing in case are one person; drafts naming nobody are grouped as not stated)', () => {
    const grouping = audits.author!.grouping!;
    assert.equal(grouping.by, 'author');
    assert.deepEqual(
      grouping.groups.map((group) => [group.name, group.drafts]),
      [
        ['Priya Shah', 1],
        ['Rachel Okafor', 1],
        ['Sam Whitfield', 1],
        ['Tom Riley', 2],
        ['(not stated)', 1],
      ],
    );
    assert.deepEqual(
      audits.team!.grouping!.groups.map((group) => [group.name, group.drafts]),
      [
        ['North', 3],
        ['South', 2],
        ['(not stated)', 1],
      ],
    );
    assert.deepEqual(
      audits.folder!.grouping!.groups.map((group) => [group.name, group.drafts]),
      [
        ['team/north', 3],
        ['team/south', 3],
      ],
    );
  });

  it("gives each group's failing drafts as check reports them, and group numbers that add up to the caseload's", () => {
    for (const by of ['author', 'team', 'folder'] as const) {
      const audit = audits[by]!;
      const member = new Map(audit.documents.map((row) => [row.file, row]));
      for (const group of audit.grouping!.groups) {
        const files = audit.documents.filter((row) => {
          const name = by === 'folder' ? row.facts.folder : (row.facts[by] ?? '(not stated)');
          return name.toLowerCase() === group.name.toLowerCase();
        });
        assert.equal(group.drafts, files.length, `${by} ${group.name}: drafts`);
        for (const rule of group.rules) {
          const failing = check.filter((report) => member.has(report.filePath) && files.some((row) => row.file === report.filePath) && report.messages.some((message) => message.ruleId === rule.id)).length;
          assert.equal(rule.failing, failing, `${by} ${group.name} ${rule.id}: failing drafts as check reports them`);
          assert.equal(rule.passing, rule.applicable - rule.failing);
          assert.equal(rule.passRate, rule.applicable === 0 ? null : Math.round((rule.passing / rule.applicable) * 1000) / 10);
        }
      }
      for (const rule of audit.rules) {
        const inGroups = audit.grouping!.groups.map((group) => group.rules.find((entry) => entry.id === rule.id)!);
        assert.equal(inGroups.reduce((sum, entry) => sum + entry.applicable, 0), rule.applicable, `${by} ${rule.id}: applicable adds up`);
        assert.equal(inGroups.reduce((sum, entry) => sum + entry.failing, 0), rule.failing, `${by} ${rule.id}: failing adds up`);
      }
    }
  });

  it('writes the group breakdown as groups.csv beside the other tables, with the same numbers as the JSON', async () => {
    rmSync(folder.path('tables'), { recursive: true, force: true });
    const run = await runCli(['audit', 'team', '--format', 'csv', '--group-by', 'team', '--out', 'tables'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(folder.path('tables')).sort(), ['drafts.csv', 'groups.csv', 'rules.csv', 'suppressions.csv']);
    const rows = csvRecords(readFileSync(folder.path('tables/groups.csv'), 'utf8'));
    const expected = audits.team!.grouping!.groups.flatMap((group) => group.rules.map((rule) => ({ group_by: 'team', group: group.name, drafts: String(group.drafts), drafts_with_gaps: String(group.withGaps), rule: rule.id, applicable: String(rule.applicable), passing: String(rule.passing), failing: String(rule.failing), pass_rate: rateText(rule.passRate) })));
    assert.deepEqual(rows, expected);
    const single = await runCli(['audit', 'team', '--table', 'groups', '--group-by', 'author'], folder.root);
    assert.equal(single.code, 0, single.stderr);
    assert.deepEqual([...new Set(csvRecords(single.stdout).map((row) => row.group))], audits.author!.grouping!.groups.map((group) => group.name));
  });

  it('lists rules by pass rate, lowest first, with --sort rate, in the JSON, the tables and the HTML', async () => {
    const sorted = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--sort', 'rate', '--group-by', 'team'], folder.root));
    const rates = sorted.rules.map((rule) => rule.passRate ?? Infinity);
    assert.deepEqual(rates, [...rates].sort((a, b) => a - b));
    assert.notDeepEqual(sorted.rules.map((rule) => rule.id), audits.team!.rules.map((rule) => rule.id), 'the default keeps the packs’ rule order');
    assert.deepEqual(sorted.grouping!.groups[0].rules.map((rule) => rule.id), sorted.rules.map((rule) => rule.id));
    const csv = await runCli(['audit', 'team', '--table', 'rules', '--sort', 'rate'], folder.root);
    assert.deepEqual(csvRecords(csv.stdout).map((row) => row.rule), sorted.rules.map((rule) => rule.id));
    const html = await runCli(['audit', 'team', '--sort', 'rate'], folder.root);
    const order = [...html.stdout.matchAll(/<tr><th scope="row"><a href="#rule-([a-z0-9-]+)"><code>[^<]*<\/code><\/a><\/th><td class="num">/g)].map((match) => match[1]);
    assert.deepEqual(order.slice(0, sorted.rules.length), sorted.rules.map((rule) => rule.id), 'the HTML rule table is in pass-rate order');
    const bad = await runCli(['audit', 'team', '--sort', 'worst'], folder.root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--sort takes rule, rate, not 'worst'/);
  });

  it('narrows the audit to one report type with --type, by the stated type or by section kind', async () => {
    const psr = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--type', 'psr'], folder.root));
    assert.deepEqual(psr.documents.map((row) => row.file), ['team/south/weak-shah.md'], "'psr' is a word of 'Short format PSR'");
    assert.deepEqual(psr.filter, { type: 'psr' });
    assert.equal(psr.totals.linted, 1);
    const standard = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--type', 'Standard delivery'], folder.root));
    assert.deepEqual(standard.documents.map((row) => row.file), ['team/north/strong-okafor.md']);
    const withSources = parsed<AuditReport>(await runCli(['audit', 'team', '--format', 'json', '--type', 'sources'], folder.root));
    const expected = audits.author!.documents.filter((row) => row.file.includes('strong')).map((row) => row.file);
    assert.ok(
      expected.every((file) => withSources.documents.some((row) => row.file === file)),
      'drafts with a Sources of information section are kept',
    );
    const none = await runCli(['audit', 'team', '--type', 'parole'], folder.root);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--type parole: no draft states that report type or has a section of that kind; report types stated: 'Short format PSR', 'Standard delivery report'; section kinds found: .*offence-analysis/);
  });

  it('refuses --group-by with anything but author, team or folder, and groups.csv without --group-by', async () => {
    const bad = await runCli(['audit', 'team', '--group-by', 'court'], folder.root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--group-by takes author, team, folder, not 'court'/);
    const table = await runCli(['audit', 'team', '--table', 'groups'], folder.root);
    assert.equal(table.code, 2);
    assert.match(table.stderr, /--table groups needs --group-by/);
    assert.ok(!existsSync(folder.path('groups.csv')));
  });
});

describe('header fields a draft states about itself', () => {
  const fieldsOf = (text: string, format: 'markdown' | 'plaintext' = 'markdown') => headerFields(new AssessmentDocument(text, format));

  it('reads bold fields, field lines of one paragraph, dash labels and two-cell table rows, with CRLF line ends', () => {
    const text = '# PSR\r\n\r\n**Author:** Tom Riley, PSO\r\n__Team:__ North\r\nReport type - Short format\r\n\r\n| Field | Detail |\r\n| --- | --- |\r\n| Prepared by | Ann Lee |\r\n| Office: | South |\r\n';
    assert.deepEqual(
      fieldsOf(text).map((field) => [field.label, field.value]),
      [
        ['Author', 'Tom Riley, PSO'],
        ['Team', 'North'],
        ['Report type', 'Short format'],
        ['Field', 'Detail'],
        ['Prepared by', 'Ann Lee'],
        ['Office', 'South'],
      ],
    );
    assert.deepEqual(factsFromFields(fieldsOf(text)), { author: 'Tom Riley', team: 'North', type: 'Short format' });
  });

  it('reads front matter first, and ignores front matter that is not a YAML mapping without failing', () => {
    const fields = fieldsOf('---\nreport-author: Priya Shah\nteam: 7\ntags: [a, b]\n---\n# PSR\n\nAuthor: Someone Else\n');
    assert.deepEqual(fields.slice(0, 2), [
      { label: 'report author', value: 'Priya Shah', from: 'front-matter' },
      { label: 'team', value: '7', from: 'front-matter' },
    ]);
    assert.deepEqual(factsFromFields(fields), { author: 'Priya Shah', team: '7' });
    assert.deepEqual(factsFromFields(fieldsOf('---\nauthor: [unclosed\n---\nAuthor: Tom Riley\n')), { author: 'Tom Riley' });
    assert.deepEqual(factsFromFields(fieldsOf('---\n- a list\n---\nTeam: North\n')), { team: 'North' });
  });

  it('reads plain-text field lines, skips placeholders and prose-length values, and takes the first answer given', () => {
    assert.deepEqual(factsFromFields(fieldsOf('Author: [to complete]\nPrepared by: Sam Whitfield (PSO)\nTeam: TBC\n\nOffence\nHe did it.\n', 'plaintext')), { author: 'Sam Whitfield' });
    assert.deepEqual(factsFromFields(fieldsOf(`Author: ${'a very long sentence about the offence '.repeat(3)}\n`, 'plaintext')), {});
    assert.deepEqual(factsFromFields(fieldsOf('Author: One\nAuthor: Two\n', 'plaintext')), { author: 'One' });
  });

  it('refuses field wordings that list a label twice or are not the expected shape', () => {
    const fact = { labels: ['Author'], cutAt: [','] };
    assert.doesNotThrow(() => parseFieldWordings({ author: fact, team: { labels: ['Team'], cutAt: [] }, type: { labels: ['Type'], cutAt: [] } }));
    assert.throws(() => parseFieldWordings({ author: fact, team: { labels: ['**author:**'], cutAt: [] }, type: { labels: ['Type'], cutAt: [] } }), /the label '\*\*author:\*\*' of team is listed already \(under author\)/);
    assert.throws(() => parseFieldWordings({ author: fact, team: { labels: [], cutAt: [] }, type: { labels: ['Type'], cutAt: [] } }), /draft-fields\.yaml: \/team\/labels/);
  });

  it('links rules under --docs-base-url, with {id} replaced or <id>.md added, and drops links to local files', () => {
    assert.equal(ruleDocsHref({ id: 'alcohol', docsUrl: 'file:///x/alcohol.md' }, 'https://example.org/rules/'), 'https://example.org/rules/alcohol.md');
    assert.equal(ruleDocsHref({ id: 'alcohol' }, 'https://example.org/rules?page={id}'), 'https://example.org/rules?page=alcohol');
    assert.equal(ruleDocsHref({ id: 'alcohol', docsUrl: 'file:///x/alcohol.md' }, undefined), undefined);
    assert.equal(ruleDocsHref({ id: 'alcohol', docsUrl: 'https://team.example/alcohol' }, undefined), 'https://team.example/alcohol');
  });
});

describe("rule explanations in the report's appendix", () => {
  it('renders the Markdown a pack writes, escapes its text, drops raw HTML and keeps only web links', () => {
    assert.equal(
      explanationHtml('**What good looks like:** a *Sources* list & `CPS` [summary](https://example.org/s).\n\n- one\n- two'),
      '<p><strong>What good looks like:</strong> a <em>Sources</em> list &amp; <code>CPS</code> <a href="https://example.org/s">summary</a>.</p><ul><li><p>one</p></li><li><p>two</p></li></ul>',
    );
    assert.equal(explanationHtml('<script>alert(1)</script>\n\nSee [this](javascript:alert(1)) <b>now</b>.'), '<p>See this now.</p>');
  });
});
