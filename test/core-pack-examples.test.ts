import assert from 'node:assert/strict';
import { corePack, lintSnippet } from './helpers.js';

/**
 * Every rule of the built-in pack carries examples; each `warn` example must make
 * that rule fire and each `pass` example must not (snippets are linted as
 * Markdown with the whole built-in pack, the way `pack test` runs them).
 */
describe('built-in pack examples', () => {
  const pack = corePack();

  it('has rules, each with at least one warn example', () => {
    assert.ok(pack.rules.length >= 5);
    for (const rule of pack.rules) assert.ok(rule.examples.warn.length > 0, `${rule.id} has no warn example`);
  });

  it('has at least one pass example for each coverage rule', () => {
    for (const rule of pack.rules) {
      if (rule.kind.name === 'flag-phrase') continue;
      assert.ok(rule.examples.pass.length > 0, `${rule.id} has no pass example`);
    }
  });

  for (const rule of pack.rules) {
    describe(rule.id, () => {
      rule.examples.warn.forEach((example, index) => {
        it(`warns on example ${index + 1}: ${JSON.stringify(example.length > 70 ? example.slice(0, 70) + '…' : example)}`, () => {
          const { result } = lintSnippet(example, pack, 'markdown', { severities: { [rule.id]: 'warning' } });
          const fired = result.messages.filter((message) => message.ruleId === rule.id);
          assert.ok(fired.length > 0, `${rule.id} did not fire; fired: ${[...new Set(result.messages.map((message) => message.ruleId))].join(', ') || 'nothing'}`);
          for (const message of fired) {
            assert.ok(message.start >= 0 && message.end <= example.length && message.start <= message.end, 'the message lies inside the example');
          }
        });
      });
      rule.examples.pass.forEach((example, index) => {
        it(`passes example ${index + 1}: ${JSON.stringify(example.length > 70 ? example.slice(0, 70) + '…' : example)}`, () => {
          const { result } = lintSnippet(example, pack, 'markdown', { severities: { [rule.id]: 'warning' } });
          const fired = result.messages.filter((message) => message.ruleId === rule.id);
          assert.deepEqual(
            fired.map((message) => example.slice(message.start, message.end)),
            [],
            `${rule.id} fired on a pass example`,
          );
        });
      });
    });
  }
});
