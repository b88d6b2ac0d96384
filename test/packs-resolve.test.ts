import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import { extraPackReference, resolveConfig } from '../rules/config/workspace-config.js';
import { compilePacks } from '../rules/packs/compile.js';
import { LOCK_FILE_NAME, writeLock } from '../rules/packs/lock.js';
import { loadPackChain } from '../rules/packs/resolve.js';
import { ENGINE_VERSION, splitPin } from '../rules/packs/versions.js';
import { assertProblemAt, configurationProblems, TempFolder } from './helpers.js';

const CONFIG = '.assessment-lint.yaml';

const RULE = `rules:
  ete:
    kind: require-topic
    message: Employment is not assessed.
    options: { topic: { concept: ete } }
terms:
  ete: [employment, job]
`;

/** A fixture npm package holding a pack, as `npm install` would lay it out. */
function npmPack(name: string, version: string, extra = ''): Record<string, string> {
  return {
    [`node_modules/${name}/package.json`]: JSON.stringify({ name, version }),
    [`node_modules/${name}/pack.yaml`]: `name: "${name}"\nversion: ${version}\nextends: core\n${extra}`,
  };
}

describe('packs: where packs come from', () => {
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder()));
  afterEach(() => folder.remove());

  const resolve = () => resolveConfig(folder.path(CONFIG), folder.root);

  it('resolves a configuration naming core, a pack file, a pack folder and an npm package, in that order', () => {
    folder.write({
      'team.pack.yaml': `name: team-file\nversion: 1.0.0\n${RULE}`,
      'unit-pack/pack.yaml': 'name: unit-folder\nversion: 1.2.0\nrules:\n  ete: error\n',
      ...npmPack('@kent-pdu/assessment-pack', '2.1.3', 'rules:\n  alcohol: off\n'),
      [CONFIG]: 'packs:\n  - core\n  - ./team.pack.yaml\n  - ./unit-pack\n  - "@kent-pdu/assessment-pack"\n',
    });
    const resolved = resolve();
    assert.deepEqual(resolved.pack.layers.map((layer) => `${layer.name}@${layer.version}`), ['core@1.0.0', 'team-file@1.0.0', 'unit-folder@1.2.0', '@kent-pdu/assessment-pack@2.1.3']);
    assert.equal(resolved.pack.rules.find((rule) => rule.id === 'ete')?.severity, 'error');
    assert.equal(resolved.pack.rules.find((rule) => rule.id === 'alcohol')?.severity, 'off');
    assert.deepEqual(resolved.warnings, []);
  });

  it('finds an npm pack in a node_modules folder above the configuration', () => {
    folder.write({ ...npmPack('team-pack', '1.0.0'), [`project/${CONFIG}`]: 'packs: [team-pack]\n' });
    const resolved = resolveConfig(folder.path(`project/${CONFIG}`), folder.path('project'));
    assert.equal(resolved.pack.name, 'team-pack');
  });

  it('takes extra packs (command line, editor settings) as paths or npm package names', () => {
    folder.write({ ...npmPack('@kent-pdu/assessment-pack', '2.1.3', 'rules:\n  alcohol: off\n'), 'extra.yaml': 'name: extra\nversion: 1.0.0\nrules:\n  drugs: error\n', 'teampack/pack.yaml': 'name: team-folder\nversion: 1.0.0\n' });
    assert.equal(extraPackReference('@kent-pdu/assessment-pack@^2.1.0', folder.root), '@kent-pdu/assessment-pack@^2.1.0');
    assert.equal(extraPackReference('core', folder.root), 'core');
    assert.equal(extraPackReference('extra.yaml', folder.root), folder.path('extra.yaml'));
    assert.equal(extraPackReference('teampack', folder.root), folder.path('teampack'), 'a folder that exists is a path, even when it could be a package name');
    const resolved = resolveConfig(undefined, folder.root, [extraPackReference('@kent-pdu/assessment-pack@^2.1.0', folder.root), folder.path('extra.yaml')]);
    assert.deepEqual(resolved.pack.layers.map((layer) => layer.name), ['core', '@kent-pdu/assessment-pack', 'extra']);
    const missing = configurationProblems(() => resolveConfig(undefined, folder.root, ['@kent-pdu/no-such-pack']));
    assert.match(missing[0].message, /pack '@kent-pdu\/no-such-pack' was not found: install it with npm/);
    const outOfRange = configurationProblems(() => resolveConfig(undefined, folder.root, ['@kent-pdu/assessment-pack@^3.0.0']));
    assert.match(outOfRange[0].message, /2\.1\.3/);
  });

  it('loads an extends chain base first and reports a cycle naming every pack in it', () => {
    folder.write({
      'a.yaml': 'name: a\nversion: 1.0.0\nextends: ./b.yaml\nrules:\n  alcohol: error\n',
      'b.yaml': 'name: b\nversion: 1.0.0\nextends: core\nrules:\n  alcohol: info\n',
    });
    const pack = compilePacks(loadPackChain('./a.yaml', folder.root, folder.path(CONFIG)));
    assert.deepEqual(pack.layers.map((layer) => layer.name), ['core', 'b', 'a']);
    assert.equal(pack.rules.find((rule) => rule.id === 'alcohol')?.severity, 'error');
    folder.write({ 'b.yaml': 'name: b\nversion: 1.0.0\nextends: [core, ./a.yaml]\n' });
    const problems = configurationProblems(() => loadPackChain('./a.yaml', folder.root, folder.path(CONFIG)));
    assertProblemAt(problems, { file: folder.path('b.yaml'), line: 3, column: 17, pattern: /cycle: a\.yaml → b\.yaml → a\.yaml/ });
  });

  describe('versions', () => {
    it('splits a pinned npm pack into name and range, leaving paths alone', () => {
      assert.deepEqual(splitPin('@kent-pdu/assessment-pack@^2.1.0'), { reference: '@kent-pdu/assessment-pack', range: '^2.1.0' });
      assert.deepEqual(splitPin('team-pack@~1.2'), { reference: 'team-pack', range: '~1.2' });
      assert.deepEqual(splitPin('core@1'), { reference: 'core', range: '1' });
      assert.deepEqual(splitPin('@kent-pdu/assessment-pack'), { reference: '@kent-pdu/assessment-pack' });
      assert.deepEqual(splitPin('./packs/team@2.yaml'), { reference: './packs/team@2.yaml' });
    });

    it('accepts an npm pack whose version is in the pinned range', () => {
      folder.write({ ...npmPack('@kent-pdu/assessment-pack', '2.3.0'), [CONFIG]: 'packs: ["@kent-pdu/assessment-pack@^2.1.0"]\n' });
      assert.equal(resolve().pack.version, '2.3.0');
    });

    it('refuses an npm pack outside the pinned range, at the configuration entry', () => {
      folder.write({ ...npmPack('@kent-pdu/assessment-pack', '2.0.4'), [CONFIG]: 'packs:\n  - core\n  - "@kent-pdu/assessment-pack@^2.1.0"\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path(CONFIG), line: 3, column: 5, pattern: /is version 2\.0\.4, but the configuration asks for \^2\.1\.0/ });
    });

    it('refuses a pinned range semver cannot read', () => {
      folder.write({ ...npmPack('team-pack', '1.0.0'), [CONFIG]: 'packs: ["team-pack@not-a-range"]\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path(CONFIG), line: 1, column: 9, pattern: /'not-a-range' is not a version range/ });
    });

    it('refuses a pack whose engine range leaves out this version, and an engine that is not a range', () => {
      folder.write({ 'team.yaml': 'name: team\nversion: 1.0.0\nengine: ">=99.0.0"\n', [CONFIG]: 'packs: [./team.yaml]\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path('team.yaml'), line: 3, column: 9, pattern: new RegExp(`needs Assessment Lint >=99\\.0\\.0, but this is ${ENGINE_VERSION.replace(/\./g, '\\.')}`) });
      folder.write({ 'team.yaml': 'name: team\nversion: 1.0.0\nengine: soon\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path('team.yaml'), line: 3, column: 9, pattern: /engine: 'soon' is not a version range/ });
      folder.write({ 'team.yaml': `name: team\nversion: 1.0.0\nengine: "^${ENGINE_VERSION}"\n` });
      assert.equal(resolve().pack.name, 'team');
    });
  });

  describe('lock file', () => {
    beforeEach(() => {
      folder.write({
        ...npmPack('@kent-pdu/assessment-pack', '2.1.0', 'rules:\n  alcohol: error\n'),
        'local/pack.yaml': 'name: local\nversion: 1.0.0\nrules:\n  drugs:\n    docs: ./drugs.md\n',
        'local/drugs.md': '# Drugs\n',
        [CONFIG]: 'packs: ["@kent-pdu/assessment-pack", ./local]\n',
      });
      writeLock(resolve().layers, folder.root);
    });

    it('records each pack with its version and the sha256 of its files', () => {
      const lock = JSON.parse(readFileSync(folder.path(LOCK_FILE_NAME), 'utf8'));
      assert.deepEqual(
        lock.packs.map((pack: { name: string; version: string; files: Record<string, string> }) => [pack.name, pack.version, Object.keys(pack.files)]),
        [
          ['core', '1.0.0', []],
          ['@kent-pdu/assessment-pack', '2.1.0', ['node_modules/@kent-pdu/assessment-pack/pack.yaml']],
          ['local', '1.0.0', ['local/drugs.md', 'local/pack.yaml']],
        ],
      );
      assert.match(lock.packs[1].files['node_modules/@kent-pdu/assessment-pack/pack.yaml'], /^[0-9a-f]{64}$/);
      assert.deepEqual(resolve().warnings, []);
    });

    it('warns, naming the pack, when a pack file changes, and still resolves', () => {
      folder.write({ 'node_modules/@kent-pdu/assessment-pack/pack.yaml': 'name: "@kent-pdu/assessment-pack"\nversion: 2.1.0\nextends: core\nrules:\n  alcohol: off\n' });
      const resolved = resolve();
      assert.equal(resolved.pack.rules.find((rule) => rule.id === 'alcohol')?.severity, 'off');
      assert.equal(resolved.warnings.length, 1);
      assert.equal(resolved.warnings[0].pack, '@kent-pdu/assessment-pack');
      assert.match(resolved.warnings[0].message, /pack '@kent-pdu\/assessment-pack' no longer matches \.assessment-lint\.lock \(node_modules\/@kent-pdu\/assessment-pack\/pack\.yaml changed\)/);
    });

    it('warns about a new version, a changed docs page, a pack no longer used and one not locked', () => {
      folder.write({ 'node_modules/@kent-pdu/assessment-pack/package.json': JSON.stringify({ name: '@kent-pdu/assessment-pack', version: '2.2.0' }), 'local/drugs.md': '# Drugs, revised\n' });
      const messages = resolve().warnings.map((warning) => warning.message);
      assert.ok(messages.some((message) => /'@kent-pdu\/assessment-pack'.*version 2\.1\.0 → 2\.2\.0/.test(message)), messages.join('\n'));
      assert.ok(messages.some((message) => /'local'.*local\/drugs\.md changed/.test(message)), messages.join('\n'));
      folder.write({ 'other/pack.yaml': 'name: other\nversion: 1.0.0\n', [CONFIG]: 'packs: [core, ./other]\n' });
      const changed = resolve().warnings.map((warning) => warning.message);
      assert.ok(changed.some((message) => /'other' is not in \.assessment-lint\.lock/.test(message)), changed.join('\n'));
      assert.ok(changed.some((message) => /'local' is in \.assessment-lint\.lock but no longer in use/.test(message)), changed.join('\n'));
    });
  });

  describe('packs stay inside their own folder', () => {
    it('refuses extends that leave the pack folder or name an absolute path', () => {
      folder.write({ 'outside.yaml': 'name: outside\nversion: 1.0.0\n', 'team/pack.yaml': 'name: team\nversion: 1.0.0\nextends:\n  - core\n  - ../outside.yaml\n', [CONFIG]: 'packs: [./team]\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path('team/pack.yaml'), line: 5, column: 5, pattern: /extends: '\.\.\/outside\.yaml' leaves the pack's own folder/ });
      folder.write({ 'team/pack.yaml': `name: team\nversion: 1.0.0\nextends: ${JSON.stringify(folder.path('outside.yaml'))}\n` });
      assertProblemAt(configurationProblems(resolve), { file: folder.path('team/pack.yaml'), line: 3, column: 10, pattern: /is an absolute path; a pack may only refer to files inside its own folder/ });
    });

    it('refuses docs paths that leave the pack folder, but allows web addresses and paths inside', () => {
      folder.write({ 'team/pack.yaml': 'name: team\nversion: 1.0.0\nextends: core\nrules:\n  alcohol:\n    docs: ../../secrets.md\n', [CONFIG]: 'packs: [./team]\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path('team/pack.yaml'), line: 6, column: 11, pattern: /docs: '\.\.\/\.\.\/secrets\.md' leaves the pack's own folder/, ruleId: 'alcohol' });
      folder.write({ 'team/pack.yaml': 'name: team\nversion: 1.0.0\nextends: core\nrules:\n  alcohol:\n    docs: ./docs/alcohol.md\n  drugs:\n    docs: https://intranet.example.org/drugs\n' });
      const rules = resolve().pack.rules;
      assert.match(rules.find((rule) => rule.id === 'alcohol')?.docsUrl ?? '', /^file:.*team\/docs\/alcohol\.md$/);
      assert.equal(rules.find((rule) => rule.id === 'drugs')?.docsUrl, 'https://intranet.example.org/drugs');
    });

    it('lets an npm pack use paths anywhere inside its package, but not outside it', () => {
      folder.write({
        'node_modules/team-pack/package.json': JSON.stringify({ name: 'team-pack', version: '1.0.0', assessmentLint: { pack: 'packs/pack.yaml' } }),
        'node_modules/team-pack/packs/pack.yaml': 'name: team-pack\nversion: 1.0.0\nextends: [core, ../base.yaml]\nrules:\n  alcohol: { docs: ../docs/alcohol.md }\n',
        'node_modules/team-pack/base.yaml': 'name: team-base\nversion: 1.0.0\n',
        [CONFIG]: 'packs: [team-pack]\n',
      });
      assert.deepEqual(resolve().pack.layers.map((layer) => layer.name), ['core', 'team-base', 'team-pack']);
      folder.write({ 'node_modules/team-pack/packs/pack.yaml': 'name: team-pack\nversion: 1.0.0\nextends: [core, ../../other/pack.yaml]\n' });
      assertProblemAt(configurationProblems(resolve), { file: folder.path('node_modules/team-pack/packs/pack.yaml'), line: 3, column: 17, pattern: /leaves the pack's own folder/ });
    });

    it('refuses a symbolic link inside the pack folder that leads outside it', () => {
      folder.write({ 'elsewhere/base.yaml': 'name: base\nversion: 1.0.0\n', 'team/pack.yaml': 'name: team\nversion: 1.0.0\nextends: ./linked/base.yaml\n', [CONFIG]: 'packs: [./team]\n' });
      symlinkSync(folder.path('elsewhere'), folder.path('team/linked'), 'junction');
      assertProblemAt(configurationProblems(resolve), { file: folder.path('team/pack.yaml'), line: 3, column: 10, pattern: /'\.\/linked\/base\.yaml' leaves the pack's own folder/ });
    });
  });
});
