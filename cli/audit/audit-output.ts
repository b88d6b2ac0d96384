import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../usage-error.js';
import type { AuditReport } from './audit-report.js';
import { CSV_TABLES, csvTables, tableCsv, type CsvTable } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';

/** The formats `audit` can write. */
export const AUDIT_FORMATS = ['html', 'json', 'csv'] as const;
/** One of the audit formats. */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The file extensions `--out` may end with, and the format each means. */
const EXTENSIONS: Record<string, AuditFormat> = { '.html': 'html', '.htm': 'html', '.json': 'json', '.csv': 'csv' };

/** Where the audit goes: standard output, one file, or a folder of CSV tables. */
export type AuditTarget = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'folder'; path: string };

/** The format, the target and, for CSV, the one table asked for with --table. */
export interface OutputPlan {
  format: AuditFormat;
  target: AuditTarget;
  table?: CsvTable;
}

const WRITABLE = 'HTML (.html), JSON (.json) or CSV (.csv for one table, or a folder for all of them)';

/**
 * Works out what to write from --format, --out and --table, before any
 * linting: an --out extension the audit cannot write (.pdf, .xlsx…), a format
 * that contradicts the extension, or CSV with no table and no folder is a usage
 * problem naming what it can write.
 */
export function planOutput(options: { format?: string; out?: string; table?: string; grouped: boolean }): OutputPlan {
  if (options.format !== undefined && !(AUDIT_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`unknown audit format '${options.format}'; the audit writes ${WRITABLE}: use --format html, json or csv`);
  }
  if (options.table !== undefined && !(CSV_TABLES as readonly string[]).includes(options.table)) throw new UsageError(`unknown CSV table '${options.table}'; use --table ${CSV_TABLES.join(', ')}`);
  const table = options.table as CsvTable | undefined;
  if (table === 'groups' && !options.grouped) throw new UsageError("--table groups needs --group-by author, team or folder");
  const isFolder = options.out !== undefined && existsSync(options.out) && statSync(options.out).isDirectory();
  if (isFolder && options.format !== 'csv' && !table) throw new UsageError(`'${options.out}' is a folder; give --out a file name (.html or .json), or --format csv to write the CSV tables into it`);
  if (isFolder) return { format: 'csv', target: { kind: 'folder', path: options.out! }, table };
  const extension = options.out ? path.extname(options.out).toLowerCase() : '';
  const fromExtension = EXTENSIONS[extension];
  if (extension && !fromExtension) throw new UsageError(`cannot write '${options.out}': the audit writes ${WRITABLE}, not ${extension} files`);
  const format = (options.format as AuditFormat | undefined) ?? fromExtension ?? (table ? 'csv' : 'html');
  if (fromExtension && fromExtension !== format) throw new UsageError(`--format ${format} does not match '${options.out}'; give the file a .${format} extension or leave out --format`);
  if (table && format !== 'csv') throw new UsageError(`--table chooses a CSV table; it does not go with --format ${format}`);
  if (!options.out) {
    if (format === 'csv' && !table) throw new UsageError(`CSV is written one table per file: give --out FOLDER for all the tables, or --table ${CSV_TABLES.join('|')} for one`);
    return { format, target: { kind: 'stdout' }, table };
  }
  if (format === 'csv' && !extension) return { format, target: { kind: 'folder', path: options.out }, table };
  if (format === 'csv' && !table) throw new UsageError(`'${options.out}' is one file, and CSV is written one table per file: add --table ${CSV_TABLES.join('|')}, or give --out a folder for all the tables`);
  return { format, target: { kind: 'file', path: options.out }, table };
}

/** What rendering HTML needs besides the report. */
export interface RenderOptions {
  snippets: boolean;
  cwd: string;
  docsBaseUrl?: string;
}

/** The text of one output file: HTML, JSON or one CSV table. */
function render(plan: OutputPlan, report: AuditReport, options: RenderOptions, table?: CsvTable): string {
  if (plan.format === 'json') return renderJson(report);
  if (plan.format === 'csv') return tableCsv(csvTables(report)[table!]!);
  const reportFolder = plan.target.kind === 'file' ? path.resolve(options.cwd, path.dirname(plan.target.path)) : options.cwd;
  return renderHtml(report, { snippets: options.snippets, links: { reportFolder, cwd: options.cwd, docsBaseUrl: options.docsBaseUrl } });
}

/** Runs a file-system write; a failure (a missing folder, a file where a folder should be, no permission) is a usage problem naming the path. */
function writing(target: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`cannot write '${target}' (${code}); check that its folder exists and can be written to, and that no file stands where a folder is wanted`);
  }
}

/** Writes the audit as planned and returns a phrase saying where it went (empty for standard output). */
export function writeAudit(plan: OutputPlan, report: AuditReport, options: RenderOptions): string {
  const { target } = plan;
  if (target.kind === 'stdout') {
    process.stdout.write(render(plan, report, options, plan.table));
    return '';
  }
  if (target.kind === 'file') {
    const text = render(plan, report, options, plan.table);
    writing(target.path, () => writeFileSync(target.path, text));
    return `; ${plan.table ? `${plan.table} table` : plan.format.toUpperCase() + ' report'} written to ${target.path}`;
  }
  writing(target.path, () => mkdirSync(target.path, { recursive: true }));
  const tables = plan.table ? [plan.table] : CSV_TABLES.filter((name) => csvTables(report)[name]);
  for (const name of tables) {
    const file = path.join(target.path, `${name}.csv`);
    const text = render(plan, report, options, name);
    writing(file, () => writeFileSync(file, text));
  }
  return `; CSV tables written to ${target.path} (${tables.map((name) => `${name}.csv`).join(', ')})`;
}
