import { describeSuppression, type AuditSummary, type DocumentRow, type RuleRow } from './summarise.js';

/** The CSV columns; each row fills the ones its record type uses. */
export const CSV_COLUMNS = [
  'record',
  'rule',
  'file',
  'applicable',
  'passing',
  'failing',
  'pass_rate',
  'passing_by_suppression',
  'findings',
  'published_percent',
  'published_measure',
  'published_sources',
  'suppressions',
  'gaps',
  'gap_rules',
  'drafts',
  'skipped',
  'snippets',
] as const;

type Column = (typeof CSV_COLUMNS)[number];
type Row = Partial<Record<Column, string | number | null>>;

/** A field that needs quoting: it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;
/** Text a spreadsheet would run as a formula; such fields get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTE = /"/g;

/** One CSV field (RFC 4180 quoting; text that looks like a formula is defused). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

function ruleRecord(row: RuleRow): Row {
  return {
    record: 'rule',
    rule: row.id,
    applicable: row.applicable,
    passing: row.passing,
    failing: row.failing,
    pass_rate: row.passRate,
    passing_by_suppression: row.passingBySuppression,
    findings: row.findings,
    published_percent: row.published?.percent ?? null,
    published_measure: row.published?.measure ?? null,
    published_sources: row.published?.sources.join(' ') ?? null,
    suppressions: row.suppressions.map((entry) => `${entry.reason ?? '(no reason)'} (${entry.findings})`).join('; '),
  };
}

function documentRecord(row: DocumentRow): Row {
  return {
    record: 'document',
    file: row.file,
    findings: row.skipped ? null : row.findings,
    gaps: row.skipped ? null : row.gaps.length,
    gap_rules: row.gaps.join('; '),
    suppressions: row.suppressions
      .map((entry) => {
        const { rule, reason, outcome } = describeSuppression(entry);
        return `${rule} (line ${entry.line}): ${reason ?? '(no reason)'} [${outcome}]`;
      })
      .join('; '),
    skipped: row.skipped ?? null,
    snippets: row.snippets?.map((snippet) => `${snippet.ruleId} (line ${snippet.line}): ${snippet.text}`).join('; ') ?? null,
  };
}

/**
 * The audit as one CSV table with a `record` column: `rule` rows (per-rule numbers),
 * `document` rows (per-draft gaps and suppressions) and `gap-distribution` rows.
 */
export function renderCsv(summary: AuditSummary): string {
  const rows: Row[] = [
    ...summary.rules.map(ruleRecord),
    ...summary.documents.map(documentRecord),
    ...summary.gapDistribution.map((bin): Row => ({ record: 'gap-distribution', gaps: bin.gaps, drafts: bin.documents })),
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvField(row[column])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
