import assert from 'node:assert/strict';
import { SUPPRESSION_RULE } from '../rules/core/engine.js';
import { LineIndex } from '../rules/core/line-index.js';
import { findDirectives, parseDirective } from '../rules/core/suppressions.js';
import { compileYaml, lintSnippet, textOf, type Linted } from './helpers.js';

const pack = compileYaml(`
name: suppression-tests
version: 1.0.0
terms:
  uncritical: [out of character]
  remorse: [genuinely remorseful]
rules:
  uncritical-language:
    kind: flag-phrase
    message: This wording accepts the person's framing.
    options: { phrases: uncritical }
  remorse:
    kind: flag-phrase
    message: Remorse is asserted, not shown.
    options: { phrases: remorse }
`);

const PHRASE = 'It was out of character.';

/** `line:ruleId` for each message kept, with one-based lines. */
function kept(linted: Linted): string[] {
  return linted.result.messages.map((message) => `${linted.document.lines.positionAt(message.start).line + 1}:${message.ruleId}`);
}

/** `line:ruleId (reason)` for each message a suppression switched off. */
function suppressed(linted: Linted): string[] {
  return linted.result.suppressed.map((entry) => `${linted.document.lines.positionAt(entry.message.start).line + 1}:${entry.message.ruleId} (${entry.reason ?? ''})`);
}

