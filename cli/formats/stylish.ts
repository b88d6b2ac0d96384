import type { FileReport, PositionedMessage } from '../report.js';

const useColour = (stream: NodeJS.WriteStream) => stream.isTTY === true && !process.env.NO_COLOR;

/** "1 error", "2 errors": a count with its noun, plural when it is not one. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Messages in the order a reader meets them: by line, then column (the engine's order among equals). */
function inLineOrder(messages: PositionedMessage[]): PositionedMessage[] {
  return [...messages].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Human-readable output grouped by file, after ESLint's "stylish": each
 * finding in line order with the flagged words quoted, then each rule that
 * fired with its docs link, then a summary.
 */
export function formatStylish(reports: FileReport[], colour = useColour(process.stdout)): string {
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  const docs = new Map<string, string | undefined>();
  for (const report of reports) {
    if (report.skipped) {
      out.push(`${paint(4, report.relative)}\n  ${paint(33, 'skipped')}  ${report.relative} ${report.skipped}\n`);
      continue;
    }
    if (report.messages.length === 0) continue;
    out.push(paint(4, report.relative));
    for (const message of inLineOrder(report.messages)) {
      counts[message.severity]++;
      if (!docs.has(message.ruleId)) docs.set(message.ruleId, message.docsUrl);
      const severity = message.severity === 'error' ? paint(31, 'error  ') : message.severity === 'warning' ? paint(33, 'warning') : paint(36, message.severity.padEnd(7));
      const quote = message.quote === undefined ? '' : `${JSON.stringify(message.quote.trim())}: `;
      out.push(`  ${`${message.line}:${message.column}`.padEnd(8)} ${severity}  ${quote}${message.message}  ${paint(2, message.ruleId)}`);
    }
    out.push('');
  }
  const linked = [...docs].filter((entry): entry is [string, string] => entry[1] !== undefined).sort(([a], [b]) => a.localeCompare(b));
  if (linked.length > 0) {
    const width = Math.max(...linked.map(([id]) => id.length));
    out.push('Rule docs:', ...linked.map(([id, url]) => `  ${paint(2, id.padEnd(width))}  ${url}`), '');
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const files = reports.filter((report) => !report.skipped).length;
  const skipped = reports.length - files;
  const drafts = plural(files, 'draft');
  const summary = total === 0 ? `No problems found in ${drafts}` : `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info + counts.hint} information) in ${drafts}`;
  out.push(summary + (skipped > 0 ? `; ${plural(skipped, 'file')} skipped` : '') + '.');
  return out.join('\n') + '\n';
}
