import assert from 'node:assert/strict';
import fc from 'fast-check';
import picomatch from 'picomatch';
import { compileGlobs, globProblem, matchesGlobs, MAX_GLOB_ALTERNATIVES, MAX_GLOB_LENGTH } from '../rules/config/glob.js';
import { readConfigFile, severitiesFor, resolveConfig } from '../rules/config/workspace-config.js';
import { explainSeverities } from '../rules/config/explain.js';
import { isLintable } from '../server/draft-filter.js';
import { settingsProblems } from '../server/settings-problems.js';
import { DEFAULT_SETTINGS } from '../server/shared/settings.js';
import { assertProblemAt, configurationProblems, TempFolder } from './helpers.js';
import { assertRefused, runCliWithin } from './hostile-support.js';

const CONFIG = '.assessment-lint.yaml';
/** The glob that made picomatch's regular expression backtrack for hours against a long file name. */
const BACKTRACKING_GLOB = `${'*a'.repeat(30)}*b`;

describe('globs: syntax', () => {
  const table: Array<[string, string, boolean]> = [
    ['*.md', 'report.md', true],
    ['*.md', 'drafts/report.md', false],
    ['**/*.md', 'report.md', true],
    ['**/*.md', 'a/b/c/report.md', true],
    ['drafts/**', 'drafts/a/b.md', true],
    ['drafts/**/final-*.md', 'drafts/final-1.md', true],
    ['drafts/**/final-*.md', 'drafts/x/y/final-1.md', true],
    ['drafts/**/final-*.md', 'drafts/x/y/draft-1.md', false],
    ['report-?.md', 'report-1.md', true],
    ['report-?.md', 'report-12.md', false],
    ['report-?.md', 'report-😀.md', true],
    ['[a-c]*.md', 'b.md', true],
    ['[!a-c]*.md', 'b.md', false],
    ['[!a-c]*.md', 'd.md', true],
    ['*.{md,txt}', 'x.txt', true],
    ['*.{md,txt}', 'x.docx', false],
    ['{psr,risk/{a,b}}/*.md', 'risk/b/x.md', true],
    ['set-{1..3}/*.md', 'set-2/x.md', true],
    ['set-{1..3}/*.md', 'set-4/x.md', false],
    ['\\*.md', '*.md', true],
    ['\\*.md', 'x.md', false],
    ['!*.md', 'x.txt', true],
    ['!*.md', 'x.md', false],
    ['./drafts/*.md', 'drafts/x.md', true],
    ['*', '.hidden', true],
    ['**/*.md', '../outside.md', false],
    ['../*.md', '../outside.md', true],
    ['report (copy).md', 'report (copy).md', true],
  ];
  for (const [glob, path, expected] of table) {
    it(`${glob} ${expected ? 'matches' : 'does not match'} ${path}`, () => assert.equal(compileGlobs([glob])(path), expected));
  }

  it('refuses what it does not support or would cost too much, saying why', () => {
    assert.match(globProblem('+(a|b).md')!, /extended glob \('\+\(…\)'\), which is not supported; write alternatives as \{a,b\} instead/);
    assert.match(globProblem('!(draft).md')!, /extended glob/);
    assert.match(globProblem('[[:alpha:]].md')!, /POSIX character class/);
    assert.match(globProblem('x'.repeat(MAX_GLOB_LENGTH + 1))!, new RegExp(`is ${MAX_GLOB_LENGTH + 1} characters long; globs may have at most ${MAX_GLOB_LENGTH}`));
    assert.match(globProblem('{a,b}'.repeat(8))!, new RegExp(`expands to more than ${MAX_GLOB_ALTERNATIVES} globs`));
    assert.match(globProblem('{1..1000}.md')!, /expands to more than/);
    assert.equal(globProblem('\\+(a|b).md'), undefined, 'an escaped opener is a plain character');
    assert.equal(globProblem(BACKTRACKING_GLOB), undefined, 'many stars are fine: matching is linear');
  });

  it('matches as picomatch does on globs both support (property test)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '*', '?', '[ab]', '{a,b}', '{a,b/a}', '/', '**/', '/**/');
    const glob = fc
      .array(atom, { minLength: 1, maxLength: 6 })
      .map((atoms) => atoms.join(''))
      // Outside the common ground: empty segments, '**' inside a segment, and 'x*/**' against 'x' (picomatch matches 'x/**' but not 'x*/**' there).
      .filter((text) => !text.startsWith('/') && !text.includes('//') && text.split('/').every((segment) => segment === '**' || !segment.includes('**')) && !/[*?\]}]\/\*\*$/.test(text));
    const path = fc.array(fc.constantFrom('a', 'b', 'ab', 'ba', '.a', 'aa', 'a.b'), { minLength: 1, maxLength: 4 }).map((names) => names.join('/'));
    fc.assert(
      fc.property(glob, path, fc.boolean(), (pattern, file, base) => {
        const matchBase = base && !pattern.includes('/');
        assert.equal(compileGlobs([pattern], { matchBase })(file), picomatch([pattern], { dot: true, matchBase })(file), `${pattern} against ${file}${matchBase ? ' (file name)' : ''}`);
      }),
      { seed: 20261202, numRuns: 3000 },
    );
  });
});

