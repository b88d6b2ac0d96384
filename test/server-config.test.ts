import assert from 'node:assert/strict';
import { DiagnosticSeverity, MessageType, type ShowMessageParams } from 'vscode-languageserver-protocol';
import type { EffectiveConfiguration } from '../server/shared/protocol.js';
import { runCli, TempFolder } from './helpers.js';
import { codes, fileUri, LspSession } from './lsp-session.js';
import { TEAM_PACK } from './team-pack-fixture.js';


const DRAFT = '## Offender assessment\n\nThe service user lives alone in a rented flat.\n';

/** A file-changed event as an editor's watcher sends it. */
const CHANGED = 2;

describe('language server: settings, configuration and packs', () => {
  let folder: TempFolder;
  let session: LspSession;
  let uri: string;

  beforeEach(async () => {
    folder = new TempFolder({ '.assessment-lint.yaml': 'packs: [core, ./team-pack.yaml]\n', 'team-pack.yaml': TEAM_PACK, 'report.md': DRAFT });
    session = await LspSession.start({ root: folder.root });
    uri = fileUri(folder.path('report.md'));
  });

  afterEach(async () => {
    await session.stop();
    folder.remove();
  });

  async function fileChanged(relative: string, content: string): Promise<number> {
    folder.write({ [relative]: content });
    const since = session.mark();
    await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(folder.path(relative)), type: CHANGED }] });
    return since;
  }

  it('re-lints open drafts when the settings change', async () => {
    const opened = await session.open(uri, DRAFT);
    assert.ok(codes(opened!.diagnostics).includes('alcohol'));
    let since = session.mark();
    await session.changeSettings({ rules: { alcohol: 'off', drugs: 'error' } });
    const changed = await session.diagnostics(uri, () => true, since);
    assert.ok(!codes(changed.diagnostics).includes('alcohol'));
    assert.equal(changed.diagnostics.find((diagnostic) => diagnostic.code === 'drugs')?.severity, DiagnosticSeverity.Error);
    since = session.mark();
    await session.changeSettings({ enable: false });
    const disabled = await session.diagnostics(uri, () => true, since);
    assert.deepEqual(disabled.diagnostics, []);
  });

  it('leaves out drafts matching files.exclude', async () => {
    session.settings = { files: { exclude: ['**/report.md'] } };
    const opened = await session.open(uri, DRAFT);
    assert.deepEqual(opened!.diagnostics, []);
  });

  it('warns once, and still lints, when a pack no longer matches the lock', async () => {
    const written = await runCli(['pack', 'lock'], folder.root);
    assert.equal(written.code, 0, written.stderr);
    folder.write({ 'team-pack.yaml': TEAM_PACK.replace('severity: warning', 'severity: error') });
    const since = session.mark();
    const opened = await session.open(uri, DRAFT);
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', (params) => params.type === MessageType.Warning, since);
    assert.match(notice.message, /team/);
    assert.match(notice.message, /lock/);
    assert.equal(opened!.diagnostics.find((diagnostic) => diagnostic.code === 'person-first')?.severity, DiagnosticSeverity.Error, 'linting goes on with the changed pack');
    const typed = session.mark();
    const version = await session.change(uri, [{ text: DRAFT + '\nMore text.\n' }]);
    await session.diagnostics(uri, (params) => params.version === version, typed);
    assert.equal(session.since(since, 'window/showMessage').filter((params: ShowMessageParams) => params.type === MessageType.Warning).length, 1, 'the warning is given once');
  });

  it('re-lints open drafts when a pack file changes', async () => {
    const opened = await session.open(uri, DRAFT);
    assert.equal(opened!.diagnostics.find((diagnostic) => diagnostic.code === 'person-first')?.severity, DiagnosticSeverity.Warning);
    const since = await fileChanged('team-pack.yaml', TEAM_PACK.replace('severity: warning', 'severity: error'));
    const changed = await session.diagnostics(uri, () => true, since);
    assert.equal(changed.diagnostics.find((diagnostic) => diagnostic.code === 'person-first')?.severity, DiagnosticSeverity.Error);
  });

  it('reports a broken pack once, on the pack file at its line, and goes on with the last good configuration', async () => {
    await session.open(uri, DRAFT);
    const packUri = fileUri(folder.path('team-pack.yaml'));
    const since = await fileChanged('team-pack.yaml', TEAM_PACK.replace('severity: warning', 'severity: loud'));
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', () => true, since);
    assert.equal(notice.type, MessageType.Error);
    assert.match(notice.message, /team-pack\.yaml:9:\d+: .*severity/);
    assert.match(notice.message, /last good configuration/);
    const onPack = await session.diagnostics(packUri, (params) => params.diagnostics.length > 0, since);
    assert.equal(onPack.diagnostics[0].range.start.line, 8);
    assert.equal(onPack.diagnostics[0].severity, DiagnosticSeverity.Error);
    const relinted = await session.diagnostics(uri, () => true, since);
    assert.ok(codes(relinted.diagnostics).includes('person-first'), 'the last good pack still applies');
    const typed = session.mark();
    const version = await session.change(uri, [{ text: DRAFT + '\nAnother service user visits.\n' }]);
    const afterEdit = await session.diagnostics(uri, (params) => params.version === version, typed);
    assert.equal(afterEdit.diagnostics.filter((diagnostic) => diagnostic.code === 'person-first').length, 2);
    assert.equal(session.since(since, 'window/showMessage').length, 1, 'the problem is announced once');
    const fixed = await fileChanged('team-pack.yaml', TEAM_PACK.replace('severity: warning', 'severity: error'));
    const cleared = await session.diagnostics(packUri, (params) => params.diagnostics.length === 0, fixed);
    assert.deepEqual(cleared.diagnostics, []);
    const repaired = await session.diagnostics(uri, () => true, fixed);
    assert.equal(repaired.diagnostics.find((diagnostic) => diagnostic.code === 'person-first')?.severity, DiagnosticSeverity.Error);
  });

  it('reports a broken configuration file at its line and lints with the built-in pack meanwhile', async () => {
    folder.write({ '.assessment-lint.yaml': 'packs: [core]\nrules:\n  alcohol: off\n  no-such-rule: error\n' });
    const since = session.mark();
    const opened = await session.open(uri, DRAFT);
    assert.ok(codes(opened!.diagnostics).includes('alcohol'), 'the built-in pack alone applies until the configuration loads');
    const notice = await session.waitFor<ShowMessageParams>('window/showMessage', () => true, since);
    assert.match(notice.message, /\.assessment-lint\.yaml:4:3: 'no-such-rule' is not a rule/);
    const onConfig = await session.diagnostics(fileUri(folder.path('.assessment-lint.yaml')), (params) => params.diagnostics.length > 0, since);
    assert.equal(onConfig.diagnostics[0].range.start.line, 3);
  });

  it('lints an untitled draft with the configuration of the workspace folder', async () => {
    const opened = await session.open('untitled:Untitled-1', DRAFT);
    assert.ok(codes(opened!.diagnostics).includes('person-first'));
  });

  it('explains the effective configuration of a draft', async () => {
    session.settings = { rules: { drugs: 'hint' } };
    await session.open(uri, DRAFT);
    const effective = await session.request<EffectiveConfiguration>('assessmentLint/effectiveConfiguration', { textDocument: { uri } });
    assert.equal(effective.configFile, folder.path('.assessment-lint.yaml'));
    assert.deepEqual(effective.packs.map((pack) => pack.name), ['core', 'team']);
    const rule = (id: string) => effective.rules.find((entry) => entry.ruleId === id)!;
    assert.deepEqual(rule('drugs'), { ruleId: 'drugs', severity: 'hint', because: 'set in the assessmentLint.rules setting' });
    assert.equal(rule('person-first').severity, 'warning');
    assert.match(rule('person-first').because, /team-pack\.yaml/);
    assert.match(effective.markdown, /\| drugs \| hint \| set in the assessmentLint\.rules setting \|/);
  });

  it('takes packs in the assessmentLint.packs setting by path or by npm package name', async () => {
    folder.write({
      'node_modules/@unit/extra-pack/package.json': JSON.stringify({ name: '@unit/extra-pack', version: '3.0.0' }),
      'node_modules/@unit/extra-pack/pack.yaml': 'name: "@unit/extra-pack"\nversion: 3.0.0\nrules:\n  drugs: error\n',
      'packs/local.yaml': 'name: local\nversion: 1.0.0\nrules:\n  alcohol: off\n',
    });
    session.settings = { packs: ['@unit/extra-pack', 'packs/local.yaml'] };
    const opened = await session.open(uri, DRAFT);
    assert.equal(opened!.diagnostics.find((diagnostic) => diagnostic.code === 'drugs')?.severity, DiagnosticSeverity.Error);
    assert.ok(!codes(opened!.diagnostics).includes('alcohol'));
    const effective = await session.request<EffectiveConfiguration>('assessmentLint/effectiveConfiguration', { textDocument: { uri } });
    assert.deepEqual(effective.packs.map((pack) => pack.name), ['core', 'team', '@unit/extra-pack', 'local']);
  });

  it('lints files from disk for the workspace and publishes their diagnostics', async () => {
    folder.write({ 'closed.md': DRAFT, 'binary.txt': new Uint8Array([65, 0, 66]) });
    const since = session.mark();
    const closed = fileUri(folder.path('closed.md'));
    const result = await session.request<{ linted: number; gaps: number; skipped: Array<{ uri: string; reason: string }> }>('assessmentLint/lintFiles', {
      uris: [closed, fileUri(folder.path('binary.txt'))],
    });
    assert.equal(result.linted, 1);
    assert.ok(result.gaps > 0);
    assert.deepEqual(result.skipped.map((skip) => skip.uri), [fileUri(folder.path('binary.txt'))]);
    assert.match(result.skipped[0].reason, /binary/);
    const published = await session.diagnostics(closed, () => true, since);
    assert.equal(published.diagnostics.length, result.gaps);
  });

  it('uses each folder’s own configuration in a multi-root workspace', async () => {
    const other = new TempFolder({ 'report.md': DRAFT });
    const multi = await LspSession.start({ root: folder.root, moreFolders: [other.root] });
    try {
      const withPack = await multi.open(uri, DRAFT);
      const withoutPack = await multi.open(fileUri(other.path('report.md')), DRAFT);
      assert.ok(codes(withPack!.diagnostics).includes('person-first'));
      assert.ok(!codes(withoutPack!.diagnostics).includes('person-first'));
      assert.ok(codes(withoutPack!.diagnostics).includes('alcohol'));
    } finally {
      await multi.stop();
      other.remove();
    }
  });

  it('writes the report template in the draft format', async () => {
    const markdown = await session.request<{ text: string }>('assessmentLint/reportTemplate', { format: 'markdown' });
    assert.match(markdown.text, /^# Pre-sentence report\n\n## Defendant details\n\n<!-- /);
    assert.match(markdown.text, /\n## Sources of information\n/);
    const plain = await session.request<{ text: string }>('assessmentLint/reportTemplate', { format: 'plaintext' });
    assert.match(plain.text, /\nOFFENCE ANALYSIS\n\[/);
  });
});
