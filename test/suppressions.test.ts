import assert from 'node:assert/strict';
import { SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE, type LintSettings } from '../rules/core/engine.js';
import { DEFAULT_REASON_POLICY } from '../rules/core/engine-rules.js';
import { LineIndex } from '../rules/core/line-index.js';
import { findDirectives, parseDirective, reasonProblem } from '../rules/core/suppressions.js';
import { compileYaml, configurationProblems, lintSnippet, textOf, type Linted } from './helpers.js';

const pack = compileYaml(`
name: suppression-tests
version: 1.0.0
terms:
  uncritical: [out of character]
  remorse: [genuinely remorseful]
  alcohol: [drink, alcohol]
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

const topicPack = compileYaml(`
name: suppression-topic-tests
version: 1.0.0
terms:
  alcohol: [drink, alcohol]
  uncritical: [out of character]
rules:
  alcohol:
    kind: require-topic
    message: Alcohol is not assessed.
    options: { topic: { concept: alcohol }, anchor: [assessment] }
  uncritical-language:
    kind: flag-phrase
    message: This wording accepts the person's framing.
    options: { phrases: uncritical }
`);

const PHRASE = 'It was out of character.';
const REASON = 'quoting his own words to the court';

/** `line:ruleId` for each message kept, with one-based lines. */
function kept(linted: Linted): string[] {
  return linted.result.messages.map((message) => `${linted.document.lines.positionAt(message.start).line + 1}:${message.ruleId}`);
}

/** `line:ruleId (reason)` for each message a suppression switched off. */
function suppressed(linted: Linted): string[] {
  return linted.result.suppressed.map((entry) => `${linted.document.lines.positionAt(entry.message.start).line + 1}:${entry.message.ruleId} (${entry.reason ?? ''})`);
}

/** `line status silenced` for each suppression comment, with one-based lines. */
function statuses(linted: Linted): string[] {
  return linted.result.suppressions.map((entry) => `${entry.line + 1} ${entry.status} ${entry.silenced}`);
}

function lintWith(text: string, settings: LintSettings = {}, format: 'markdown' | 'plaintext' = 'markdown'): Linted {
  return lintSnippet(text, pack, format, settings);
}

describe('suppressions', () => {
  describe('reading suppression comments', () => {
    const table: Array<[string, { verb: string; ruleIds: string[]; reason?: string } | undefined]> = [
      ['<!-- assessment-lint-disable-next-line alcohol -- quoting the CPS -->', { verb: 'disable-next-line', ruleIds: ['alcohol'], reason: 'quoting the CPS' }],
      ['<!-- assessment-lint-disable alcohol, drugs -- checked with the GP -->', { verb: 'disable', ruleIds: ['alcohol', 'drugs'], reason: 'checked with the GP' }],
      ['<!-- assessment-lint-enable alcohol -->', { verb: 'enable', ruleIds: ['alcohol'] }],
      ['  [assessment-lint-disable-next-line alcohol -- reason]  ', { verb: 'disable-next-line', ruleIds: ['alcohol'], reason: 'reason' }],
      ['[assessment-lint-disable]', { verb: 'disable', ruleIds: [] }],
      ['<!-- assessment-lint-disable -- blah -->', { verb: 'disable', ruleIds: [], reason: 'blah' }],
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

  describe('what counts as a reason (3 words and 10 letters by default)', () => {
    const table: Array<[string | undefined, 'no-reason' | 'short-reason' | undefined]> = [
      [undefined, 'no-reason'],
      ['x', 'short-reason'],
      ['n/a', 'short-reason'],
      ['reason', 'short-reason'],
      ['see OASys', 'short-reason'],
      ['a b c d e', 'short-reason'],
      ['- - - -', 'short-reason'],
      ['checks requested 12/03', undefined],
      ['quoting his words', undefined],
      ['police DA check requested 10/03, not returned by the court date', undefined],
      ['vérifié auprès du médecin', undefined],
    ];
    for (const [reason, expected] of table) {
      it(`${JSON.stringify(reason)} → ${expected ?? 'counts'}`, () => assert.equal(reasonProblem(reason, DEFAULT_REASON_POLICY), expected));
    }

    it('follows a relaxed policy', () => {
      assert.equal(reasonProblem(undefined, { ...DEFAULT_REASON_POLICY, requireReason: false }), undefined);
      assert.equal(reasonProblem('see OASys', { requireReason: true, words: 2, letters: 5 }), undefined);
      assert.equal(reasonProblem('x', { requireReason: true, words: 1, letters: 1 }), undefined);
    });
  });

  describe('what becomes of each comment', () => {
    const table: Array<{ name: string; lines: string[]; status: string; kept: string[]; problem?: RegExp }> = [
      { name: 'a reasoned comment above its finding', lines: [`<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->`, PHRASE], status: '1 effective 1', kept: [] },
      {
        name: 'no reason: the finding stands',
        lines: ['<!-- assessment-lint-disable-next-line uncritical-language -->', PHRASE],
        status: '1 no-reason 0',
        kept: [`1:${SUPPRESSION_RULE}`, '2:uncritical-language'],
        problem: /gives no reason, so it silences nothing/,
      },
      {
        name: 'a reason too short to count',
        lines: ['<!-- assessment-lint-disable-next-line uncritical-language -- x -->', PHRASE],
        status: '1 no-reason 0',
        kept: [`1:${SUPPRESSION_RULE}`, '2:uncritical-language'],
        problem: /The reason 'x' is too short .* at least 3 words \(10 letters\)/,
      },
      {
        name: 'no rule id: refused, silences nothing',
        lines: ['<!-- assessment-lint-disable -- blah blah blah blah -->', PHRASE, '<!-- assessment-lint-enable -->'],
        status: '1 no-rule 0',
        kept: [`1:${SUPPRESSION_RULE}`, '2:uncritical-language'],
        problem: /names no rule, so it silences nothing/,
      },
      {
        name: 'an unknown rule id',
        lines: ['<!-- assessment-lint-disable-next-line uncritcal-language -- a typo in the rule id -->', PHRASE],
        status: '1 unknown-rule 0',
        kept: [`1:${SUPPRESSION_RULE}`, '2:uncritical-language'],
        problem: /names 'uncritcal-language', which is not a rule in the active packs/,
      },
      {
        name: 'a disable never closed',
        lines: ['<!-- assessment-lint-disable uncritical-language -- a quoted letter from his GP -->', PHRASE],
        status: '1 unclosed 0',
        kept: [`1:${SUPPRESSION_RULE}`, '2:uncritical-language'],
        problem: /never closed, so it silences nothing; add 'assessment-lint-enable uncritical-language'/,
      },
      {
        name: 'a comment where there is nothing to silence',
        lines: [`<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->`, 'He lives alone.', PHRASE],
        status: '1 unused 0',
        kept: [`1:${UNUSED_SUPPRESSION_RULE}`, '3:uncritical-language'],
        problem: /silences nothing: no 'uncritical-language' finding is reported where it stands/,
      },
      {
        name: 'a comment naming two rules that silences only one',
        lines: [`<!-- assessment-lint-disable-next-line uncritical-language, remorse -- ${REASON} -->`, PHRASE],
        status: '1 effective 1',
        kept: [`1:${UNUSED_SUPPRESSION_RULE}`],
        problem: /silences no 'remorse' finding where it stands; remove it from the comment/,
      },
    ];
    for (const row of table) {
      it(row.name, () => {
        const text = row.lines.join('\n');
        const linted = lintWith(text);
        assert.deepEqual(statuses(linted), [row.status]);
        assert.deepEqual(kept(linted), row.kept);
        const engine = linted.result.messages.filter((message) => message.kind === 'engine');
        if (row.problem) {
          assert.equal(engine.length, 1);
          assert.match(engine[0].message, row.problem);
          assert.equal(textOf(text, engine[0]), row.lines[0], 'reported at the comment');
          assert.equal(engine[0].severity, 'warning');
          assert.equal(engine[0].suppressAt, undefined, 'the engine rules cannot be suppressed');
          assert.match(engine[0].docsUrl ?? '', /docs\/rules\/(suppression-reason|unused-suppression)\.md$/);
        } else assert.deepEqual(engine, []);
      });
    }

    it('reports an enable comment that closes nothing', () => {
      const linted = lintWith(`${PHRASE}\n<!-- assessment-lint-enable uncritical-language -->`);
      assert.deepEqual(kept(linted), ['1:uncritical-language', `2:${UNUSED_SUPPRESSION_RULE}`]);
      assert.match(linted.result.messages[1].message, /closes no disable comment/);
      assert.deepEqual(linted.result.suppressions, [], 'enable comments are not suppressions');
    });

    it('carries rule ids, reason, span and counts in the list of suppressions', () => {
      const text = `<!-- assessment-lint-disable uncritical-language, remorse -- ${REASON} -->\n${PHRASE} He is genuinely remorseful. ${PHRASE}\n<!-- assessment-lint-enable -->`;
      const [entry] = lintWith(text).result.suppressions;
      assert.deepEqual(
        { ...entry, span: textOf(text, entry.span) },
        { verb: 'disable', ruleIds: ['uncritical-language', 'remorse'], reason: REASON, span: text.split('\n')[0], line: 0, status: 'effective', silenced: 3, silencedByRule: { 'uncritical-language': 2, remorse: 1 } },
      );
    });
  });

  describe('switching messages off', () => {
    it('disable-next-line covers the next non-blank line only, and keeps the reason', () => {
      const linted = lintWith(`<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->\n\n${PHRASE}\n${PHRASE}`);
      assert.deepEqual(suppressed(linted), [`3:uncritical-language (${REASON})`]);
      assert.deepEqual(kept(linted), ['4:uncritical-language']);
    });

    it('disable-next-line covers only the rules it names', () => {
      const linted = lintWith(`<!-- assessment-lint-disable-next-line remorse -- ${REASON} -->\n${PHRASE} He is genuinely remorseful.`);
      assert.deepEqual(suppressed(linted), [`2:remorse (${REASON})`]);
      assert.deepEqual(kept(linted), ['2:uncritical-language']);
    });

    it('stacked comments above one line each cover that line', () => {
      const text = [`<!-- assessment-lint-disable-next-line remorse -- ${REASON} -->`, `<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->`, '', `${PHRASE} He is genuinely remorseful.`].join('\n');
      const linted = lintWith(text);
      assert.deepEqual(kept(linted), []);
      assert.deepEqual(statuses(linted), ['1 effective 1', '2 effective 1']);
    });

    it('disable … enable covers the lines between', () => {
      const text = [
        '<!-- assessment-lint-disable uncritical-language -- a quoted letter from his employer -->',
        '',
        PHRASE,
        '',
        PHRASE,
        '',
        '<!-- assessment-lint-enable uncritical-language -->',
        '',
        PHRASE,
      ].join('\n');
      const linted = lintWith(text);
      assert.deepEqual(suppressed(linted), ['3:uncritical-language (a quoted letter from his employer)', '5:uncritical-language (a quoted letter from his employer)']);
      assert.deepEqual(kept(linted), ['9:uncritical-language']);
      assert.deepEqual(statuses(linted), ['1 effective 2']);
    });

    it('enable closes only the rules it names; an enable without ids closes every open disable', () => {
      const text = [
        `<!-- assessment-lint-disable uncritical-language -- ${REASON} -->`,
        `<!-- assessment-lint-disable remorse -- ${REASON} -->`,
        '<!-- assessment-lint-enable remorse -->',
        '',
        `${PHRASE} He is genuinely remorseful.`,
        '<!-- assessment-lint-enable -->',
        PHRASE,
      ].join('\n');
      const linted = lintWith(text);
      assert.deepEqual(kept(linted), [`2:${UNUSED_SUPPRESSION_RULE}`, '5:remorse', '7:uncritical-language']);
      assert.deepEqual(statuses(linted), ['1 effective 1', '2 unused 0']);
    });

    it('plain text uses the same words in square brackets on their own line', () => {
      const text = `OFFENCE\r\n[assessment-lint-disable-next-line uncritical-language -- ${REASON}]\r\n${PHRASE}\r\n${PHRASE}\r\n`;
      const linted = lintWith(text, {}, 'plaintext');
      assert.deepEqual(suppressed(linted), [`3:uncritical-language (${REASON})`]);
      assert.deepEqual(kept(linted), ['4:uncritical-language']);
      const words = linted.document.units.flatMap((placed) => placed.unit.sentences.flatMap((sentence) => sentence.words.map((word) => word.norm)));
      assert.ok(!words.includes('assessment-lint-disable-next-line'), 'the comment line is not part of the prose');
    });

    it('carries the suppressed message and the comment that switched it off', () => {
      const text = `<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->\n${PHRASE}`;
      const [entry] = lintWith(text).result.suppressed;
      assert.equal(textOf(text, entry.message), 'out of character');
      assert.equal(textOf(text, entry.directive), text.split('\n')[0]);
    });

    it('reports unused-suppression exactly at the comments that silenced nothing', () => {
      const text = [
        `<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->`,
        PHRASE,
        `<!-- assessment-lint-disable-next-line uncritical-language -- ${REASON} -->`,
        'He lives alone.',
        `<!-- assessment-lint-disable remorse -- ${REASON} -->`,
        'He is genuinely remorseful.',
        '<!-- assessment-lint-enable remorse -->',
        `<!-- assessment-lint-disable remorse -- ${REASON} -->`,
        PHRASE,
        '<!-- assessment-lint-enable remorse -->',
      ].join('\n');
      const linted = lintWith(text);
      assert.deepEqual(kept(linted), [`3:${UNUSED_SUPPRESSION_RULE}`, `8:${UNUSED_SUPPRESSION_RULE}`, '9:uncritical-language']);
      assert.deepEqual(statuses(linted), ['1 effective 1', '3 unused 0', '5 effective 1', '8 unused 0']);
    });
  });

  describe('topic findings (coverage rules)', () => {
    const DRAFT = ['# Pre-sentence report', '', 'Name: John Smith', '', '## Offence analysis', '', 'He hit the man.', '', '## Offender assessment', '', 'He lives alone.', '', 'He works nights.', '', '## Conclusion', '', 'A community order.'];
    const comment = `<!-- assessment-lint-disable-next-line alcohol -- assessed in the attached OASys -->`;
    const withCommentAt = (index: number, lines = DRAFT) => [...lines.slice(0, index), comment, ...lines.slice(index)].join('\n');

    it('sits on the anchor heading and is kept without a comment', () => {
      const linted = lintSnippet(DRAFT.join('\n'), topicPack);
      assert.deepEqual(kept(linted), ['9:alcohol']);
      assert.equal(linted.result.messages[0].suppressAt, 9, 'a new comment goes right below the heading');
    });

    for (const [where, index] of [
      ['right below the anchor heading', 9],
      ['inside the anchor section, before its second paragraph', 12],
      ['at the end of the anchor section', 14],
      ['above the anchor heading (covering its line)', 8],
      ['at the very top of the draft', 0],
      ['at the top, below the title', 2],
    ] as const) {
      it(`is suppressed from ${where}`, () => {
        const linted = lintSnippet(withCommentAt(index), topicPack);
        assert.deepEqual(kept(linted), []);
        assert.deepEqual(suppressed(linted), [`${index <= 8 ? 10 : 9}:alcohol (assessed in the attached OASys)`]);
        assert.deepEqual(statuses(linted), [`${index + 1} effective 1`]);
      });
    }

    it('is not suppressed from another section, and the comment there is reported unused', () => {
      const linted = lintSnippet(withCommentAt(6), topicPack);
      assert.deepEqual(kept(linted), [`7:${UNUSED_SUPPRESSION_RULE}`, '10:alcohol']);
      const later = lintSnippet(withCommentAt(16), topicPack);
      assert.deepEqual(kept(later), ['9:alcohol', `17:${UNUSED_SUPPRESSION_RULE}`]);
    });

    it('counts subsections as part of the anchor section', () => {
      const lines = [...DRAFT.slice(0, 13), '', '### Health', '', 'No concerns.', ...DRAFT.slice(13)];
      const linted = lintSnippet(withCommentAt(17, lines), topicPack);
      assert.deepEqual(kept(linted), []);
    });

    it('a phrase finding in the same section is not suppressed by a comment elsewhere in it', () => {
      const lines = [...DRAFT.slice(0, 12), PHRASE, ...DRAFT.slice(13)];
      const text = [...lines.slice(0, 10), '<!-- assessment-lint-disable-next-line uncritical-language -- quoting his own words to me -->', ...lines.slice(10)].join('\n');
      assert.deepEqual(kept(lintSnippet(text, topicPack)), ['9:alcohol', `11:${UNUSED_SUPPRESSION_RULE}`, '14:uncritical-language']);
    });

    it('a whole-draft finding on the first line is suppressed from the top, in Markdown and plain text', () => {
      const wholeDraft = compileYaml(`
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
        const bare = lintSnippet('He lives alone.\n\nHe works nights.\n', wholeDraft, format);
        assert.equal(bare.result.messages[0].suppressAt, 0, `${format}: the comment goes above the first line`);
        const linted = lintSnippet(`${comment}\nHe lives alone.\n`, wholeDraft, format);
        assert.deepEqual(kept(linted), [], format);
        assert.deepEqual(suppressed(linted), ['2:alcohol (assessed in the OASys)'], format);
        assert.deepEqual(kept(lintSnippet(`He lives alone.\n\n${comment}\nHe works nights.\n`, wholeDraft, format)), [], `${format}: a draft with no sections is all top`);
      }
    });
  });

  describe('relaxing the reason (configuration suppressions:)', () => {
    const text = `<!-- assessment-lint-disable-next-line uncritical-language -- see OASys -->\n${PHRASE}`;

    it('requireReason: false lets a comment without a real reason silence its finding', () => {
      const linted = lintWith(text, { suppressions: { requireReason: false } });
      assert.deepEqual(kept(linted), []);
      assert.deepEqual(statuses(linted), ['1 effective 1']);
    });

    it('a lower minimum lets a shorter reason count', () => {
      assert.deepEqual(kept(lintWith(text, { suppressions: { words: 2, letters: 8 } })), []);
      assert.deepEqual(kept(lintWith(text)), [`1:${SUPPRESSION_RULE}`, '2:uncritical-language']);
    });
  });

  describe('severity of the engine rules', () => {
    const text = `<!-- assessment-lint-disable-next-line remorse -->\n${PHRASE}\n<!-- assessment-lint-disable-next-line remorse -- ${REASON} -->\nHe lives alone.`;
    const engineSeverities = (linted: Linted) => linted.result.messages.filter((message) => message.kind === 'engine').map((message) => `${message.ruleId}:${message.severity}`);

    it('follows the configured severity', () => {
      assert.deepEqual(engineSeverities(lintWith(text)), [`${SUPPRESSION_RULE}:warning`, `${UNUSED_SUPPRESSION_RULE}:warning`]);
      assert.deepEqual(engineSeverities(lintWith(text, { severities: { [SUPPRESSION_RULE]: 'error', [UNUSED_SUPPRESSION_RULE]: 'off' } })), [`${SUPPRESSION_RULE}:error`]);
    });

    for (const severity of ['error', 'off'] as const) {
      it(`follows a pack that sets suppression-reason to ${severity}`, () => {
        const strict = compileYaml(`
name: strict
version: 1.0.0
terms:
  remorse: [genuinely remorseful]
  uncritical: [out of character]
rules:
  remorse: { kind: flag-phrase, message: Remorse is asserted., options: { phrases: remorse } }
  uncritical-language: { kind: flag-phrase, message: Framing., options: { phrases: uncritical } }
  suppression-reason: ${severity}
  unused-suppression: { severity: info }
`);
        const linted = lintSnippet(text, strict);
        const expected = severity === 'off' ? [`${UNUSED_SUPPRESSION_RULE}:info`] : [`${SUPPRESSION_RULE}:error`, `${UNUSED_SUPPRESSION_RULE}:info`];
        assert.deepEqual(engineSeverities(linted), expected);
        assert.ok(kept(linted).includes('2:uncritical-language'), 'with the rule off, an unreasoned comment still silences nothing');
        assert.equal(strict.engineRules.find((rule) => rule.id === SUPPRESSION_RULE)?.severity, severity);
      });
    }

    it('refuses a pack that gives an engine rule anything but a severity', () => {
      const problems = configurationProblems(() => compileYaml(`name: bad\nversion: 1.0.0\nrules:\n  suppression-reason:\n    kind: flag-phrase\n    message: No.\n`));
      assert.equal(problems.length, 1);
      assert.match(problems[0].message, /'suppression-reason' is checked by the engine itself: a pack may set only its severity \(and from:\), not kind, message/);
      assert.deepEqual([problems[0].line, problems[0].column], [5, 5]);
    });
  });
});
