import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { SnippetTextEdit } from 'vscode-languageserver-protocol';
import { diagnosticData } from './diagnostics.js';
import { FIX_ALL_KIND, type DiagnosticData, type FixData } from './shared/protocol.js';

/** What the client can apply, from its capabilities. */
export interface EditSupport {
  documentChanges: boolean;
  snippets: boolean;
}

/** The document code actions are computed for. */
export interface ActionTarget {
  uri: string;
  version: number;
  /** The current diagnostics of the whole document (for fix-all actions). */
  diagnostics: Diagnostic[];
}

const SNIPPET_SPECIAL = /[\\$}]/g;
const PREVIEW_LENGTH = 40;
const REASON_PLACEHOLDER = 'reason';

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(requested + '.'));
}

function workspaceEdit(target: ActionTarget, edits: Array<TextEdit | SnippetTextEdit>, support: EditSupport): WorkspaceEdit {
  if (support.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: target.uri, version: target.version }, edits as TextEdit[])] };
  return { changes: { [target.uri]: edits as TextEdit[] } };
}

function fixEdit(fix: FixData): TextEdit {
  return fix.type === 'replace'
    ? { range: fix.range, newText: fix.replacements[0] }
    : { range: { start: fix.position, end: fix.position }, newText: fix.text };
}

function preview(text: string): string {
  const line = text.trim().split('\n')[0].trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1)}…` : line;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The edits of several fixes, in document order, leaving out any that would overlap an earlier one. */
function combinedEdits(fixes: FixData[]): TextEdit[] {
  const edits = fixes.map(fixEdit).sort((a, b) => compareRanges(a.range, b.range));
  const kept: TextEdit[] = [];
  for (const edit of edits) {
    const last = kept[kept.length - 1];
    if (last && before(edit.range.start, last.range.end)) continue;
    kept.push(edit);
  }
  return kept;
}

function fixActions(diagnostic: Diagnostic, data: DiagnosticData, target: ActionTarget, support: EditSupport): CodeAction[] {
  const fix = data.fix;
  if (!fix) return [];
  if (fix.type === 'replace') {
    return fix.replacements.map((replacement, index) => ({
      title: `Replace with '${replacement}'`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: index === 0,
      edit: workspaceEdit(target, [{ range: fix.range, newText: replacement }], support),
    }));
  }
  const where = fix.sectionTitle ? ` under '${fix.sectionTitle}'` : ' at the end of the draft';
  return [{ title: `Insert '${preview(fix.text)}'${where}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: workspaceEdit(target, [fixEdit(fix)], support) }];
}

function suppressAction(diagnostic: Diagnostic, data: DiagnosticData, target: ActionTarget, support: EditSupport): CodeAction | undefined {
  const at = data.suppression;
  if (!at) return undefined;
  const words = `assessment-lint-disable-next-line ${data.ruleId} -- `;
  const comment = (inner: string) => (data.format === 'markdown' ? `${at.indent}<!-- ${inner} -->` : `${at.indent}[${inner}]`);
  const wrap = (inner: string) => (at.lineBreakBefore ? `${at.eol}${comment(inner)}` : `${comment(inner)}${at.eol}`);
  const position = { line: at.line, character: at.character ?? 0 };
  const range = { start: position, end: position };
  const edit: TextEdit | SnippetTextEdit =
    support.snippets && support.documentChanges
      ? { range, snippet: { kind: 'snippet', value: wrap(`${words.replace(SNIPPET_SPECIAL, '\\$&')}\${1:${REASON_PLACEHOLDER}}`) } }
      : { range, newText: wrap(`${words}${REASON_PLACEHOLDER}`) };
  return { title: `Suppress ${data.ruleId} here with a reason…`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: workspaceEdit(target, [edit], support) };
}

function fixAllForRule(ruleId: string, target: ActionTarget, support: EditSupport): CodeAction | undefined {
  const matching = target.diagnostics.filter((diagnostic) => {
    const data = diagnosticData(diagnostic);
    return data?.ruleId === ruleId && data.fix && data.version === target.version;
  });
  if (matching.length < 2) return undefined;
  const edits = combinedEdits(matching.map((diagnostic) => diagnosticData(diagnostic)!.fix!));
  return { title: `Fix all ${ruleId} in this file`, kind: CodeActionKind.QuickFix, diagnostics: matching, edit: workspaceEdit(target, edits, support) };
}

/** `source.fixAll.assessment-lint`: every replacement that has exactly one wording (skeletons are prompts for the writer, never inserted unasked). */
function sourceFixAll(target: ActionTarget, support: EditSupport): CodeAction | undefined {
  const fixable = target.diagnostics.filter((diagnostic) => {
    const data = diagnosticData(diagnostic);
    return data?.version === target.version && data.fix?.type === 'replace' && data.fix.replacements.length === 1;
  });
  if (fixable.length === 0) return undefined;
  const edits = combinedEdits(fixable.map((diagnostic) => diagnosticData(diagnostic)!.fix!));
  return { title: 'Fix all Assessment Lint replacements', kind: FIX_ALL_KIND, diagnostics: fixable, edit: workspaceEdit(target, edits, support) };
}

/**
 * The code actions for a range, computed from the diagnostics' data alone:
 * each fix, a suppression with a reason, fix-all for a rule, and the
 * `source.fixAll.assessment-lint` action.
 */
export function codeActionsFor(params: CodeActionParams, target: ActionTarget, support: EditSupport): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (wants(only, CodeActionKind.QuickFix)) {
    const fixAllRules = new Set<string>();
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnosticData(diagnostic);
      if (!data || data.version !== target.version) continue;
      actions.push(...fixActions(diagnostic, data, target, support));
      const suppress = suppressAction(diagnostic, data, target, support);
      if (suppress) actions.push(suppress);
      if (data.fix && !fixAllRules.has(data.ruleId)) {
        fixAllRules.add(data.ruleId);
        const fixAll = fixAllForRule(data.ruleId, target, support);
        if (fixAll) actions.push(fixAll);
      }
    }
  }
  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = sourceFixAll(target, support);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}
