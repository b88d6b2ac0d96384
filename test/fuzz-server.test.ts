import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter } from '../rules/linter.js';
import { toDiagnostic } from '../server/diagnostics.js';
import { fuzzDraft, fuzzInsertion, toChanges } from './fuzz-drafts.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-support.js';
import { TempFolder } from './helpers.js';
import { fileUri, LspSession } from './lsp-session.js';

const RUNS = 150;

/** One didChange notification: one to three incremental changes, and whether to wait for its diagnostics before the next. */
const edit = fc.record({
  changes: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fuzzInsertion), { minLength: 1, maxLength: 3 }),
  pause: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});

/** Asserts every range of every diagnostic lies inside the document's lines. */
function assertInside(document: TextDocument, diagnostics: Diagnostic[]): void {
  const lines = document.getText().split(/\r\n|\r|\n/);
  const inside = (position: { line: number; character: number }) => position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line].length;
  for (const diagnostic of diagnostics) {
    assert.ok(inside(diagnostic.range.start) && inside(diagnostic.range.end), `${diagnostic.code} at ${JSON.stringify(diagnostic.range)} is outside the ${lines.length}-line document`);
    for (const related of diagnostic.relatedInformation ?? []) assert.ok(inside(related.location.range.start) && inside(related.location.range.end), `${diagnostic.code}: a related place is outside the document`);
  }
}

describe('fuzzing: incremental edits through the language server', function () {
  this.timeout(fuzzTimeout(RUNS, 250, 30_000));
  let folder: TempFolder;
  let session: LspSession;
  const linter = new Linter();

  before(async () => {
    folder = new TempFolder();
    session = await LspSession.start({ root: folder.root, settings: { debounceMs: 5 } });
  });

  after(async () => {
    await session.stop();
    folder.remove();
  });

  it('publishes, after any sequence of edits, exactly the diagnostics a fresh lint of the final text gives, inside the document and never stale', async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(fuzzDraft, fc.array(edit, { minLength: 1, maxLength: 10 }), fc.constantFrom('markdown', 'plaintext'), async (initial, edits, languageId) => {
        const file = folder.path(`draft-${count++}.${languageId === 'markdown' ? 'md' : 'txt'}`);
        const uri = fileUri(file);
        const since = session.mark();
        await session.open(uri, initial, languageId);
        for (const step of edits) {
          const version = await session.change(uri, toChanges(session.text(uri), step.changes));
          if (step.pause) await session.diagnostics(uri, (params) => params.version === version, since);
        }
        const final = session.version(uri);
        const published = await session.diagnostics(uri, (params) => params.version === final, since);
        const text = session.text(uri);
        const format = languageId === 'markdown' ? 'markdown' : 'plaintext';
        const fresh = linter.lintText(text, format, file);
        const expected = fresh.result.messages.map((message) => toDiagnostic(message, { uri, version: final, format, document: fresh.document }));
        assert.deepEqual(published.diagnostics, JSON.parse(JSON.stringify(expected)), 'the last diagnostics are those of a fresh lint of the final text');
        assertInside(TextDocument.create(uri, languageId, final, text), published.diagnostics);
        const versions = session.since(since, 'textDocument/publishDiagnostics').filter((params: PublishDiagnosticsParams) => params.uri === uri).map((params: PublishDiagnosticsParams) => params.version ?? 0);
        assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `diagnostics were published out of order: versions ${versions.join(', ')}`);
        await session.notify('textDocument/didClose', { textDocument: { uri } });
        await session.diagnostics(uri, (params) => params.version === undefined && params.diagnostics.length === 0, since);
      }),
      fuzzParameters(RUNS),
    );
  });
});