describe('suppressions', () => {
  describe('reading suppression comments', () => {
    const table: Array<[string, { verb: string; ruleIds: string[]; reason?: string } | undefined]> = [
      ['<!-- assessment-lint-disable-next-line alcohol -- quoting the CPS -->', { verb: 'disable-next-line', ruleIds: ['alcohol'], reason: 'quoting the CPS' }],
      ['<!-- assessment-lint-disable alcohol, drugs -- checked with the GP -->', { verb: 'disable', ruleIds: ['alcohol', 'drugs'], reason: 'checked with the GP' }],
      ['<!-- assessment-lint-enable alcohol -->', { verb: 'enable', ruleIds: ['alcohol'] }],
      ['  [assessment-lint-disable-next-line alcohol -- reason]  ', { verb: 'disable-next-line', ruleIds: ['alcohol'], reason: 'reason' }],
      ['[assessment-lint-disable]', { verb: 'disable', ruleIds: [] }],
      ['<!-- assessment-lint-disable-next-line alcohol -->', { verb: 'disable-next-line', ruleIds: ['alcohol'] }],
      ['<!-- assessment-lint-disable-next-line alcohol -- -->', { verb: 'disable-next-line', ruleIds: ['alcohol'] }],
      ['<!-- a comment -->', undefined],
      ['<!-- assessment-lint-silence alcohol -->', undefined],
      ['He said <!-- assessment-lint-disable alcohol -- x --> that', undefined],
      ['[see assessment-lint-disable alcohol]', undefined],
    ];
    for (const [line, expected] of table) {
      it(`${JSON.stringify(line)} → ${expected ? expected.verb : 'not a suppression'}`, () => {
        const directive = parseDirective(line, 4, 100);
        if (!expected) return assert.equal(directive, undefined);
        assert.ok(directive);
        assert.deepEqual({ verb: directive.verb, ruleIds: directive.ruleIds, reason: directive.reason }, { reason: undefined, ...expected });
        assert.equal(directive.line, 4);
        assert.equal(line.slice(directive.span.start - 100, directive.span.end - 100), line.trim());
      });
    }

    it('finds comments on lines ended by CRLF', () => {
      const text = 'One.\r\n<!-- assessment-lint-disable-next-line alcohol -- why -->\r\nTwo.';
      const directives = findDirectives(text, new LineIndex(text));
      assert.equal(directives.length, 1);
      assert.equal(directives[0].line, 1);
      assert.equal(textOf(text, directives[0].span), '<!-- assessment-lint-disable-next-line alcohol -- why -->');
      assert.equal(directives[0].reason, 'why');
    });
  });

  describe('switching messages off', () => {
    it('disable-next-line covers the next non-blank line only, and keeps the reason', () => {
      const linted = lintSnippet(`<!-- assessment-lint-disable-next-line uncritical-language -- quoting his words -->\n\n${PHRASE}\n${PHRASE}`, pack);
      assert.deepEqual(suppressed(linted), ['3:uncritical-language (quoting his words)']);
      assert.deepEqual(kept(linted), ['4:uncritical-language']);
    });

    it('disable-next-line covers only the rules it names', () => {
      const linted = lintSnippet(`<!-- assessment-lint-disable-next-line remorse -- quoting -->\n${PHRASE} He is genuinely remorseful.`, pack);
      assert.deepEqual(suppressed(linted), ['2:remorse (quoting)']);
      assert.deepEqual(kept(linted), ['2:uncritical-language']);
    });

    it('disable … enable covers the lines between', () => {
      const text = [
        '<!-- assessment-lint-disable uncritical-language -- a quoted letter -->',
        '',
        PHRASE,
        '',
        PHRASE,
        '',
        '<!-- assessment-lint-enable uncritical-language -->',
        '',
        PHRASE,
      ].join('\n');
      const linted = lintSnippet(text, pack);
      assert.deepEqual(suppressed(linted), ['3:uncritical-language (a quoted letter)', '5:uncritical-language (a quoted letter)']);
      assert.deepEqual(kept(linted), ['9:uncritical-language']);
    });

    it('disable without enable runs to the end; without rule ids it covers every rule', () => {
      const linted = lintSnippet(`${PHRASE}\n\n<!-- assessment-lint-disable -- a quoted letter -->\n\n${PHRASE} He is genuinely remorseful.\n\n${PHRASE}`, pack);
      assert.deepEqual(kept(linted), ['1:uncritical-language']);
      assert.equal(linted.result.suppressed.length, 3);
    });

    it('enable closes only the rules it names', () => {
      const text = [
        '<!-- assessment-lint-disable uncritical-language -- quoted -->',
        '<!-- assessment-lint-disable remorse -- quoted -->',
        '<!-- assessment-lint-enable remorse -->',
        '',
        `${PHRASE} He is genuinely remorseful.`,
      ].join('\n');
      assert.deepEqual(kept(lintSnippet(text, pack)), ['5:remorse']);
    });

    it('plain text uses the same words in square brackets on their own line', () => {
      const text = `OFFENCE\r\n[assessment-lint-disable-next-line uncritical-language -- his own words]\r\n${PHRASE}\r\n${PHRASE}\r\n`;
      const linted = lintSnippet(text, pack, 'plaintext');
      assert.deepEqual(suppressed(linted), ['3:uncritical-language (his own words)']);
      assert.deepEqual(kept(linted), ['4:uncritical-language']);
      const words = linted.document.units.flatMap((placed) => placed.unit.sentences.flatMap((sentence) => sentence.words.map((word) => word.norm)));
      assert.ok(!words.includes('assessment-lint-disable-next-line'), 'the comment line is not part of the prose');
    });

    it('covers a whole-draft message on the first line when the comment stands above it', () => {
      const topicPack = compileYaml(`
name: suppression-tests
version: 1.0.0
terms:
  alcohol: [drink]
rules:
  alcohol:
    kind: require-topic
    message: Alcohol is not assessed.
    options: { topic: { concept: alcohol } }
`);
      for (const [format, comment] of [
        ['plaintext', '[assessment-lint-disable-next-line alcohol -- assessed in the OASys]'],
        ['markdown', '<!-- assessment-lint-disable-next-line alcohol -- assessed in the OASys -->'],
      ] as const) {
        const linted = lintSnippet(`${comment}\nHe lives alone.\n`, topicPack, format);
        assert.deepEqual(kept(linted), [], format);
        assert.deepEqual(suppressed(linted), ['2:alcohol (assessed in the OASys)'], format);
      }
    });

    it('carries the suppressed message and the comment that switched it off', () => {
      const text = `<!-- assessment-lint-disable-next-line uncritical-language -- quoting -->\n${PHRASE}`;
      const [entry] = lintSnippet(text, pack).result.suppressed;
      assert.equal(textOf(text, entry.message), 'out of character');
      assert.equal(textOf(text, entry.directive), text.split('\n')[0]);
    });
  });

  describe('problems with suppressions (suppression-reason)', () => {
    it('reports a suppression without a reason, and still honours it', () => {
      const text = `<!-- assessment-lint-disable-next-line uncritical-language -->\n${PHRASE}`;
      const linted = lintSnippet(text, pack);
      assert.deepEqual(kept(linted), [`1:${SUPPRESSION_RULE}`]);
      const [message] = linted.result.messages;
      assert.match(message.message, /gives no reason/);
      assert.equal(message.severity, 'warning');
      assert.equal(textOf(text, message), text.split('\n')[0]);
      assert.deepEqual(suppressed(linted), ['2:uncritical-language ()']);
    });

    it('does not ask an enable comment for a reason', () => {
      const linted = lintSnippet(`<!-- assessment-lint-disable uncritical-language -- quoted -->\n${PHRASE}\n<!-- assessment-lint-enable uncritical-language -->`, pack);
      assert.deepEqual(kept(linted), []);
    });

    it('reports a suppression naming a rule that is not in the active packs', () => {
      const linted = lintSnippet(`<!-- assessment-lint-disable-next-line uncritcal-language -- typo -->\n${PHRASE}`, pack);
      assert.deepEqual(kept(linted), [`1:${SUPPRESSION_RULE}`, '2:uncritical-language']);
      assert.match(linted.result.messages[0].message, /'uncritcal-language', which is not a rule/);
    });

    it('reports a plain-text suppression without a reason', () => {
      const linted = lintSnippet(`[assessment-lint-disable-next-line uncritical-language]\n${PHRASE}`, pack, 'plaintext');
      assert.deepEqual(kept(linted), [`1:${SUPPRESSION_RULE}`]);
    });

    it('cannot itself be suppressed, but follows the configured severity', () => {
      const text = `<!-- assessment-lint-disable -- everything -->\n<!-- assessment-lint-disable-next-line remorse -->\n${PHRASE}`;
      assert.deepEqual(kept(lintSnippet(text, pack)), [`2:${SUPPRESSION_RULE}`]);
      const asError = lintSnippet(text, pack, 'markdown', { severities: { [SUPPRESSION_RULE]: 'error' } });
      assert.deepEqual(asError.result.messages.map((message) => message.severity), ['error']);
      assert.deepEqual(kept(lintSnippet(text, pack, 'markdown', { severities: { [SUPPRESSION_RULE]: 'off' } })), []);
    });
  });
});
