import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { readDraft } from '../rules/io/read-draft.js';
import { toDiagnostic } from './diagnostics.js';
import { formatOfDocument, isLintable } from './draft-filter.js';
import type { LinterPool } from './linter-pool.js';
import { LintScheduler } from './lint-scheduler.js';
import type { LintReport } from './lint-report.js';
import type { SettingsStore } from './settings-store.js';
import type { SkippedFile } from './shared/protocol.js';
import type { AssessmentLintSettings } from './shared/settings.js';
import { filePathOf, type WorkspaceFolders } from './workspace-folders.js';

function untilCancelled<T>(promise: Promise<T>, token: CancellationToken): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostic request was cancelled.')));
    promise.then(
      (value) => {
        subscription.dispose();
        resolve(value);
      },
      (error) => {
        subscription.dispose();
        reject(error);
      },
    );
  });
}

/**
 * The open drafts and what the linter found in them: schedules lints on open,
 * change and save, publishes (push) or hands out (pull) diagnostics, and keeps
 * the latest report of each draft for the other features.
 */
export class DraftService {
  /** Whether the client pulls diagnostics (then open drafts are not pushed). */
  pullDiagnostics = false;
  /** Whether the client accepts `workspace/diagnostic/refresh`. */
  refreshSupport = false;
  private readonly reports = new Map<string, LintReport>();
  private readonly pushedFromDisk = new Set<string>();
  private readonly scheduler: LintScheduler<LintReport>;
  private generation = 0;
  private results = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly pool: LinterPool,
    private readonly folders: WorkspaceFolders,
  ) {
    this.scheduler = new LintScheduler<LintReport>(
      (uri, isCurrent) => this.lintOpen(uri, isCurrent),
      (uri, report) => this.store(uri, report),
    );
  }

  /** Lints a draft's text as it stands (no scheduling, nothing published). */
  lintText(uri: string, text: string, version: number, settings: AssessmentLintSettings, languageId?: string): LintReport {
    const filePath = filePathOf(uri);
    const folder = this.folders.folderOf(filePath);
    const format = formatOfDocument(languageId, filePath);
    const base = { uri, version, generation: this.generation, resultId: String(++this.results), format };
    if (!isLintable(filePath, languageId, settings, folder)) return { ...base, enabled: false, diagnostics: [] };
    const linted = this.pool.lint(text, format, { filePath, folder }, settings);
    const diagnostics = linted.result.messages.map((message) => toDiagnostic(message, { uri, version, format, document: linted.document }));
    return { ...base, enabled: true, linted, diagnostics };
  }

  /** A draft was opened: lint it at once. */
  opened(uri: string): void {
    if (this.pushedFromDisk.delete(uri) && this.pullDiagnostics) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.scheduler.schedule(uri, 0);
  }

  /** A draft changed: lint it after the debounce when linting on type. */
  changed(uri: string): void {
    const apply = (settings: AssessmentLintSettings) => {
      if (settings.run === 'onType' && this.documents.get(uri)) this.scheduler.schedule(uri, settings.debounceMs);
    };
    const known = this.settings.known(uri);
    if (known) apply(known);
    else void this.settings.get(uri).then(apply);
  }

  /** A draft was saved: lint it when linting on save. */
  saved(uri: string): void {
    void this.settings.get(uri).then((settings) => {
      if (settings.run === 'onSave' && this.documents.get(uri)) this.scheduler.schedule(uri, 0);
    });
  }

  /** A draft was closed: drop its state and clear its diagnostics. */
  closed(uri: string): void {
    this.scheduler.cancel(uri);
    this.reports.delete(uri);
    this.settings.forget(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Settings, configuration or packs changed: lint every open draft again. */
  invalidate(): void {
    this.generation++;
    if (this.pullDiagnostics) {
      if (this.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    for (const document of this.documents.all()) this.scheduler.schedule(document.uri, 0);
  }

  /** The report for a draft's current version and configuration, linting now if the latest is stale. */
  async currentReport(uri: string): Promise<LintReport | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const report = this.reports.get(uri);
    if (report && report.version === document.version && report.generation === this.generation) return report;
    const settings = await this.settings.get(uri);
    const now = this.documents.get(uri);
    return now ? this.lintText(uri, now.getText(), now.version, settings, now.languageId) : undefined;
  }

  /** Answers `textDocument/diagnostic`: the current report, waiting for a pending lint (and so the debounce). */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    const document = this.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    let report = this.reports.get(uri);
    const fresh = report !== undefined && report.version === document.version && report.generation === this.generation;
    if (!fresh) {
      const settings = await this.settings.get(uri);
      const keepUntilSave = settings.run === 'onSave' && report !== undefined && report.generation === this.generation && !this.scheduler.isPending(uri);
      if (!keepUntilSave) {
        if (!this.scheduler.isPending(uri)) this.scheduler.schedule(uri, 0);
        report = await untilCancelled(this.scheduler.next(uri), token);
      }
    }
    if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (params.previousResultId === report.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: report.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: report.resultId, items: report.diagnostics };
  }

  /** Lints files from disk (open ones as they stand in the editor) and publishes their diagnostics. */
  async lintFiles(uris: string[], token: CancellationToken): Promise<{ linted: number; gaps: number; skipped: SkippedFile[] }> {
    let linted = 0;
    let gaps = 0;
    const skipped: SkippedFile[] = [];
    for (const uri of uris) {
      if (token.isCancellationRequested) break;
      const report = this.documents.get(uri) ? await this.currentReport(uri) : await this.lintFromDisk(uri, skipped);
      if (report?.enabled) {
        linted++;
        gaps += report.diagnostics.length;
      }
      await yieldToEventLoop();
    }
    return { linted, gaps, skipped };
  }

  private async lintFromDisk(uri: string, skipped: SkippedFile[]): Promise<LintReport | undefined> {
    const filePath = filePathOf(uri);
    if (!filePath) {
      skipped.push({ uri, reason: 'is not a file on disk' });
      return undefined;
    }
    const settings = await this.settings.get(uri);
    if (!isLintable(filePath, undefined, settings, this.folders.folderOf(filePath))) return undefined;
    const draft = readDraft(filePath);
    if (!draft.ok) {
      skipped.push({ uri, reason: draft.reason });
      return undefined;
    }
    const report = this.lintText(uri, draft.text, 0, settings);
    if (this.documents.get(uri)) return report;
    this.connection.sendDiagnostics({ uri, diagnostics: report.diagnostics });
    this.pushedFromDisk.add(uri);
    return report;
  }

  private async lintOpen(uri: string, isCurrent: () => boolean): Promise<LintReport | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document || !isCurrent()) return undefined;
    return this.lintText(uri, document.getText(), document.version, settings, document.languageId);
  }

  private store(uri: string, report: LintReport): void {
    const document = this.documents.get(uri);
    if (!document || document.version !== report.version) return;
    this.reports.set(uri, report);
    if (!this.pullDiagnostics) this.connection.sendDiagnostics({ uri, version: report.version, diagnostics: report.diagnostics });
  }
}
