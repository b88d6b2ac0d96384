import path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import packageJson from '../package.json';
import { CONFIG_FILE_NAMES } from '../rules/config/workspace-config.js';
import { reportTemplate } from '../rules/templates/report-template.js';
import { codeActionsFor, type EditSupport } from './code-actions.js';
import { ConfigProblems } from './config-problems.js';
import { coverageOf } from './coverage.js';
import { DraftService } from './draft-service.js';
import { effectiveConfiguration } from './effective-config.js';
import { hoverAt } from './hover.js';
import { LinterPool } from './linter-pool.js';
import { SettingsNotices } from './settings-problems.js';
import { SettingsStore } from './settings-store.js';
import { CoverageRequest, DIAGNOSTIC_SOURCE, EffectiveConfigurationRequest, FIX_ALL_KIND, LintFilesRequest, ReportTemplateRequest } from './shared/protocol.js';
import { SETTINGS_SECTION } from './shared/settings.js';
import { documentSymbols } from './symbols.js';
import { filePathOf, WorkspaceFolders } from './workspace-folders.js';

/** Wires the Assessment Lint language features to a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const settingsNotices = new SettingsNotices(connection);
  const settings = new SettingsStore(connection, (problems) => settingsNotices.report(problems));
  const problems = new ConfigProblems(connection);
  const pool = new LinterPool(problems);
  const folders = new WorkspaceFolders();
  const service = new DraftService(connection, documents, settings, pool, folders);
  let editSupport: EditSupport = { documentChanges: false, snippets: false };
  let registerConfiguration = false;
  let folderEvents = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    settings.pullConfiguration = capabilities.workspace?.configuration === true;
    registerConfiguration = capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderEvents = capabilities.workspace?.workspaceFolders === true;
    service.pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    service.refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
    const workspaceEdit = capabilities.workspace?.workspaceEdit;
    editSupport = { documentChanges: workspaceEdit?.documentChanges === true, snippets: workspaceEdit?.snippetEditSupport === true };
    folders.set(params.workspaceFolders, params.rootUri);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        documentSymbolProvider: { label: 'Assessment sections' },
        diagnosticProvider: service.pullDiagnostics ? { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: DIAGNOSTIC_SOURCE, version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    if (registerConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.change(event);
        pool.reset();
        service.invalidate();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    settingsNotices.reset();
    settings.changed(params.settings);
    pool.reset();
    service.invalidate();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const inUse = pool.filesInUse();
    const relevant = problems.any || params.changes.some((change) => {
      const file = filePathOf(change.uri);
      return file !== undefined && (CONFIG_FILE_NAMES.includes(path.basename(file)) || inUse.has(file));
    });
    if (!relevant) return;
    pool.reset();
    service.invalidate();
  });

  let opening: string | undefined;
  documents.onDidOpen((event) => {
    opening = event.document.uri;
    service.opened(event.document.uri);
  });
  documents.onDidChangeContent((event) => {
    if (opening === event.document.uri) opening = undefined;
    else service.changed(event.document.uri);
  });
  documents.onDidSave((event) => service.saved(event.document.uri));
  documents.onDidClose((event) => service.closed(event.document.uri));

  connection.languages.diagnostics.on((params, token) => service.pull(params, token));

  connection.onHover(async (params) => {
    const report = await service.currentReport(params.textDocument.uri);
    return report ? hoverAt(report, params.position) : null;
  });

  connection.onCodeAction(async (params) => {
    const document = documents.get(params.textDocument.uri);
    const report = await service.currentReport(params.textDocument.uri);
    if (!document || !report) return [];
    return codeActionsFor(params, { uri: document.uri, version: document.version, diagnostics: report.diagnostics }, editSupport);
  });

  connection.onDocumentSymbol(async (params) => {
    const report = await service.currentReport(params.textDocument.uri);
    return report ? documentSymbols(report) : [];
  });

  connection.onRequest(CoverageRequest, async (params) => {
    const report = await service.currentReport(params.textDocument.uri);
    return report ? coverageOf(report) : null;
  });

  connection.onRequest(LintFilesRequest, (params, token) => service.lintFiles(params.uris, token));

  connection.onRequest(EffectiveConfigurationRequest, async (params) => {
    const uri = params.textDocument.uri;
    const draftSettings = await settings.get(uri);
    const filePath = filePathOf(uri);
    const choice = pool.choose({ filePath, folder: folders.folderOf(filePath) }, draftSettings);
    return effectiveConfiguration(uri, choice, draftSettings, problems.problemsFor(choice.key));
  });

  connection.onRequest(ReportTemplateRequest, (params) => ({ text: reportTemplate(params.format === 'plaintext' ? 'plaintext' : 'markdown') }));

  documents.listen(connection);
  connection.listen();
}
