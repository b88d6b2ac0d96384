import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { effectiveSeverity } from '../rules/core/engine.js';
import { headerFields, sectionKindsOf } from '../rules/core/header-fields.js';
import { severitiesFor, type ResolvedConfig } from '../rules/config/workspace-config.js';
import { Linter } from '../rules/linter.js';
import { loadDraft } from '../rules/io/load-draft.js';
import { readRegularFile } from '../rules/io/read-regular-file.js';
import { failureReason } from '../rules/core/unchecked-draft.js';
import { ConfigurationError } from '../rules/packs/problems.js';
import { LOCK_FILE_NAME, lockPacks } from '../rules/packs/lock.js';
import { coverageDetail } from './coverage-detail.js';
import { flaggedWords, lineAndColumn, positionMessage, relativePath, type FileReport, type PackProvenance, type RuleSummary } from './report.js';

/** A lock file larger than this is not hashed for the report. */
const MAX_LOCK_BYTES = 8 * 1024 * 1024;

/** What linting a batch of files needs to know, in a form that can cross to a worker thread. */
export interface LintJob {
  files: string[];
  config?: string;
  packs: string[];
  quiet: boolean;
  cwd: string;
  /** Also read each draft's header fields and section kinds, and the packs' provenance (for the audit). */
  describe?: boolean;
  /** Also give each coverage rule's evidence and the mentions it set aside (JSON, `explain`). */
  explain?: boolean;
}

/** Reports for a batch of files and the rules that ran on them. */
export interface LintBatch {
  reports: FileReport[];
  rules: RuleSummary[];
  /** Configuration warnings that do not stop linting (a pack that no longer matches its lock), each once. */
  warnings?: string[];
  /** The packs that produced the reports, each once (only when the job asks to describe). */
  packs?: PackProvenance[];
}

/**
 * Lints a batch of files in this thread (Word drafts converted first):
 * unreadable, binary or oversized files, and any draft the linter fails on,
 * are reported as skipped with the reason; `onFile` is called after each file.
 * A worker passes its `linter` from batch to batch, so the configuration is
 * compiled once.
 */
export async function lintFiles(job: LintJob, onFile?: () => void, linter = new Linter({ configFile: job.config, extraPacks: job.packs })): Promise<LintBatch> {
  const reports: FileReport[] = [];
  const rules = new Map<string, RuleSummary>();
  const warnings = new Set<string>();
  const packs = new Map<string, PackProvenance>();
  const described = new Set<ResolvedConfig>();
  const configs = new Map<string, ResolvedConfig>();
  for (const file of job.files) {
    const relative = relativePath(file, job.cwd);
    try {
      const draft = await loadDraft(file);
      if (!draft.ok) {
        reports.push({ file, relative, messages: [], suppressed: [], skipped: draft.reason });
        continue;
      }
      // Drafts in one folder share a configuration: look it up once per folder, not once per draft.
      const folder = path.dirname(file);
      const known = configs.get(folder) ?? linter.configFor(file);
      configs.set(folder, known);
      const { document, result, config, failure } = linter.lintWith(known, draft.text, draft.format, file);
      for (const warning of config.warnings) warnings.add(warning.message);
      for (const rule of [...config.pack.rules, ...config.pack.engineRules]) rules.set(rule.id, { id: rule.id, message: rule.message, docsUrl: rule.docsUrl, severity: rule.severity, ...(rule.explanation ? { explanation: rule.explanation } : {}) });
      if (failure) {
        reports.push({ file, relative, messages: [], suppressed: [], skipped: failure });
        continue;
      }
      const messages = result.messages.filter((message) => !job.quiet || message.severity === 'error').map((message) => ({ ...positionMessage(message, document.lines, draft.paragraphs), quote: flaggedWords(message, draft.text) }));
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
      // Rules a draft stopped part-way could not judge did not run on it: the audit does not count it as passing them.
      const unjudged = new Set(result.unjudged);
      const report: FileReport = { file, relative, messages, suppressed, suppressions, coverage, rulesRun: rulesRunOn(config, file).filter((id) => !unjudged.has(id)) };
      if (job.explain) report.coverageDetail = coverageDetail(result.coverage, draft.text, document.lines, draft.paragraphs);
      if (job.describe) {
        report.header = headerFields(document);
        report.sectionKinds = sectionKindsOf(document);
        if (!described.has(config)) {
          described.add(config);
          for (const pack of packProvenance(config, job.cwd)) packs.set(JSON.stringify(pack), pack);
        }
      }
      reports.push(report);
    } catch (error) {
      // A broken configuration stops the run (exit 2); anything else that goes wrong with one draft skips that draft only.
      if (error instanceof ConfigurationError) throw error;
      reports.push({ file, relative, messages: [], suppressed: [], skipped: failureReason(error) });
    } finally {
      onFile?.();
    }
  }
  return { reports, rules: [...rules.values()], warnings: [...warnings], ...(job.describe ? { packs: [...packs.values()] } : {}) };
}

/** The packs of a resolved configuration as a report names them, with the hash of its lock file when there is one. */
function packProvenance(config: ResolvedConfig, cwd: string): PackProvenance[] {
  const lockFile = path.join(config.folder, LOCK_FILE_NAME);
  const lockSha256 = existsSync(lockFile) ? createHash('sha256').update(readRegularFile(lockFile, MAX_LOCK_BYTES, 'lock file')).digest('hex') : undefined;
  return lockPacks(config.layers, cwd).packs.map(({ name, version, source }) => ({
    name,
    version,
    source,
    ...(config.file ? { config: relativePath(config.file, cwd) } : {}),
    ...(lockSha256 ? { lockSha256 } : {}),
  }));
}

/** The ids of the rules not switched off for a file (pack stages and configuration overrides applied, as the linter does), the engine's own last. */
function rulesRunOn(config: ResolvedConfig, file: string): string[] {
  const severities = severitiesFor(config, file);
  return [...config.pack.rules, ...config.pack.engineRules].filter((rule) => effectiveSeverity(rule, { severities }) !== 'off').map((rule) => rule.id);
}
