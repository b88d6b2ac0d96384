import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { CLI, runCli, TempFolder, type CliRun } from './helpers.js';

const TEAM = `name: team
version: 1.0.0
extends: core
terms:
  gin: [gin]
rules:
  alcohol: warning
  gin-mention:
    kind: flag-phrase
    message: Gin is mentioned.
    options: { phrases: gin }
`;

/** Runs the CLI as an ordinary user (nobody) when the tests run as root, so a read-only folder is read-only to it. */
function runCliUnprivileged(args: string[], cwd: string): Promise<CliRun> {
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, ...asNobody });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('pack lock: sharing that CI can enforce', function () {
  this.timeout(20_000);
  let folder: TempFolder;
  beforeEach(async () => {
    folder = new TempFolder({ 'team.yaml': TEAM, '.assessment-lint.yaml': 'packs: [./team.yaml]\n', 'drafts/report.md': 'He drinks gin.\n' });
    const lock = await runCli(['pack', 'lock'], folder.root);
    assert.equal(lock.code, 0, lock.stderr);
  });
  afterEach(() => {
    chmodSync(folder.root, 0o755);
    folder.remove();
  });

  it('records a hash of each resolved rule, and --check exits 0 while nothing changed', async () => {
    const lock = JSON.parse(readFileSync(folder.path('.assessment-lint.lock'), 'utf8'));
    assert.equal(lock.lockfileVersion, 2);
    assert.match(lock.rules['gin-mention'].hash, /^[0-9a-f]{64}$/);
    assert.equal(lock.rules.alcohol.severity, 'warning');
    const check = await runCli(['pack', 'lock', '--check'], folder.root);
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.equal(check.stdout, '.assessment-lint.lock matches the packs in use\n');
    const frozen = await runCli(['check', 'drafts', '--frozen-lock', '--format', 'json'], folder.root);
    assert.equal(frozen.code, 0, frozen.stderr);
    assert.equal(frozen.stderr, '');
    assert.equal(JSON.parse(frozen.stdout).length, 1);
  });

  it('--check exits 1 and names each rule whose severity, terms, options or message changed', async () => {
    folder.write({
      'team.yaml': TEAM.replace('alcohol: warning', 'alcohol: error').replace('gin: [gin]', 'gin: [gin, vodka]').replace('Gin is mentioned.', 'Spirits are mentioned.') + '  drugs:\n    options: { anchor: [risk] }\n',
    });
    const check = await runCli(['pack', 'lock', '--check'], folder.root);
    assert.equal(check.code, 1, check.stdout + check.stderr);
    assert.match(check.stdout, /^pack 'team' no longer matches \.assessment-lint\.lock \(team\.yaml changed\)$/m);
    assert.match(check.stdout, /'alcohol' changed \(severity warning → error\)/);
    assert.match(check.stdout, /'gin-mention' changed \(message; terms of 'gin'\)/);
    assert.match(check.stdout, /'drugs' changed \(options\)/);
    assert.match(check.stdout, /run 'assessment-lint pack lock' and commit the lock$/m);
    assert.equal(readFileSync(folder.path('.assessment-lint.lock'), 'utf8').includes('"alcohol"'), true, '--check writes nothing');
  });

  it('--check and check --frozen-lock exit 1 naming an added and a removed rule', async () => {
    folder.write({ 'team.yaml': TEAM.replace(/ {2}gin-mention:[^]*$/, '  spirits:\n    kind: flag-phrase\n    message: Spirits.\n    options: { phrases: gin }\n') });
    const check = await runCli(['pack', 'lock', '--check'], folder.root);
    assert.equal(check.code, 1);
    assert.match(check.stdout, /rules changed since \.assessment-lint\.lock: 'gin-mention' removed; 'spirits' added/);
    const frozen = await runCli(['check', 'drafts', '--frozen-lock'], folder.root);
    assert.equal(frozen.code, 1);
    assert.equal(frozen.stdout, '', 'nothing is linted against packs that differ from the lock');
    assert.match(frozen.stderr, /^assessment-lint: rules changed since \.assessment-lint\.lock: 'gin-mention' removed; 'spirits' added$/m);
    const plain = await runCli(['check', 'drafts'], folder.root);
    assert.equal(plain.code, 0, 'without --frozen-lock a changed pack only warns');
    assert.match(plain.stderr, /^assessment-lint: warning: pack 'team' no longer matches \.assessment-lint\.lock \(team\.yaml changed\); rules changed since .*'spirits' added; linting goes on/m);
    assert.equal(plain.stderr.split('\n').filter((line) => line.includes('warning')).length, 1, 'one warning for one changed pack');
  });

  it('reads a lock written before rules were recorded, and asks for pack lock to record them', async () => {
    const lock = JSON.parse(readFileSync(folder.path('.assessment-lint.lock'), 'utf8'));
    writeFileSync(folder.path('.assessment-lint.lock'), JSON.stringify({ lockfileVersion: 1, packs: lock.packs }));
    const same = await runCli(['pack', 'lock', '--check'], folder.root);
    assert.equal(same.code, 0, same.stdout);
    assert.match(same.stdout, /records no rules .*re-run 'assessment-lint pack lock' to record rules/);
    folder.write({ 'team.yaml': TEAM.replace('version: 1.0.0', 'version: 1.0.1') });
    const changed = await runCli(['pack', 'lock', '--check'], folder.root);
    assert.equal(changed.code, 1);
    assert.match(changed.stdout, /pack 'team' no longer matches \.assessment-lint\.lock \(version 1\.0\.0 → 1\.0\.1; team\.yaml changed\)/);
    assert.match(changed.stdout, /re-run 'assessment-lint pack lock' to record rules/);
  });

  it('exits 1 with --check when there is no lock', async () => {
    folder.write({ '.assessment-lint.yaml': 'packs: [./team.yaml]\nrules: {}\n' });
    const other = new TempFolder({ 'team.yaml': TEAM, '.assessment-lint.yaml': 'packs: [./team.yaml]\n' });
    try {
      const check = await runCli(['pack', 'lock', '--check'], other.root);
      assert.equal(check.code, 1);
      assert.match(check.stdout, /there is no \.assessment-lint\.lock; run 'assessment-lint pack lock'/);
    } finally {
      other.remove();
    }
  });

  it('writes atomically: in a read-only folder it exits 2 naming the file and reason, and the old lock stays whole', async () => {
    const before = readFileSync(folder.path('.assessment-lint.lock'), 'utf8');
    folder.write({ 'team.yaml': TEAM.replace('alcohol: warning', 'alcohol: error') });
    chmodSync(folder.root, 0o555);
    const run = await runCliUnprivileged(['pack', 'lock'], folder.root);
    assert.equal(run.code, 2, run.stdout + run.stderr);
    assert.equal(run.stderr, "assessment-lint: cannot write .assessment-lint.lock: permission denied; make the folder writable, or run pack lock where you may write; the lock was not changed\n");
    assert.doesNotMatch(run.stderr, /\bat .*\.js:\d+/, 'no stack trace');
    assert.equal(readFileSync(folder.path('.assessment-lint.lock'), 'utf8'), before);
    assert.deepEqual(readdirSync(folder.root).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left');
    chmodSync(folder.root, 0o755);
    const retry = await runCli(['pack', 'lock'], folder.root);
    assert.equal(retry.code, 0);
    assert.equal(JSON.parse(readFileSync(folder.path('.assessment-lint.lock'), 'utf8')).rules.alcohol.severity, 'error');
  });

  it('warns when an npm pack’s package.json and pack.yaml give different versions, and locks the version rules shows', async () => {
    folder.write({
      'node_modules/@kent-pdu/assessment-pack/package.json': JSON.stringify({ name: '@kent-pdu/assessment-pack', version: '2.2.0' }),
      'node_modules/@kent-pdu/assessment-pack/pack.yaml': 'name: "@kent-pdu/assessment-pack"\nversion: 2.1.0\nextends: core\n',
      '.assessment-lint.yaml': 'packs: ["@kent-pdu/assessment-pack"]\n',
    });
    const expected = /node_modules\/@kent-pdu\/assessment-pack\/package\.json gives version 2\.2\.0 but node_modules\/@kent-pdu\/assessment-pack\/pack\.yaml gives 2\.1\.0; .*give both the same version/;
    const lock = await runCli(['pack', 'lock'], folder.root);
    assert.equal(lock.code, 0, lock.stderr);
    assert.match(lock.stderr, new RegExp(`^assessment-lint: warning: ${expected.source}`, 'm'));
    const written = JSON.parse(readFileSync(folder.path('.assessment-lint.lock'), 'utf8'));
    const rules = await runCli(['rules'], folder.root);
    assert.match(rules.stdout, /^Packs: core@1\.0\.0, @kent-pdu\/assessment-pack@2\.1\.0/);
    assert.deepEqual([written.packs[1].version, written.packs[1].packageVersion], ['2.1.0', '2.2.0']);
    const validate = await runCli(['pack', 'validate', 'node_modules/@kent-pdu/assessment-pack'], folder.root);
    assert.equal(validate.code, 0, validate.stdout);
    assert.match(validate.stdout, new RegExp(`^warning: ${expected.source}`, 'm'));
    const config = await runCli(['pack', 'validate', '.assessment-lint.yaml'], folder.root);
    assert.match(config.stdout, new RegExp(`^warning: ${expected.source}`, 'm'));
    folder.write({ 'node_modules/@kent-pdu/assessment-pack/package.json': JSON.stringify({ name: '@kent-pdu/assessment-pack', version: '2.1.0' }) });
    const agreed = await runCli(['pack', 'validate', 'node_modules/@kent-pdu/assessment-pack'], folder.root);
    assert.doesNotMatch(agreed.stdout, /warning/);
  });
});
