import { Linter } from '../../rules/linter.js';
import { collectFiles } from '../collect-files.js';
import { tooManyWarnings } from '../check.js';
import { lintInParallel } from '../lint-pool.js';
import { UsageError } from '../usage-error.js';
import { planOutput, writeAudit } from './audit-output.js';
import { buildAuditReport, RULE_ORDERS, type AuditReport, type RuleOrder } from './audit-report.js';
import { compareAudits, readPreviousAudit } from './compare.js';
import { GROUP_BY, type GroupBy } from './groups.js';
import { ProgressBar } from './progress.js';
import { publishedFigures } from './published-figures.js';
import { filterByType } from './report-type.js';
import { addSnippets } from './snippets.js';

/** Options of `assessment-lint audit`. */
export interface AuditOptions {
  paths: string[];
  packs: string[];
  config?: string;
  /** The file (or, for CSV, folder) to write; standard output when absent. */
  out?: string;
  /** html, json or csv; when absent, taken from the --out extension, else html. */
  format?: string;
  /** Quote a short snippet of each finding's text (off by default: the report then holds no draft text). */
  snippets: boolean;
  /** Exit 1 when the caseload has more warnings than this, as `check --max-warnings` does. */
  maxWarnings?: number;
  /** --group-by: author, team or folder. */
  groupBy?: string;
  /** --compare: a previous `audit --format json` output. */
  compare?: string;
  /** --sort: rule (pack order, the default) or rate (lowest pass rate first). */
  sort?: string;
  /** --type: audit only drafts of this report type or with a section of this kind. */
  type?: string;
  /** --docs-base-url: where the rule pages are published, for the report's links. */
  docsBaseUrl?: string;
  /** --table: the one CSV table to write. */
  table?: string;
  version: string;
}

const WEB_ADDRESS = /^https?:\/\/[^\s/]+/i;

function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} takes ${allowed.join(', ')}, not '${value}'`);
  return value as T;
}

/** Checks the options that need no linting, so a mistake is reported at once. */
function validated(options: AuditOptions): { groupBy?: GroupBy; order: RuleOrder; previous?: AuditReport } {
  const groupBy = choice('--group-by', options.groupBy, GROUP_BY);
  const order = choice('--sort', options.sort, RULE_ORDERS) ?? 'rule';
  if (options.docsBaseUrl !== undefined && !WEB_ADDRESS.test(options.docsBaseUrl)) throw new UsageError(`--docs-base-url takes a web address such as https://example.org/rules/, not '${options.docsBaseUrl}'`);
  if (options.type !== undefined && options.type.trim() === '') throw new UsageError('--type takes a report type or section kind, such as psr or risk-of-harm');
  const previous = options.compare !== undefined ? readPreviousAudit(options.compare) : undefined;
  return { groupBy, order, previous };
}

/**
 * Lints a caseload (on all cores, with a progress bar on a terminal) and writes
 * the audit: per-rule pass rates beside the inspectorate's figures, per-group
 * and per-draft detail, and changes since a previous audit. Returns the exit
 * code, as `check` would.
 */
export async function runAudit(options: AuditOptions): Promise<number> {
  const plan = planOutput({ format: options.format, out: options.out, table: options.table, grouped: options.groupBy !== undefined });
  const { groupBy, order, previous } = validated(options);
  const { files, unmatched } = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
  if (files.length === 0) {
    throw new UsageError(`no drafts found in ${unmatched.map((entry) => `'${entry}'`).join(', ')}; give folders, files or globs of .md, .markdown, .txt or .docx drafts`);
  }
  for (const entry of unmatched) process.stderr.write(`assessment-lint: '${entry}' matched no drafts; check the path\n`);
  // Compile the configuration once here, so a broken pack is reported before any worker starts.
  new Linter({ configFile: options.config, extraPacks: options.packs }).configFor(files[0]);
  const job = { files, config: options.config, packs: options.packs, quiet: false, cwd: process.cwd(), describe: true };
  const progress = new ProgressBar(files.length);
  let batch;
  try {
    batch = await lintInParallel(job, __filename, () => progress.tick());
  } finally {
    progress.finish();
  }
  for (const warning of batch.warnings ?? []) process.stderr.write(`assessment-lint: warning: ${warning}\n`);
  const reports = options.type !== undefined ? filterByType(batch.reports, options.type) : batch.reports;
  const report = buildAuditReport({
    reports,
    rules: batch.rules,
    packs: batch.packs ?? [],
    figures: publishedFigures(),
    tool: { name: 'assessment-lint', version: options.version },
    order,
    groupBy,
    ...(options.type !== undefined ? { filter: { type: options.type } } : {}),
  });
  if (previous) report.comparison = compareAudits(previous, report, options.compare!);
  if (options.snippets) await addSnippets(report, reports);
  const where = writeAudit(plan, report, { snippets: options.snippets, cwd: process.cwd(), docsBaseUrl: options.docsBaseUrl });
  const { linted, skipped, withGaps } = report.totals;
  process.stderr.write(`assessment-lint: audited ${linted} draft${linted === 1 ? '' : 's'}, ${withGaps} with gaps${skipped > 0 ? `, ${skipped} file${skipped === 1 ? '' : 's'} skipped (listed in the report)` : ''}${where}\n`);
  return report.totals.errors > 0 || tooManyWarnings(report.totals.warnings, options.maxWarnings) ? 1 : 0;
}
