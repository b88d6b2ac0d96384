import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { median, quantile } from './stats.js';
import { SERVER_NODE_FLAGS } from '../server/shared/launch.js';

interface Published {
  uri: string;
  version?: number;
}

/** A language server process spoken to over stdio, as an editor would (the hostile-draft bench uses it too). */
export class ServerSession {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiting: Array<{ test: (published: Published) => boolean; resolve: () => void }> = [];
  private incremental = false;

  constructor(serverPath: string) {
    this.process = spawn(process.execPath, [...SERVER_NODE_FLAGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ enable: true, run: 'onType', debounceMs: 0 })));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification('textDocument/publishDiagnostics', (published: Published) => {
      for (let index = this.waiting.length - 1; index >= 0; index--) {
        if (this.waiting[index].test(published)) this.waiting.splice(index, 1)[0].resolve();
      }
    });
    this.connection.listen();
  }

  async initialize(rootUri: string): Promise<void> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    })) as { capabilities: { textDocumentSync?: number | { change?: number } } };
    const sync = result.capabilities.textDocumentSync;
    this.incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;
    await this.connection.sendNotification('initialized', {});
  }

  /** Resolves when diagnostics for the document at this version (or any version, when the server sends none) arrive. */
  diagnosticsFor(uri: string, version: number): Promise<void> {
    return new Promise((resolve) => this.waiting.push({ test: (published) => published.uri === uri && (published.version === undefined || published.version >= version), resolve }));
  }

  async open(uri: string, text: string): Promise<void> {
    const arrived = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await arrived;
  }

  async change(uri: string, version: number, offset: number, line: number, character: number, inserted: string, fullText: string): Promise<void> {
    const arrived = this.diagnosticsFor(uri, version);
    const contentChanges = this.incremental ? [{ range: { start: { line, character }, end: { line, character } }, text: inserted }] : [{ text: fullText }];
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    await arrived;
  }

  rssMegabytes(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kilobytes / 1024;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification('exit');
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }
}

/** Time from starting the server to the first diagnostics for a small draft, in ms: the median of `runs` fresh starts. */
export async function measureReady(serverPath: string, smallDraft: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const session = new ServerSession(serverPath);
    try {
      await session.initialize('file:///bench');
      await session.open('file:///bench/ready.md', smallDraft);
      times.push(performance.now() - start);
    } finally {
      await session.stop();
    }
  }
  return median(times);
}

/** didChange to publishDiagnostics for one-character edits in the middle of a draft: median and p90 in ms. */
export async function measureRoundTrip(serverPath: string, text: string, edits: number): Promise<{ median: number; p90: number }> {
  const session = new ServerSession(serverPath);
  try {
    await session.initialize('file:///bench');
    const uri = 'file:///bench/round-trip.md';
    await session.open(uri, text);
    let current = text;
    const at = text.indexOf(' ', Math.floor(text.length / 2)) + 1;
    const times: number[] = [];
    for (let index = 0; index < edits; index++) {
      const offset = at + index;
      current = current.slice(0, offset) + 'x' + current.slice(offset);
      const before = current.slice(0, offset);
      const line = before.split('\n').length - 1;
      const character = offset - (before.lastIndexOf('\n') + 1);
      const start = performance.now();
      await session.change(uri, index + 2, offset, line, character, 'x', current);
      times.push(performance.now() - start);
    }
    return { median: median(times), p90: quantile(times, 0.9) };
  } finally {
    await session.stop();
  }
}

/** Resident memory of the server with `drafts` open documents, once all have diagnostics, in MB. */
export async function measureMemory(serverPath: string, drafts: string[]): Promise<number> {
  const session = new ServerSession(serverPath);
  try {
    await session.initialize('file:///bench');
    for (const [index, text] of drafts.entries()) await session.open(`file:///bench/open-${index}.md`, text);
    return session.rssMegabytes();
  } finally {
    await session.stop();
  }
}
