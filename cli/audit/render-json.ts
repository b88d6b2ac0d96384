import type { AuditReport } from './audit-report.js';

/** The audit as JSON (schemas/audit.schema.json): the report object as it is, two-space indented. */
export function renderJson(report: AuditReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}
