import { writeFileSync } from 'node:fs';
import { Linter } from '../rules/linter.js';
import { collectFiles } from './collect-files.js';
import { lintInParallel } from './lint-pool.js';
import { checkLock } from './pack-lock.js';
import { formatGithub } from './formats/github.js';
import { formatJson } from './formats/json.js';
import { formatJunit } from './formats/junit.js';
import { formatSarif } from './formats/sarif.js';
import { formatStylish } from './formats/stylish.js';
import type { FileReport, RuleSummary } from './report.js';
import { UsageError } from './usage-error.js';

/** The output formats `check` can write. */
export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;
/** One of the output formats. */
export type Format = (typeof FORMATS)[number];

/** Options of `assessment-lint check`. */
export interface CheckOptions {
  paths: string[];
  packs: string[];
  config?: string;
  format: Format;
  output?: string;
  maxWarnings?: number;
  quiet: boolean;
  /** Exit 1 before linting when the packs differ from the lock. */
  frozenLock?: boolean;
  version: string;
}

/** Lints the drafts named on the command line and writes a report; returns the exit code (0 clean, 1 failing). */
export async function runCheck(options: CheckOptions): Promise<number> {
  const { files, unmatched } = collectFiles(options.paths.length > 0 ? options.paths : ['.']);
  if (files.length === 0) {
    throw new UsageError(`no drafts found in ${unmatched.map((entry) => `'${entry}'`).join(', ')}; give files, folders or globs of .md, .markdown, .txt or .docx drafts`);
  }
  for (const entry of unmatched) process.stderr.write(`assessment-lint: '${entry}' matched no drafts; check the path\n`);
  const job = { files, config: options.config, packs: options.packs, quiet: options.quiet, cwd: process.cwd(), explain: options.format === 'json' };
  if (options.frozenLock && frozenLockFails(options.config, files[0])) return 1;
  // The configuration is compiled where the drafts are linted (once per worker); a broken pack is reported once, by the first to meet it.
  const { reports, rules, warnings: configWarnings } = await lintInParallel(job, __filename);
  for (const warning of configWarnings ?? []) process.stderr.write(`assessment-lint: warning: ${warning}\n`);
  const text = render(options.format, reports, rules, options.version);
  if (options.output) writeFileSync(options.output, text);
  else process.stdout.write(text);
  const errors = reports.reduce((sum, report) => sum + report.messages.filter((message) => message.severity === 'error').length, 0);
  const warnings = reports.reduce((sum, report) => sum + report.messages.filter((message) => message.severity === 'warning').length, 0);
  for (const report of reports) {
    if (report.skipped && options.format !== 'stylish') process.stderr.write(`assessment-lint: skipped ${report.relative}: it ${report.skipped}\n`);
  }
  return errors > 0 || tooManyWarnings(warnings, options.maxWarnings) ? 1 : 0;
}

/** True (each difference said on standard error) when the configuration's own packs differ from its lock; a usage problem when there is no configuration. */
function frozenLockFails(config: string | undefined, file: string): boolean {
  const resolved = new Linter({ configFile: config }).configFor(file);
  if (!resolved.file) throw new UsageError(`--frozen-lock needs a configuration with a lock; there is no .assessment-lint.yaml here or above`);
  return checkLock(resolved, (line) => process.stderr.write(`assessment-lint: ${line}\n`)) !== 0;
}

/** True (and said on standard error) when there are more warnings than `--max-warnings` allows. */
export function tooManyWarnings(warnings: number, maxWarnings: number | undefined): boolean {
  if (maxWarnings === undefined || warnings <= maxWarnings) return false;
  process.stderr.write(`assessment-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return true;
}

function render(format: Format, reports: FileReport[], rules: RuleSummary[], version: string): string {
  switch (format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, rules, version);
    case 'junit':
      return formatJunit(reports);
    case 'github':
      return formatGithub(reports);
    default:
      return formatStylish(reports);
  }
}
