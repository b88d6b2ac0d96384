import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveConfig } from '../rules/config/workspace-config.js';
import { readRegularFile, readTextFile, UnreadableFileError } from '../rules/io/read-regular-file.js';
import { decodeUtf8Text } from '../rules/io/utf8-text.js';
import { loadPackFile } from '../rules/packs/load-pack.js';
import { MAX_NESTING_DEPTH, nestingTooDeep } from '../rules/packs/nesting-guard.js';
import { MAX_EXTENDS_DEPTH } from '../rules/packs/resolve.js';
import { assertProblemAt, configurationProblems, TempFolder } from './helpers.js';
import { assertRefused, deepJson, makeFifo, runCliWithin } from './hostile-support.js';

const CONFIG = '.assessment-lint.yaml';
const DRAFT = '## Offender assessment\n\nHe lives alone in a rented flat.\n';
const TEAM = 'name: team\nversion: 1.0.0\nextends: core\n';

describe('hostile files: only regular files are read', function () {
  this.timeout(30_000);
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder({ 'report.md': DRAFT })));
  afterEach(() => folder.remove());

  it('check refuses a FIFO as the configuration at once, exit 2, naming file:1:1', async () => {
    makeFifo(folder.path(CONFIG));
    const run = await runCliWithin(['check', 'report.md'], folder.root);
    assertRefused(run, /\.assessment-lint\.yaml:1:1: this configuration is a named pipe \(FIFO\), not a regular file/);
  });

  it('check refuses a FIFO named as a pack, and a pack folder whose pack.yaml is a FIFO', async () => {
    makeFifo(folder.path('team.yaml'));
    mkdirSync(folder.path('unit'));
    makeFifo(folder.path('unit/pack.yaml'));
    folder.write({ [CONFIG]: 'packs: [core, ./team.yaml]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /team\.yaml:1:1: this pack is a named pipe \(FIFO\)/);
    folder.write({ [CONFIG]: 'packs: [core, ./unit]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /unit\/pack\.yaml:1:1: this pack is a named pipe \(FIFO\)/);
  });

  it('check refuses a pack and a configuration that are symbolic links to /dev/zero, without reading them', async () => {
    symlinkSync('/dev/zero', folder.path('team.yaml'));
    folder.write({ [CONFIG]: 'packs: [core, ./team.yaml]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /team\.yaml:1:1: this pack is a device \(a symbolic link to \/dev\/zero\), not a regular file/);
    const other = new TempFolder({ 'report.md': DRAFT });
    try {
      symlinkSync('/dev/zero', other.path(CONFIG));
      assertRefused(await runCliWithin(['check', 'report.md'], other.root), /\.assessment-lint\.yaml:1:1: this configuration is a device \(a symbolic link to \/dev\/zero\)/);
    } finally {
      other.remove();
    }
  });

  it('check refuses a device named by absolute path in the configuration and on the command line', async () => {
    folder.write({ [CONFIG]: 'packs: [core, /dev/zero]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /\/dev\/zero:1:1: this pack is a device, not a regular file/);
    folder.write({ [CONFIG]: 'packs: [core]\n' });
    assertRefused(await runCliWithin(['check', '--pack', '/dev/zero', 'report.md'], folder.root), /\/dev\/zero:1:1: this pack is a device/);
    assertRefused(await runCliWithin(['check', '--config', '/dev/zero', 'report.md'], folder.root), /\/dev\/zero:1:1: this configuration is a device/);
  });

  it('pack lock neither blocks on a FIFO docs page nor follows a docs link out of the pack', async () => {
    mkdirSync(folder.path('team/docs'), { recursive: true });
    makeFifo(folder.path('team/docs/pipe.md'));
    folder.write({ [CONFIG]: 'packs: [core, ./team]\n', 'team/pack.yaml': `${TEAM}rules:\n  alcohol:\n    docs: ./docs/pipe.md\n` });
    assertRefused(await runCliWithin(['pack', 'lock'], folder.root), /team\/pack\.yaml:6:11: docs: '\.\/docs\/pipe\.md' is not a regular file/);
    symlinkSync('/etc/passwd', folder.path('team/docs/passwd.md'));
    folder.write({ 'team/pack.yaml': `${TEAM}rules:\n  alcohol:\n    docs: ./docs/passwd.md\n` });
    assertRefused(await runCliWithin(['pack', 'lock'], folder.root), /team\/pack\.yaml:6:11: docs: '\.\/docs\/passwd\.md' is a symbolic link .*leads out of the pack's own folder/);
  });

  it('reads a regular file through a symbolic link inside the pack, and refuses folders, missing files and oversized files by name', () => {
    folder.write({ 'real.yaml': 'name: real\nversion: 1.0.0\n' });
    symlinkSync(folder.path('real.yaml'), folder.path('link.yaml'));
    assert.equal(readTextFile(folder.path('link.yaml'), 1024, 'pack'), 'name: real\nversion: 1.0.0\n');
    const refusal = (file: string, limit = 1024) => {
      try {
        readRegularFile(file, limit, 'pack');
      } catch (error) {
        assert.ok(error instanceof UnreadableFileError);
        return error.reason;
      }
      assert.fail(`${file} was read`);
    };
    assert.match(refusal(folder.root), /this pack is a folder, not a regular file/);
    assert.match(refusal(folder.path('none.yaml')), /cannot read this pack: no such file/);
    assert.match(refusal(folder.path('real.yaml'), 10), /this pack is 1 KB; packs over 10 bytes are refused/);
  });
});

describe('hostile files: encodings', () => {
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder({ 'report.md': DRAFT })));
  afterEach(() => folder.remove());

  it('refuses a UTF-16 pack (with its byte order mark) saying to save it as UTF-8', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEAM, 'utf16le')]);
    folder.write({ 'team.yaml': utf16, [CONFIG]: 'packs: [core, ./team.yaml]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /team\.yaml:1:1: this pack is saved as UTF-16 .*; save it as UTF-8/);
    const big = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEAM, 'utf16le').swap16()]);
    folder.write({ 'team.yaml': big });
    assertProblemAt(configurationProblems(() => loadPackFile(folder.path('team.yaml'))), { line: 1, column: 1, pattern: /saved as UTF-16.*save it as UTF-8/ });
  });

  it('refuses invalid UTF-8 in a pack and in a configuration at its line and column', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${TEAM}description: Team pack for the caf`), Buffer.from([0xe9]), Buffer.from(' team\n')]);
    folder.write({ 'team.yaml': latin1, [CONFIG]: 'packs: [core, ./team.yaml]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /team\.yaml:4:35: this pack is not valid UTF-8 here \(byte 0xE9.*save it as UTF-8/);
    folder.write({ [CONFIG]: Buffer.concat([Buffer.from('packs:\n  - core\n# r\u00e9sum\u00e9 '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]) });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /\.assessment-lint\.yaml:3:10: this configuration is not valid UTF-8 here \(byte 0xC3/);
  });

  it('accepts UTF-8 with a byte order mark, and finds the first bad byte of each kind of malformed UTF-8', () => {
    assert.deepEqual(decodeUtf8Text(Buffer.from('\ufeffname: x\n')), { ok: true, text: 'name: x\n' });
    const cases: Array<[number[], number]> = [
      [[0x61, 0x80], 2], // lone continuation byte
      [[0x61, 0xc0, 0x80], 2], // overlong two-byte form
      [[0xe0, 0x80, 0x80], 1], // overlong three-byte form
      [[0xed, 0xa0, 0x80], 1], // UTF-16 surrogate
      [[0xf4, 0x90, 0x80, 0x80], 1], // past U+10FFFF
      [[0x0a, 0xf0, 0x9f, 0x98], 1], // truncated emoji on line 2
      [[0xf0, 0x9f, 0x98, 0x80, 0xff], 3], // after an emoji (two UTF-16 units)
    ];
    for (const [bytes, column] of cases) {
      const decoded = decodeUtf8Text(Uint8Array.from(bytes));
      assert.ok(!decoded.ok, `${bytes} is not UTF-8`);
      assert.equal(decoded.column, column, `column of the bad byte in ${bytes}`);
      assert.match(decoded.reason, /save it as UTF-8/);
    }
    const nul = decodeUtf8Text(Buffer.from('name: x\nversion: 1\0\n'));
    assert.ok(!nul.ok);
    assert.deepEqual([nul.line, nul.column], [2, 11]);
  });
});

describe('hostile files: bounded nesting and extends depth', function () {
  this.timeout(30_000);
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder({ 'report.md': DRAFT })));
  afterEach(() => folder.remove());

  it('check and pack validate refuse a 1,000-deep .assessment-lint.json at the place, exit 2', async () => {
    folder.write({ '.assessment-lint.json': deepJson(1000) });
    const at = /\.assessment-lint\.json:1:\d+: mappings and lists are nested more than 64 deep here/;
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), at);
    assertRefused(await runCliWithin(['pack', 'validate', '.assessment-lint.json'], folder.root), at);
  });

  it('refuses deep flow and block YAML in a pack, and 100,000-deep JSON, without exhausting the stack', () => {
    const block = Array.from({ length: 200 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n') + ' x\n';
    folder.write({ 'flow.yaml': `${TEAM}x: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'block.yaml': `${TEAM}${block}` });
    assertProblemAt(configurationProblems(() => loadPackFile(folder.path('flow.yaml'))), { line: 4, column: 3 + MAX_NESTING_DEPTH, pattern: /nested more than 64 deep/ });
    assertProblemAt(configurationProblems(() => loadPackFile(folder.path('block.yaml'))), { line: 4 + MAX_NESTING_DEPTH, column: MAX_NESTING_DEPTH + 1, pattern: /nested more than 64 deep/ });
    assert.equal(nestingTooDeep(deepJson(100_000))?.depth, MAX_NESTING_DEPTH + 1);
  });

  it('accepts nesting up to the limit', () => {
    const nested = `${'['.repeat(MAX_NESTING_DEPTH - 1)}${']'.repeat(MAX_NESTING_DEPTH - 1)}`;
    assert.equal(nestingTooDeep(`a: ${nested}\n`), undefined);
    assert.ok(nestingTooDeep(`a: [${nested}]\n`));
  });

  it(`refuses a 2,000-deep extends chain at the extends that makes it deeper than ${MAX_EXTENDS_DEPTH} packs, exit 2, with no stack trace`, async () => {
    const files: Record<string, string> = { [CONFIG]: 'packs: [./p0.yaml]\n' };
    for (let index = 0; index < 2000; index++) files[`p${index}.yaml`] = `name: p${index}\nversion: 1.0.0\nextends: ./p${index + 1}.yaml\n`;
    files['p2000.yaml'] = 'name: p2000\nversion: 1.0.0\nextends: core\n';
    folder.write(files);
    const last = MAX_EXTENDS_DEPTH - 1;
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), new RegExp(`p${last}\\.yaml:3:10: extends goes more than ${MAX_EXTENDS_DEPTH} packs deep`));
    folder.write({ [`p${last - 1}.yaml`]: `name: p${last - 1}\nversion: 1.0.0\nextends: core\n` });
    assert.equal(resolveConfig(folder.path(CONFIG), folder.root).layers.length, MAX_EXTENDS_DEPTH, 'a chain of 31 packs on core loads');
  });
});

