import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { REPO_ROOT } from './helpers.js';

/** The built language server, as `npm test` leaves it after the build step. */
export const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

/** Longest wait for one expected message before a test fails with a description of what it waited for. */
const WAIT_LIMIT_MS = 10_000;

/** A message the server sent to the client. */
interface Received {
  method: string;
  params: any;
}

/** How a test session presents itself to the server. */
export interface SessionOptions {
  /** The workspace folder (the first, when there are several). */
  root: string;
  /** Further workspace folders (a multi-root workspace). */
  moreFolders?: string[];
  /** `assessmentLint` settings the session answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** Declare pull diagnostics support (`textDocument.diagnostic`). */
  pull?: boolean;
  /** Declare snippet text edits in workspace edits. */
  snippets?: boolean;
  /** A command the server is started under (e.g. `['unshare', '--net']`); the server runs directly when absent. */
  wrapper?: string[];
}

/** The `file:` URI of a path. */
export function fileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/**
 * A language server process spoken to over stdio the way an editor would:
 * answers its requests, records what it sends, and lets tests wait for
 * specific notifications (never for time to pass).
 */
export class LspSession {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  /** Every notification and request the server sent, in order. */
  readonly received: Received[] = [];
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  /** While set, each `workspace/configuration` request is answered (with the settings as they were when it came) only once this resolves. */
  holdConfiguration?: (params: { items: unknown[] }) => Promise<void>;
  private readonly waiters: Array<{ test: (message: Received) => boolean; resolve: (message: Received) => void; since: number }> = [];
  private readonly texts = new Map<string, TextDocument>();
  private stderr = '';

  private constructor(private readonly options: SessionOptions) {
    this.settings = options.settings ?? {};
    const [command, ...args] = [...(options.wrapper ?? []), process.execPath, SERVER, '--stdio'];
    this.process = spawn(command, args, { cwd: options.root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
      const settings = this.settings;
      this.record('workspace/configuration', params);
      if (this.holdConfiguration) await this.holdConfiguration(params);
      return params.items.map(() => settings);
    });
    for (const method of ['client/registerCapability', 'client/unregisterCapability', 'window/workDoneProgress/create', 'workspace/diagnostic/refresh']) {
      this.connection.onRequest(method, (params: unknown) => {
        this.record(method, params);
        return null;
      });
    }
    this.connection.onNotification((method: string, params: unknown) => this.record(method, params));
    this.connection.listen();
  }

  /** Starts the built server and completes `initialize` / `initialized`. */
  static async start(options: SessionOptions): Promise<LspSession> {
    const session = new LspSession(options);
    const rootUri = fileUri(options.root);
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        workspaceFolders: true,
        workspaceEdit: { documentChanges: true, snippetEditSupport: options.snippets ?? false },
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: false },
      },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, dataSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        diagnostic: options.pull ? { dynamicRegistration: false, relatedDocumentSupport: false } : undefined,
      },
    };
    session.initializeResult = await session.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [options.root, ...(options.moreFolders ?? [])].map((folder) => ({ uri: fileUri(folder), name: path.basename(folder) })),
      capabilities,
    });
    await session.connection.sendNotification('initialized', {});
    return session;
  }

  private record(method: string, params: unknown): void {
    const message = { method, params };
    this.received.push(message);
    const index = this.received.length - 1;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (index >= waiter.since && waiter.test(message)) {
        this.waiters.splice(i, 1);
        waiter.resolve(message);
      }
    }
  }

  /** A bookmark in the received messages: waits `since` it ignore anything earlier. */
  mark(): number {
    return this.received.length;
  }

  /** Messages of a method received since a bookmark. */
  since(mark: number, method: string): any[] {
    return this.received.slice(mark).filter((message) => message.method === method).map((message) => message.params);
  }

  /** Resolves with the first message of a method (since a bookmark) that passes a test. */
  waitFor<T = any>(method: string, test: (params: T) => boolean = () => true, since = 0, what = method): Promise<T> {
    const matches = (message: Received) => message.method === method && test(message.params as T);
    const found = this.received.slice(since).find(matches);
    if (found) return Promise.resolve(found.params as T);
    return new Promise((resolve, reject) => {
      const waiter = { test: matches, since, resolve: (message: Received) => {
        clearTimeout(limit);
        resolve(message.params as T);
      } };
      const limit = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        const seen = this.received.slice(since).map((message) => `${message.method} ${JSON.stringify(message.params).slice(0, 300)}`);
        reject(new Error(`no ${what} arrived within ${WAIT_LIMIT_MS} ms; received:\n${seen.join('\n')}\nserver stderr:\n${this.stderr}`));
      }, WAIT_LIMIT_MS);
      this.waiters.push(waiter);
    });
  }

  /** Resolves with the diagnostics published for a URI (since a bookmark) that pass a test. */
  diagnostics(uri: string, test: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (params) => params.uri === uri && test(params), since, `diagnostics for ${uri}`);
  }

  /** Opens a document and resolves with its first diagnostics (push sessions; `wait` false resolves at once). */
  async open(uri: string, text: string, languageId = 'markdown', wait = true): Promise<PublishDiagnosticsParams | undefined> {
    const since = this.mark();
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.options.pull || !wait ? undefined : this.diagnostics(uri, (params) => params.version === 1, since);
  }

  /** The server's resident memory in bytes (Linux), read from /proc. */
  residentBytes(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kilobytes = status.split('\n').find((line) => line.startsWith('VmRSS:'))?.split(/\s+/)[1];
    assert.ok(kilobytes, 'VmRSS is in /proc/PID/status');
    return Number(kilobytes) * 1024;
  }

  /** The text of an open document as the session holds it. */
  text(uri: string): string {
    return this.document(uri).getText();
  }

  /** The version of an open document as the session holds it. */
  version(uri: string): number {
    return this.document(uri).version;
  }

  private document(uri: string): TextDocument {
    const document = this.texts.get(uri);
    assert.ok(document, `${uri} is not open`);
    return document;
  }

  /** Sends one change (incremental, or the whole text) and returns the new version without waiting. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    this.texts.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /** Applies text edits to an open document as an editor would, sending the change; returns the new version. */
  async applyEdits(uri: string, edits: TextEdit[]): Promise<number> {
    const text = TextDocument.applyEdits(this.document(uri), edits);
    return this.change(uri, [{ text }]);
  }

  /** Applies a workspace edit's changes to one document (snippet edits with their placeholders filled in). */
  async applyWorkspaceEdit(uri: string, edit: WorkspaceEdit, fill: (snippet: string) => string = (snippet) => snippet): Promise<number> {
    const edits: TextEdit[] = [];
    for (const change of edit.documentChanges ?? []) {
      assert.ok('edits' in change && change.textDocument.uri === uri, 'an edit for another document');
      assert.equal(change.textDocument.version, this.version(uri), 'the edit targets the current version');
      for (const item of change.edits) edits.push('snippet' in item ? { range: item.range, newText: fill(item.snippet.value) } : (item as TextEdit));
    }
    edits.push(...(edit.changes?.[uri] ?? []));
    assert.ok(edits.length > 0, 'the workspace edit changes nothing');
    return this.applyEdits(uri, edits);
  }

  /** Sends a request and resolves with its result. */
  request<T = any>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  /** Sends a notification. */
  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Replaces the settings and tells the server they changed. */
  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.notify('workspace/didChangeConfiguration', { settings: null });
  }

  /** Shuts the server down and resolves with its exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode !== null) return this.process.exitCode;
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.request('shutdown', null);
      await this.notify('exit', null);
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The rule ids of diagnostics, sorted. */
export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}
