import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from '../../rules/linter.js';
import { collectFiles } from '../collect-files.js';
import { tooManyWarnings } from '../check.js';
import { lintInParallel } from '../lint-pool.js';
import { UsageError } from '../usage-error.js';
import { ProgressBar } from './progress.js';
import { publishedFigures } from './published-figures.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { addSnippets } from './snippets.js';
import { summarise, type AuditSummary } from './summarise.js';

/** The formats `audit` can write. */
export const AUDIT_FORMATS = ['html', 'json', 'csv'] as const;
/** One of the audit formats. */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** Options of `assessment-lint audit`. */
export interface AuditOptions {
  paths: string[];
  packs: string[];
  config?: string;
  /** The file to write; standard output when absent. */
  out?: string;
  /** html, json or csv; when absent, taken from the --out extension, else html. */
  format?: string;
  /** Quote a short snippet of each finding's text (off by default: the report then holds no draft text). */
  snippets: boolean;
  /** Exit 1 when the caseload has more warnings than this, as `check --max-warnings` does. */
  maxWarnings?: number;
  version: string;
}

/** The format asked for, or the one the output file's extension names, or html. */
export function auditFormat(format: string | undefined, out: string | undefined): AuditFormat {
  if (format !== undefined) {
    if (!(AUDIT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown audit format '${format}'; use one of ${AUDIT_FORMATS.join(', ')}`);
    return format as AuditFormat;
  }
  const extension = out ? path.extname(out).slice(1).toLowerCase() : '';
  return (AUDIT_FORMATS as readonly string[]).includes(extension) ? (extension as AuditFormat) : 'html';
}

function render(format: AuditFormat, summary: AuditSummary, snippets: boolean): string {
  if (format === 'json') return renderJson(summary);
  if (format === 'csv') return renderCsv(summary);
  return renderHtml(summary, { snippets });
}

/**
 * Lints a caseload (on all cores, with a progress bar on a terminal) and writes
 * the audit: per-rule pass rates beside the inspectorate's figures, per-draft
 * gaps and suppressions. Returns the exit code, as `check` would.
 */
export async function runAudit(options: AuditOptions): Promise<number> {
  const format = auditFormat(options.format, options.out);
  const { files, unmatched } = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
  if (files.length === 0) {
    throw new UsageError(`no drafts found in ${unmatched.map((entry) => `'${entry}'`).join(', ')}; give folders, files or globs of .md, .markdown, .txt or .docx drafts`);
  }
  for (const entry of unmatched) process.stderr.write(`assessment-lint: '${entry}' matched no drafts; check the path\n`);
  // Compile the configuration once here, so a broken pack is reported before any worker starts.
  new Linter({ configFile: options.config, extraPacks: options.packs }).configFor(files[0]);
  const job = { files, config: options.config, packs: options.packs, quiet: false, cwd: process.cwd() };
  const progress = new ProgressBar(files.length);
  let batch;
  try {
    batch = await lintInParallel(job, __filename, () => progress.tick());
  } finally {
    progress.finish();
  }
  for (const warning of batch.warnings ?? []) process.stderr.write(`assessment-lint: warning: ${warning}\n`);
  const summary = summarise(batch.reports, batch.rules, publishedFigures(), { name: 'assessment-lint', version: options.version });
  if (options.snippets) await addSnippets(summary, batch.reports);
  const text = render(format, summary, options.snippets);
  if (options.out) writeFileSync(options.out, text);
  else process.stdout.write(text);
  const { linted, skipped, withGaps } = summary.totals;
  const where = options.out ? `; ${format.toUpperCase()} report written to ${options.out}` : '';
  process.stderr.write(`assessment-lint: audited ${linted} draft${linted === 1 ? '' : 's'}, ${withGaps} with gaps${skipped > 0 ? `, ${skipped} file${skipped === 1 ? '' : 's'} skipped (listed in the report)` : ''}${where}\n`);
  return summary.totals.errors > 0 || tooManyWarnings(summary.totals.warnings, options.maxWarnings) ? 1 : 0;
}
