import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, MarkupContent, PublishDiagnosticsParams, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import type { CoverageResult } from '../server/shared/protocol.js';
import { TempFolder } from './helpers.js';
import { codes, fileUri, LspSession } from './lsp-session.js';
import { TEAM_PACK } from './team-pack-fixture.js';


const DRAFT = [
  '# Pre-sentence report',
  '',
  '## Offence analysis',
  '',
  'The CPS case summary describes the assault. He has no previous convictions recorded on the PNC.',
  '',
  '## Offender assessment',
  '',
  'The service user lives alone in a rented flat. He has no children. Another service user lives next door. His neighbour drinks heavily.',
  '',
  'He reports no mental health difficulties and none are recorded by his GP. He denies any illicit drug use.',
  '',
  '## Sources of information',
  '',
  '- CPS case summary',
  '',
].join('\n');

function workspace(): TempFolder {
  return new TempFolder({ '.assessment-lint.yaml': 'packs: [core, ./team-pack.yaml]\n', 'team-pack.yaml': TEAM_PACK, 'report.md': DRAFT, 'report.txt': DRAFT.replace(/^#+ /gm, '') });
}

/** The offset of a line and character in a text with LF line breaks. */
function lineOffset(text: string, at: { line: number; character: number }): number {
  return text.split('\n').slice(0, at.line).reduce((sum, line) => sum + line.length + 1, 0) + at.character;
}

function byCode(published: PublishDiagnosticsParams | undefined, code: string): Diagnostic[] {
  return (published?.diagnostics ?? []).filter((diagnostic) => diagnostic.code === code);
}

describe('language server: hover, code actions, symbols and coverage', () => {
  let folder: TempFolder;
  let session: LspSession;
  let uri: string;
  let opened: PublishDiagnosticsParams | undefined;

  beforeEach(async () => {
    folder = workspace();
    session = await LspSession.start({ root: folder.root, snippets: true });
    uri = fileUri(folder.path('report.md'));
    opened = await session.open(uri, DRAFT);
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  async function actions(diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  async function applyAndRelint(action: CodeAction, fill?: (snippet: string) => string): Promise<PublishDiagnosticsParams> {
    const since = session.mark();
    const version = await session.applyWorkspaceEdit(uri, action.edit!, fill);
    return session.diagnostics(uri, (params) => params.version === version, since);
  }

  it('explains a diagnostic on hover with the rule explanation and docs link', async () => {
    const alcohol = byCode(opened, 'alcohol')[0];
    const hover = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: alcohol.range.start });
    const value = (hover.contents as MarkupContent).value;
    assert.equal((hover.contents as MarkupContent).kind, 'markdown');
    assert.match(value, /`alcohol`/);
    assert.match(value, /\*\*What good looks like:\*\*/);
    assert.match(value, /\[Rule documentation\]\(file:\/\/.*\/docs\/rules\/alcohol\.md\)/);
    const nothing = await session.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 10 } });
    assert.equal(nothing, null);
  });

  it('offers the rule replacement, and applying it removes that warning on re-lint', async () => {
    const [first] = byCode(opened, 'person-first');
    const offered = await actions([first]);
    const replace = offered.find((action) => action.title === "Replace with 'person on probation'");
    assert.ok(replace, `offered: ${offered.map((action) => action.title).join('; ')}`);
    assert.equal(replace.kind, 'quickfix');
    assert.equal(replace.isPreferred, true);
    const relinted = await applyAndRelint(replace);
    assert.equal(byCode(relinted, 'person-first').length, 1, 'the other use remains');
    assert.match(session.text(uri), /The person on probation lives alone/);
  });

  it('fixes every use of a rule in the file at once', async () => {
    const uses = byCode(opened, 'person-first');
    assert.equal(uses.length, 2);
    const fixAll = (await actions([uses[0]])).find((action) => action.title === 'Fix all person-first in this file');
    assert.ok(fixAll);
    const relinted = await applyAndRelint(fixAll);
    assert.deepEqual(byCode(relinted, 'person-first'), []);
  });

  it('offers source.fixAll.assessment-lint for the unambiguous replacements only', async () => {
    const offered = await actions([], ['source.fixAll']);
    assert.deepEqual(offered.map((action) => action.kind), ['source.fixAll.assessment-lint']);
    const relinted = await applyAndRelint(offered[0]);
    assert.deepEqual(byCode(relinted, 'person-first'), []);
    assert.equal(byCode(relinted, 'alcohol').length, 1, 'skeletons are not inserted unasked');
  });

  it('inserts a missing topic skeleton as its own paragraph in the right section', async () => {
    const [alcohol] = byCode(opened, 'alcohol');
    const insert = (await actions([alcohol])).find((action) => action.title.startsWith('Insert '));
    assert.ok(insert);
    assert.match(insert.title, /^Insert 'Alcohol: \[.*' under 'Offender assessment'$/);
    const relinted = await applyAndRelint(insert);
    assert.deepEqual(byCode(relinted, 'alcohol'), []);
    assert.match(session.text(uri), /He denies any illicit drug use\.\n\nAlcohol: \[[^\]]*\]\n\n## Sources of information/);
  });

  it('suppresses a missing topic right below its section heading, with a reason placeholder selected as a snippet', async () => {
    const [alcohol] = byCode(opened, 'alcohol');
    assert.equal(alcohol.range.start.line, 6, 'the finding sits on the Offender assessment heading');
    const suppress = (await actions([alcohol])).find((action) => action.title === 'Suppress alcohol here with a reason…');
    assert.ok(suppress);
    const edit = (suppress.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as SnippetTextEdit;
    assert.equal(edit.snippet.value, '<!-- assessment-lint-disable-next-line alcohol -- ${1:reason} -->\n');
    assert.deepEqual(edit.range.start, { line: 7, character: 0 }, 'right below the heading');
    const relinted = await applyAndRelint(suppress, (snippet) => snippet.replace('${1:reason}', 'alcohol is covered in the attached OASys'));
    assert.equal(session.text(uri).split('\n')[7], '<!-- assessment-lint-disable-next-line alcohol -- alcohol is covered in the attached OASys -->');
    assert.deepEqual(byCode(relinted, 'alcohol'), []);
    assert.deepEqual(byCode(relinted, 'suppression-reason'), []);
    assert.deepEqual(byCode(relinted, 'unused-suppression'), []);
  });

  it('suppresses a phrase finding on the line before it', async () => {
    const [first] = byCode(opened, 'person-first');
    const suppress = (await actions([first])).find((action) => action.title === 'Suppress person-first here with a reason…');
    assert.ok(suppress);
    const edit = (suppress.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as SnippetTextEdit;
    assert.deepEqual(edit.range.start, { line: first.range.start.line, character: 0 });
    const relinted = await applyAndRelint(suppress, (snippet) => snippet.replace('${1:reason}', 'the court used this term in its order'));
    assert.equal(byCode(opened, 'person-first').filter((diagnostic) => diagnostic.range.start.line === first.range.start.line).length, 2);
    assert.deepEqual(byCode(relinted, 'person-first'), [], 'both uses on that line are silenced');
    assert.deepEqual(byCode(relinted, 'unused-suppression'), []);
  });

  it('places the suppression after a section heading that ends the draft, and at the top of a draft with no sections', async () => {
    const cases = [
      { name: 'heading-last.md', text: '# Pre-sentence report\n\n## Offence analysis\n\nHe hit the man.\n\n## Offender assessment', at: { line: 6, character: '## Offender assessment'.length }, newText: '\n<!-- assessment-lint-disable-next-line alcohol -- assessed in the attached OASys -->' },
      { name: 'no-sections.md', text: 'He hit the man.\n\nHe lives alone.\n', at: { line: 0, character: 0 }, newText: '<!-- assessment-lint-disable-next-line alcohol -- assessed in the attached OASys -->\n' },
    ];
    for (const { name, text, at, newText } of cases) {
      const other = fileUri(folder.path(name));
      const [alcohol] = byCode(await session.open(other, text), 'alcohol');
      assert.ok(alcohol, `alcohol fires in ${name}`);
      const offered = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: other }, range: alcohol.range, context: { diagnostics: [alcohol] } });
      const suppress = offered.find((action) => action.title === 'Suppress alcohol here with a reason…')!;
      const edit = (suppress.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as unknown as SnippetTextEdit;
      assert.deepEqual(edit.range.start, at, name);
      const since = session.mark();
      const version = await session.applyWorkspaceEdit(other, suppress.edit!, (snippet) => snippet.replace('${1:reason}', 'assessed in the attached OASys'));
      assert.equal(session.text(other), text.slice(0, lineOffset(text, at)) + newText + text.slice(lineOffset(text, at)), name);
      const relinted = await session.diagnostics(other, (params) => params.version === version, since);
      assert.deepEqual(byCode(relinted, 'alcohol'), [], name);
      assert.deepEqual(byCode(relinted, 'unused-suppression'), [], name);
    }
  });

  it('does not offer to suppress the suppression checks themselves', async () => {
    const since = session.mark();
    const text = `<!-- assessment-lint-disable-next-line alcohol -->\n${DRAFT}`;
    const version = await session.change(uri, [{ text }]);
    const relinted = await session.diagnostics(uri, (params) => params.version === version, since);
    const [problem] = byCode(relinted, 'suppression-reason');
    assert.ok(problem, 'an unreasoned suppression is reported');
    assert.equal(problem.range.start.line, 0);
    assert.equal(byCode(relinted, 'alcohol').length, 1, 'and silences nothing');
    const offered = await actions([problem]);
    assert.ok(!offered.some((action) => action.title.startsWith('Suppress ')), offered.map((action) => action.title).join('; '));
  });

  it('lists the recognised sections as document symbols with their kinds', async () => {
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Pre-sentence report');
    assert.deepEqual(
      symbols[0].children!.map((symbol) => [symbol.name, symbol.detail, symbol.selectionRange.start.line]),
      [
        ['Offence analysis', 'offence-analysis', 2],
        ['Offender assessment', 'assessment', 6],
        ['Sources of information', 'sources', 12],
      ],
    );
  });

  it('answers assessmentLint/coverage with each coverage rule, its status and range', async () => {
    const coverage = await session.request<CoverageResult>('assessmentLint/coverage', { textDocument: { uri } });
    assert.equal(coverage.enabled, true);
    assert.equal(coverage.version, 1);
    assert.equal(coverage.pack.name, 'team');
    assert.equal(coverage.gaps, opened!.diagnostics.length);
    const item = (ruleId: string) => coverage.items.find((entry) => entry.ruleId === ruleId)!;
    assert.equal(item('alcohol').status, 'missing');
    assert.equal(item('alcohol').range!.start.line, 6, 'a gap points to where it is reported');
    assert.equal(item('mental-health').status, 'addressed');
    assert.equal(item('mental-health').range!.start.line, 10, 'an addressed topic points to where it is addressed');
    assert.equal(item('safeguarding-enquiry').status, 'not-applicable');
    assert.equal(item('safeguarding-enquiry').range, undefined);
    assert.ok(!coverage.items.some((entry) => entry.ruleId === 'person-first'), 'phrase rules are not coverage rules');
    // What counted and what was set aside travel with the item, for the checklist's hover.
    const counted = item('mental-health').counted!;
    assert.equal(counted.range.start.line, 10);
    assert.equal(DRAFT.split('\n')[10].slice(counted.range.start.character, counted.range.end.character), counted.words);
    const neighbour = item('alcohol').setAside?.find((mention) => mention.because === 'about someone else');
    assert.ok(neighbour, JSON.stringify(item('alcohol')));
    assert.equal(neighbour.range.start.line, 8);
    assert.equal(DRAFT.split('\n')[8].slice(neighbour.range.start.character, neighbour.range.end.character), neighbour.words);
  });
});

describe('language server: plain-text suppression without snippet support', () => {
  it('inserts a bracketed suppression line with a reason', async () => {
    const folder = workspace();
    const session = await LspSession.start({ root: folder.root, snippets: false });
    try {
      const uri = fileUri(folder.path('report.txt'));
      const opened = await session.open(uri, DRAFT.replace(/^#+ /gm, ''), 'plaintext');
      const [alcohol] = byCode(opened, 'alcohol');
      assert.ok(alcohol, 'alcohol fires in the plain-text draft');
      const offered = await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: alcohol.range, context: { diagnostics: [alcohol] } });
      const suppress = offered.find((action) => action.title === 'Suppress alcohol here with a reason…')!;
      const edit = (suppress.edit!.documentChanges![0] as TextDocumentEdit).edits[0] as TextEdit;
      assert.equal(edit.newText, '[assessment-lint-disable-next-line alcohol -- reason]\n');
      assert.deepEqual(edit.range.start, { line: alcohol.range.start.line + 1, character: 0 }, 'right below the heading');
      let since = session.mark();
      let version = await session.applyWorkspaceEdit(uri, suppress.edit!);
      const placeholder = await session.diagnostics(uri, (params) => params.version === version, since);
      assert.equal(byCode(placeholder, 'alcohol').length, 1, "the placeholder 'reason' is not a reason, so the finding stands");
      assert.match(String(byCode(placeholder, 'suppression-reason')[0]?.message ?? ''), /too short/);
      since = session.mark();
      version = await session.change(uri, [{ text: session.text(uri).replace('-- reason]', '-- alcohol is covered in the attached OASys]') }]);
      const relinted = await session.diagnostics(uri, (params) => params.version === version, since);
      assert.deepEqual(byCode(relinted, 'alcohol'), []);
      assert.deepEqual(byCode(relinted, 'suppression-reason'), []);
    } finally {
      await session.stop();
      folder.remove();
    }
  });
});