describe('hostile files: every file a pack names stays inside it', () => {
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder({ 'report.md': DRAFT })));
  afterEach(() => folder.remove());

  const docsPack = (...docs: string[]) => `${TEAM}rules:\n${docs.map((link, index) => `  ${['alcohol', 'drugs', 'accommodation', 'mental-health'][index]}:\n    docs: ${link}\n`).join('')}`;

  it('refuses docs links that are not https addresses or paths inside the pack, each at its line and column', () => {
    folder.write({ 'team/pack.yaml': docsPack('"command:workbench.action.terminal.new"', 'file:///etc/passwd', 'http://intranet.example.org/x', 'javascript:alert(1)') });
    const problems = configurationProblems(() => loadPackFile(folder.path('team/pack.yaml')));
    assertProblemAt(problems, { line: 6, column: 11, ruleId: 'alcohol', pattern: /docs: '"?command:workbench.*' is not allowed: a docs link must be an https:\/\/ address or a path inside the pack's folder .*command: links are refused/ });
    assertProblemAt(problems, { line: 8, column: 11, ruleId: 'drugs', pattern: /file: links are refused/ });
    assertProblemAt(problems, { line: 10, column: 11, ruleId: 'accommodation', pattern: /http: links are refused/ });
    assertProblemAt(problems, { line: 12, column: 11, ruleId: 'mental-health', pattern: /javascript: links are refused/ });
    assert.equal(problems.length, 4);
  });

  it('accepts https addresses and pack-relative docs pages, with a fragment', () => {
    folder.write({ 'team/pack.yaml': docsPack('https://intranet.example.org/drugs#a', './docs/drugs.md#use'), 'team/docs/drugs.md': '# Drugs\n' });
    assert.equal(loadPackFile(folder.path('team/pack.yaml')).pack.name, 'team');
  });

  it('refuses a docs page that is a symbolic link out of the pack, and one inside a linked folder', () => {
    mkdirSync(folder.path('team'));
    folder.write({ 'outside/secret.md': 'secret\n' });
    symlinkSync(folder.path('outside/secret.md'), folder.path('team/rule.md'));
    symlinkSync(folder.path('outside'), folder.path('team/docs'));
    folder.write({ 'team/pack.yaml': docsPack('./rule.md', 'docs/secret.md') });
    const problems = configurationProblems(() => loadPackFile(folder.path('team/pack.yaml')));
    assertProblemAt(problems, { line: 6, column: 11, pattern: /docs: '\.\/rule\.md' is a symbolic link \(or inside one\) that leads out of the pack's own folder/ });
    assertProblemAt(problems, { line: 8, column: 11, pattern: /docs: 'docs\/secret\.md' is a symbolic link/ });
  });

  it("refuses an npm package whose pack file is a symbolic link out of the package, so pack lock never hashes what it points at", async () => {
    const packageDir = folder.path('node_modules/@team/pack');
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ name: '@team/pack', version: '1.0.0', assessmentLint: { pack: 'rules.yaml' } }));
    folder.write({ 'elsewhere/pack.yaml': TEAM, [CONFIG]: 'packs: [core, "@team/pack"]\n' });
    symlinkSync(folder.path('elsewhere/pack.yaml'), path.join(packageDir, 'rules.yaml'));
    const run = await runCliWithin(['pack', 'lock'], folder.root);
    assertRefused(run, /\.assessment-lint\.yaml:1:15: package '@team\/pack': its pack file 'rules\.yaml' is a symbolic link .*leads out of the package's folder/);
    assert.throws(() => readFileSync(folder.path('.assessment-lint.lock')), /ENOENT/, 'no lock was written');
  });

  it('still loads a linked npm package (npm link, workspaces) whose pack file lies inside it', () => {
    folder.write({ 'packages/team/package.json': JSON.stringify({ name: '@team/pack', version: '1.2.0' }), 'packages/team/pack.yaml': TEAM, [CONFIG]: 'packs: ["@team/pack"]\n' });
    mkdirSync(folder.path('node_modules/@team'), { recursive: true });
    symlinkSync(folder.path('packages/team'), folder.path('node_modules/@team/pack'));
    assert.deepEqual(resolveConfig(folder.path(CONFIG), folder.root).layers.map((layer) => layer.pack.name), ['core', 'team']);
  });

  it('refuses a FIFO or device as an npm package.json instead of waiting on it', async () => {
    mkdirSync(folder.path('node_modules/team-pack'), { recursive: true });
    makeFifo(folder.path('node_modules/team-pack/package.json'));
    folder.write({ 'node_modules/team-pack/pack.yaml': TEAM, [CONFIG]: 'packs: [core, team-pack]\n' });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /node_modules\/team-pack\/package\.json:1:1: this package\.json is a named pipe/);
  });
});
