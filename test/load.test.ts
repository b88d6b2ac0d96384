import assert from 'node:assert/strict';
import type { DocumentSymbol, PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateDraft, seededRandom } from '../bench/generate-draft.js';
import { Linter } from '../rules/linter.js';
import { toDiagnostic } from '../server/diagnostics.js';
import { TempFolder } from './helpers.js';
import { fileUri, LspSession } from './lsp-session.js';

/** How long the writers type: LOAD_SECONDS (30 for `npm run test:load`), 5 in the normal suite. */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 5);
const DOCUMENTS = 50;
/** One keystroke every this many milliseconds, across the documents: a brisk typist's 20 keys a second. */
const KEYSTROKE_MS = 50;
/** The share of the run that warms the server up before its memory is taken as the baseline. */
const WARM_UP_SHARE = 0.25;
/** The most the server's resident memory may grow from the end of the warm-up to the end of the run. */
const RSS_GROWTH_LIMIT = 1.5;

const SENTENCES = [' He said he drinks most days.', ' The CPS summary was read.', ' His partner lives with him.', ' No concerns were reported by his GP.'];

/** A keystroke at a place in a document, as an incremental change: a letter, a space, a backspace, a new paragraph or a pasted sentence. */
function keystroke(random: () => number, text: string): TextDocumentContentChangeEvent {
  const document = TextDocument.create('load:', 'markdown', 0, text);
  const at = Math.floor(random() * text.length);
  const roll = random();
  const [start, end, insert] = roll < 0.6 ? [at, at, 'abcdefghijklmnopqrstuvwxyz '[Math.floor(random() * 27)]] : roll < 0.8 ? [Math.max(0, at - 1), at, ''] : roll < 0.9 ? [at, at, '\n\n'] : [at, at, SENTENCES[Math.floor(random() * SENTENCES.length)]];
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text: insert };
}

/** Resolves after a number of milliseconds: paces the typing (it is the load, not a wait for the server). */
function pace(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe(`load: ${DOCUMENTS} open drafts, typing across them for ${SECONDS} s`, function () {
  this.timeout((SECONDS + 60) * 1000);
  let folder: TempFolder;
  let session: LspSession;

  before(async () => {
    folder = new TempFolder();
    session = await LspSession.start({ root: folder.root });
  });

  after(async () => {
    await session.stop();
    folder.remove();
  });

  it('leaves no stale or lost diagnostics, answers throughout, and keeps its memory flat', async () => {
    const uris = Array.from({ length: DOCUMENTS }, (_, index) => fileUri(folder.path(`draft-${index}.md`)));
    const since = session.mark();
    await Promise.all(uris.map((uri, index) => session.open(uri, generateDraft(500 + (index % 5) * 400, index + 1))));

    const random = seededRandom(2025);
    const started = Date.now();
    let rssAfterWarmUp = 0;
    let keystrokes = 0;
    let requests = 0;
    while (Date.now() - started < SECONDS * 1000) {
      const uri = uris[Math.floor(random() * uris.length)];
      await session.change(uri, [keystroke(random, session.text(uri))]);
      keystrokes++;
      if (keystrokes % 20 === 0) {
        // Now and then the editor asks for symbols, as the outline view does while typing.
        const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(symbols.length > 0);
        requests++;
      }
      if (!rssAfterWarmUp && Date.now() - started >= SECONDS * 1000 * WARM_UP_SHARE) rssAfterWarmUp = session.residentBytes();
      await pace(KEYSTROKE_MS);
    }

    const linter = new Linter();
    for (const uri of uris) {
      const version = session.version(uri);
      const published = await session.diagnostics(uri, (params) => params.version === version, since);
      const text = session.text(uri);
      const fresh = linter.lintText(text, 'markdown', new URL(uri).pathname);
      const expected = fresh.result.messages.map((message) => toDiagnostic(message, { uri, version, format: 'markdown', document: fresh.document }));
      assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(expected)), `${uri}: the last diagnostics are those of its final text`);
      const versions = session.since(since, 'textDocument/publishDiagnostics').filter((params: PublishDiagnosticsParams) => params.uri === uri).map((params: PublishDiagnosticsParams) => params.version ?? 0);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `${uri}: an older version was published after a newer one`);
    }
    const rssAtEnd = session.residentBytes();
    const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(`      ${keystrokes} keystrokes and ${requests} symbol requests in ${SECONDS} s; server RSS ${megabytes(rssAfterWarmUp)} MB after warm-up, ${megabytes(rssAtEnd)} MB at the end`);
    assert.ok(keystrokes >= (SECONDS * 1000) / KEYSTROKE_MS / 3, `only ${keystrokes} keystrokes were sent: the server held up the editor`);
    assert.ok(rssAtEnd <= rssAfterWarmUp * RSS_GROWTH_LIMIT, `memory grew from ${megabytes(rssAfterWarmUp)} MB to ${megabytes(rssAtEnd)} MB`);
  });
});
