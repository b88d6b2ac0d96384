import assert from 'node:assert/strict';
import { DiagnosticSeverity, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { TempFolder } from './helpers.js';
import { codes, fileUri, LspSession } from './lsp-session.js';

const DRAFT = [
  '# Pre-sentence report',
  '',
  '## Offence analysis',
  '',
  'The CPS case summary describes the offence. He has no previous convictions recorded on the PNC.',
  '',
  '## Offender assessment',
  '',
  'He lives alone in a rented flat. He reports no mental health difficulties and none are recorded by his GP.',
  '',
  'This offence was out of character.',
  '',
  '## Risk analysis',
  '',
  'He poses a medium risk of serious harm to the public.',
  '',
].join('\n');

describe('language server: lifecycle and diagnostics', () => {
  let folder: TempFolder;
  let session: LspSession;

  beforeEach(async () => {
    folder = new TempFolder({ 'report.md': DRAFT });
    session = await LspSession.start({ root: folder.root });
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  it('initializes with its capabilities and exits cleanly after shutdown', async () => {
    const capabilities = session.initializeResult!.capabilities;
    assert.equal(session.initializeResult!.serverInfo?.name, 'assessment-lint');
    assert.ok(capabilities.hoverProvider);
    assert.ok(capabilities.documentSymbolProvider);
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.assessment-lint']);
    assert.equal(capabilities.diagnosticProvider, undefined, 'a client without pull support gets pushed diagnostics');
    assert.equal(await session.stop(), 0);
  });

  it('publishes diagnostics on open with rule id, docs link, source, severity, related places and typed data', async () => {
    const uri = fileUri(folder.path('report.md'));
    const published = await session.open(uri, DRAFT);
    const diagnostics = published!.diagnostics;
    for (const gap of ['alcohol', 'drugs', 'uncritical-language', 'who-is-at-risk']) assert.ok(codes(diagnostics).includes(gap), `${gap} fires`);
    for (const addressed of ['mental-health', 'previous-convictions', 'accommodation']) assert.ok(!codes(diagnostics).includes(addressed), `${addressed} is addressed`);
    for (const diagnostic of diagnostics) {
      assert.equal(diagnostic.source, 'assessment-lint');
      assert.match(diagnostic.codeDescription!.href, new RegExp(`^file://.*/docs/rules/${diagnostic.code}\\.md$`));
      assert.deepEqual((diagnostic.data as { ruleId: string; version: number }).ruleId, diagnostic.code);
      assert.equal((diagnostic.data as { version: number }).version, 1);
    }
    const phrase = diagnostics.find((diagnostic) => diagnostic.code === 'uncritical-language')!;
    assert.equal(phrase.severity, DiagnosticSeverity.Information);
    assert.deepEqual(phrase.range, { start: { line: 10, character: 17 }, end: { line: 10, character: 33 } });
    const atRisk = diagnostics.find((diagnostic) => diagnostic.code === 'who-is-at-risk')!;
    assert.equal(atRisk.severity, DiagnosticSeverity.Warning);
    assert.equal(atRisk.range.start.line, 12, 'reported at the risk heading');
    const related = atRisk.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri, uri);
    assert.equal(related[0].location.range.start.line, 14, 'points at the sentence giving the risk level');
  });

  it('clears diagnostics when the draft is closed', async () => {
    const uri = fileUri(folder.path('report.md'));
    await session.open(uri, DRAFT);
    const since = session.mark();
    await session.notify('textDocument/didClose', { textDocument: { uri } });
    const cleared = await session.diagnostics(uri, () => true, since);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('publishes only for the final version after a burst of changes', async () => {
    const uri = fileUri(folder.path('report.md'));
    await session.open(uri, DRAFT);
    const since = session.mark();
    let version = 1;
    for (let i = 0; i < 10; i++) version = await session.change(uri, [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'x' }]);
    const final = await session.diagnostics(uri, (params) => params.version === version, since);
    assert.deepEqual(session.since(since, 'textDocument/publishDiagnostics').map((params) => params.version), [version]);
    const phrase = final.diagnostics.find((diagnostic) => diagnostic.code === 'uncritical-language')!;
    assert.equal(phrase.range.start.character, 27, 'ranges follow the edited text');
  });

  it('counts positions in UTF-16 code units with CRLF line breaks and emoji, through incremental edits', async () => {
    const uri = fileUri(folder.path('notes.md'));
    const text = '## Offender assessment\r\n\r\n\u{1F600}\u{1F600} This offence was out of character.\r\n';
    const opened = await session.open(uri, text);
    const phrase = opened!.diagnostics.find((diagnostic) => diagnostic.code === 'uncritical-language')!;
    const start = '\u{1F600}\u{1F600} This offence was '.length;
    assert.equal(start, 22, 'each emoji is two UTF-16 code units');
    assert.deepEqual(phrase.range, { start: { line: 2, character: start }, end: { line: 2, character: start + 'out of character'.length } });
    const since = session.mark();
    const version = await session.change(uri, [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: '\u{1F4DD}' }]);
    const changed = await session.diagnostics(uri, (params) => params.version === version, since);
    const moved = changed.diagnostics.find((diagnostic) => diagnostic.code === 'uncritical-language')!;
    assert.equal(moved.range.start.line, 2);
    assert.equal(moved.range.start.character, start + 2);
  });

  it('lints only on save when run is onSave', async () => {
    session.settings = { run: 'onSave' };
    await session.changeSettings({ run: 'onSave' });
    const uri = fileUri(folder.path('report.md'));
    await session.open(uri, DRAFT);
    const since = session.mark();
    await session.change(uri, [{ range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } }, text: '' }]);
    const version = await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await session.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await session.diagnostics(uri, () => true, since);
    assert.equal(saved.version, version, 'the first diagnostics after the edits are those of the save');
    assert.ok(!codes(saved.diagnostics).includes('uncritical-language'));
  });
});

describe('language server: pull diagnostics', () => {
  let folder: TempFolder;
  let session: LspSession;

  beforeEach(async () => {
    folder = new TempFolder({ 'report.md': DRAFT });
    session = await LspSession.start({ root: folder.root, pull: true });
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  it('answers textDocument/diagnostic instead of pushing, with result ids', async () => {
    assert.ok(session.initializeResult!.capabilities.diagnosticProvider, 'declares a diagnostic provider to a pull client');
    const uri = fileUri(folder.path('report.md'));
    const since = session.mark();
    await session.open(uri, DRAFT);
    const first = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    assert.ok(first.kind === 'full' && codes(first.items).includes('alcohol'));
    assert.deepEqual(session.since(since, 'textDocument/publishDiagnostics').filter((params) => params.uri === uri && params.diagnostics.length > 0), [], 'nothing pushed for an open draft');
    const again = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'unchanged');
    await session.change(uri, [{ range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } }, text: '' }]);
    const changed = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, first.resultId);
    assert.ok(changed.kind === 'full' && !codes(changed.items).includes('uncritical-language'));
  });

  it('asks the client to pull again when the settings change', async () => {
    const uri = fileUri(folder.path('report.md'));
    await session.open(uri, DRAFT);
    const first = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const since = session.mark();
    await session.changeSettings({ rules: { alcohol: 'off' } });
    await session.waitFor('workspace/diagnostic/refresh', () => true, since);
    const after = await session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.ok(after.kind === 'full' && !codes(after.items).includes('alcohol'));
  });
});
