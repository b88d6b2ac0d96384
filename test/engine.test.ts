import assert from 'node:assert/strict';
import { effectiveSeverity } from '../rules/core/engine.js';
import { compileYaml, lintSnippet } from './helpers.js';

const pack = compileYaml(`
name: engine-tests
version: 2.3.4
terms:
  uncritical: [out of character, isolated incident]
  alcohol: [drink]
rules:
  uncritical-language:
    kind: flag-phrase
    severity: info
    message: This wording accepts the person's framing.
    docs: https://example.org/uncritical
    options: { phrases: uncritical }
  same-phrases:
    kind: flag-phrase
    message: Same phrases, another rule.
    options: { phrases: uncritical }
  alcohol:
    kind: require-topic
    severity: hint
    message: Alcohol is not assessed.
    from:
      - { date: "2030-01-01", severity: error }
      - { date: "2027-01-01", severity: warning }
    options: { topic: { concept: alcohol } }
`);

const TEXT = 'It was an isolated incident and out of character.';

describe('engine', () => {
  it('stamps rule id, kind, severity, pack and docs link on each message', () => {
    const { result } = lintSnippet(TEXT, pack, 'markdown', { today: new Date('2026-06-01') });
    const message = result.messages.find((entry) => entry.ruleId === 'uncritical-language');
    assert.ok(message);
    assert.deepEqual(
      { kind: message.kind, severity: message.severity, pack: message.pack, docsUrl: message.docsUrl, message: message.message },
      { kind: 'flag-phrase', severity: 'info', pack: 'engine-tests', docsUrl: 'https://example.org/uncritical', message: "This wording accepts the person's framing." },
    );
  });

  it('sorts messages by place, then rule id', () => {
    const { result } = lintSnippet(TEXT, pack, 'markdown', { today: new Date('2026-06-01') });
    assert.deepEqual(
      result.messages.map((message) => `${message.start}:${message.ruleId}`),
      ['0:alcohol', '10:same-phrases', '10:uncritical-language', '32:same-phrases', '32:uncritical-language'],
    );
  });

  it('applies severity overrides and skips rules switched off', () => {
    const { result } = lintSnippet(TEXT, pack, 'markdown', { severities: { 'same-phrases': 'off', alcohol: 'error' } });
    assert.deepEqual(
      result.messages.map((message) => `${message.ruleId}:${message.severity}`),
      ['alcohol:error', 'uncritical-language:info', 'uncritical-language:info'],
    );
    assert.deepEqual(result.coverage.map((entry) => [entry.ruleId, entry.status]), [['alcohol', 'missing']]);
  });

  it('steps a staged rule’s severity up on its dates', () => {
    const alcohol = pack.rules.find((rule) => rule.id === 'alcohol');
    assert.ok(alcohol);
    assert.equal(effectiveSeverity(alcohol, { today: new Date('2026-12-31') }), 'hint');
    assert.equal(effectiveSeverity(alcohol, { today: new Date('2027-01-01') }), 'warning');
    assert.equal(effectiveSeverity(alcohol, { today: new Date('2031-05-05') }), 'error');
    assert.equal(effectiveSeverity(alcohol, { today: new Date('2031-05-05'), severities: { alcohol: 'info' } }), 'info', 'configuration wins over the stages');
  });

  it('reports a message once even when the text repeats a match', () => {
    const { result } = lintSnippet('Out of character, out of character.', pack, 'markdown', { severities: { alcohol: 'off', 'same-phrases': 'off' } });
    const spans = result.messages.map((message) => `${message.start}-${message.end}`);
    assert.deepEqual(spans, [...new Set(spans)]);
    assert.equal(spans.length, 2);
  });
});
