import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { readConfigFile } from '../rules/config/workspace-config.js';
import { compilePacks } from '../rules/packs/compile.js';
import { configJsonSchema, packJsonSchema, schemaText } from '../rules/packs/json-schema.js';
import { parsePack } from '../rules/packs/load-pack.js';
import { ConfigurationError } from '../rules/packs/problems.js';
import { REPO_ROOT, TempFolder } from './helpers.js';

const ajv = new Ajv({ allErrors: true });
ajv.addKeyword('patternErrorMessage');
const validatePack = ajv.compile(packJsonSchema());
const validateConfig = ajv.compile(configJsonSchema());

/** Whether the loader accepts a standalone pack (parse and compile, no extends). */
function loaderAccepts(yaml: string): boolean {
  try {
    compilePacks([parsePack('table-pack.yaml', yaml, undefined)]);
    return true;
  } catch (error) {
    if (error instanceof ConfigurationError) return false;
    throw error;
  }
}

const TERMS = `terms:
  drink: [drink*, alcohol|booze, "\\"pint\\"", "out {0,2} of character"]
  children: { match: [child|children], exclude: [as a child] }
  self-report: [he said]
  source: [cps summary]
`;

/** One rule of each kind with complete options, indented under `rules:`. */
const EVERY_KIND = `rules:
  a-topic:
    kind: require-topic
    severity: warning
    message: Alcohol is not assessed.
    explanation: Explain.
    docs: https://example.org/a
    options: { topic: { concept: drink, about: person, negated: include, labels: answered }, anchor: [assessment], skeleton: "Alcohol: [...]" }
    examples: { warn: ["He lives alone."], pass: ["He drinks."] }
    from: [{ date: "2027-01-04", severity: error }]
  an-if:
    kind: require-if
    message: Children but no enquiry.
    options: { if: { concept: children }, then: { concept: source, sections: [sources] }, window: 2 }
  a-corroborate:
    kind: corroborate
    message: Rests on the account.
    options: { claims: self-report, sources: [source], sections: [offence-analysis], sourceSections: [sources], scope: paragraph, requireClaims: false }
  a-phrase:
    kind: flag-phrase
    severity: info
    message: Uncritical.
    options: { phrases: drink, replacements: [x], unless: [{ concept: source, scope: sentence, when: self-report }] }
  a-section:
    kind: require-section
    message: No sources.
    options: { section: sources, heading: Sources, onlyWithHeadings: false }
  a-length:
    kind: max-length
    severity: hint
    message: Too long.
    options: { unit: paragraph, max: 120, sections: [proposal] }
  a-forbid:
    kind: forbid-in-section
    severity: off
    message: Not here.
    options: { phrases: [drink], sections: [sources], replacements: [y] }
`;

const HEAD = 'name: team-pack\nversion: 1.2.0\n';
const TOPIC = (options: string) => `${HEAD}${TERMS}rules:\n  r:\n    kind: require-topic\n    message: M.\n    options: ${options}\n`;
const RULE = (fields: string) => `${HEAD}${TERMS}rules:\n  r:\n${fields}`;

