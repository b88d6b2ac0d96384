import assert from 'node:assert/strict';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { runCli, TempFolder } from './helpers.js';
import { hostileDrafts } from './hostile-drafts.js';
import { fileUri, LspSession } from './lsp-session.js';

const NORMAL = '## Offence analysis\n\nHe said the offence was out of character.\n';

interface JsonReport {
  filePath: string;
  skipped?: string;
  messages: Array<{ ruleId: string }>;
}

describe('a caseload with hostile drafts', function () {
  this.timeout(180_000);
  const drafts = hostileDrafts();
  let folder: TempFolder;

  before(() => {
    folder = new TempFolder({
      'caseload/a-normal.md': NORMAL,
      ...Object.fromEntries(drafts.map((draft) => [`caseload/${draft.file}`, draft.text])),
      'caseload/z-normal.md': NORMAL,
    });
  });

  after(() => folder.remove());

  it('check exits with the normal code, reports the normal drafts’ findings and lints or lists every hostile draft', async () => {
    const run = await runCli(['check', 'caseload', '--format', 'json'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /unexpected failure/);
    const reports = JSON.parse(run.stdout) as JsonReport[];
    assert.equal(reports.length, drafts.length + 2, 'every draft is reported');
    for (const name of ['caseload/a-normal.md', 'caseload/z-normal.md']) {
      const report = reports.find((entry) => entry.filePath === name)!;
      assert.ok(report.messages.some((message) => message.ruleId === 'uncritical-language'), `${name} is checked`);
    }
    for (const draft of drafts) {
      const report = reports.find((entry) => entry.filePath === `caseload/${draft.file}`);
      assert.ok(report, `${draft.file} is reported`);
      assert.ok(report.skipped !== undefined || report.messages.length > 0, `${draft.file} is linted or listed as skipped`);
    }
  });

  it('the language server publishes diagnostics for every hostile draft and answers about another draft meanwhile', async () => {
    const session = await LspSession.start({ root: folder.root });
    try {
      const normal = fileUri(folder.path('caseload/a-normal.md'));
      await session.open(normal, NORMAL);
      for (const draft of drafts) {
        const uri = fileUri(folder.path(`caseload/${draft.file}`));
        const since = session.mark();
        await session.open(uri, draft.text, draft.format, false);
        const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: normal } });
        assert.deepEqual(symbols.map((symbol) => symbol.name), ['Offence analysis'], `a request on another draft is answered while ${draft.file} is checked`);
        const published = await session.waitFor<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (params) => params.uri === uri && params.diagnostics.length > 0, since, `diagnostics for ${draft.file}`);
        assert.ok(published.diagnostics.length > 0, `${draft.file} is not left silent`);
        await session.notify('textDocument/didClose', { textDocument: { uri } });
      }
    } finally {
      await session.stop();
    }
  });
});
