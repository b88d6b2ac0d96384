import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CoverageRequest, type CoverageResult } from '../server/shared/protocol.js';
import { CONFIG_FILE_GLOB, PACK_FILE_GLOBS, SETTINGS_SECTION } from '../server/shared/settings.js';
import { SERVER_NODE_FLAGS } from '../server/shared/launch.js';
import { ChecklistView, REVEAL_COMMAND } from './checklist-view.js';
import { ExplanationDocuments, EXPLAIN_SCHEME, insertTemplate, lintWorkspace } from './commands.js';
import { StatusBar } from './status-bar.js';

const CHECKLIST_VIEW = 'assessmentLint.checklist';
const REFRESH_DELAY_MS = 150;
let client: LanguageClient | undefined;

/** Markdown and plain text in files, untitled drafts and the workspace's own (possibly virtual) scheme, plus the include globs. */
function documentSelector(): Array<{ scheme: string; language?: string; pattern?: string }> {
  const schemes = new Set(['file', 'untitled', ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)]);
  const include = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string[]>('files.include', []);
  return [
    ...[...schemes].flatMap((scheme) => [
      { scheme, language: 'markdown' },
      { scheme, language: 'plaintext' },
    ]),
    ...include.map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

/** Starts the language server over IPC and wires the checklist, status bar and commands to it. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  const watchers = [CONFIG_FILE_GLOB, ...PACK_FILE_GLOBS].map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  const selector = documentSelector();
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    synchronize: { fileEvents: watchers },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  const languageClient = new LanguageClient('assessmentLint', 'Assessment Lint', serverOptions, clientOptions);
  client = languageClient;

  const checklist = new ChecklistView();
  const tree = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: checklist });
  const status = new StatusBar('assessmentLint.showChecklist');
  const explanations = new ExplanationDocuments();
  let timer: NodeJS.Timeout | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const document = vscode.window.activeTextEditor?.document;
      let result: CoverageResult | undefined;
      if (document && languageClient.isRunning() && vscode.languages.match(selector, document) > 0) {
        result = (await languageClient.sendRequest(CoverageRequest, { textDocument: { uri: document.uri.toString() } }).catch(() => null)) ?? undefined;
      }
      checklist.update(result);
      status.update(result);
      tree.description = checklist.summary;
    }, REFRESH_DELAY_MS);
  };

  context.subscriptions.push(
    languageClient,
    ...watchers,
    tree,
    status,
    vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, explanations),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (event.uris.some((uri) => uri.toString() === active)) refresh();
    }),
    vscode.commands.registerCommand('assessmentLint.lintWorkspace', () => lintWorkspace(languageClient)),
    vscode.commands.registerCommand('assessmentLint.showChecklist', () => vscode.commands.executeCommand(`${CHECKLIST_VIEW}.focus`)),
    vscode.commands.registerCommand('assessmentLint.insertTemplate', () => insertTemplate(languageClient)),
    vscode.commands.registerCommand('assessmentLint.showEffectiveConfiguration', () => explanations.show(languageClient)),
    vscode.commands.registerCommand('assessmentLint.restartServer', async () => {
      await languageClient.restart();
      refresh();
    }),
    vscode.commands.registerCommand(REVEAL_COMMAND, async (uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      const selection = languageClient.protocol2CodeConverter.asRange(range);
      await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection });
    }),
  );
  await languageClient.start();
  refresh();
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
}
