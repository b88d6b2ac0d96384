import type { FileReport } from '../report.js';

/**
 * An array of `{filePath, messages: [{ruleId, severity, message, line, column, endLine, endColumn}], suppressed, coverage, suppressions: [{line, ruleIds, reason, status, silenced}]}`;
 * `coverage` gives each coverage rule's state, the mention that counted (`evidence`) and the mentions set aside with their reason.
 */
export function formatJson(reports: FileReport[]): string {
  return (
    JSON.stringify(
      reports.map((report) => ({
        filePath: report.relative,
        ...(report.skipped ? { skipped: report.skipped } : {}),
        messages: report.messages.map((message) => ({
          ruleId: message.ruleId,
          severity: message.severity,
          message: message.message,
          line: message.line,
          column: message.column,
          endLine: message.endLine,
          endColumn: message.endColumn,
        })),
        suppressed: report.suppressed.map((entry) => ({ ruleId: entry.message.ruleId, line: entry.line, reason: entry.reason ?? null })),
        ...(report.coverageDetail ? { coverage: report.coverageDetail } : {}),
        ...(report.suppressions ? { suppressions: report.suppressions.map(({ line, ruleIds, reason, status, silenced }) => ({ line, ruleIds, reason, status, silenced })) } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}
