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
import { DISK_KEY, LintKeys, type LintKey } from './lint-key.js';
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

/** A request waiting for a draft's next current report; `partial` when the findings read so far will do. */
interface Waiter {
  partial: boolean;
  resolve: (report: LintReport | undefined) => void;
}

/**
 * The open drafts and what the linter found in them: schedules lints on open,
 * change and save, publishes (push) or hands out (pull) diagnostics, and keeps
 * the latest report of each draft for the other features. Every lint carries
 * the key it was scheduled under; `deliver` is the one place its result is
 * checked against the draft's current key before it is stored, published or
 * handed to a waiting request.
 */
export class DraftService {
  /** Whether the client pulls diagnostics (then open drafts are not pushed). */
  pullDiagnostics = false;
  /** Whether the client accepts `workspace/diagnostic/refresh`. */
  refreshSupport = false;
  private readonly keys: LintKeys;
  private readonly reports = new Map<string, LintReport>();
  private readonly pushedFromDisk = new Set<string>();
  /** Drafts whose slow check, or size, has been announced (once while each is open). */
  private readonly announced = new Set<string>();
  /** Requests waiting on a draft's next current report. */
  private readonly waiters = new Map<string, Waiter[]>();
  /** Drafts whose pull requests got a partial result: the client is asked to pull again once the full one is ready. */
  private readonly servedPartial = new Set<string>();
  private readonly scheduler: LintScheduler<LintReport>;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly pool: LinterPool,
    private readonly folders: WorkspaceFolders,
  ) {
    this.keys = new LintKeys(documents);
    this.scheduler = new LintScheduler<LintReport>({
      run: (uri, key, control) => this.lintOpen(uri, key, control),
      finished: (_uri, report) => this.deliver(report),
      failed: (uri, key) => {
        if (this.keys.isCurrent(uri, key)) this.settle(uri, undefined, true);
      },
      isCurrent: (uri, key) => this.keys.isCurrent(uri, key),
    });
  }

  /**
   * Lints a draft's text as it stands (no scheduling, nothing published), a
   * slice at a time so the server keeps answering; undefined when `control`
   * says the result is no longer wanted. A run that takes long shows the
   * findings in the part read so far (see `slow`).
   */
  async lintText(uri: string, text: string, key: LintKey, settings: AssessmentLintSettings, languageId?: string, control?: RunControl): Promise<LintReport | undefined> {
    const filePath = filePathOf(uri);
    const folder = this.folders.folderOf(filePath);
    const format = formatOfDocument(languageId, filePath);
    const tooLarge = text.length > MAX_DRAFT_BYTES;
    if (tooLarge) this.announce(uri, tooLargeNotice(uri, text));
    if (tooLarge || !isLintable(filePath, languageId, settings, folder)) return { uri, key, partial: false, format, enabled: false, diagnostics: [] };
    const { choice, steps } = this.pool.lintSteps(text, format, { filePath, folder }, settings, this.reports.get(uri)?.linted?.document);
    const linted = await runInSlices(steps, {
      isCurrent: () => control?.isCurrent() ?? true,
      onSlow: control ? (preparedTo) => this.slow(uri, key, format, text, preparedTo, choice, control) : undefined,
    });
    if (!linted) return undefined;
    const diagnostics = linted.result.messages.map((message) => toDiagnostic(message, { uri, version: key.version, format, document: linted.document }));
    return { uri, key, partial: false, format, enabled: true, linted, diagnostics };
  }

  /**
   * A lint of an open draft is taking long: let the other drafts go ahead of
   * it, say so once, and (when pushing, or when a pull request waits) show the
   * findings in the part of the draft read so far until the whole draft is checked.
   */
  private slow(uri: string, key: LintKey, format: DocumentFormat, text: string, preparedTo: number, choice: ConfigChoice, control: RunControl): void {
    control.detach();
    if (preparedTo >= text.length || !control.isCurrent()) return;
    if (this.pullDiagnostics && !(this.waiters.get(uri) ?? []).some((waiter) => waiter.partial)) {
      this.announce(uri, slowDraftNotice(uri, text));
      return;
    }
    const partial = choice.linter.lintWith(choice.config, text.slice(0, preparedTo), format, choice.lookupPath);
    const diagnostics = partialDiagnostics(partial, { uri, version: key.version, format });
    this.announce(uri, slowDraftNotice(uri, text, partial.document.lines.lineCount));
    this.deliver({ uri, key, partial: true, format, enabled: true, linted: partial, diagnostics });
  }

  /**
   * The one freshness gate: a report is stored, published (push) or handed to
   * waiting requests (pull, hover and the rest) only while its key is the
   * draft's current key. Partial reports are published or handed to pull
   * requests, never stored. Returns whether the report was current.
   */
  private deliver(report: LintReport): boolean {
    const uri = report.uri;
    if (!this.isFresh(report)) return false;
    if (!report.partial) this.reports.set(uri, report);
    if (!this.pullDiagnostics) this.connection.sendDiagnostics({ uri, version: report.key.version, diagnostics: report.diagnostics });
    else if (report.partial) this.servedPartial.add(uri);
    else if (this.servedPartial.delete(uri) && this.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
    this.settle(uri, report, !report.partial);
    return true;
  }

  /** Whether a report was made for the draft's current key (for drafts checked on save, any version of the current configuration). */
  private isFresh(report: LintReport | undefined, untilSave = false): report is LintReport {
    return report !== undefined && this.keys.isCurrent(report.uri, report.key, untilSave);
  }

  /** Resolves the requests waiting on a draft: all of them, or (for a partial report) those that accept one. */
  private settle(uri: string, report: LintReport | undefined, all: boolean): void {
    const waiting = this.waiters.get(uri) ?? [];
    const answered = waiting.filter((waiter) => all || waiter.partial);
    const left = waiting.filter((waiter) => !answered.includes(waiter));
    if (left.length > 0) this.waiters.set(uri, left);
    else this.waiters.delete(uri);
    for (const waiter of answered) waiter.resolve(report);
  }

  /** Resolves with the next report delivered for a draft (undefined if it is closed or its lint fails first). */
  private next(uri: string, partial: boolean): Promise<LintReport | undefined> {
    return new Promise((resolve) => {
      const waiting = this.waiters.get(uri) ?? [];
      waiting.push({ partial, resolve });
      this.waiters.set(uri, waiting);
    });
  }

  /** Schedules a lint of an open draft under its key as it stands now. */
  private schedule(uri: string, delayMs: number): void {
    const key = this.keys.now(uri);
    if (key && !LintKeys.same(this.reports.get(uri)?.key, key)) this.scheduler.schedule(uri, key, delayMs);
  }

  /** A draft was opened: lint it at once. */
  opened(uri: string): void {
    this.keys.open(uri);
    if (this.pushedFromDisk.delete(uri) && this.pullDiagnostics) this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.schedule(uri, 0);
  }

  /** A draft changed: lint it after the debounce when linting on type. */
  changed(uri: string): void {
    const apply = (settings: AssessmentLintSettings) => {
      if (settings.run === 'onType') this.schedule(uri, settings.debounceMs);
    };
    const known = this.settings.known(uri);
    if (known) apply(known);
    else void this.settings.get(uri).then(apply);
  }

  /** A draft was saved: lint it when linting on save. */
  saved(uri: string): void {
    void this.settings.get(uri).then((settings) => {
      if (settings.run === 'onSave') this.schedule(uri, 0);
    });
  }

  /** A draft was closed: drop its state and clear its diagnostics. */
  closed(uri: string): void {
    this.keys.close(uri);
    this.scheduler.cancel(uri);
    this.reports.delete(uri);
    this.announced.delete(uri);
    this.servedPartial.delete(uri);
    this.settle(uri, undefined, true);
    this.settings.forget(uri);
    this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /**
   * Settings, configuration or packs changed: every lint made or running under
   * the old configuration is stale (running ones stop at their next pause), so
   * every open draft is linted again; a pull client is asked to pull again.
   */
  invalidate(): void {
    this.keys.invalidate();
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
    if (this.pullDiagnostics && this.refreshSupport) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  /** The report for a draft's current version and configuration: the latest, the one being made, or a lint made now. */
  async currentReport(uri: string): Promise<LintReport | undefined> {
    for (;;) {
      const stored = this.reports.get(uri);
      if (this.isFresh(stored)) return stored;
      const key = this.keys.now(uri);
      const document = this.documents.get(uri);
      if (!key || !document) return undefined;
      let report: LintReport | undefined;
      const text = document.getText();
      const settings = this.scheduler.isPending(uri) ? undefined : await this.settings.get(uri);
      if (settings?.run === 'onSave') {
        // Checked on save only: lint the text as it stands for this request, without publishing it.
        report = await this.lintText(uri, text, key, settings, document.languageId, { isCurrent: () => this.keys.isCurrent(uri, key), detach: () => {} });
      } else {
        this.scheduleUnlessPending(uri);
        report = await this.next(uri, false);
        if (report === undefined) return undefined;
      }
      if (this.isFresh(report)) return report;
    }
  }

  /** Answers `textDocument/diagnostic`: the current report, waiting for a pending lint (and so the debounce). */
  async pull(params: DocumentDiagnosticParams, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    for (;;) {
      if (!this.documents.get(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      let report = this.reports.get(uri);
      if (!this.isFresh(report)) {
        const settings = await this.settings.get(uri);
        report = this.reports.get(uri);
        const keepUntilSave = settings.run === 'onSave' && this.isFresh(report, true) && !this.scheduler.isPending(uri);
        if (!keepUntilSave) {
          this.scheduleUnlessPending(uri);
          report = await untilCancelled(this.next(uri, true), token);
          if (report === undefined) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
          if (!this.isFresh(report)) continue;
        }
      }
      if (!report) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const resultId = LintKeys.resultId(report.key, report.partial);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: report.diagnostics };
    }
  }

  private scheduleUnlessPending(uri: string): void {
    if (!this.scheduler.isPending(uri)) this.schedule(uri, 0);
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
    const report = await this.lintText(uri, draft.text, DISK_KEY, settings);
    if (!report || this.documents.get(uri)) return report;
    this.connection.sendDiagnostics({ uri, diagnostics: report.diagnostics });
    this.pushedFromDisk.add(uri);
    return report;
  }

  /** Lints an open draft for the key it was scheduled under: the text is read while the key is current, and the run stops once it is not. */
  private async lintOpen(uri: string, key: LintKey, control: RunControl): Promise<LintReport | undefined> {
    const document = this.documents.get(uri);
    if (!document || !control.isCurrent()) return undefined;
    const text = document.getText();
    const settings = await this.settings.get(uri);
    if (!control.isCurrent()) return undefined;
    return this.lintText(uri, text, key, settings, document.languageId, control);
  }
}
