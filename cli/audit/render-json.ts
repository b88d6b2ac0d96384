import type { AuditSummary } from './summarise.js';

/** The audit as JSON: the summary object as it is, two-space indented. */
export function renderJson(summary: AuditSummary): string {
  return JSON.stringify(summary, null, 2) + '\n';
}
