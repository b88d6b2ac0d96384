import assert from 'node:assert/strict';
import { MessageType, type PublishDiagnosticsParams, type ShowMessageParams } from 'vscode-languageserver-protocol';
import { TempFolder } from './helpers.js';
import { codes, fileUri, LspSession } from './lsp-session.js';

const CONFIG = '.assessment-lint.yaml';
const GOOD_CONFIG = 'packs: [core, ./team]\n';
const GOOD_PACK = `name: team
version: 1.0.0
terms:
  service-user:
    - service user|users
rules:
  person-first:
    kind: flag-phrase
    message: Write "person on probation" rather than "service user".
    options:
      phrases: service-user
`;
const DRAFT = '## Offender assessment\n\nThe service user lives alone in a rented flat.\n';

/** A way to break the workspace's configuration, and where and how the one error must say so. */
interface Breakage {
  name: string;
  files: Record<string, string>;
  /** `file:line:column: message` as the notice must give it (the file relative to the workspace). */
  expected: RegExp;
}

const BREAKAGES: Breakage[] = [
  { name: 'a YAML syntax error', files: { 'team/pack.yaml': GOOD_PACK.replace('    message:', '   message:') }, expected: /team\/pack\.yaml:9:\d+: `message: .*` is not lined up with the keys above it/ },
  { name: 'an unknown kind', files: { 'team/pack.yaml': GOOD_PACK.replace('kind: flag-phrase', 'kind: flag-phrases') }, expected: /team\/pack\.yaml:8:11: unknown kind 'flag-phrases'/ },
  { name: 'an unknown rule id in the configuration', files: { [CONFIG]: `${GOOD_CONFIG}rules:\n  person-frist: error\n` }, expected: /\.assessment-lint\.yaml:3:3: 'person-frist' is not a rule/ },
  { name: 'an option of the wrong type', files: { 'team/pack.yaml': GOOD_PACK.replace('phrases: service-user', 'phrases: [3]') }, expected: /team\/pack\.yaml:11:\d+: .*phrases/ },
  { name: 'an extends cycle', files: { 'team/pack.yaml': `${GOOD_PACK}extends: ./base.yaml\n`, 'team/base.yaml': 'name: base\nversion: 1.0.0\nextends: ./pack.yaml\n' }, expected: /team\/pack\.yaml:12:10: extends forms a cycle: base\.yaml → pack\.yaml → base\.yaml/ },
  { name: 'a missing pack file', files: { [CONFIG]: 'packs:\n  - core\n  - ./team\n  - ./missing.yaml\n' }, expected: /\.assessment-lint\.yaml:4:5: .*'\.\/missing\.yaml' was not found/ },
  { name: 'a path that leaves the pack folder', files: { 'team/pack.yaml': `${GOOD_PACK}extends:\n  - core\n  - ../outside.yaml\n`, 'outside.yaml': 'name: outside\nversion: 1.0.0\n' }, expected: /team\/pack\.yaml:14:5: extends: '\.\.\/outside\.yaml' leaves the pack's own folder/ },
  { name: 'an alias bomb', files: { 'team/pack.yaml': `${GOOD_PACK}x: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n` }, expected: /team\/pack\.yaml:13:\d+: Excessive alias count/ },
  { name: 'a regular expression as a term', files: { 'team/pack.yaml': GOOD_PACK.replace('    - service user|users', '    - "(service )+user.*"') }, expected: /team\/pack\.yaml:5:7: .*looks like a regular expression; packs cannot use regular expressions/ },
];

/** A file-changed event as an editor's watcher sends it. */
const CHANGED = 2;

/** A workspace with the good configuration and team pack, a server on it, and the draft open with the team pack's rule applying. */
async function startWithTeamPack(): Promise<{ folder: TempFolder; session: LspSession; uri: string }> {
  const folder = new TempFolder({ [CONFIG]: GOOD_CONFIG, 'team/pack.yaml': GOOD_PACK, 'report.md': DRAFT });
  const session = await LspSession.start({ root: folder.root });
  const uri = fileUri(folder.path('report.md'));
  const opened = await session.open(uri, DRAFT);
  assert.ok(codes(opened!.diagnostics).includes('person-first'), 'the team pack applies');
  return { folder, session, uri };
}

/** Writes files and tells the server they changed, as an editor's watcher does; returns the bookmark to wait from. */
async function writeWatched(folder: TempFolder, session: LspSession, files: Record<string, string>): Promise<number> {
  folder.write(files);
  const since = session.mark();
  await session.notify('workspace/didChangeWatchedFiles', { changes: Object.keys(files).map((relative) => ({ uri: fileUri(folder.path(relative)), type: CHANGED })) });
  return since;
}

describe('language server: every kind of broken pack or configuration', function () {
  this.timeout(60_000);
  let folder: TempFolder;
  let session: LspSession;
  let uri: string;

  before(async () => {
    ({ folder, session, uri } = await startWithTeamPack());
  });

  after(async () => {
    await session.stop();
    folder.remove();
  });

  const write = (files: Record<string, string>) => writeWatched(folder, session, files);

  for (const breakage of BREAKAGES) {
    it(`${breakage.name}: one error naming file:line:column, and the last good configuration goes on`, async () => {
      const since = await write(breakage.files);
      const notice = await session.waitFor<ShowMessageParams>('window/showMessage', () => true, since, `the notice for ${breakage.name}`);
      assert.equal(notice.type, MessageType.Error);
      assert.match(notice.message, breakage.expected);
      assert.match(notice.message, /checked with the last good configuration/);
      const relinted = await session.diagnostics(uri, () => true, since);
      assert.ok(codes(relinted.diagnostics).includes('person-first'), 'the team rule of the last good configuration still applies');
      const typed = session.mark();
      const version = await session.change(uri, [{ text: `${DRAFT}\nAnother service user visits.\n` }]);
      const afterEdit = await session.diagnostics(uri, (params) => params.version === version, typed);
      assert.equal(afterEdit.diagnostics.filter((diagnostic) => diagnostic.code === 'person-first').length, 2, 'edits are linted with the last good configuration');
      assert.equal(session.since(since, 'window/showMessage').length, 1, 'the error is announced once');

      const restored = await write({ [CONFIG]: GOOD_CONFIG, 'team/pack.yaml': GOOD_PACK });
      const problemFile = fileUri(folder.path(breakage.expected.source.includes('assessment-lint') ? CONFIG : 'team/pack.yaml'));
      await session.diagnostics(problemFile, (params: PublishDiagnosticsParams) => params.diagnostics.length === 0, restored);
      const repaired = await session.diagnostics(uri, () => true, restored);
      assert.ok(codes(repaired.diagnostics).includes('person-first'));
    });
  }
});

describe('language server: editor settings of the wrong type or value', () => {
  let folder: TempFolder;
  let session: LspSession;

  beforeEach(async () => {
    folder = new TempFolder({ 'report.md': DRAFT });
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  it('names each unusable setting and its value once, and lints with the defaults meanwhile', async () => {
    const settings = { enable: 'yes', run: 'sometimes', debounceMs: 'fast', rules: { alcohol: 'loud', drugs: 'off' }, packs: 'team.yaml', files: { include: [3] }, trace: { server: 'loud' }, colour: 'blue' };
    session = await LspSession.start({ root: folder.root, settings });
    const uri = fileUri(folder.path('report.md'));
    const opened = await session.open(uri, DRAFT);
    const found = codes(opened!.diagnostics);
    assert.ok(found.includes('alcohol'), 'alcohol keeps its pack severity');
    assert.ok(!found.includes('drugs'), 'the valid rules setting still applies');
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', () => true);
    assert.equal(notice.type, MessageType.Warning);
    for (const expected of [
      /assessmentLint\.enable must be true or false, not "yes"; true is used\./,
      /assessmentLint\.run is "sometimes"; use onType or onSave\. onType is used\./,
      /assessmentLint\.debounceMs must be a number of milliseconds from 0 to 10000, not "fast"; 200 is used\./,
      /assessmentLint\.rules\.alcohol is "loud"; use error, warning, info, hint, off\./,
      /assessmentLint\.packs must be a list of pack paths or package names, not "team\.yaml"/,
      /assessmentLint\.files\.include must be a list of globs, not \[3\]/,
      /assessmentLint\.trace\.server is "loud"/,
      /assessmentLint\.colour is not an Assessment Lint setting; it is ignored\./,
    ]) {
      assert.match(notice.message, expected);
    }
    const since = session.mark();
    const version = await session.change(uri, [{ text: `${DRAFT}\nHe drinks.\n` }]);
    await session.diagnostics(uri, (params) => params.version === version, since);
    assert.equal(session.since(0, 'window/showMessage').length, 1, 'shown once while the settings stay the same');

    const fixed = session.mark();
    await session.changeSettings({ run: 'onType', rules: { alcohol: 'off' } });
    const relinted = await session.diagnostics(uri, () => true, fixed);
    assert.ok(!codes(relinted.diagnostics).includes('alcohol'));
    assert.equal(session.since(fixed, 'window/showMessage').length, 0, 'valid settings bring no notice');
  });
});

describe('language server: a pack with many problems, and settings changed while a pack is broken', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let session: LspSession;
  let uri: string;

  beforeEach(async () => {
    ({ folder, session, uri } = await startWithTeamPack());
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  const write = (files: Record<string, string>) => writeWatched(folder, session, files);

  /** The diagnostics last published for the draft once its current lint is done (a request waits for it). */
  async function settled(): Promise<PublishDiagnosticsParams> {
    await session.request('textDocument/documentSymbol', { textDocument: { uri } });
    const published = session.since(0, 'textDocument/publishDiagnostics').filter((params: PublishDiagnosticsParams) => params.uri === uri);
    return published[published.length - 1];
  }

  it('shows at most 100 of 12,000 problems on the pack file, then one saying how many more, and keeps answering', async () => {
    const broken = `${GOOD_PACK}${Array.from({ length: 12_000 }, (_, index) => `  broken-${index}: loud\n`).join('')}`;
    const since = await write({ 'team/pack.yaml': broken });
    const pack = await session.diagnostics(fileUri(folder.path('team/pack.yaml')), (params) => params.diagnostics.length > 0, since);
    assert.equal(pack.diagnostics.length, 101);
    assert.match(String(pack.diagnostics[0].message), /'loud' is not a severity|broken-0/);
    assert.match(String(pack.diagnostics[100].message), /^and 11,900 more problems in this file; run 'assessment-lint pack validate' on it to list them all$/);
    assert.equal(pack.diagnostics[100].range.start.line, pack.diagnostics[99].range.start.line + 1, 'the summary sits at the first problem left out');
    const symbols = await session.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['Offender assessment']);
    const configuration = await session.request<{ problems: string[] }>('assessmentLint/effectiveConfiguration', { textDocument: { uri } });
    assert.equal(configuration.problems.length, 101, 'the effective configuration lists the same capped problems');
  });

  it('keeps the last good configuration of the folder when the settings change while a pack is broken, with the new settings on top', async () => {
    const since = await write({ 'team/pack.yaml': GOOD_PACK.replace('kind: flag-phrase', 'kind: flag-phrases') });
    await session.waitFor<ShowMessageParams>('window/showMessage', (params) => params.type === MessageType.Error, since, 'the notice of the broken pack');
    const brokenAt = await settled();
    assert.ok(codes(brokenAt.diagnostics).includes('person-first') && codes(brokenAt.diagnostics).includes('sources-section'));

    await session.changeSettings({ rules: { 'sources-section': 'off' } });
    const relinted = await settled();
    assert.ok(codes(relinted.diagnostics).includes('person-first'), 'the team rule of the last good configuration still applies after the settings change');
    assert.ok(!codes(relinted.diagnostics).includes('sources-section'), 'the new settings apply on top of it');

    await session.changeSettings({ rules: { 'sources-section': 'off', 'person-first': 'off' } });
    const twice = await settled();
    assert.ok(!codes(twice.diagnostics).includes('person-first') && !codes(twice.diagnostics).includes('sources-section'), 'a second settings change applies on top of the same last good configuration');
    assert.ok(codes(twice.diagnostics).length > 0, 'the built-in rules still run');

    const restored = await write({ 'team/pack.yaml': GOOD_PACK });
    await session.diagnostics(fileUri(folder.path('team/pack.yaml')), (params) => params.diagnostics.length === 0, restored);
    await session.changeSettings({});
    const repaired = await settled();
    assert.ok(codes(repaired.diagnostics).includes('person-first') && codes(repaired.diagnostics).includes('sources-section'));
  });
});
