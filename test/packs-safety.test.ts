import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolveConfig } from '../rules/config/workspace-config.js';
import { MAX_EXPANSIONS, MAX_GAPS_PER_TERM, MAX_TERM_WORDS } from '../rules/core/terms.js';
import { assertProblemAt, compileYaml, configurationProblems, lintSnippet, TempFolder } from './helpers.js';

const HEAD = 'name: team\nversion: 1.0.0\n';

/** A pack with one flag-phrase rule over a concept with the given terms (YAML list items). */
function phrasePack(terms: string[]): string {
  return `${HEAD}terms:\n  pattern:\n${terms.map((term) => `    - ${JSON.stringify(term)}`).join('\n')}\nrules:\n  flagged:\n    kind: flag-phrase\n    message: Flagged.\n    options: { phrases: pattern }\n`;
}

/** Milliseconds an action takes. */
function timed(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('packs: safety', () => {
  describe('no regular expressions', () => {
    it('refuses terms written as regular expressions, saying how to write words instead', () => {
      const problems = configurationProblems(() => compileYaml(`${HEAD}terms:\n  drink:\n    - drink\n    - "\\\\bbooze\\\\w*"\n    - "(beer|wine)+"\n    - "vodka.*"\n`));
      for (const line of [6, 7, 8]) assertProblemAt(problems, { line, column: 7, pattern: /looks like a regular expression; packs cannot use regular expressions\. Write words instead/ });
      assert.equal(problems.length, 3);
    });

    it('refuses fields that would carry a regular expression, in a rule and in its options', () => {
      const problems = configurationProblems(() => compileYaml(`${HEAD}terms:\n  drink: [drink]\nrules:\n  a:\n    kind: flag-phrase\n    message: M.\n    tokens: ["\\\\bdrink"]\n    options: { phrases: drink }\n`));
      assertProblemAt(problems, { line: 9, column: 5, pattern: /'tokens' would give a regular expression, and packs cannot use them/, ruleId: 'a' });
      const inOptions = configurationProblems(() => compileYaml(`${HEAD}terms:\n  drink: [drink]\nrules:\n  a:\n    kind: flag-phrase\n    message: M.\n    options: { phrases: drink, pattern: "drink.*" }\n`));
      assertProblemAt(inOptions, { line: 9, column: 32, pattern: /'pattern' would give a regular expression/, ruleId: 'a' });
    });

    it('runs nothing from a pack: YAML tags that would build code are refused, and an npm pack’s code is never loaded', () => {
      assert.ok(configurationProblems(() => compileYaml(`${HEAD}description: !!js/function "function () { return 1 }"\n`)).length > 0);
      const folder = new TempFolder({
        'node_modules/team-pack/package.json': JSON.stringify({ name: 'team-pack', version: '1.0.0', main: 'index.js', scripts: { postinstall: 'node index.js' } }),
        'node_modules/team-pack/index.js': `require('fs').writeFileSync(${JSON.stringify('RAN')}, 'ran');`,
        'node_modules/team-pack/pack.yaml': 'name: team-pack\nversion: 1.0.0\nextends: core\n',
        '.assessment-lint.yaml': 'packs: [team-pack]\n',
      });
      try {
        const cwd = process.cwd();
        process.chdir(folder.root);
        try {
          assert.equal(resolveConfig(folder.path('.assessment-lint.yaml'), folder.root).pack.name, 'team-pack');
        } finally {
          process.chdir(cwd);
        }
        assert.equal(existsSync(folder.path('RAN')), false);
      } finally {
        folder.remove();
      }
    });
  });

  describe('pathological terms cannot freeze linting', () => {
    it('refuses, quickly and where they are written, terms too long, too gappy or with too many combinations', function () {
      this.timeout(5000);
      const chain = (words: number, gap = '') => Array.from({ length: words }, (_, index) => `w${index}`).join(gap ? ` ${gap} ` : ' ');
      const alternatives = Array.from({ length: 11 }, (_, index) => `a${index}|b${index}`).join(' ');
      const problems = configurationProblems(() => compileYaml(phrasePack(['fine term', chain(MAX_TERM_WORDS + 1), chain(MAX_GAPS_PER_TERM + 2, '{0,6}'), alternatives, 'a {0,7} b', `${'x'.repeat(70)} y`])));
      assertProblemAt(problems, { line: 6, column: 7, pattern: new RegExp(`at most ${MAX_TERM_WORDS} words`) });
      assertProblemAt(problems, { line: 7, column: 7, pattern: new RegExp(`at most ${MAX_GAPS_PER_TERM} gaps`) });
      assertProblemAt(problems, { line: 8, column: 7, pattern: new RegExp(`more than ${MAX_EXPANSIONS} combinations`) });
      assertProblemAt(problems, { line: 9, column: 7, pattern: /min ≤ max ≤ 6/ });
      assertProblemAt(problems, { line: 10, column: 7, pattern: /longer than 64 characters/ });
    });

    it('refuses a huge term list before it takes long to compile', function () {
      this.timeout(10_000);
      const terms = Array.from({ length: 300 }, (_, index) => `a${index}|b|c|d|e|f|g|h|i|j k|l|m|n|o|p|q|r|s|t u|v|w|x|y|z|aa|bb|cc|dd end${index}`);
      let problems: ReturnType<typeof configurationProblems> = [];
      const elapsed = timed(() => (problems = configurationProblems(() => compileYaml(phrasePack(terms)))));
      assert.match(problems[0].message, /the terms expand to more than 200000 word sequences/);
      assert.ok(elapsed < 4000, `compiling took ${elapsed} ms`);
    });

    it('lints a long draft against the worst terms a pack may have within a time limit', function () {
      this.timeout(15_000);
      const chained = (word: string) => Array.from({ length: MAX_GAPS_PER_TERM + 1 }, () => word).join(' {0,6} ');
      const terms = [
        chained('a*|aa*|aaa*|aaaa*'),
        chained('a'),
        chained('aaaaaaaa'),
        ...Array.from({ length: 2000 }, (_, index) => `${'a'.repeat(1 + (index % 12))}* {0,6} a* {0,6} w${index}|aaaaaaaa`),
        ...Array.from({ length: 20_000 }, (_, index) => `word${index} other${index}`),
      ];
      const pack = compileYaml(phrasePack(terms).replace('  pattern:\n', `  pattern:\n    match:\n`).replace(/\n {4}- /g, '\n      - ') + '');
      const sentence = Array.from({ length: 120 }, () => 'aaaaaaaa').join(' ');
      const draft = `## Offence analysis\n\n${Array.from({ length: 40 }, () => `${sentence}.`).join(' ')}\n\n${Array.from({ length: 200 }, () => 'He said he drank a pint of beer at the pub.').join(' ')}`;
      let messages = 0;
      const elapsed = timed(() => (messages = lintSnippet(draft, pack).result.messages.length));
      assert.ok(messages > 0);
      assert.ok(elapsed < 5000, `linting took ${elapsed} ms`);
    });
  });
});
