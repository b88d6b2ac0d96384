import type { SuppressionStatus } from '../../rules/core/engine.js';
import type { FileReport, RuleSummary } from '../report.js';
import type { PublishedFigure } from './published-figures.js';

/** How often one reason was given for suppressing a rule. */
export interface ReasonCount {
  /** The reason after ` -- `, or null when the comment gave none. */
  reason: string | null;
  /** Suppressed findings with this reason. */
  findings: number;
}

/** One rule across the caseload: where it applied, how many documents passed, its suppressions and the published figure. */
export interface RuleRow {
  id: string;
  message: string;
  docsUrl?: string;
  /** Linted documents the rule ran on and, for conditional rules, whose condition held. */
  applicable: number;
  /** Applicable documents with no reported finding of the rule (as `check` sees them). */
  passing: number;
  /** Applicable documents with at least one reported finding of the rule, or a suppression of it refused for want of a reason. */
  failing: number;
  /** Suppression comments naming the rule that were refused for want of a reason (each makes its draft fail the rule). */
  unreasonedSuppressions: number;
  /** Passing documents whose findings of the rule were all suppressed by a comment. */
  passingBySuppression: number;
  /** Percentage of applicable documents that pass (one decimal), or null when it applied nowhere. */
  passRate: number | null;
  /** Reported findings of the rule in all documents. */
  findings: number;
  /** Suppressed findings grouped by reason, most frequent first. */
  suppressions: ReasonCount[];
  /** The inspectorate's figure for the same check, where one is published. */
  published?: PublishedFigure;
}

/** A short quotation from a draft, only collected with --snippets. */
export interface Snippet {
  ruleId: string;
  line: number;
  text: string;
}

/** One document of the caseload: its gaps and suppressions, or why it was skipped. */
export interface DocumentRow {
  /** Path relative to the working folder. */
  file: string;
  /** Why the file was not linted (binary, unreadable, too large); absent when linted. */
  skipped?: string;
  /** Ids of the rules the document fails, in rule order. */
  gaps: string[];
  findings: number;
  errors: number;
  warnings: number;
  /** Every suppression comment, once per rule it names (ruleId null when it names none). */
  suppressions: SuppressionRow[];
  snippets?: Snippet[];
}

/** One suppression comment of a draft for one rule: where, why, whether it took effect (status) and how many findings of the rule it silenced. */
export interface SuppressionRow {
  ruleId: string | null;
  line: number;
  reason: string | null;
  status: SuppressionStatus;
  findings: number;
}

/** How each suppression status reads in the audit's tables. */
export const SUPPRESSION_STATUS_LABELS: Readonly<Record<SuppressionStatus, string>> = {
  effective: 'took effect',
  unused: 'silenced nothing',
  'no-reason': 'refused: no real reason',
  'no-rule': 'refused: names no rule',
  'unknown-rule': 'refused: unknown rule',
  unclosed: 'refused: never closed',
};

/** A suppression as one line of text: rule, line, reason and what became of it. */
export function describeSuppression(entry: SuppressionRow): { rule: string; reason: string | null; outcome: string } {
  const outcome = entry.status === 'effective' ? `${SUPPRESSION_STATUS_LABELS.effective} (${entry.findings} ${entry.findings === 1 ? 'finding' : 'findings'})` : SUPPRESSION_STATUS_LABELS[entry.status];
  return { rule: entry.ruleId ?? '(no rule)', reason: entry.reason, outcome };
}

/** The whole audit: totals, one row per rule, one row per document and the distribution of gaps per document. */
export interface AuditSummary {
  tool: { name: string; version: string };
  /** The day the audit ran (YYYY-MM-DD). */
  date: string;
  /** `suppressed` counts findings silenced; `suppressions` counts comments, and `unreasoned` those refused for want of a reason. */
  totals: { files: number; linted: number; skipped: number; withGaps: number; findings: number; errors: number; warnings: number; suppressed: number; suppressions: number; unreasoned: number };
  rules: RuleRow[];
  documents: DocumentRow[];
  /** For each number of gaps from 0 to the largest found, how many linted documents have that many. */
  gapDistribution: Array<{ gaps: number; documents: number }>;
}

