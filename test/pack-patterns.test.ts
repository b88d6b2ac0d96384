import assert from 'node:assert/strict';
import { MAX_GAP, MAX_GAPS_PER_TERM } from '../rules/core/terms.js';
import { loadPackFile } from '../rules/packs/load-pack.js';
import { assertProblemAt, compileYaml, configurationProblems, lintSnippet, TempFolder } from './helpers.js';

/** Regular expressions known for catastrophic backtracking (nested and overlapping quantifiers). */
const CLASSIC_REDOS = ['(a+)+$', '(a|aa)+b', '(.*a){12}', '^(([a-z])+.)+[A-Z]([a-z])+$', '(x+x+)+y', '(\\w+\\s?)*$'];

/** Milliseconds an action takes. */
function timed(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The word-sequence shape closest to `(a|aa)+…b` that a pack may write: every gap and alternative the limits allow, ending in a word the draft lacks. */
function nestedGapsTerm(last: string): string {
  return `${Array.from({ length: MAX_GAPS_PER_TERM + 1 }, () => 'a|aa*').join(` {0,${MAX_GAP}} `)} ${last}`;
}

describe('packs: catastrophic-backtracking patterns and oversized files', () => {
  it('refuses the classic ReDoS regular expressions as terms and exclusions, each where it is written, saying to write words', () => {
    const list = CLASSIC_REDOS.map((pattern) => `      - ${JSON.stringify(pattern)}`).join('\n');
    const yaml = `name: team\nversion: 1.0.0\nterms:\n  evil:\n    match:\n${list}\n    exclude:\n${list}\n`;
    const problems = configurationProblems(() => compileYaml(yaml));
    CLASSIC_REDOS.forEach((pattern, index) => {
      for (const line of [6 + index, 7 + CLASSIC_REDOS.length + index]) {
        assertProblemAt(problems, { line, column: 9, pattern: /looks like a regular expression; packs cannot use regular expressions\. Write words instead/ });
      }
    });
    assert.equal(problems.length, 2 * CLASSIC_REDOS.length, 'one clear problem per pattern');
  });

  it('lints a 20,000-word run-on sentence against the most nested gaps and alternatives a pack may write, in time linear in the words', function () {
    this.timeout(30_000);
    const pack = compileYaml(`name: team
version: 1.0.0
terms:
  evil:
    match:
      - ${JSON.stringify(nestedGapsTerm('b'))}
      - ${JSON.stringify(nestedGapsTerm('a'))}
    exclude:
      - ${JSON.stringify(nestedGapsTerm('c'))}
rules:
  evil:
    kind: flag-phrase
    message: Flagged.
    options: { phrases: evil }
`);
    // The failing-suffix input that makes a backtracking matcher try every way of splitting the run: "a a a … a c".
    const draft = (words: number) => `## Offence analysis\n\n${Array.from({ length: words }, () => 'a').join(' ')} c\n`;
    let found = 0;
    const short = timed(() => lintSnippet(draft(5_000), pack));
    const long = timed(() => (found = lintSnippet(draft(20_000), pack).result.messages.length));
    assert.ok(found > 0, 'the legal nested term still matches');
    assert.ok(long < 15_000, `20,000 words took ${long.toFixed(0)} ms`);
    assert.ok(long / short < 12, `four times the words took ${(long / short).toFixed(1)} times as long (linear is 4)`);
  });

  it('refuses a pack file over 2 MB before parsing it, at its first line', function () {
    this.timeout(10_000);
    const folder = new TempFolder({ 'huge.yaml': `name: huge\nversion: 1.0.0\nterms:\n  drink:\n${'    - drink\n'.repeat(300_000)}` });
    try {
      let problems: ReturnType<typeof configurationProblems> = [];
      const elapsed = timed(() => (problems = configurationProblems(() => loadPackFile(folder.path('huge.yaml')))));
      assertProblemAt(problems, { file: folder.path('huge.yaml'), line: 1, column: 1, pattern: /this pack is \d+ KB; packs over 2 MB are refused, split it with extends/ });
      assert.ok(elapsed < 1000, `refusing took ${elapsed.toFixed(0)} ms`);
    } finally {
      folder.remove();
    }
  });
});
