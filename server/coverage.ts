import type { LintReport } from './lint-report.js';
import { rangeOf } from './diagnostics.js';
import type { CoverageItem, CoverageResult } from './shared/protocol.js';

/** The checklist of a draft: each coverage rule, whether it is addressed, and where (or where its gap is reported). */
export function coverageOf(report: LintReport): CoverageResult {
  const linted = report.linted;
  const base = { uri: report.uri, version: report.key.version, enabled: report.enabled, gaps: report.diagnostics.length };
  if (!linted) return { ...base, pack: { name: '', version: '' }, items: [] };
  const lines = linted.document.lines;
  const items: CoverageItem[] = linted.result.coverage.map((entry) => {
    const gap =
      linted.result.messages.find((message) => message.ruleId === entry.ruleId) ?? linted.result.suppressed.find((kept) => kept.message.ruleId === entry.ruleId)?.message;
    const span = entry.evidence ?? (entry.status === 'missing' ? gap : undefined);
    return { ruleId: entry.ruleId, status: entry.status, message: entry.message, range: span ? rangeOf(lines, span) : undefined };
  });
  return { ...base, pack: { name: linted.config.pack.name, version: linted.config.pack.version }, items };
}
