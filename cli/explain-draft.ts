import { collectFiles } from './collect-files.js';
import { lintFiles } from './lint-files.js';
import type { CoverageDetail, FileReport } from './report.js';
import { UsageError } from './usage-error.js';

/** Options of `assessment-lint explain`. */
export interface ExplainOptions {
  paths: string[];
  packs: string[];
  config?: string;
  /** Explain this rule only. */
  rule?: string;
}

/** How each coverage state reads at the head of a rule's entry. */
const STATE_WORDS: Readonly<Record<CoverageDetail['status'], string>> = {
  addressed: 'addressed',
  missing: 'MISSING',
  'not-applicable': 'does not apply',
};

/** One rule's entry: its state, the sentence that counted, and each mention set aside with why. */
function explainRuleOn(detail: CoverageDetail): string[] {
  const lines = [`${detail.ruleId}: ${STATE_WORDS[detail.status]}`];
  if (detail.evidence) {
    lines.push(`  counted, line ${detail.evidence.line}: "${detail.evidence.words}"`);
    lines.push(`    in "${detail.evidence.sentence}"`);
  }
  else if (detail.status === 'missing') lines.push('  nothing in the draft counted');
  for (const mention of detail.setAside) {
    const cue = mention.cue ? ` ("${mention.cue}")` : '';
    lines.push(`  set aside, line ${mention.line}: "${mention.words}": ${mention.because}${cue}`);
    lines.push(`    in "${mention.sentence}"`);
  }
  return lines;
}

/** The text `explain` prints for one draft. */
export function formatExplanation(report: FileReport, rule?: string): string {
  if (report.skipped) return `${report.relative}: skipped: it ${report.skipped}\n`;
  const details = (report.coverageDetail ?? []).filter((detail) => rule === undefined || detail.ruleId === rule);
  return [report.relative, ...details.flatMap(explainRuleOn)].join('\n') + '\n';
}

/**
 * `assessment-lint explain DRAFT [--rule ID]`: for each rule that looks for a
 * topic, whether it is addressed, the sentence that made it pass, and every
 * mention set aside with the reason, so that a false pass can be seen and
 * challenged. Exit 0 unless the arguments are wrong.
 */
export async function runExplain(options: ExplainOptions): Promise<number> {
  if (options.paths.length === 0) throw new UsageError('explain needs a draft: assessment-lint explain DRAFT [--rule ID]');
  const { files, unmatched } = collectFiles(options.paths);
  if (files.length === 0) throw new UsageError(`no drafts found in ${unmatched.map((entry) => `'${entry}'`).join(', ')}; give a .md, .markdown, .txt or .docx draft`);
  const batch = await lintFiles({ files, config: options.config, packs: options.packs, quiet: false, cwd: process.cwd(), explain: true });
  if (options.rule !== undefined) {
    const known = new Set(batch.reports.flatMap((report) => (report.coverageDetail ?? []).map((detail) => detail.ruleId)));
    if (!known.has(options.rule)) {
      const kinds = [...known].sort().join(', ');
      throw new UsageError(`--rule '${options.rule}' is not a rule that looks for a topic in these drafts; use one of ${kinds}`);
    }
  }
  process.stdout.write(batch.reports.map((report) => formatExplanation(report, options.rule)).join('\n'));
  return 0;
}
