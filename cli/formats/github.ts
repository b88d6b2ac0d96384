import type { FileReport } from '../report.js';

const COMMANDS: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, so findings show as annotations on the changed files. */
export function formatGithub(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.skipped) lines.push(`::warning file=${escapeProperty(report.relative)}::${escapeData(`skipped: ${report.skipped}`)}`);
    for (const message of report.messages) {
      const properties = `file=${escapeProperty(report.relative)},line=${message.line},col=${message.column},endLine=${message.endLine},endColumn=${message.endColumn},title=${escapeProperty(message.ruleId)}`;
      lines.push(`::${COMMANDS[message.severity]} ${properties}::${escapeData(message.message)}`);
    }
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}
