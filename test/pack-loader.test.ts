import assert from 'node:assert/strict';
import path from 'node:path';
import { resolveConfig } from '../rules/config/workspace-config.js';
import { compilePacks } from '../rules/packs/compile.js';
import { loadPackFile, parsePack } from '../rules/packs/load-pack.js';
import { formatProblem } from '../rules/packs/problems.js';
import { loadPackChain } from '../rules/packs/resolve.js';
import { assertProblemAt, configurationProblems, TempFolder } from './helpers.js';

const FILE = 'team-pack.yaml';

/** Problems from loading and compiling one pack text. */
function problemsOf(yaml: string) {
  return configurationProblems(() => compilePacks([parsePack(FILE, yaml, undefined)]));
}

const HEAD = `name: team
version: 1.0.0
terms:
  alcohol: [drink, alcohol]
rules:
`;

describe('pack loader', () => {
  describe('positioned problems', () => {
    it('a YAML syntax error', () => {
      const problems = problemsOf('name: team\nversion: 1.0.0\nrules:\n  alcohol:\n    kind: require-topic\n   message: badly indented\n');
      assertProblemAt(problems, { file: FILE, line: 6, column: 1, pattern: /^`message: badly indented` is not lined up with the keys above it/ });
    });

    it('a duplicate key', () => {
      assertProblemAt(problemsOf('name: team\nversion: 1.0.0\nname: other\n'), { line: 3, column: 1, pattern: /^field `name` is defined twice: lines 1 and 3; keep one$/ });
    });

    it('an unknown kind, naming the kinds there are', () => {
      const problems = problemsOf(`${HEAD}  alcohol-use:\n    kind: require-topics\n    message: m\n    options: { topic: { concept: alcohol } }\n`);
      const problem = assertProblemAt(problems, { file: FILE, line: 7, column: 11, pattern: /unknown kind 'require-topics'.*require-topic, require-if, corroborate, flag-phrase, require-section/, ruleId: 'alcohol-use' });
      assert.match(formatProblem(problem), /^team-pack\.yaml:7:11: unknown kind .* \[alcohol-use\]$/);
    });

    it('an unknown field in a rule', () => {
      const problems = problemsOf(`${HEAD}  alcohol-use:\n    kind: require-topic\n    mesage: m\n    options: { topic: { concept: alcohol } }\n`);
      assertProblemAt(problems, { line: 8, column: 5, pattern: /'mesage' is not a field here/, ruleId: 'alcohol-use' });
    });

    it('an unknown top-level field', () => {
      assertProblemAt(problemsOf('name: team\nversion: 1.0.0\nrule: {}\n'), { line: 3, column: 1, pattern: /'rule' is not a field here/ });
    });

    it('an unknown option of a kind', () => {
      const problems = problemsOf(`${HEAD}  alcohol-use:\n    kind: require-topic\n    message: m\n    options:\n      topic: { concept: alcohol }\n      anchr: [risk]\n`);
      assertProblemAt(problems, { line: 11, column: 7, pattern: /'anchr' is not a field here/, ruleId: 'alcohol-use' });
    });

    it('an option of the wrong type', () => {
      const problems = problemsOf(`${HEAD}  children:\n    kind: require-if\n    message: m\n    options:\n      if: { concept: alcohol }\n      then: { concept: alcohol }\n      window: lots\n`);
      assertProblemAt(problems, { line: 12, column: 15, pattern: /^rules\.children\.options\.window should be a whole number, e\.g\. 3, not 'lots'$/, ruleId: 'children' });
    });

    it('a severity that is not one', () => {
      assertProblemAt(problemsOf(`${HEAD}  alcohol-use:\n    kind: require-topic\n    severity: fatal\n    message: m\n    options: { topic: { concept: alcohol } }\n`), {
        line: 8,
        column: 15,
        pattern: /severity/,
        ruleId: 'alcohol-use',
      });
      assertProblemAt(problemsOf(`${HEAD}  alcohol-use: loud\n`), { line: 6, column: 16, pattern: /'loud' is not a severity/ });
    });

    it('an unknown concept, at the name used', () => {
      const problems = problemsOf(`${HEAD}  children:\n    kind: require-if\n    message: m\n    options:\n      if: { concept: alcohol }\n      then: { concept: alcohl }\n`);
      assertProblemAt(problems, { line: 11, column: 24, pattern: /concept 'alcohl' is not defined/, ruleId: 'children' });
    });

    it('an unknown section kind, at the name used', () => {
      const problems = problemsOf(`${HEAD}  alcohol-use:\n    kind: require-topic\n    message: m\n    options:\n      topic: { concept: alcohol, sections: [assessment, risks] }\n`);
      assertProblemAt(problems, { line: 10, column: 57, pattern: /section kind 'risks' is not known/, ruleId: 'alcohol-use' });
    });

    it('a term that cannot be read', () => {
      const problems = problemsOf('name: team\nversion: 1.0.0\nterms:\n  alcohol:\n    - drink\n    - told {0,9} me\n');
      assertProblemAt(problems, { line: 6, column: 7, pattern: /term 'told \{0,9\} me' in concept 'alcohol'/ });
    });

    it('a rule with no kind and no message', () => {
      assertProblemAt(problemsOf(`${HEAD}  alcohol-use:\n    severity: error\n`), { line: 6, column: 3, pattern: /has no kind/, ruleId: 'alcohol-use' });
      assertProblemAt(problemsOf(`${HEAD}  alcohol-use:\n    kind: require-topic\n    options: { topic: { concept: alcohol } }\n`), { line: 6, column: 3, pattern: /needs a message/, ruleId: 'alcohol-use' });
    });

    it('a bad rule id, pack name or version', () => {
      assertProblemAt(problemsOf(`${HEAD}  Alcohol_Use:\n    kind: require-topic\n    message: m\n    options: { topic: { concept: alcohol } }\n`), { line: 6, column: 3, pattern: /not a valid rule id/ });
      assertProblemAt(problemsOf('name: Team Pack\nversion: 1.0.0\n'), { line: 1, column: 7, pattern: /^name:/ });
      assertProblemAt(problemsOf('name: team\nversion: one\n'), { line: 2, column: 10, pattern: /^version:/ });
    });

    it('a file that is not a mapping', () => {
      assertProblemAt(problemsOf('- just\n- a list\n'), { line: 1, column: 1, pattern: /must be a mapping/ });
    });

    it('reports every problem of a pack at once', () => {
      const problems = problemsOf(`${HEAD}  one:\n    kind: nope\n    message: m\n  two:\n    kind: require-topic\n    message: m\n    options: { topic: { concept: missing } }\n`);
      assert.deepEqual(problems.map((problem) => problem.ruleId).sort(), ['one', 'two']);
    });

    it('positions problems in JSON packs too', () => {
      const json = '{\n  "name": "team",\n  "version": "1.0.0",\n  "rules": {\n    "a": { "kind": "nope", "message": "m" }\n  }\n}\n';
      assertProblemAt(configurationProblems(() => compilePacks([parsePack('team.json', json, undefined)])), { file: 'team.json', line: 5, column: 20, pattern: /unknown kind 'nope'/ });
    });
  });

  describe('files and extends', () => {
    let folder: TempFolder;
    beforeEach(() => {
      folder = new TempFolder();
    });
    afterEach(() => folder.remove());

    it('loads a chain base first and merges rules, terms and severities', () => {
      folder.write({
        'base.yaml': `${HEAD}  alcohol-use:\n    kind: require-topic\n    message: Alcohol is not assessed.\n    options: { topic: { concept: alcohol } }\n`,
        'team.yaml': 'name: team-extra\nversion: 2.0.0\nextends: ./base.yaml\nterms:\n  alcohol: { add: [lager] }\nrules:\n  alcohol-use: error\n',
      });
      const layers = loadPackChain('./team.yaml', folder.root, folder.path('config.yaml'));
      assert.deepEqual(layers.map((layer) => layer.pack.name), ['team', 'team-extra']);
      const pack = compilePacks(layers);
      assert.equal(pack.name, 'team-extra');
      assert.deepEqual(pack.rules.map((rule) => [rule.id, rule.severity, rule.pack]), [['alcohol-use', 'error', 'team']]);
      assert.deepEqual(pack.concepts.get('alcohol')?.match, ['drink', 'alcohol', 'lager']);
    });

    it('extends the built-in pack by name', () => {
      folder.write({ 'team.yaml': 'name: team\nversion: 1.0.0\nextends: core\nrules:\n  alcohol: off\n' });
      const pack = compilePacks(loadPackChain('./team.yaml', folder.root, folder.path('config.yaml')));
      assert.equal(pack.rules.find((rule) => rule.id === 'alcohol')?.severity, 'off');
      assert.deepEqual(pack.layers.map((layer) => layer.name), ['core', 'team']);
    });

    it('names an extends cycle and where it closes', () => {
      folder.write({
        'a.yaml': 'name: a\nversion: 1.0.0\nextends: ./b.yaml\n',
        'b.yaml': 'name: b\nversion: 1.0.0\nextends:\n  - core\n  - ./c.yaml\n',
        'c.yaml': 'name: c\nversion: 1.0.0\nextends: ./a.yaml\n',
      });
      const problems = configurationProblems(() => loadPackChain('./a.yaml', folder.root, folder.path('config.yaml')));
      assertProblemAt(problems, { file: folder.path('c.yaml'), line: 3, column: 10, pattern: /cycle: a\.yaml → b\.yaml → c\.yaml → a\.yaml/ });
    });

    it('reports a missing pack where it is named', () => {
      folder.write({ 'team.yaml': 'name: team\nversion: 1.0.0\nextends:\n  - core\n  - ./missing.yaml\n' });
      const problems = configurationProblems(() => loadPackChain('./team.yaml', folder.root, folder.path('config.yaml')));
      assertProblemAt(problems, { file: folder.path('team.yaml'), line: 5, column: 5, pattern: /'\.\/missing\.yaml' was not found/ });
    });

    it('reports a missing pack named by a configuration at its entry', () => {
      folder.write({ '.assessment-lint.yaml': 'packs:\n  - core\n  - ./missing.yaml\n' });
      const problems = configurationProblems(() => resolveConfig(folder.path('.assessment-lint.yaml'), folder.root));
      assertProblemAt(problems, { file: folder.path('.assessment-lint.yaml'), line: 3, column: 5, pattern: /was not found/ });
    });

    it('reports a missing pack given directly at its own path', () => {
      const problems = configurationProblems(() => loadPackFile(folder.path('nowhere.yaml')));
      assertProblemAt(problems, { file: folder.path('nowhere.yaml'), line: 1, column: 1, pattern: /no such file/ });
      const extra = configurationProblems(() => resolveConfig(undefined, folder.root, [folder.path('nowhere.yaml')]));
      assertProblemAt(extra, { file: folder.path('nowhere.yaml'), line: 1, column: 1, pattern: /no such file/ });
    });

    it('reports an unknown npm pack where it is named', () => {
      folder.write({ 'team.yaml': 'name: team\nversion: 1.0.0\nextends: some-unknown-team-pack\n' });
      const problems = configurationProblems(() => loadPackChain('./team.yaml', folder.root, folder.path('config.yaml')));
      assertProblemAt(problems, { file: folder.path('team.yaml'), line: 3, column: 10, pattern: /'some-unknown-team-pack' was not found/ });
    });

    it('finds a pack folder by its pack.yaml, and a pack in node_modules by name', () => {
      folder.write({
        'shared/pack.yaml': 'name: shared\nversion: 1.0.0\n',
        'node_modules/@probation/kent-pack/package.json': JSON.stringify({ name: '@probation/kent-pack', version: '3.1.0', assessmentLint: { pack: 'rules.yaml' } }),
        'node_modules/@probation/kent-pack/rules.yaml': 'name: "@probation/kent-pack"\nversion: 3.1.0\n',
        'team.yaml': 'name: team\nversion: 1.0.0\nextends: [./shared, "@probation/kent-pack"]\n',
      });
      const layers = loadPackChain('./team.yaml', folder.root, folder.path('config.yaml'));
      assert.deepEqual(layers.map((layer) => path.relative(folder.root, layer.file)), [path.join('shared', 'pack.yaml'), path.join('node_modules', '@probation', 'kent-pack', 'rules.yaml'), 'team.yaml']);
    });

    it('reports problems in an extended pack at their own file', () => {
      folder.write({
        'base.yaml': 'name: base\nversion: 1.0.0\nrules:\n  a:\n    kind: nope\n    message: m\n',
        'team.yaml': 'name: team\nversion: 1.0.0\nextends: ./base.yaml\n',
      });
      const problems = configurationProblems(() => compilePacks(loadPackChain('./team.yaml', folder.root, folder.path('config.yaml'))));
      assertProblemAt(problems, { file: folder.path('base.yaml'), line: 5, column: 11, pattern: /unknown kind 'nope'/ });
    });
  });
});
