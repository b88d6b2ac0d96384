import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { resolveConfig } from '../rules/config/workspace-config.js';
import { compilePacks } from '../rules/packs/compile.js';
import { parsePack } from '../rules/packs/load-pack.js';
import { ConfigurationError } from '../rules/packs/problems.js';
import { fuzzParameters, fuzzTimeout } from './fuzz-support.js';
import { lintSnippet, TempFolder } from './helpers.js';

const RUNS = 400;

const KINDS = ['require-topic', 'require-if', 'corroborate', 'flag-phrase', 'require-section', 'max-length', 'forbid-in-section', 'no-such-kind'];
const CONCEPTS = ['drink', 'drug', 'people', 'alcohol', 'missing-concept'];
const SECTIONS = ['offence-analysis', 'risk', 'proposal', 'no-such-section'];
const OPTION_NAMES = ['topic', 'concept', 'phrases', 'claims', 'sources', 'sections', 'section', 'sourceSections', 'scope', 'requireClaims', 'replacements', 'unless', 'when', 'unit', 'max', 'if', 'then', 'anchor', 'window', 'skeleton', 'heading', 'onlyWithHeadings', 'about', 'negated', 'labels', 'pattern', 'regex'];

/** Terms as a pack might write them, good and bad: stems, exact words, prefixes, alternatives, gaps, regular-expression look-alikes, odd Unicode. */
const term = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom('drink', 'alcohol|beer', '"pint"', '=wine', 'drunk*', 'drink {0,3} daily', 'a|aa {0,6} a|aa', 'no {0,2} children', 'as a child') },
  { weight: 2, arbitrary: fc.constantFrom('(a+)+$', '\\bdrink\\w*', 'vodka.*', '[a-z]+', '^x', 'a{1,99}', '{0,7}', '{9,1}', 'a |', '|', '*', '""', '=', '{0,3}', 'a {0,3}') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const terms = fc.array(term, { maxLength: 5 });
const concept = fc.oneof({ weight: 3, arbitrary: terms }, { weight: 1, arbitrary: fc.record({ match: terms, exclude: terms, add: terms, remove: terms }, { requiredKeys: [] }) });
const scalar = fc.oneof(fc.constantFrom(...CONCEPTS, ...SECTIONS, 'sentence', 'paragraph', 'person', 'other', 'any', 'true'), fc.integer({ min: -5, max: 500 }), fc.boolean(), fc.constant(null), fc.string({ maxLength: 12 }));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.constantFrom('concept', 'sections', 'about', 'negated', 'labels', 'x'), scalar, { maxKeys: 3 }));
const options = fc.dictionary(fc.constantFrom(...OPTION_NAMES), value, { maxKeys: 5 });
const severity = fc.oneof({ weight: 30, arbitrary: fc.constantFrom('error', 'warning', 'info', 'hint', 'off') }, { weight: 1, arbitrary: fc.constantFrom('loud', '') });
/** Sometimes a value of any type in place of a good one. */
const orWrong = <T>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: value });
const conceptName = orWrong(fc.constantFrom(...CONCEPTS));
const sectionList = orWrong(fc.array(fc.constantFrom(...SECTIONS), { minLength: 1, maxLength: 2 }));
const filter = fc.record({ concept: conceptName, about: fc.constantFrom('person', 'other', 'any'), negated: fc.constantFrom('include', 'exclude', 'only'), sections: sectionList }, { requiredKeys: ['concept'] });
/** Options that fit each kind, now and then with a wrong or unknown value. */
const KIND_OPTIONS: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  'require-topic': fc.record({ topic: orWrong(filter), anchor: sectionList, skeleton: fc.string({ maxLength: 20 }) }, { requiredKeys: ['topic'] }),
  'require-if': fc.record({ if: orWrong(filter), then: orWrong(filter), anchor: sectionList, window: orWrong(fc.constantFrom('section', 'draft')) }, { requiredKeys: ['if', 'then'] }),
  corroborate: fc.record({ claims: conceptName, sources: conceptName, sections: sectionList, requireClaims: orWrong(fc.boolean()) }, { requiredKeys: ['claims', 'sources'] }),
  'flag-phrase': fc.record({ phrases: conceptName, replacements: orWrong(fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 })), sections: sectionList }, { requiredKeys: ['phrases'] }),
  'require-section': fc.record({ section: orWrong(fc.constantFrom(...SECTIONS)), heading: fc.string({ maxLength: 12 }), onlyWithHeadings: orWrong(fc.boolean()) }, { requiredKeys: ['section'] }),
  'max-length': fc.record({ unit: orWrong(fc.constantFrom('sentence', 'paragraph')), max: orWrong(fc.integer({ min: 1, max: 80 })), sections: sectionList }, { requiredKeys: ['unit', 'max'] }),
  'forbid-in-section': fc.record({ phrases: conceptName, sections: sectionList, replacements: fc.array(fc.string({ maxLength: 12 }), { maxLength: 2 }) }, { requiredKeys: ['phrases', 'sections'] }),
};
const fittingRule = fc.constantFrom(...Object.keys(KIND_OPTIONS)).chain((kind) =>
  fc.record({ kind: fc.constant(kind), severity, message: fc.constant('Say what is missing.'), options: KIND_OPTIONS[kind] }, { requiredKeys: ['kind', 'message', 'options'] }),
);
const anyRule = fc.oneof(
  severity,
  fc.record(
    {
      kind: fc.constantFrom(...KINDS),
      severity,
      message: fc.oneof(fc.constant('Say what is missing.'), fc.string({ maxLength: 20 })),
      options,
      docs: fc.constantFrom('https://example.org/rule', './docs/rule.md', '../../outside.md', '/etc/passwd'),
      examples: fc.record({ warn: fc.array(fc.string({ maxLength: 20 }), { maxLength: 2 }), pass: fc.array(fc.constantFrom('He drinks.', 'No concerns.'), { maxLength: 2 }) }, { requiredKeys: [] }),
      from: fc.array(fc.record({ date: fc.constantFrom('2020-01-01', '2999-12-31', 'tomorrow'), severity }), { maxLength: 2 }),
      tokens: fc.constant(['\\bdrink']),
    },
    { requiredKeys: [] },
  ),
);
const rule = fc.oneof({ weight: 5, arbitrary: fittingRule }, { weight: 1, arbitrary: anyRule });
const ruleId = fc.oneof({ weight: 40, arbitrary: fc.constantFrom('team-rule', 'alcohol', 'drug-use', 'constructor', 'to-string') }, { weight: 1, arbitrary: fc.constantFrom('Bad_Id', '__proto__') }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) });
/** Now and then: a field present with any value, or absent (undefined fields are left out of the file). */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** A random pack as data: mostly the right shape, with wrong types, unknown names and hostile values mixed in. */
const packData = fc.record({
  name: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('team', '@org/team-pack') }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom('Bad Name'), fc.integer()) }),
  version: fc.oneof({ weight: 12, arbitrary: fc.constantFrom('1.0.0', '2.1.0-beta.1') }, { weight: 1, arbitrary: fc.constantFrom('1.0', 'latest') }),
  description: rarely(fc.string({ maxLength: 20 })),
  engine: rarely(fc.constantFrom('>=0.1.0', '^9.0.0', 'not a range')),
  extends: fc.oneof({ weight: 4, arbitrary: fc.constant('core') }, { weight: 1, arbitrary: fc.constantFrom('./base.yaml', '../outside.yaml', '/etc/passwd', 'no-such-npm-pack') }, { weight: 1, arbitrary: fc.array(fc.constantFrom('core', './base.yaml'), { maxLength: 2 }) }),
  sections: rarely(fc.dictionary(fc.constantFrom(...SECTIONS), fc.array(fc.string({ maxLength: 15 }), { maxLength: 2 }), { maxKeys: 2 })),
  terms: fc.dictionary(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CONCEPTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), concept, { maxKeys: 4 }),
  rules: fc.dictionary(ruleId, rule, { maxKeys: 4 }),
  surprise: rarely(value),
});

