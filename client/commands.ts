import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EffectiveConfigurationRequest, LintFilesRequest, ReportTemplateRequest } from '../server/shared/protocol.js';
import { SETTINGS_SECTION } from '../server/shared/settings.js';

/** The scheme of the read-only "effective configuration" documents (not linted). */
export const EXPLAIN_SCHEME = 'assessment-lint-explain';

const BATCH = 20;

/** "Lint workspace": every file matching `files.include`, in batches, behind a cancellable progress notification. */
export async function lintWorkspace(client: LanguageClient): Promise<void> {
  const include = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('files.include', []);
  const found = new Map<string, vscode.Uri>();
  for (const glob of include) for (const uri of await vscode.workspace.findFiles(glob)) found.set(uri.toString(), uri);
  const files = [...found.keys()];
  let linted = 0;
  let gaps = 0;
  let skipped = 0;
  const cancelled = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Assessment Lint: linting the workspace', cancellable: true },
    async (progress, token) => {
      for (let start = 0; start < files.length; start += BATCH) {
        if (token.isCancellationRequested) return true;
        const batch = files.slice(start, start + BATCH);
        try {
          const result = await client.sendRequest(LintFilesRequest, { uris: batch }, token);
          linted += result.linted;
          gaps += result.gaps;
          skipped += result.skipped.length;
          for (const skip of result.skipped) client.outputChannel.appendLine(`Skipped ${vscode.Uri.parse(skip.uri).fsPath}: it ${skip.reason}.`);
        } catch (error) {
          if (token.isCancellationRequested) return true;
          throw error;
        }
        progress.report({ increment: (batch.length / files.length) * 100, message: `${Math.min(start + BATCH, files.length)} of ${files.length} files` });
      }
      return false;
    },
  );
  const skippedText = skipped > 0 ? `; ${skipped} skipped (see the output channel)` : '';
  void vscode.window.showInformationMessage(`Assessment Lint${cancelled ? ' (cancelled)' : ''}: ${linted} drafts linted, ${gaps} gaps in the Problems panel${skippedText}.`);
}

/** "Insert report template": the headings and prompts of a pre-sentence report at the cursor (in a new draft when none is open). */
export async function insertTemplate(client: LanguageClient): Promise<void> {
  let editor = vscode.window.activeTextEditor;
  if (!editor) editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown' }));
  const format = editor.document.languageId === 'plaintext' ? 'plaintext' : 'markdown';
  const { text } = await client.sendRequest(ReportTemplateRequest, { format });
  const target = editor;
  await target.edit((builder) => builder.insert(target.selection.active, text));
}

/** Serves the effective-configuration explanations as read-only Markdown documents. */
export class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** "Show effective configuration": which packs, rules and severities apply to the active draft and why. */
  async show(client: LanguageClient): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Assessment Lint: open a draft to see the configuration that applies to it.');
      return;
    }
    const result = await client.sendRequest(EffectiveConfigurationRequest, { textDocument: { uri: document.uri.toString() } });
    if (!result) return;
    const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${document.uri.path.split('/').pop()} configuration.md` });
    this.texts.set(uri.toString(), result.markdown);
    this.changed.fire(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
  }
}
