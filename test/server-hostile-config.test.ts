import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { MessageType, type DocumentSymbol, type ShowMessageParams } from 'vscode-languageserver-protocol';
import { TempFolder } from './helpers.js';
import { deepJson, makeFifo } from './hostile-support.js';
import { codes, fileUri, LspSession } from './lsp-session.js';

const DRAFT = '## Offender assessment\n\nThe service user lives alone in a rented flat.\n';
const TEAM = 'name: team\nversion: 1.0.0\nextends: core\nterms:\n  service-user: [service user]\nrules:\n  person-first:\n    kind: flag-phrase\n    message: Write "person on probation".\n    options: { phrases: service-user }\n';
const BACKTRACKING_GLOB = `${'*a'.repeat(30)}*b`;
const CHANGED = 2;

describe('language server: hostile configuration files', function () {
  this.timeout(60_000);
  let folder: TempFolder;
  let session: LspSession | undefined;

  afterEach(async () => {
    await session?.stop();
    session = undefined;
    folder.remove();
  });

  /** Asserts the server is alive and answering: a document symbol request comes back. */
  async function assertResponsive(live: LspSession, uri: string): Promise<void> {
    const symbols = await live.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((symbol) => symbol.name === 'Offender assessment'));
    assert.equal(live.process.exitCode, null, 'the server is still running');
  }

  it('stays up and answering with a 1,000-deep .assessment-lint.json, names file:line:column once, and takes the fixed file', async () => {
    folder = new TempFolder({ '.assessment-lint.json': deepJson(1000), 'report.md': DRAFT, 'team/pack.yaml': TEAM });
    session = await LspSession.start({ root: folder.root });
    const uri = fileUri(folder.path('report.md'));
    const opened = await session.open(uri, DRAFT);
    assert.ok(codes(opened!.diagnostics).includes('alcohol'), 'drafts are checked with the built-in pack meanwhile');
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', (params) => params.type === MessageType.Error);
    assert.match(notice.message, /\.assessment-lint\.json:1:\d+: mappings and lists are nested more than 64 deep/);
    await assertResponsive(session, uri);

    const since = session.mark();
    folder.write({ '.assessment-lint.json': '{"packs": ["./team"]}\n' });
    await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(folder.path('.assessment-lint.json')), type: CHANGED }] });
    const relinted = await session.diagnostics(uri, (params) => codes(params.diagnostics).includes('person-first'), since);
    assert.ok(relinted.diagnostics.length > 0);
    assert.equal(session.since(0, 'window/showMessage').filter((params) => params.type === MessageType.Error).length, 1, 'the error was announced once');
  });

  it('does not block on a FIFO as .assessment-lint.yaml or as a pack, and says what it is', async () => {
    folder = new TempFolder({ 'report.md': DRAFT });
    makeFifo(folder.path('.assessment-lint.yaml'));
    session = await LspSession.start({ root: folder.root });
    const uri = fileUri(folder.path('report.md'));
    const opened = await session.open(uri, DRAFT);
    assert.ok(opened!.diagnostics.length > 0);
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', (params) => params.type === MessageType.Error);
    assert.match(notice.message, /\.assessment-lint\.yaml:1:1: this configuration is a named pipe \(FIFO\), not a regular file/);
    await assertResponsive(session, uri);

    const since = session.mark();
    rmSync(folder.path('.assessment-lint.yaml'));
    makeFifo(folder.path('team.yaml'));
    folder.write({ '.assessment-lint.yaml': 'packs: [core, ./team.yaml]\n' });
    await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(folder.path('.assessment-lint.yaml')), type: CHANGED }] });
    const second = await session.waitFor<ShowMessageParams>('window/showMessage', (params) => /team\.yaml/.test(params.message), since);
    assert.match(second.message, /team\.yaml:1:1: this pack is a named pipe \(FIFO\)/);
    await assertResponsive(session, uri);
  });

  it('lints at once with a backtracking override glob refused at its place, and a backtracking files.exclude setting matched at once', async () => {
    const name = `${'a'.repeat(120)}.md`;
    folder = new TempFolder({ '.assessment-lint.yaml': `packs: [core]\noverrides:\n  - files: "+(a|b)*.md"\n    rules: { alcohol: off }\n`, [name]: DRAFT });
    session = await LspSession.start({ root: folder.root, settings: { files: { include: ['**/*.md'], exclude: [BACKTRACKING_GLOB] } } });
    const uri = fileUri(folder.path(name));
    const opened = await session.open(uri, DRAFT);
    assert.ok(codes(opened!.diagnostics).includes('alcohol'));
    const error = await session.waitFor<ShowMessageParams>('window/showMessage', (params) => params.type === MessageType.Error);
    assert.match(error.message, /\.assessment-lint\.yaml:3:12: overrides\[0\]\.files: '\+\(a\|b\)\*\.md' uses an extended glob/);
    await assertResponsive(session, uri);
  });
});