/** Damage to the YAML text: cut it short, drop or insert characters, re-indent a line, add tabs, anchors and aliases. */
const damage = fc.oneof(
  { weight: 16, arbitrary: fc.constant((text: string) => text) },
  { weight: 1, arbitrary: fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1))) },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), fc.constantFrom(':', '-', '"', "'", '\t', '  ', '\n', '[', '{', '&a ', '*a', '!!js/function ', '%', '@', '`', '#')).map(([at, insert]) => (text: string) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1))) },
  { weight: 1, arbitrary: fc.nat().map((at) => (text: string) => text.slice(0, at % (text.length + 1)) + text.slice((at % (text.length + 1)) + 1)) },
  { weight: 1, arbitrary: fc.constant((text: string) => `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n${text}`) },
);

/** Asserts an outcome is a compiled pack or a ConfigurationError whose problems all name the file, a line and a column inside it, and a message. */
function assertClearOutcome(file: string, text: string, action: () => unknown): void {
  try {
    action();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw new Error(`not a ConfigurationError: ${(error as Error).stack ?? error}\n--- pack ---\n${text}`);
    const lineCount = text.split('\n').length;
    assert.ok(error.problems.length > 0, 'a ConfigurationError has problems');
    for (const problem of error.problems) {
      const where = `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
      assert.ok(path.basename(problem.file) === path.basename(file) || problem.file.endsWith('.yaml') || problem.file === 'core', `${where} names a pack file`);
      assert.ok(Number.isInteger(problem.line) && problem.line >= 1 && Number.isInteger(problem.column) && problem.column >= 1, `${where} has a 1-based line and column`);
      if (problem.file === file) assert.ok(problem.line <= lineCount + 1, `${where} lies inside the ${lineCount}-line file`);
      assert.ok(problem.message.trim().length > 0, `${where} says what is wrong`);
    }
  }
}

describe('fuzzing: pack files through the loader', function () {
  this.timeout(fuzzTimeout(RUNS, 50));

  it('gives a valid pack or a ConfigurationError with file:line:column, never another exception', () => {
    fc.assert(
      fc.property(packData, damage, fc.boolean(), (data, spoil, asJson) => {
        const file = asJson ? 'fuzz.pack.json' : 'fuzz.pack.yaml';
        const text = spoil(asJson ? JSON.stringify(data, null, 2) : stringify(data));
        assertClearOutcome(file, text, () => {
          const pack = compilePacks([parsePack(file, text, '/tmp/fuzz-pack')]);
          // A pack that loads must lint a draft without trouble.
          lintSnippet('## Offence analysis\n\nHe said he drinks a pint of beer daily; no children.\n', pack);
        });
      }),
      fuzzParameters(RUNS),
    );
  });

  it('resolves fuzzed packs from disk through a configuration (extends, folders, paths) with the same guarantee', () => {
    const folder = new TempFolder({ 'base.yaml': 'name: base\nversion: 1.0.0\nextends: core\n' });
    try {
      fc.assert(
        fc.property(packData, damage, (data, spoil) => {
          const text = spoil(stringify(data));
          folder.write({ 'team/pack.yaml': text, 'team/base.yaml': 'name: team-base\nversion: 1.0.0\nextends: ./pack.yaml\n', '.assessment-lint.yaml': 'packs: [core, ./team]\n' });
          assertClearOutcome(folder.path('team/pack.yaml'), text, () => resolveConfig(folder.path('.assessment-lint.yaml'), folder.root));
        }),
        fuzzParameters(Math.ceil(RUNS / 4)),
      );
    } finally {
      folder.remove();
    }
  });
});
