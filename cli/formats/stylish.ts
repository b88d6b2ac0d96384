import type { FileReport } from '../report.js';

const useColour = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR;

/** Human-readable output grouped by file, after ESLint's "stylish". */
export function formatStylish(reports: FileReport[], colour = useColour(process.stdout)): string {
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) {
    if (report.skipped) {
      out.push(`${paint(4, report.relative)}\n  ${paint(33, 'skipped')}  ${report.relative} ${report.skipped}\n`);
      continue;
    }
    if (report.messages.length === 0) continue;
    out.push(paint(4, report.relative));
    for (const message of report.messages) {
      counts[message.severity]++;
      const severity = message.severity === 'error' ? paint(31, 'error  ') : message.severity === 'warning' ? paint(33, 'warning') : paint(36, message.severity.padEnd(7));
      out.push(`  ${`${message.line}:${message.column}`.padEnd(8)} ${severity}  ${message.message}  ${paint(2, message.ruleId)}`);
    }
    out.push('');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = reports.filter((report) => !report.skipped).length;
  const skipped = reports.length - files;
  const summary = total === 0 ? `No problems found in ${files} draft${files === 1 ? '' : 's'}` : `${total} problem${total === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.info + counts.hint} information) in ${files} draft${files === 1 ? '' : 's'}`;
  out.push(summary + (skipped > 0 ? `; ${skipped} file${skipped === 1 ? '' : 's'} skipped` : '') + '.');
  return out.join('\n') + '\n';
}
