import * as vscode from 'vscode';
import type { CoverageResult } from '../server/shared/protocol.js';

/** The status bar item: the pack in use and how many gaps the active draft has; a click opens the checklist. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('assessmentLint.status', vscode.StatusBarAlignment.Right, 100);

  constructor(command: string) {
    this.item.name = 'Assessment Lint';
    this.item.command = command;
  }

  /** Shows a draft's state, or hides the item when the active editor is not a linted draft. */
  update(result: CoverageResult | undefined): void {
    if (!result?.enabled) {
      this.item.hide();
      return;
    }
    const gaps = `${result.gaps} gap${result.gaps === 1 ? '' : 's'}`;
    this.item.text = `$(checklist) ${result.pack.name}: ${gaps}`;
    this.item.tooltip = `Assessment Lint, pack ${result.pack.name} ${result.pack.version}: ${gaps} in this draft. Click for the assessment checklist.`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
