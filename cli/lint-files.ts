import { effectiveSeverity } from '../rules/core/engine.js';
import { severitiesFor, type ResolvedConfig } from '../rules/config/workspace-config.js';
import { Linter } from '../rules/linter.js';
import { loadDraft } from '../rules/io/load-draft.js';
import { lineAndColumn, positionMessage, relativePath, type FileReport, type RuleSummary } from './report.js';

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

/** Lints a batch of files in this thread (Word drafts converted first): unreadable, binary or oversized files are reported as skipped; `onFile` is called after each file. */
export async function lintFiles(job: LintJob, onFile?: () => void): Promise<LintBatch> {
  const linter = new Linter({ configFile: job.config, extraPacks: job.packs });
  const reports: FileReport[] = [];
  const rules = new Map<string, RuleSummary>();
  const warnings = new Set<string>();
  for (const file of job.files) {
    const relative = relativePath(file, job.cwd);
    const draft = await loadDraft(file);
    if (!draft.ok) {
      reports.push({ file, relative, messages: [], suppressed: [], skipped: draft.reason });
      onFile?.();
      continue;
    }
    const { document, result, config } = linter.lintText(draft.text, draft.format, file);
    for (const warning of config.warnings) warnings.add(warning.message);
    for (const rule of [...config.pack.rules, ...config.pack.engineRules]) rules.set(rule.id, { id: rule.id, message: rule.message, docsUrl: rule.docsUrl, severity: rule.severity });
    const messages = result.messages.filter((message) => !job.quiet || message.severity === 'error').map((message) => positionMessage(message, document.lines, draft.paragraphs));
    const suppressed = result.suppressed.map((entry) => ({ ...entry, line: lineAndColumn(document.lines, entry.message.start, draft.paragraphs).line }));
    const suppressions = result.suppressions.map((entry) => ({
      line: lineAndColumn(document.lines, entry.span.start, draft.paragraphs).line,
      ruleIds: entry.ruleIds,
      reason: entry.reason ?? null,
      status: entry.status,
      silenced: entry.silenced,
      silencedByRule: entry.silencedByRule,
    }));
    const coverage = result.coverage.map(({ ruleId, status }) => ({ ruleId, status }));
    reports.push({ file, relative, messages, suppressed, suppressions, coverage, rulesRun: rulesRunOn(config, file) });
    onFile?.();
  }
  return { reports, rules: [...rules.values()], warnings: [...warnings] };
}

/** The ids of the rules not switched off for a file (pack stages and configuration overrides applied, as the linter does), the engine's own last. */
function rulesRunOn(config: ResolvedConfig, file: string): string[] {
  const severities = severitiesFor(config, file);
  return [...config.pack.rules, ...config.pack.engineRules].filter((rule) => effectiveSeverity(rule, { severities }) !== 'off').map((rule) => rule.id);
}
