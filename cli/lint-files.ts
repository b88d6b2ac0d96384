import { Linter } from '../rules/linter.js';
import { readDraft } from '../rules/io/read-draft.js';
import { positionMessage, relativePath, type FileReport, type RuleSummary } from './report.js';

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

/** Lints a batch of files in this thread: unreadable, binary or oversized files are reported as skipped. */
export function lintFiles(job: LintJob): LintBatch {
  const linter = new Linter({ configFile: job.config, extraPacks: job.packs });
  const reports: FileReport[] = [];
  const rules = new Map<string, RuleSummary>();
  const warnings = new Set<string>();
  for (const file of job.files) {
    const relative = relativePath(file, job.cwd);
    const draft = readDraft(file);
    if (!draft.ok) {
      reports.push({ file, relative, messages: [], suppressed: [], skipped: draft.reason });
      continue;
    }
    const { document, result, config } = linter.lintText(draft.text, draft.format, file);
    for (const warning of config.warnings) warnings.add(warning.message);
    for (const rule of config.pack.rules) rules.set(rule.id, { id: rule.id, message: rule.message, docsUrl: rule.docsUrl, severity: rule.severity });
    const messages = result.messages.filter((message) => !job.quiet || message.severity === 'error').map((message) => positionMessage(message, document.lines));
    const suppressed = result.suppressed.map((entry) => ({ ...entry, line: document.lines.positionAt(entry.message.start).line + 1 }));
    reports.push({ file, relative, messages, suppressed });
  }
  return { reports, rules: [...rules.values()], warnings: [...warnings] };
}
