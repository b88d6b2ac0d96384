import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LintMessage } from '../rules/core/contracts.js';
import { compileYaml, lintSnippet } from './helpers.js';

const pack = compileYaml(`name: team
version: 1.0.0
terms:
  service-user: [service user]
  said: [he said]
rules:
  person-first:
    kind: flag-phrase
    message: Write "person on probation".
    options:
      phrases: service-user
      replacements: [person on probation, the person]
  reported-speech:
    kind: forbid-in-section
    message: Say who said it.
    options:
      phrases: said
      sections: [offence-analysis]
      replacements: [he told me, he stated]
`);

function fixesOf(text: string, ruleId: string): Array<{ span: string; replacements: string[] }> {
  return lintSnippet(text, pack)
    .result.messages.filter((message) => message.ruleId === ruleId && message.fix?.type === 'replace')
    .map((message) => {
      const fix = message.fix as Extract<LintMessage['fix'], { type: 'replace' }>;
      return { span: text.slice(fix.span.start, fix.span.end), replacements: fix.replacements };
    });
}

/** The characters of a text that are neither letters, digits nor whitespace, in order. */
function marks(text: string): string {
  return text.replace(/[\p{L}\p{N}\s]+/gu, '');
}

describe('replace fixes keep every character they do not replace', () => {
  const offence = (line: string) => `## Offence analysis\r\n\r\n${line}\r\n`;

  it('keeps an astral emoji between the words: a wording with as many words takes the words\' places ("he 😀 said" → "he 😀 stated")', () => {
    assert.deepEqual(fixesOf(offence('Then he 😀 said it.'), 'reported-speech'), [{ span: 'he 😀 said', replacements: ['he 😀 stated'] }]);
  });

  it('keeps Markdown and punctuation between the words, and a CRLF line break when the wording has as many words', () => {
    assert.deepEqual(fixesOf(offence('Then he\r\nsaid it.'), 'reported-speech'), [{ span: 'he\r\nsaid', replacements: ['he told me', 'he\r\nstated'] }]);
    assert.deepEqual(fixesOf(offence('Then he [said](notes.md) it.'), 'reported-speech'), [{ span: 'he [said', replacements: ['he [stated'] }]);
    assert.deepEqual(fixesOf('The service, user was seen.', 'person-first'), [{ span: 'service, user', replacements: ['the, person'] }], 'a wording of another length cannot keep the comma, so it is not offered');
    assert.deepEqual(fixesOf('The service 🙂 user was seen.', 'person-first'), [{ span: 'service 🙂 user', replacements: ['the 🙂 person'] }]);
    const onlyLonger = compileYaml('name: t\nversion: 1.0.0\nterms:\n  su: [service user]\nrules:\n  p:\n    kind: flag-phrase\n    message: m\n    options: { phrases: su, replacements: [person on probation] }\n');
    const flagged = lintSnippet('The service 😀 user was seen.', onlyLonger).result.messages.filter((message) => message.ruleId === 'p');
    assert.equal(flagged.length, 1, 'the phrase is still flagged');
    assert.equal(flagged[0].fix, undefined, 'but no fix would keep the emoji');
  });

  it('offers every replacement when only spaces and line breaks lie between the words (a line break then goes only where a wording of another length replaces it)', () => {
    assert.deepEqual(fixesOf('The service user was seen.', 'person-first'), [{ span: 'service user', replacements: ['person on probation', 'the person'] }]);
    assert.deepEqual(fixesOf('The service\r\nuser was seen.', 'person-first'), [{ span: 'service\r\nuser', replacements: ['person on probation', 'the\r\nperson'] }]);
  });

  it('never removes a non-word character, whatever lies between the words (property test, astral and CRLF included)', () => {
    const gap = fc.array(fc.constantFrom(' ', '😀', '👩🏽‍⚖️', '\r\n', '**', '_', ',', ' -- ', '[', '`', '\u00a0', '\u200d'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    let checked = 0;
    fc.assert(
      fc.property(gap, fc.constantFrom('He', 'he'), (between, pronoun) => {
        const text = offence(`Then ${pronoun}${between}said it, and the service${between}user agreed.`);
        for (const message of lintSnippet(text, pack).result.messages) {
          if (message.fix?.type !== 'replace') continue;
          const { span, replacements } = message.fix;
          const original = text.slice(span.start, span.end);
          for (const replacement of replacements) {
            assert.equal(marks(replacement), marks(original), `${JSON.stringify(original)} → ${JSON.stringify(replacement)} keeps every mark, emoji and bracket`);
            assert.doesNotMatch(text.slice(0, span.start) + replacement + text.slice(span.end), /\p{Cs}/u, 'no surrogate pair is split');
          }
          checked++;
        }
      }),
      { seed: 1202, numRuns: 300 },
    );
    assert.ok(checked > 100, `only ${checked} fixes were offered`);
  });
});