describe('globs: linear matching everywhere globs are used', function () {
  this.timeout(30_000);
  let folder: TempFolder;
  beforeEach(() => (folder = new TempFolder()));
  afterEach(() => folder.remove());

  it(`matches ${BACKTRACKING_GLOB.slice(0, 12)}… against a 200-character name with work linear in both`, () => {
    const name = `${'a'.repeat(200)}.md`;
    assert.equal(compileGlobs([BACKTRACKING_GLOB])(name), false);
    assert.equal(compileGlobs([BACKTRACKING_GLOB])(`${name}b`), true);
  });

  it('check finishes with a backtracking override glob and a long draft name (run apart, so a regression fails rather than hangs)', async () => {
    const name = `${'a'.repeat(120)}.md`;
    folder.write({ [CONFIG]: `packs: [core]\noverrides:\n  - files: "${BACKTRACKING_GLOB}"\n    rules: { alcohol: off }\n`, [name]: '## Offender assessment\n\nHe lives alone.\n' });
    const run = await runCliWithin(['check', '--format', 'json', name], folder.root);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(JSON.parse(run.stdout)[0].messages.some((message: { ruleId: string }) => message.ruleId === 'alcohol'), 'the glob does not match, so alcohol stays on');
  });

  it('check, pack validate and the loader refuse unusable override globs at their place, exit 2, with no stack trace', async () => {
    const long = `${'*a'.repeat(2000)}*b`;
    folder.write({ [CONFIG]: `packs: [core]\noverrides:\n  - files: ["*.md", "+(x|y).md"]\n    rules: { alcohol: off }\n  - files: "${long}"\n    rules: { drugs: off }\n`, 'report.md': 'Text.\n' });
    const problems = configurationProblems(() => readConfigFile(folder.path(CONFIG)));
    assertProblemAt(problems, { line: 3, column: 21, pattern: /overrides\[0\]\.files: '\+\(x\|y\)\.md' uses an extended glob/ });
    assertProblemAt(problems, { line: 5, column: 12, pattern: /overrides\[1\]\.files: '\*a\*a.*…' is 4002 characters long/ });
    assertRefused(await runCliWithin(['check', 'report.md'], folder.root), /\.assessment-lint\.yaml:3:21: overrides\[0\]\.files/);
    assertRefused(await runCliWithin(['pack', 'validate', CONFIG], folder.root), /\.assessment-lint\.yaml:5:12: overrides\[1\]\.files: .* characters long/);
  });

  it('override globs give the same severities and explanations as before: globs without a slash match the file name anywhere', () => {
    folder.write({ [CONFIG]: 'packs: [core]\noverrides:\n  - files: "*.txt"\n    rules: { alcohol: off }\n  - files: ["drafts/**/*.md", "!drafts/keep/**"]\n    rules: { drugs: info }\n' });
    const resolved = resolveConfig(folder.path(CONFIG), folder.root);
    assert.equal(severitiesFor(resolved, folder.path('deep/in/notes.txt')).alcohol, 'off');
    assert.equal(severitiesFor(resolved, folder.path('drafts/a/b.md')).drugs, 'info');
    assert.equal(severitiesFor(resolved, folder.path('report.md')).drugs, 'info', 'the negated glob matches what is not under drafts/keep');
    const reason = explainSeverities(resolved, folder.path('deep/notes.txt')).find((entry) => entry.ruleId === 'alcohol');
    assert.match(reason!.because, /overrides\[0\] \(files: \*\.txt\)/);
  });

  it('the server ignores unusable files.include and files.exclude globs and names them in its settings warning', () => {
    const settings = { ...DEFAULT_SETTINGS, files: { include: ['**/*.note', '@(a|b).txt'], exclude: [BACKTRACKING_GLOB, `${'x'.repeat(MAX_GLOB_LENGTH + 5)}`] } };
    assert.equal(isLintable('/work/space/notes/a.note', 'other', settings, '/work/space'), true);
    assert.equal(isLintable('/work/space/a.txt', 'other', settings, '/work/space'), false, 'the extended glob is ignored');
    assert.equal(isLintable(`/work/space/${'a'.repeat(150)}.md`, 'markdown', settings, '/work/space'), true);
    const problems = settingsProblems({ files: settings.files });
    assert.ok(problems.some((problem) => /assessmentLint\.files\.include: '@\(a\|b\)\.txt' uses an extended glob .*; it is ignored\./.test(problem)), problems.join('\n'));
    assert.ok(problems.some((problem) => /assessmentLint\.files\.exclude: 'x+…' is 1005 characters long/.test(problem)), problems.join('\n'));
    assert.equal(problems.length, 2);
    assert.equal(matchesGlobs(['@(a|b).txt', '*.txt'], 'a.txt'), true, 'the usable globs of a list still match');
  });
});
