import path from 'node:path';
import { effectiveSeverity, SUPPRESSION_RULE } from '../rules/core/engine.js';
import { severitiesFor, type ResolvedConfig } from '../rules/config/workspace-config.js';
import { Linter } from '../rules/linter.js';
import { loadDraft } from '../rules/io/load-draft.js';
import { flaggedWords, lineAndColumn, positionMessage, relativePath, type FileReport, type RuleSummary } from './report.js';

/** What linting a batch of files needs to know, in a form that can cross to a worker thread. */
export interface LintJob {
  files: string[];
  config?: string;
  packs: string[];
  quiet: boolean;
  cwd: string;
}

/** Reports for a batch of files and the rules that ran on them. */
export interface LintBatch {
  reports: FileReport[];
  rules: RuleSummary[];
  /** Configuration warnings that do not stop linting (a pack that no longer matches its lock), each once. */
  warnings?: string[];
}

/**
 * Lints a batch of files in this thread (Word drafts converted first):
 * unreadable, binary or oversized files are reported as skipped; `onFile` is
 * called after each file. A worker passes its `linter` from batch to batch,
 * so the configuration is compiled once.
 */
export async function lintFiles(job: LintJob, onFile?: () => void, linter = new Linter({ configFile: job.config, extraPacks: job.packs })): Promise<LintBatch> {
  const reports: FileReport[] = [];
  const rules = new Map<string, RuleSummary>();
  const warnings = new Set<string>();
  const configs = new Map<string, ResolvedConfig>();
  for (const file of job.files) {
    const relative = relativePath(file, job.cwd);
    const draft = await loadDraft(file);
    if (!draft.ok) {
      reports.push({ file, relative, messages: [], suppressed: [], skipped: draft.reason });
      onFile?.();
      continue;
    }
    // Drafts in one folder share a configuration: look it up once per folder, not once per draft.
    const folder = path.dirname(file);
    const known = configs.get(folder) ?? linter.configFor(file);
    configs.set(folder, known);
    const { document, result, config } = linter.lintWith(known, draft.text, draft.format, file);
    for (const warning of config.warnings) warnings.add(warning.message);
    for (const rule of config.pack.rules) rules.set(rule.id, { id: rule.id, message: rule.message, docsUrl: rule.docsUrl, severity: rule.severity });
    const messages = result.messages.filter((message) => !job.quiet || message.severity === 'error').map((message) => ({ ...positionMessage(message, document.lines, draft.paragraphs), quote: flaggedWords(message, draft.text) }));
    const suppressed = result.suppressed.map((entry) => ({ ...entry, line: lineAndColumn(document.lines, entry.message.start, draft.paragraphs).line }));
    const coverage = result.coverage.map(({ ruleId, status }) => ({ ruleId, status }));
    reports.push({ file, relative, messages, suppressed, coverage, rulesRun: rulesRunOn(config, file) });
    onFile?.();
  }
  return { reports, rules: [...rules.values()], warnings: [...warnings] };
}

/** The ids of the rules not switched off for a file (pack stages and configuration overrides applied, as the linter does). */
function rulesRunOn(config: ResolvedConfig, file: string): string[] {
  const severities = severitiesFor(config, file);
  const ids = config.pack.rules.filter((rule) => effectiveSeverity(rule, { severities }) !== 'off').map((rule) => rule.id);
  return severities[SUPPRESSION_RULE] === 'off' ? ids : [...ids, SUPPRESSION_RULE];
}
