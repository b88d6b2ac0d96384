import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { LintReport } from './lint-report.js';
import { diagnosticData } from './diagnostics.js';

function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** The hover over a diagnostic: each rule's message, its explanation (what good looks like, the finding behind it) and docs link. */
export function hoverAt(report: LintReport, position: Position): Hover | null {
  const here = report.diagnostics.filter((diagnostic) => contains(diagnostic.range, position));
  if (here.length === 0 || !report.linted) return null;
  const rules = [...report.linted.config.pack.rules, ...report.linted.config.pack.engineRules];
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const diagnostic of here) {
    const ruleId = diagnosticData(diagnostic)?.ruleId;
    if (!ruleId || seen.has(ruleId)) continue;
    seen.add(ruleId);
    const rule = rules.find((candidate) => candidate.id === ruleId);
    const lines = [`**Assessment Lint: \`${ruleId}\`**${rule ? ` (pack ${rule.pack})` : ''}`, '', diagnostic.message];
    if (rule?.explanation) lines.push('', rule.explanation.trim());
    const href = diagnostic.codeDescription?.href;
    if (href) lines.push('', `[Rule documentation](${href})`);
    parts.push(lines.join('\n'));
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: here[0].range };
}
