import type { AuditReport } from './audit-report.js';

/** The tables the audit writes as CSV, one file each. */
export const CSV_TABLES = ['rules', 'drafts', 'suppressions', 'groups'] as const;
/** One of the CSV tables. */
export type CsvTable = (typeof CSV_TABLES)[number];

/** A table: a header row and rows of cells. */
export interface Table {
  columns: string[];
  rows: Array<Array<string | number | boolean | null | undefined>>;
}

/** A field that needs quoting: it holds a comma, a quote or a line break. */
const NEEDS_QUOTES = /[",\r\n]/;
/** Text a spreadsheet would run as a formula; such fields get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;
const QUOTE = /"/g;

/** One CSV field (RFC 4180 quoting; text that looks like a formula is defused). */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(QUOTE, '""')}"` : text;
}

/** A table as RFC 4180 CSV: CRLF line ends, a header row, fields quoted where needed. */
export function tableCsv(table: Table): string {
  return [table.columns, ...table.rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One row per rule: where it applied, passing and failing drafts, pass rate, the published figure and, with --compare, the rate before. */
function rulesTable(report: AuditReport): Table {
  const previous = new Map(report.comparison?.rules.map((rule) => [rule.id, rule]));
  const compared = report.comparison !== undefined;
  const columns = ['rule', 'message', 'applicable', 'passing', 'failing', 'pass_rate', 'passing_by_suppression', 'findings', 'suppressed_findings', 'published_percent', 'published_measure', 'published_source', 'published_url'];
  if (compared) columns.push('previous_pass_rate', 'change');
  const rows = report.rules.map((rule) => {
    const row: Table['rows'][number] = [
      rule.id,
      rule.message,
      rule.applicable,
      rule.passing,
      rule.failing,
      rule.passRate,
      rule.passingBySuppression,
      rule.findings,
      rule.suppressions.reduce((sum, entry) => sum + entry.findings, 0),
      rule.published?.percent,
      rule.published?.measure,
      rule.published ? `${rule.published.source.publisher}: ${rule.published.source.title} (${rule.published.source.date})` : null,
      rule.published?.source.url,
    ];
    if (compared) row.push(previous.get(rule.id)?.before, previous.get(rule.id)?.change);
    return row;
  });
  return { columns, rows };
}

/** One row per file: its header facts, folder, counts and the rules it fails (and, with --compare, gaps gained and lost). */
function draftsTable(report: AuditReport): Table {
  const changes = new Map(report.comparison?.drafts.map((draft) => [draft.file, draft]));
  const compared = report.comparison !== undefined;
  const columns = ['file', 'author', 'team', 'type', 'folder', 'skipped', 'findings', 'errors', 'warnings', 'gaps', 'gap_rules', 'suppressions'];
  if (compared) columns.push('gaps_gained', 'gaps_lost');
  const rows = report.documents.map((row) => {
    const linted = !row.skipped;
    const cells: Table['rows'][number] = [
      row.file,
      row.facts.author,
      row.facts.team,
      row.facts.type,
      row.facts.folder,
      row.skipped,
      linted ? row.findings : null,
      linted ? row.errors : null,
      linted ? row.warnings : null,
      linted ? row.gaps.length : null,
      row.gaps.join(' '),
      linted ? row.suppressions.length : null,
    ];
    if (compared) cells.push(changes.get(row.file)?.gained.join(' ') ?? '', changes.get(row.file)?.lost.join(' ') ?? '');
    return cells;
  });
  return { columns, rows };
}

const SUPPRESSION_COLUMN_NAMES: Record<string, string> = { ruleId: 'rule' };
/** Field names as CSV columns: `ruleId` is `rule`, camelCase becomes snake_case. */
const CAPITAL = /[A-Z]/g;

function columnName(key: string): string {
  return SUPPRESSION_COLUMN_NAMES[key] ?? key.replace(CAPITAL, (letter) => `_${letter.toLowerCase()}`);
}

function cell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** One row per suppression comment of each draft; every field of the draft's suppression entries becomes a column. */
function suppressionsTable(report: AuditReport): Table {
  const keys: string[] = [];
  for (const row of report.documents) for (const entry of row.suppressions) for (const key of Object.keys(entry)) if (!keys.includes(key)) keys.push(key);
  if (keys.length === 0) keys.push('ruleId', 'line', 'reason');
  const rows = report.documents.flatMap((row) => row.suppressions.map((entry) => [row.file, ...keys.map((key) => cell((entry as unknown as Record<string, unknown>)[key]))]));
  return { columns: ['file', ...keys.map(columnName)], rows };
}

/** One row per group and rule (with --group-by): the group's drafts and the rule's numbers in that group. */
function groupsTable(report: AuditReport): Table {
  const grouping = report.grouping;
  const columns = ['group_by', 'group', 'drafts', 'drafts_with_gaps', 'rule', 'applicable', 'passing', 'failing', 'pass_rate'];
  if (!grouping) return { columns, rows: [] };
  return { columns, rows: grouping.groups.flatMap((group) => group.rules.map((rule) => [grouping.by, group.name, group.drafts, group.withGaps, rule.id, rule.applicable, rule.passing, rule.failing, rule.passRate])) };
}

/** The audit's CSV tables; `groups` only with --group-by. */
export function csvTables(report: AuditReport): Partial<Record<CsvTable, Table>> {
  return {
    rules: rulesTable(report),
    drafts: draftsTable(report),
    suppressions: suppressionsTable(report),
    ...(report.grouping ? { groups: groupsTable(report) } : {}),
  };
}
