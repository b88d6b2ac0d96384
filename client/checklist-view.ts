import * as vscode from 'vscode';
import type { CoverageItem, CoverageResult, CoverageStatus } from '../server/shared/protocol.js';

/** The command a checklist entry runs to show where its topic is addressed or should go. */
export const REVEAL_COMMAND = 'assessmentLint.revealChecklistItem';

const ORDER: Record<CoverageStatus, number> = { missing: 0, addressed: 1, 'not-applicable': 2 };
const LABELS: Record<CoverageStatus, string> = { missing: 'missing', addressed: 'addressed', 'not-applicable': 'not applicable' };
const ICONS: Record<CoverageStatus, vscode.ThemeIcon> = {
  missing: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  addressed: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  'not-applicable': new vscode.ThemeIcon('circle-slash'),
};
const HYPHENS = /-/g;

/** The "Assessment checklist" tree: each coverage rule of the active draft, missing ones first. */
export class ChecklistView implements vscode.TreeDataProvider<CoverageItem> {
  private result: CoverageResult | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Shows a new checklist (or none). */
  update(result: CoverageResult | undefined): void {
    this.result = result?.enabled ? result : undefined;
    this.changed.fire();
  }

  /** A one-line summary for the view's description. */
  get summary(): string | undefined {
    if (!this.result) return undefined;
    const missing = this.result.items.filter((item) => item.status === 'missing').length;
    return `${missing} of ${this.result.items.length} missing`;
  }

  getChildren(): CoverageItem[] {
    return [...(this.result?.items ?? [])].sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.ruleId.localeCompare(b.ruleId));
  }

  getTreeItem(item: CoverageItem): vscode.TreeItem {
    const label = item.ruleId.replace(HYPHENS, ' ');
    const tree = new vscode.TreeItem(label[0].toUpperCase() + label.slice(1));
    tree.description = LABELS[item.status];
    tree.iconPath = ICONS[item.status];
    tree.tooltip = checklistTooltip(item);
    if (this.result && item.range) tree.command = { title: 'Show in draft', command: REVEAL_COMMAND, arguments: [this.result.uri, item.range] };
    return tree;
  }
}

/** Markdown special characters, escaped in the draft's words a tooltip quotes. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>]/g;

function quoted(words: string): string {
  return `"${words.replace(/\s+/g, ' ').replace(MARKDOWN_SPECIAL, (character) => `\\${character}`)}"`;
}

/** The hover of a checklist entry: its state and message, the words that counted, and each mention set aside with why. */
export function checklistTooltip(item: CoverageItem): vscode.MarkdownString {
  const lines = [`**${item.ruleId}**: ${LABELS[item.status]}`, '', item.message];
  if (item.counted) lines.push('', `Counted (line ${item.counted.range.start.line + 1}): ${quoted(item.counted.words)}`);
  if (item.setAside?.length) {
    lines.push('', 'Set aside:');
    for (const mention of item.setAside) lines.push(`- line ${mention.range.start.line + 1}: ${quoted(mention.words)}: ${mention.because}`);
  }
  return new vscode.MarkdownString(lines.join('\n'));
}
