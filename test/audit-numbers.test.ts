import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDraft } from '../rules/io/load-draft.js';
import { Linter } from '../rules/linter.js';
import { csvField } from '../cli/audit/render-csv.js';
import { parsePublishedFigures, publishedFigures } from '../cli/audit/published-figures.js';
import { ProgressBar } from '../cli/audit/progress.js';
import type { AuditReport as AuditSummary } from '../cli/audit/audit-report.js';
import { caseload } from './audit-fixtures.js';
import { corePack, REPO_ROOT, runCli, TempFolder, type CliRun } from './helpers.js';

interface CheckReport {
  filePath: string;
  skipped?: string;
  messages: Array<{ ruleId: string; severity: string; line: number }>;
  suppressed: Array<{ ruleId: string; line: number; reason: string | null }>;
  suppressions?: Array<{ line: number; ruleIds: string[]; reason: string | null; status: string; silenced: number }>;
}

/** True when a check report fails a rule: a finding of it, or a suppression of it refused for want of a reason. */
function failsRule(report: CheckReport, ruleId: string): boolean {
  return report.messages.some((message) => message.ruleId === ruleId) || (report.suppressions ?? []).some((entry) => entry.status === 'no-reason' && entry.ruleIds.includes(ruleId));
}

function parsed<T>(run: CliRun): T {
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Checks that every audit number can be recomputed from `check --format json` on the same files. */
function assertAgrees(audit: AuditSummary, check: CheckReport[]): void {
  const linted = check.filter((report) => !report.skipped);
  assert.deepEqual(
    audit.documents.map((row) => [row.file, row.skipped ?? null]),
    check.map((report) => [report.filePath, report.skipped ?? null]),
    'the same files, in the same order, skipped for the same reasons',
  );
  for (const [index, report] of check.entries()) {
    const row = audit.documents[index];
    assert.deepEqual([...row.gaps].sort(), [...new Set(report.messages.map((message) => message.ruleId))].sort(), `gaps of ${report.filePath}`);
    assert.equal(row.findings, report.messages.length, `findings of ${report.filePath}`);
    const comments = (report.suppressions ?? []).map((entry) => {
      const rows = row.suppressions.filter((candidate) => candidate.line === entry.line);
      return { line: entry.line, ruleIds: rows.map((candidate) => candidate.ruleId).filter(Boolean), reason: rows[0]?.reason, status: rows[0]?.status, silenced: rows.reduce((sum, candidate) => sum + candidate.findings, 0) };
    });
    assert.deepEqual(comments, report.suppressions ?? [], `suppressions of ${report.filePath}`);
    assert.equal(row.suppressions.reduce((sum, entry) => sum + entry.findings, 0), report.suppressed.length, `suppressed findings of ${report.filePath}`);
  }
  for (const rule of audit.rules) {
    const failing = linted.filter((report) => failsRule(report, rule.id)).length;
    assert.equal(rule.failing, failing, `${rule.id}: failing drafts`);
    assert.equal(rule.passing, rule.applicable - failing, `${rule.id}: passing drafts`);
    assert.equal(rule.findings, linted.flatMap((report) => report.messages).filter((message) => message.ruleId === rule.id).length, `${rule.id}: findings`);
    const suppressed = linted.flatMap((report) => report.suppressed).filter((entry) => entry.ruleId === rule.id);
    assert.equal(rule.suppressions.reduce((sum, entry) => sum + entry.findings, 0), suppressed.length, `${rule.id}: suppressed findings`);
    assert.equal(rule.passRate, rule.applicable === 0 ? null : Math.round((rule.passing / rule.applicable) * 1000) / 10, `${rule.id}: pass rate`);
  }
  assert.equal(audit.totals.errors, linted.flatMap((report) => report.messages).filter((message) => message.severity === 'error').length);
  assert.equal(
    audit.gapDistribution.reduce((sum, bin) => sum + bin.documents, 0),
    linted.length,
    'every linted draft is counted once in the gap distribution',
  );
}

describe('audit', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let audit: AuditSummary;
  let check: CheckReport[];
  let auditRun: CliRun;

  before(async () => {
    folder = await caseload();
    auditRun = await runCli(['audit', 'caseload', '--format', 'json'], folder.root);
    audit = parsed<AuditSummary>(auditRun);
    check = parsed<CheckReport[]>(await runCli(['check', 'caseload', '--format', 'json'], folder.root));
  });
  after(() => folder.remove());

  it('agrees with check on the same files: gaps, findings, suppressions, failing and passing drafts', () => {
    assert.ok(audit.totals.linted >= 6, `linted ${audit.totals.linted}`);
    assertAgrees(audit, check);
  });

  it('counts a conditional rule only where its condition holds, as the engine reports coverage', async () => {
    const linter = new Linter();
    const expected = new Map<string, number>();
    for (const row of audit.documents.filter((document) => !document.skipped)) {
      const draft = await loadDraft(folder.path(row.file));
      assert.ok(draft.ok);
      const { result } = linter.lintText(draft.text, draft.format, folder.path(row.file));
      for (const entry of result.coverage) if (entry.status !== 'not-applicable') expected.set(entry.ruleId, (expected.get(entry.ruleId) ?? 0) + 1);
    }
    const enquiry = audit.rules.find((rule) => rule.id === 'safeguarding-enquiry')!;
    assert.equal(enquiry.applicable, expected.get('safeguarding-enquiry'));
    assert.ok(enquiry.applicable < audit.totals.linted, 'the strong example raises no safeguarding question, so the rule does not apply to every draft');
    const flagged = audit.rules.find((rule) => rule.id === 'uncritical-language')!;
    assert.equal(flagged.applicable, audit.totals.linted, 'a rule without a condition applies to every draft it ran on');
    const teamRule = audit.rules.find((rule) => rule.id === 'person-first-language')!;
    assert.equal(teamRule.applicable, 1, "a team pack's rule applies only where that pack is configured");
  });

  it('lists suppressions with their reasons and counts a suppressed draft as passing by suppression', () => {
    const da = audit.rules.find((rule) => rule.id === 'domestic-abuse-enquiry')!;
    assert.deepEqual(da.suppressions, [{ reason: 'police DA check requested 10/03, not returned by the court date', findings: 1 }]);
    assert.equal(da.passingBySuppression, 1);
    const alcohol = audit.rules.find((rule) => rule.id === 'alcohol')!;
    assert.deepEqual(alcohol.suppressions, [{ reason: 'alcohol screening booked for his induction on 20/03', findings: 1 }], 'a topic finding suppressed from inside its section');
    const row = audit.documents.find((document) => document.file === 'caseload/suppressed.md')!;
    assert.ok(!row.gaps.includes('domestic-abuse-enquiry'));
    assert.ok(!row.gaps.includes('alcohol'));
  });

  it('lists every suppression of a draft with what became of it', () => {
    const row = audit.documents.find((document) => document.file === 'caseload/suppressed.md')!;
    assert.deepEqual(
      row.suppressions.map((entry) => [entry.ruleId, entry.status, entry.findings, entry.reason === null]),
      [
        ['domestic-abuse-enquiry', 'effective', 1, false],
        ['alcohol', 'effective', 1, false],
        ['da-enquiry', 'unknown-rule', 0, false],
        ['uncritical-language', 'unused', 0, false],
        ['risk-reasoning', 'no-reason', 0, true],
        [null, 'no-rule', 0, false],
        ['previous-convictions', 'unclosed', 0, false],
      ],
    );
    assert.deepEqual(row.suppressions.map((entry) => entry.line), [20, 23, 26, 29, 32, 41, 45]);
    for (const gap of ['risk-reasoning', 'previous-convictions', 'suppression-reason', 'unused-suppression']) assert.ok(row.gaps.includes(gap), `${gap} is a gap of the draft`);
    const linted = audit.documents.filter((document) => !document.skipped);
    assert.equal(audit.totals.suppressions, linted.reduce((sum, document) => sum + new Set(document.suppressions.map((entry) => entry.line)).size, 0));
    assert.equal(audit.totals.suppressions, 8);
    assert.equal(audit.totals.unreasoned, 2);
    assert.equal(audit.totals.suppressed, 2);
  });

  it('counts an unreasoned suppression as a failure of the rule it names, even where the rule found nothing', () => {
    const reasoning = audit.rules.find((rule) => rule.id === 'risk-reasoning')!;
    assert.deepEqual(reasoning.suppressions, [], 'nothing was silenced');
    assert.equal(reasoning.unreasonedSuppressions, 1);
    const uncritical = audit.rules.find((rule) => rule.id === 'uncritical-language')!;
    const unreasoned = audit.documents.find((document) => document.file === 'caseload/unreasoned.md')!;
    assert.ok(!check.find((report) => report.filePath === 'caseload/unreasoned.md')!.messages.some((message) => message.ruleId === 'uncritical-language'), 'check finds no uncritical language there');
    assert.equal(uncritical.unreasonedSuppressions, 1);
    assert.ok(unreasoned.suppressions.some((entry) => entry.ruleId === 'uncritical-language' && entry.status === 'no-reason'));
    const failingByFinding = check.filter((report) => !report.skipped && report.messages.some((message) => message.ruleId === 'uncritical-language')).length;
    assert.equal(uncritical.failing, failingByFinding + 1, 'the draft with the unreasoned suppression fails the rule');
  });

  it('puts the published figure and its source beside the rules it measures', () => {
    const da = audit.rules.find((rule) => rule.id === 'domestic-abuse-enquiry')!;
    const children = audit.rules.find((rule) => rule.id === 'safeguarding-enquiry')!;
    assert.equal(da.published?.percent, 51);
    assert.equal(children.published?.percent, 48);
    assert.equal(da.published!.source.publisher, 'HM Inspectorate of Probation', "the inspectorate's own publication is cited, not press coverage");
    assert.match(da.published!.source.url, /^https:\/\/www\.justiceinspectorates\.gov\.uk\/hmiprobation\//);
    assert.match(da.published!.source.date, /2023/);
    assert.equal(audit.rules.find((rule) => rule.id === 'alcohol')!.published, undefined);
  });

  it('reports unreadable and binary files as skipped and carries on', () => {
    const skipped = Object.fromEntries(audit.documents.filter((row) => row.skipped).map((row) => [row.file, row.skipped]));
    assert.match(skipped['caseload/binary.txt'] ?? '', /binary/);
    assert.match(skipped['caseload/broken.docx'] ?? '', /not a readable Word/);
    assert.equal(audit.totals.skipped, 2);
    assert.ok(audit.documents.some((row) => row.file === 'caseload/weak.docx' && !row.skipped && row.gaps.length > 0));
    assert.match(auditRun.stderr, /2 files skipped/);
  });

  it('holds no draft text without --snippets, and short snippets with it', async () => {
    const phrase = 'out of character';
    assert.ok(!JSON.stringify(audit.documents).includes(phrase), 'no draft text in the per-draft detail (the rules appendix may quote the phrase as an example)');
    assert.ok(audit.documents.every((row) => row.snippets === undefined && row.details.every((detail) => detail.quote === undefined)));
    const withSnippets = parsed<AuditSummary>(await runCli(['audit', 'caseload', '--format', 'json', '--snippets'], folder.root));
    const snippets = withSnippets.documents.flatMap((row) => row.snippets ?? []);
    assert.ok(snippets.some((snippet) => snippet.ruleId === 'uncritical-language' && snippet.text.includes(phrase)), JSON.stringify(snippets));
    assert.ok(snippets.every((snippet) => snippet.text.length <= 60));
    const quoted = withSnippets.documents.flatMap((row) => row.details.filter((detail) => detail.quote !== undefined));
    assert.ok(quoted.some((detail) => detail.ruleId === 'uncritical-language' && detail.quote!.includes(phrase)), 'each finding in the drill-down carries its quoted words');
  });

  it('shows no progress bar when standard error is not a terminal, and draws one when it is', () => {
    assert.ok(!auditRun.stderr.includes('auditing ['), auditRun.stderr);
    let written = '';
    const terminal = { isTTY: true, write: (text: string) => ((written += text), true) } as unknown as NodeJS.WriteStream;
    const bar = new ProgressBar(2, terminal);
    bar.tick();
    bar.tick();
    bar.finish();
    assert.match(written, /auditing \[#{30}\] 2\/2 drafts/);
  });

  it('exits as check does: 1 with an error-severity finding or more warnings than --max-warnings, 2 for a usage problem', async () => {
    folder.write({ 'strict/.assessment-lint.yaml': 'rules:\n  domestic-abuse-enquiry: error\n' });
    const strict = ['strict/weak.md', readFileSync(`${REPO_ROOT}/examples/short-format-weak.md`, 'utf8')] as const;
    folder.write({ [strict[0]]: strict[1] });
    const failing = await runCli(['audit', 'strict', '--format', 'json'], folder.root);
    assert.equal(failing.code, 1, failing.stderr);
    assert.equal((await runCli(['check', 'strict'], folder.root)).code, 1);
    assert.equal(parsed<AuditSummary>(failing).totals.errors, 1);
    assert.equal((await runCli(['audit', 'caseload', '--format', 'pdf'], folder.root)).code, 2);
    const warned = parsed<AuditSummary>(await runCli(['audit', 'caseload', '--format', 'json'], folder.root)).totals.warnings;
    assert.ok(warned > 0, 'the caseload has warnings');
    const over = await runCli(['audit', 'caseload', '--format', 'json', '--max-warnings', String(warned - 1)], folder.root);
    assert.equal(over.code, 1, 'more warnings than --max-warnings allows');
    assert.match(over.stderr, new RegExp(`${warned} warnings, more than --max-warnings ${warned - 1}`));
    assert.equal((await runCli(['audit', 'caseload', '--format', 'json', '--max-warnings', String(warned)], folder.root)).code, 0, 'exactly as many as allowed');
    const bad = await runCli(['audit', 'caseload', '--max-warnings', 'some'], folder.root);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--max-warnings takes a whole number, not 'some'/);
    assert.equal((await runCli(['audit', 'no-such-folder'], folder.root)).code, 2);
  });
});

describe('audit of a large caseload (worker threads)', function () {
  this.timeout(180_000);

  it('gives the numbers check gives, and those the copies imply', async () => {
    const strong = readFileSync(`${REPO_ROOT}/examples/standard-report-strong.md`, 'utf8');
    const weak = readFileSync(`${REPO_ROOT}/examples/short-format-weak.md`, 'utf8');
    const files: Record<string, string> = {};
    for (let index = 0; index < 70; index++) files[`big/strong-${String(index).padStart(3, '0')}.md`] = strong;
    for (let index = 0; index < 50; index++) files[`big/weak-${String(index).padStart(3, '0')}.md`] = weak;
    const folder = new TempFolder(files);
    try {
      const audit = parsed<AuditSummary>(await runCli(['audit', 'big', '--format', 'json'], folder.root));
      const check = parsed<CheckReport[]>(await runCli(['check', 'big', '--format', 'json'], folder.root));
      assertAgrees(audit, check);
      assert.equal(audit.totals.linted, 120);
      const sole = audit.rules.find((rule) => rule.id === 'sole-account')!;
      assert.deepEqual([sole.applicable, sole.failing], [120, 50]);
      assert.equal(audit.gapDistribution[0].documents, 70, 'the strong example has no gaps');
    } finally {
      folder.remove();
    }
  });
});

describe('audit data and formats', () => {
  it('keys every published figure by a rule of the built-in pack, each with an https source', () => {
    const ids = new Set(corePack().rules.map((rule) => rule.id));
    const figures = publishedFigures();
    assert.deepEqual(Object.keys(figures).sort(), ['domestic-abuse-enquiry', 'safeguarding-enquiry']);
    for (const [id, figure] of Object.entries(figures)) {
      assert.ok(ids.has(id), `${id} is a rule id`);
      assert.ok(figure.source.url.startsWith('https://'));
      assert.ok(!/communitycare|interfaceenterprises/.test(figure.source.url), 'the source is the inspectorate, not press coverage');
    }
  });

  it('refuses a published figure without a source or out of range', () => {
    const source = (url: string) => `  source: { publisher: P, title: T, date: '2023', url: '${url}' }\n`;
    assert.doesNotThrow(() => parsePublishedFigures(`alcohol:\n  percent: 40\n  measure: m\n  period: p\n${source('https://example.org/r')}`));
    assert.throws(() => parsePublishedFigures('alcohol:\n  percent: 40\n  measure: m\n  period: p\n'), /published figures/);
    assert.throws(() => parsePublishedFigures(`alcohol:\n  percent: 40\n  measure: m\n  period: p\n${source('http://example.org/r')}`), /published figures/);
    assert.throws(() => parsePublishedFigures(`alcohol:\n  percent: 140\n  measure: m\n  period: p\n${source('https://example.org/r')}`), /published figures/);
  });

  it('quotes CSV fields that need it and defuses text a spreadsheet would run', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, "b"'), '"a, ""b"""');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField(12.5), '12.5');
    assert.equal(csvField(null), '');
  });
});