/** Rounds a fraction to a percentage with one decimal. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function appliesTo(report: FileReport, ruleId: string, failed: boolean): boolean {
  if (failed) return true;
  if (!(report.rulesRun ?? []).includes(ruleId)) return false;
  return report.coverage?.find((entry) => entry.ruleId === ruleId)?.status !== 'not-applicable';
}

function ruleRow(rule: RuleSummary, linted: FileReport[], figures: Record<string, PublishedFigure>): RuleRow {
  let applicable = 0;
  let failing = 0;
  let passingBySuppression = 0;
  let findings = 0;
  let unreasonedSuppressions = 0;
  const reasons = new Map<string | null, number>();
  for (const report of linted) {
    const mine = report.messages.filter((message) => message.ruleId === rule.id);
    const suppressed = report.suppressed.filter((entry) => entry.message.ruleId === rule.id);
    const unreasoned = (report.suppressions ?? []).filter((entry) => entry.status === 'no-reason' && entry.ruleIds.includes(rule.id)).length;
    unreasonedSuppressions += unreasoned;
    for (const entry of suppressed) reasons.set(entry.reason ?? null, (reasons.get(entry.reason ?? null) ?? 0) + 1);
    findings += mine.length;
    const fails = mine.length > 0 || unreasoned > 0;
    if (!appliesTo(report, rule.id, fails)) continue;
    applicable++;
    if (fails) failing++;
    else if (suppressed.length > 0) passingBySuppression++;
  }
  const suppressions = [...reasons].map(([reason, count]) => ({ reason, findings: count })).sort((a, b) => b.findings - a.findings || String(a.reason).localeCompare(String(b.reason)));
  const passing = applicable - failing;
  return {
    id: rule.id,
    message: rule.message,
    ...(rule.docsUrl ? { docsUrl: rule.docsUrl } : {}),
    applicable,
    passing,
    failing,
    unreasonedSuppressions,
    passingBySuppression,
    passRate: percent(passing, applicable),
    findings,
    suppressions,
    ...(figures[rule.id] ? { published: figures[rule.id] } : {}),
  };
}

function documentRow(report: FileReport, order: Map<string, number>): DocumentRow {
  const gaps = [...new Set(report.messages.map((message) => message.ruleId))].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b));
  return {
    file: report.relative,
    ...(report.skipped ? { skipped: report.skipped } : {}),
    gaps,
    findings: report.messages.length,
    errors: report.messages.filter((message) => message.severity === 'error').length,
    warnings: report.messages.filter((message) => message.severity === 'warning').length,
    suppressions: (report.suppressions ?? []).flatMap((entry) =>
      (entry.ruleIds.length > 0 ? [...new Set(entry.ruleIds)] : [null]).map((ruleId) => ({
        ruleId,
        line: entry.line,
        reason: entry.reason,
        status: entry.status,
        findings: ruleId ? (entry.silencedByRule[ruleId] ?? 0) : 0,
      })),
    ),
  };
}

/** Turns the lint reports of a caseload into the audit's per-rule and per-document numbers. */
export function summarise(reports: FileReport[], rules: RuleSummary[], figures: Record<string, PublishedFigure>, tool: { name: string; version: string }, today = new Date()): AuditSummary {
  const linted = reports.filter((report) => !report.skipped);
  const allRules = rules;
  const order = new Map(allRules.map((rule, index) => [rule.id, index]));
  const documents = reports.map((report) => documentRow(report, order));
  const lintedRows = documents.filter((row) => !row.skipped);
  const most = Math.max(0, ...lintedRows.map((row) => row.gaps.length));
  const gapDistribution = Array.from({ length: most + 1 }, (_, gaps) => ({ gaps, documents: lintedRows.filter((row) => row.gaps.length === gaps).length }));
  const sum = (pick: (row: DocumentRow) => number) => lintedRows.reduce((total, row) => total + pick(row), 0);
  return {
    tool,
    date: today.toISOString().slice(0, 10),
    totals: {
      files: reports.length,
      linted: linted.length,
      skipped: reports.length - linted.length,
      withGaps: lintedRows.filter((row) => row.gaps.length > 0).length,
      findings: sum((row) => row.findings),
      errors: sum((row) => row.errors),
      warnings: sum((row) => row.warnings),
      suppressed: sum((row) => row.suppressions.reduce((total, entry) => total + entry.findings, 0)),
      suppressions: linted.reduce((total, report) => total + (report.suppressions?.length ?? 0), 0),
      unreasoned: linted.reduce((total, report) => total + (report.suppressions ?? []).filter((entry) => entry.status === 'no-reason').length, 0),
    },
    rules: allRules.map((rule) => ruleRow(rule, linted, figures)),
    documents,
    gapDistribution,
  };
}
