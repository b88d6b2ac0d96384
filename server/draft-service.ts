import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormat } from '../rules/core/chunks.js';
import { MAX_DRAFT_BYTES, readDraft } from '../rules/io/read-draft.js';
import { toDiagnostic } from './diagnostics.js';
import { formatOfDocument, isLintable } from './draft-filter.js';
import type { ConfigChoice, LinterPool } from './linter-pool.js';
import { LintScheduler, type RunControl } from './lint-scheduler.js';
import type { LintReport } from './lint-report.js';
import { partialDiagnostics, slowDraftNotice, tooLargeNotice } from './partial-report.js';
import { runInSlices } from './sliced-lint.js';
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
  /** Drafts whose slow check, or size, has been announced (once while each is open). */
  private readonly announced = new Set<string>();
  /** Pull requests waiting on a draft, answered early with the findings read so far when its lint is slow. */
  private readonly partialWaiters = new Map<string, Array<(report: LintReport) => void>>();
  /** Drafts whose pull requests got a partial result: the client is asked to pull again once the full one is ready. */
  private readonly servedPartial = new Set<string>();
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
      (uri, control) => this.lintOpen(uri, control),
      (uri, report) => this.store(uri, report),
    );
  }

  /**
   * Lints a draft's text as it stands (no scheduling, nothing published), a
   * slice at a time so the server keeps answering; undefined when `control`
   * says the result is no longer wanted. A run that takes long shows the
   * findings in the part read so far (see `slow`).
   */
  async lintText(uri: string, text: string, version: number, settings: AssessmentLintSettings, languageId?: string, control?: RunControl): Promise<LintReport | undefined> {
    const filePath = filePathOf(uri);
    const folder = this.folders.folderOf(filePath);
    const format = formatOfDocument(languageId, filePath);
    const generation = this.generation;
    const tooLarge = text.length > MAX_DRAFT_BYTES;
    if (tooLarge) this.announce(uri, tooLargeNotice(uri, text));
    if (tooLarge || !isLintable(filePath, languageId, settings, folder)) return { uri, version, generation, resultId: String(++this.results), format, enabled: false, diagnostics: [] };
    const { choice, steps } = this.pool.lintSteps(text, format, { filePath, folder }, settings, this.reports.get(uri)?.linted?.document);
    const linted = await runInSlices(steps, {
      isCurrent: () => control?.isCurrent() ?? true,
      onSlow: control ? (preparedTo) => this.slow(uri, version, format, text, preparedTo, choice, control) : undefined,
    });
    if (!linted) return undefined;
    const diagnostics = linted.result.messages.map((message) => toDiagnostic(message, { uri, version, format, document: linted.document }));
    return { uri, version, generation, resultId: String(++this.results), format, enabled: true, linted, diagnostics };
  }

  /**
   * A lint of an open draft is taking long: let the other drafts go ahead of
   * it, say so once, and (when pushing) show the findings in the part of the
   * draft read so far until the whole draft is checked.
   */
  private slow(uri: string, version: number, format: DocumentFormat, text: string, preparedTo: number, choice: ConfigChoice, control: RunControl): void {
    control.detach();
    if (preparedTo >= text.length) return;
    const pulls = this.pullDiagnostics ? (this.partialWaiters.get(uri) ?? []) : [];
    if (this.pullDiagnostics && pulls.length === 0) {
      this.announce(uri, slowDraftNotice(uri, text));
      return;
    }
    const partial = choice.linter.lintWith(choice.config, text.slice(0, preparedTo), format, choice.lookupPath);
    const diagnostics = partialDiagnostics(partial, { uri, version, format });
    this.announce(uri, slowDraftNotice(uri, text, partial.document.lines.lineCount));
    if (!this.pullDiagnostics) {
      this.connection.sendDiagnostics({ uri, version, diagnostics });
      return;
    }
    // Answer the waiting pull requests now; the client is asked to pull again when the whole draft is checked.
    this.partialWaiters.delete(uri);
    this.servedPartial.add(uri);
    const report: LintReport = { uri, version, generation: this.generation, resultId: String(++this.results), format, enabled: true, linted: partial, diagnostics };
    for (const resolve of pulls) resolve(report);
  }

  /** Resolves with a partial report for a draft if its lint turns out slow (pull requests race it against the full one). */
  private nextPartial(uri: string): Promise<LintReport> {
    return new Promise((resolve) => {
      const waiting = this.partialWaiters.get(uri) ?? [];
      waiting.push(resolve);
      this.partialWaiters.set(uri, waiting);
    });
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
    this.announced.delete(uri);
    this.partialWaiters.delete(uri);
    this.servedPartial.delete(uri);
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

  /** The report for a draft's current version and configuration: the latest, the one being made, or a lint made now. */
  async currentReport(uri: string): Promise<LintReport | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const isFresh = (report: LintReport | undefined) => report !== undefined && report.version === this.documents.get(uri)?.version && report.generation === this.generation;
    const report = this.reports.get(uri);
    if (isFresh(report)) return report;
    if (this.scheduler.isPending(uri)) {
      const next = await this.scheduler.next(uri);
      if (isFresh(next)) return next;
    }
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
        report = await untilCancelled(Promise.race([this.scheduler.next(uri), this.nextPartial(uri)]), token);
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

  /** Shows a notice about a draft, once while it is open. */
  private announce(uri: string, message: string): void {
    if (this.announced.has(uri)) return;
    this.announced.add(uri);
    this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
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
    const report = await this.lintText(uri, draft.text, 0, settings);
    if (!report || this.documents.get(uri)) return report;
    this.connection.sendDiagnostics({ uri, diagnostics: report.diagnostics });
    this.pushedFromDisk.add(uri);
    return report;
  }

  private async lintOpen(uri: string, control: RunControl): Promise<LintReport | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    if (!document || !control.isCurrent()) return undefined;
    return this.lintText(uri, document.getText(), document.version, settings, document.languageId, control);
  }

  private store(uri: string, report: LintReport): void {
    const document = this.documents.get(uri);
    if (!document || document.version !== report.version) return;
    this.reports.set(uri, report);
    this.partialWaiters.delete(uri);
    if (!this.pullDiagnostics) this.connection.sendDiagnostics({ uri, version: report.version, diagnostics: report.diagnostics });
    else if (this.servedPartial.delete(uri) && this.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }
}
