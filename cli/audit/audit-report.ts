import type { FileReport, PackProvenance, RuleSummary } from '../report.js';
import type { Comparison } from './compare.js';
import { draftFacts, type DraftFacts } from './draft-fields.js';
import { groupBreakdown, type GroupBy, type Grouping } from './groups.js';
import type { PublishedFigure } from './published-figures.js';
import { summarise, type AuditSummary, type DocumentRow, type RuleRow } from './summarise.js';

/** The version of the audit JSON's shape (schemas/audit.schema.json); raised when a field changes meaning or goes. */
export const AUDIT_SCHEMA_VERSION = 1;

/** The orders the rules can be listed in: as the packs give them, or by pass rate, lowest first. */
export const RULE_ORDERS = ['rule', 'rate'] as const;
/** One of the rule orders. */
export type RuleOrder = (typeof RULE_ORDERS)[number];

/** One finding of a draft as the drill-down lists it: where it is, what it says and, with --snippets, the words it is about. */
export interface GapDetail {
  ruleId: string;
  line: number;
  column: number;
  message: string;
  /** A short quotation of the finding's text, only with --snippets. */
  quote?: string;
}

/** One draft in the audit: its row of numbers, what its header says about it and each finding. */
export interface AuditDocument extends DocumentRow {
  facts: DraftFacts;
  /** Every reported finding, in the order check reports them. */
  details: GapDetail[];
}

/** A rule in the audit, with the pack's explanation for the report's appendix. */
export interface AuditRule extends RuleRow {
  explanation?: string;
}

/** The whole audit as every format writes it (the JSON is this object). */
export interface AuditReport extends Omit<AuditSummary, 'documents' | 'rules'> {
  schemaVersion: typeof AUDIT_SCHEMA_VERSION;
  /** The packs whose rules were run, with versions, sources and lock hashes. */
  packs: PackProvenance[];
  /** How the rules are ordered in every table and chart. */
  order: RuleOrder;
  /** The report type the caseload was narrowed to with --type, if any. */
  filter?: { type: string };
  rules: AuditRule[];
  documents: AuditDocument[];
  /** Per-group pass rates, with --group-by. */
  grouping?: Grouping;
  /** Pass rates and gaps then and now, with --compare. */
  comparison?: Comparison;
}

/** What building the audit needs beyond the lint reports. */
export interface AuditInput {
  reports: FileReport[];
  rules: RuleSummary[];
  packs: PackProvenance[];
  figures: Record<string, PublishedFigure>;
  tool: { name: string; version: string };
  order: RuleOrder;
  groupBy?: GroupBy;
  filter?: { type: string };
  today?: Date;
}

/** Rules by pass rate, lowest first (rules that applied nowhere last), keeping the pack order among equals. */
export function byPassRate<T extends { passRate: number | null }>(rows: T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (a.row.passRate ?? Infinity) - (b.row.passRate ?? Infinity) || a.index - b.index)
    .map(({ row }) => row);
}

/** Each finding of a report as the drill-down lists it. */
function detailsOf(report: FileReport): GapDetail[] {
  return report.messages.map((message) => ({ ruleId: message.ruleId, line: message.line, column: message.column, message: message.message }));
}

/** Builds the audit from lint reports: the summary's numbers, each draft's facts and findings, the pack list and, if asked, the group breakdown. */
export function buildAuditReport(input: AuditInput): AuditReport {
  const summary = summarise(input.reports, input.rules, input.figures, input.tool, input.today);
  const explanations = new Map(input.rules.map((rule) => [rule.id, rule.explanation]));
  const ruleRows: AuditRule[] = summary.rules.map((row) => {
    const explanation = explanations.get(row.id);
    return explanation ? { ...row, explanation } : row;
  });
  const rules = input.order === 'rate' ? byPassRate(ruleRows) : ruleRows;
  const documents = summary.documents.map((row, index): AuditDocument => ({ ...row, facts: draftFacts(input.reports[index]), details: detailsOf(input.reports[index]) }));
  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: summary.tool,
    date: summary.date,
    packs: input.packs,
    order: input.order,
    ...(input.filter ? { filter: input.filter } : {}),
    totals: summary.totals,
    rules,
    documents,
    gapDistribution: summary.gapDistribution,
    ...(input.groupBy ? { grouping: groupBreakdown(input, documents, rules.map((rule) => rule.id)) } : {}),
  };
}
