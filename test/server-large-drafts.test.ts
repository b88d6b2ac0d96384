import assert from 'node:assert/strict';
import { MessageType, type Diagnostic, type DocumentSymbol, type FullDocumentDiagnosticReport, type PublishDiagnosticsParams, type ShowMessageParams } from 'vscode-languageserver-protocol';
import { fiftyThousandWordDraft, fiveMegabyteDraft, longLine, NUL_TEXT, tenThousandHeadings } from './bad-drafts.js';
import { TempFolder } from './helpers.js';
import { fileUri, LspSession } from './lsp-session.js';

const SMALL = '## Offence analysis\n\nHe said the offence was out of character.\n\n## Risk analysis\n\nHe poses a low risk.\n';

/** Rules whose verdict needs the whole draft: a partial result must not show them. */
const WHOLE_DRAFT_RULES = ['alcohol', 'drugs', 'accommodation', 'mental-health', 'child-safeguarding', 'previous-convictions', 'sole-account', 'who-is-at-risk', 'sources-section'];

function assertInside(text: string, diagnostics: Diagnostic[], what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const { range, code } of diagnostics) {
    for (const position of [range.start, range.end]) {
      assert.ok(position.line < lines.length && position.character <= lines[position.line].length, `${what}: ${code} at ${JSON.stringify(range)} is outside the document`);
    }
  }
}

describe('language server: huge and odd drafts', function () {
  this.timeout(90_000);
  let folder: TempFolder;
  let session: LspSession;

  beforeEach(async () => {
    folder = new TempFolder();
    session = await LspSession.start({ root: folder.root });
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  it('keeps answering while a 5 MB draft is checked: partial findings and a one-time notice first, then the full result', async () => {
    const small = fileUri(folder.path('small.md'));
    await session.open(small, SMALL);
    const huge = fileUri(folder.path('huge.md'));
    const text = fiveMegabyteDraft();
    const since = session.mark();
    await session.open(huge, text, 'markdown', false);

    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', (params) => params.message.includes('huge.md'), since);
    assert.equal(notice.type, MessageType.Info);
    assert.match(notice.message, /huge\.md is a very large draft \(5\.\d MB\).*checked in the background.*first [\d,]+ lines are shown now/);

    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
    const publishedForHuge = () => session.since(since, 'textDocument/publishDiagnostics').filter((params: PublishDiagnosticsParams) => params.uri === huge);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Offence analysis', 'Risk analysis']);
    assert.ok(publishedForHuge().length <= 1, 'the small draft’s request was answered while the huge draft was still being checked');

    const partial = await session.diagnostics(huge, () => true, since);
    assert.equal(partial.version, 1);
    assert.ok(!partial.diagnostics.some((diagnostic) => WHOLE_DRAFT_RULES.includes(String(diagnostic.code))), 'a partial result leaves out verdicts that need the whole draft');
    assertInside(text, partial.diagnostics, 'partial');

    const full = await session.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (params) => params.uri === huge && params !== partial, since, 'the full diagnostics of the huge draft');
    assert.equal(full.version, 1);
    assertInside(text, full.diagnostics, 'full');

    const edited = session.mark();
    const version = await session.change(huge, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Draft: ' }]);
    await session.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (params) => params.uri === huge && params.version === version, edited, 'diagnostics after an edit of the huge draft');
    assert.equal(session.since(since, 'window/showMessage').length, 1, 'the notice is shown once');
  });

  it('answers a pull for a 5 MB draft with the findings read so far, then asks the client to pull the full result', async () => {
    await session.stop();
    session = await LspSession.start({ root: folder.root, pull: true });
    const uri = fileUri(folder.path('huge.md'));
    const text = fiveMegabyteDraft();
    const since = session.mark();
    await session.open(uri, text, 'markdown', false);
    const first = await session.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    assert.ok(!first.items.some((diagnostic) => WHOLE_DRAFT_RULES.includes(String(diagnostic.code))), 'a partial result leaves out verdicts that need the whole draft');
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', () => true, since);
    assert.match(notice.message, /huge\.md is a very large draft.*first [\d,]+ lines are shown now/);
    assert.equal(session.since(since, 'workspace/diagnostic/refresh').length, 0, 'the first answer came before the whole draft was checked');
    await session.waitFor('workspace/diagnostic/refresh', () => true, since, 'a request to pull again');
    const full = await session.request<FullDocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(full.kind, 'full');
    assert.notEqual(full.resultId, first.resultId);
    assertInside(text, full.items, 'full');
  });

  it('does not check a draft over 8 MB, says so once, and keeps answering', async () => {
    const uri = fileUri(folder.path('too-big.md'));
    const text = 'He drinks. '.repeat(Math.ceil((9 * 1024 * 1024) / 11));
    const since = session.mark();
    const opened = await session.open(uri, text);
    assert.deepEqual(opened!.diagnostics, []);
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', () => true, since);
    assert.match(notice.message, /too-big\.md is 9\.0 MB; drafts over 8 MB are not checked\. Split it into smaller files/);
    const version = await session.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    await session.diagnostics(uri, (params) => params.version === version, since);
    assert.equal(session.since(since, 'window/showMessage').length, 1, 'the notice is shown once');
    const small = fileUri(folder.path('small.md'));
    assert.ok((await session.open(small, SMALL))!.diagnostics.length > 0, 'other drafts are still checked');
  });

  it('checks a draft with a NUL, an empty draft, a 200,000-character line, 10,000 headings and 50,000 words, and still answers', async () => {
    const drafts: Record<string, string> = {
      'nul.md': NUL_TEXT,
      'empty.md': '',
      'long-line.txt': longLine(),
      'headings.md': tenThousandHeadings(),
      'fifty-thousand.md': fiftyThousandWordDraft(),
    };
    const since = session.mark();
    for (const [name, text] of Object.entries(drafts)) {
      await session.open(fileUri(folder.path(name)), text, name.endsWith('.md') ? 'markdown' : 'plaintext', false);
    }
    for (const [name, text] of Object.entries(drafts)) {
      const uri = fileUri(folder.path(name));
      // A request waits for the draft's lint, whose diagnostics are published before the answer.
      const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols), `${name}: symbols answered`);
      const published = session.since(since, 'textDocument/publishDiagnostics').filter((params: PublishDiagnosticsParams) => params.uri === uri);
      assert.ok(published.length > 0, `${name}: diagnostics published`);
      assertInside(text, published[published.length - 1].diagnostics, name);
    }
    const headings = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fileUri(folder.path('headings.md')) } });
    assert.equal(headings.length, 10_000, 'every heading is a symbol');
  });
});