/** Packs both the JSON Schema and the loader must accept (`true`) or refuse (`false`). */
const TABLE: Array<[string, boolean, string]> = [
  ['the smallest pack', true, HEAD],
  ['every field and every kind', true, `$schema: ./pack.schema.json\n${HEAD}description: D.\nengine: ">=0.1.0"\nsections:\n  diversity: [equality and diversity]\n${TERMS}${EVERY_KIND}`],
  ['a pre-release version', true, 'name: "@kent-pdu/assessment-pack"\nversion: 2.0.0-beta.1\n'],
  ['no version', false, 'name: team\n'],
  ['a version that is not semver', false, 'name: team\nversion: "1.0"\n'],
  ['a name with spaces and capitals', false, 'name: Team Pack\nversion: 1.0.0\n'],
  ['an unknown top-level field', false, `${HEAD}author: me\n`],
  ['an unknown rule field', false, RULE('    kind: require-topic\n    message: M.\n    level: error\n    options: { topic: { concept: drink } }\n')],
  ['a rule asking for a regular expression', false, RULE('    kind: flag-phrase\n    message: M.\n    regex: "\\\\bdrink"\n    options: { phrases: drink }\n')],
  ['a term that is a regular expression', false, `${HEAD}terms:\n  drink: ["\\\\bdrink\\\\w*"]\n`],
  ['a term with regular-expression groups', false, `${HEAD}terms:\n  drink: ["(beer|wine)"]\n`],
  ['an added term with .*', false, `${HEAD}terms:\n  drink: { match: [beer], add: ["wine.*"] }\n`],
  ['an unknown concept field', false, `${HEAD}terms:\n  drink: { matches: [beer] }\n`],
  ['a concept name with capitals', false, `${HEAD}terms:\n  Drink: [beer]\n`],
  ['a rule id with an underscore', false, `${HEAD}${TERMS}rules:\n  alcohol_use:\n    kind: require-topic\n    message: M.\n    options: { topic: { concept: drink } }\n`],
  ['a severity that is not one', false, RULE('    kind: require-topic\n    severity: fatal\n    message: M.\n    options: { topic: { concept: drink } }\n')],
  ['an unknown kind', false, RULE('    kind: max-lenght\n    message: M.\n    options: { unit: sentence, max: 3 }\n')],
  ['options missing a required option', false, RULE('    kind: max-length\n    message: M.\n    options: { unit: sentence }\n')],
  ['an option out of range', false, RULE('    kind: max-length\n    message: M.\n    options: { unit: sentence, max: 0 }\n')],
  ['an option of another kind', false, RULE('    kind: flag-phrase\n    message: M.\n    options: { phrases: drink, max: 3 }\n')],
  ['an unknown value of an option', false, TOPIC('{ topic: { concept: drink, about: everyone } }')],
  ['forbid-in-section without sections', false, RULE('    kind: forbid-in-section\n    message: M.\n    options: { phrases: drink, sections: [] }\n')],
  ['a stage date in words', false, RULE('    kind: require-topic\n    message: M.\n    options: { topic: { concept: drink } }\n    from: [{ date: 1 April 2027, severity: error }]\n')],
  ['an examples list with another name', false, RULE('    kind: require-topic\n    message: M.\n    options: { topic: { concept: drink } }\n    examples: { fail: [x] }\n')],
];

