import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { LintReport } from './lint-report.js';
import { rangeOf } from './diagnostics.js';

/** The draft's outline: each heading the text model recognised, nested by depth, with its canonical section kind as detail. */
export function documentSymbols(report: LintReport): DocumentSymbol[] {
  const document = report.linted?.document;
  if (!document) return [];
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ depth: number; symbol: DocumentSymbol }> = [];
  for (const section of document.sections) {
    if (!section.heading) continue;
    const symbol: DocumentSymbol = {
      name: section.title.trim() || '(untitled section)',
      detail: section.kind,
      kind: SymbolKind.String,
      range: rangeOf(document.lines, section),
      selectionRange: rangeOf(document.lines, section.heading),
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].depth >= section.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.symbol.children!.push(symbol);
    else roots.push(symbol);
    stack.push({ depth: section.depth, symbol });
  }
  return roots;
}
