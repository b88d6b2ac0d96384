import type { LintReport } from './lint-report.js';
import { rangeOf } from './diagnostics.js';
import { setAsideWording } from '../rules/core/set-aside-wording.js';
import type { CoverageItem, CoverageResult } from './shared/protocol.js';

/** How many set-aside mentions the checklist carries per rule: enough to see why, few enough to read. */
const MAX_SET_ASIDE_SHOWN = 12;

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
    const text = linted.document.text;
    const counted = entry.evidence ? { range: rangeOf(lines, entry.evidence), words: text.slice(entry.evidence.start, entry.evidence.end) } : undefined;
    const setAside = (entry.setAside ?? [])
      .slice(0, MAX_SET_ASIDE_SHOWN)
      .map((mention) => ({ range: rangeOf(lines, mention), words: text.slice(mention.start, mention.end), because: setAsideWording(mention.reason) }));
    return { ruleId: entry.ruleId, status: entry.status, message: entry.message, range: span ? rangeOf(lines, span) : undefined, ...(counted ? { counted } : {}), ...(setAside.length > 0 ? { setAside } : {}) };
  });
  return { ...base, pack: { name: linted.config.pack.name, version: linted.config.pack.version }, items };
}