describe('packs: JSON Schema', () => {
  it('the committed schemas are the ones the loader’s definitions generate', () => {
    assert.equal(readFileSync(path.join(REPO_ROOT, 'schemas', 'pack.schema.json'), 'utf8'), schemaText(packJsonSchema()), 'schemas/pack.schema.json is stale: run node esbuild.mjs and commit it');
    assert.equal(readFileSync(path.join(REPO_ROOT, 'schemas', 'config.schema.json'), 'utf8'), schemaText(configJsonSchema()), 'schemas/config.schema.json is stale: run node esbuild.mjs and commit it');
  });

  it('offers each kind’s options to editors through if/then on kind', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'schemas', 'pack.schema.json'), 'utf8');
    const schema = JSON.parse(text);
    const fields = (Object.values(schema.properties.rules.patternProperties)[0] as { anyOf: Array<{ allOf: Array<{ if: unknown; then: { properties: { options: { properties: object } } } }> }> }).anyOf[0];
    const kinds = fields.allOf.map((branch) => (branch.if as { properties: { kind: { const: string } } }).properties.kind.const);
    assert.deepEqual(kinds, ['require-topic', 'require-if', 'corroborate', 'flag-phrase', 'require-section', 'max-length', 'forbid-in-section']);
    assert.deepEqual(Object.keys(fields.allOf[5].then.properties.options.properties), ['unit', 'max', 'sections']);
  });

  describe('agrees with the loader', () => {
    for (const [name, valid, yaml] of TABLE) {
      it(`${valid ? 'accepts' : 'refuses'} ${name}`, () => {
        const bySchema = validatePack(parseYaml(yaml));
        assert.equal(bySchema, valid, `schema: ${JSON.stringify(validatePack.errors?.slice(0, 3))}`);
        assert.equal(loaderAccepts(yaml), valid, 'loader');
      });
    }
  });

  it('agrees with the configuration loader', () => {
    const folder = new TempFolder();
    try {
      const cases: Array<[string, boolean]> = [
        ['packs: [core, ./team, "@kent-pdu/assessment-pack@^2.1.0"]\nrules: { alcohol: error }\noverrides:\n  - files: "oral/**"\n    rules: { alcohol: off }\n', true],
        ['packs: core\n', false],
        ['rules: { alcohol: fatal }\n', false],
        ['overrides:\n  - rules: { alcohol: off }\n', false],
        ['extends: core\n', false],
      ];
      for (const [yaml, valid] of cases) {
        folder.write({ '.assessment-lint.yaml': yaml });
        let loader = true;
        try {
          readConfigFile(folder.path('.assessment-lint.yaml'));
        } catch (error) {
          if (!(error instanceof ConfigurationError)) throw error;
          loader = false;
        }
        assert.equal(validateConfig(parseYaml(yaml)), valid, `schema on ${yaml}`);
        assert.equal(loader, valid, `loader on ${yaml}`);
      }
    } finally {
      folder.remove();
    }
  });

  it('is contributed to VS Code for pack and configuration files', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const yaml = manifest.contributes.yamlValidation as Array<{ fileMatch: string[]; url: string }>;
    const json = manifest.contributes.jsonValidation as Array<{ fileMatch: string[]; url: string }>;
    const urlFor = (list: Array<{ fileMatch: string[]; url: string }>, glob: string) => list.find((entry) => entry.fileMatch.includes(glob))?.url;
    assert.equal(urlFor(yaml, '**/pack.yaml'), './schemas/pack.schema.json');
    assert.equal(urlFor(yaml, '**/*.pack.yaml'), './schemas/pack.schema.json');
    assert.equal(urlFor(yaml, '**/.assessment-lint.yaml'), './schemas/config.schema.json');
    assert.equal(urlFor(json, '**/pack.json'), './schemas/pack.schema.json');
    assert.equal(urlFor(json, '**/.assessment-lint.json'), './schemas/config.schema.json');
  });

  it('validates the example team pack, the starter pack and every file of the built-in pack', () => {
    for (const file of ['examples/team-pack/pack.yaml', 'cli/templates/starter-pack.yaml']) {
      assert.ok(validatePack(parseYaml(readFileSync(path.join(REPO_ROOT, file), 'utf8'))), `${file}: ${JSON.stringify(validatePack.errors?.slice(0, 3))}`);
    }
    // The built-in pack's files share its first file's name and version.
    const coreFolder = path.join(REPO_ROOT, 'rules', 'packs', 'core');
    const coreFiles = readdirSync(coreFolder).filter((name) => name.endsWith('.yaml'));
    assert.ok(coreFiles.length > 10);
    for (const name of coreFiles) {
      const value = { name: 'core', version: '1.0.0', ...parseYaml(readFileSync(path.join(coreFolder, name), 'utf8')) };
      assert.ok(validatePack(value), `rules/packs/core/${name}: ${JSON.stringify(validatePack.errors?.slice(0, 3))}`);
    }
    for (const file of ['examples/team-pack/.assessment-lint.yaml', 'cli/templates/starter-config.yaml']) {
      assert.ok(validateConfig(parseYaml(readFileSync(path.join(REPO_ROOT, file), 'utf8'))), `${file}: ${JSON.stringify(validateConfig.errors?.slice(0, 3))}`);
    }
  });
});
