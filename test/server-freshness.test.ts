import assert from 'node:assert/strict';
import type { DocumentDiagnosticReport, DocumentSymbol, FullDocumentDiagnosticReport, ShowMessageParams } from 'vscode-languageserver-protocol';
import { Linter } from '../rules/linter.js';
import { toDiagnostic } from '../server/diagnostics.js';
import { fiftyThousandWordDraft } from './bad-drafts.js';
import { TempFolder } from './helpers.js';
import { codes, fileUri, LspSession } from './lsp-session.js';

const RULE = 'uncritical-language';
const DRAFT = '## Offence analysis\n\nThis offence was out of character.\n\n## Risk analysis\n\nHe poses a low risk.\n';
const OFF = { rules: { [RULE]: 'off' } };

/** The diagnostics a fresh lint of a text gives, as the server would send them. */
function freshDiagnostics(text: string, file: string, version: number, severities: Record<string, 'off'> = {}): unknown {
  const linted = new Linter({ severities }).lintText(text, 'markdown', file);
  const uri = fileUri(file);
  return JSON.parse(JSON.stringify(linted.result.messages.map((message) => toDiagnostic(message, { uri, version, format: 'markdown', document: linted.document }))));
}

/**
 * Fifteen 50,000-word drafts in one (about 4.5 MB), with uncritical wording in every third paragraph: long enough that its first
 * lint still runs past the server's partial-results point on an idle machine,
 * so the setting reliably changes while it is being checked.
 */
function longUncriticalDraft(): string {
  const paragraphs = fiftyThousandWordDraft().split('\n\n');
  // Each copy's paragraphs are numbered apart, since parsed paragraphs are cached by their text.
  return Array.from({ length: 15 }, (_, copy) =>
    paragraphs.map((paragraph, index) => `${paragraph} (${copy}.${index})${index % 3 === 1 ? ' This offence was out of character.' : ''}`).join('\n\n'),
  ).join('\n\n');
}

function pull(session: LspSession, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return session.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
}

/** Resolves (with a function that lets the request be answered) when the server next asks the session for settings. */
function holdNextConfiguration(session: LspSession): Promise<() => void> {
  return new Promise((asked) => {
    session.holdConfiguration = () => {
      session.holdConfiguration = undefined;
      return new Promise<void>((answer) => asked(answer));
    };
  });
}

describe('language server: results are never served under an old configuration', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let session: LspSession | undefined;

  beforeEach(() => {
    folder = new TempFolder();
  });

  afterEach(async () => {
    await session?.stop();
    session = undefined;
    folder.remove();
  });

  it('(the short draft here has uncritical wording, on by default)', () => {
    assert.ok(codes(freshDiagnostics(DRAFT, folder.path('report.md'), 1) as never).includes(RULE));
  });

  it('pull: a very large draft whose setting changes while it is being checked gets the new setting in the next pulled result, and ends as a fresh lint under it', async () => {
    session = await LspSession.start({ root: folder.root, pull: true });
    const file = folder.path('long.md');
    const uri = fileUri(file);
    const text = longUncriticalDraft();
    const since = session.mark();
    await session.open(uri, text);
    const first = await pull(session, uri);
    assert.equal(first.kind, 'full');
    const notices = session.since(since, 'window/showMessage') as ShowMessageParams[];
    assert.ok(notices.some((notice) => /long\.md is a very large draft/.test(notice.message)), 'the first answer came while the draft was still being checked');
    assert.ok(first.kind === 'full' && codes(first.items).includes(RULE), `${RULE} is on at first`);

    const changed = session.mark();
    await session.changeSettings(OFF);
    await session.waitFor('workspace/diagnostic/refresh', () => true, changed, 'a request to pull again after the settings change');
    const next = await pull(session, uri, first.resultId);
    assert.equal(next.kind, 'full', 'the next pull is a new result');
    assert.ok(next.kind === 'full' && !codes(next.items).includes(RULE), `the next pulled result has no ${RULE} warnings`);

    // A request waits for the draft's full current result; the pull after it serves that result.
    await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const settled = await pull(session, uri);
    assert.ok(settled.kind === 'full');
    assert.deepEqual(settled.items, freshDiagnostics(text, file, 1, { [RULE]: 'off' }), 'the settled result is a fresh lint under the new setting');
  });

  for (const mode of ['pull', 'push'] as const) {
    it(`${mode}: a setting changed while a lint waits for the settings it asked for is not answered with that lint`, async () => {
      session = await LspSession.start({ root: folder.root, pull: mode === 'pull' });
      const file = folder.path('report.md');
      const uri = fileUri(file);
      const asked = holdNextConfiguration(session);
      await session.open(uri, DRAFT, 'markdown', false);
      const answer = await asked;
      const changed = session.mark();
      await session.changeSettings(OFF);
      // The lint's settings request is answered only now, with the settings as they were when it was asked.
      answer();
      if (mode === 'pull') {
        const result = await pull(session, uri);
        assert.ok(result.kind === 'full');
        assert.deepEqual(result.items, freshDiagnostics(DRAFT, file, 1, { [RULE]: 'off' }));
      } else {
        await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        const published = session.since(0, 'textDocument/publishDiagnostics').filter((params) => params.uri === uri);
        assert.ok(published.length > 0, 'diagnostics were published');
        assert.deepEqual(published[published.length - 1].diagnostics, freshDiagnostics(DRAFT, file, 1, { [RULE]: 'off' }), 'the last published diagnostics are under the new setting');
        assert.ok(session.since(changed, 'textDocument/publishDiagnostics').every((params) => params.uri !== uri || !codes(params.diagnostics).includes(RULE)), `no ${RULE} warning is published after the change`);
      }
    });
  }

  it('pull: a draft closed and opened again with other text while its first lint runs gets the new text’s diagnostics', async () => {
    session = await LspSession.start({ root: folder.root, pull: true });
    const file = folder.path('report.md');
    const uri = fileUri(file);
    const asked = holdNextConfiguration(session);
    await session.open(uri, DRAFT, 'markdown', false);
    const answer = await asked;
    await session.notify('textDocument/didClose', { textDocument: { uri } });
    const reopened = '## Offence analysis\n\nHe drinks every day.\n';
    await session.open(uri, reopened, 'markdown', false);
    answer();
    const result = await pull(session, uri);
    assert.ok(result.kind === 'full');
    assert.deepEqual((result as FullDocumentDiagnosticReport).items, freshDiagnostics(reopened, file, 1));
  });
});
