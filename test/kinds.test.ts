import assert from 'node:assert/strict';
import type { CoverageStatus, Fix } from '../rules/core/contracts.js';
import type { CompiledPack } from '../rules/packs/compile.js';
import { compileYaml, lintSnippet, textOf } from './helpers.js';

const TERMS = `
terms:
  alcohol: [alcohol, drink, drinking, drunk]
  children:
    match: [child, children, son, daughter]
    exclude: [as a child]
  enquiry: [mash, children's services, social services]
  claims: [he said|says|states|described, told me]
  sources: [cps, police records, cctv, pnc]
  uncritical: [out of character, isolated incident]
  evidence: [pnc, records]
  challenge: [however, but]
`;

/** A pack with the shared terms and one rule, written as a team would write it. */
function packWith(ruleYaml: string): CompiledPack {
  return compileYaml(`name: kinds-test\nversion: 1.0.0\n${TERMS}\nrules:\n${ruleYaml}`);
}

interface Case {
  name: string;
  text: string;
  format?: 'markdown' | 'plaintext';
  /** The text of each message's span, in order; empty for a valid draft. */
  spans: string[];
  coverage?: CoverageStatus;
}

function runTable(pack: CompiledPack, ruleId: string, cases: Case[]): void {
  for (const entry of cases) {
    it(`${entry.spans.length === 0 ? 'valid' : 'invalid'}: ${entry.name}`, () => {
      const { result } = lintSnippet(entry.text, pack, entry.format ?? 'markdown');
      assert.deepEqual(
        result.messages.map((message) => textOf(entry.text, message)),
        entry.spans,
      );
      for (const message of result.messages) {
        assert.equal(message.ruleId, ruleId);
        assert.equal(message.pack, 'kinds-test');
      }
      if (entry.coverage) {
        assert.deepEqual(
          result.coverage.map((coverage) => [coverage.ruleId, coverage.status]),
          [[ruleId, entry.coverage]],
        );
      }
    });
  }
}

function onlyFix(text: string, pack: CompiledPack, format: 'markdown' | 'plaintext' = 'markdown'): Fix | undefined {
  const { result } = lintSnippet(text, pack, format);
  assert.equal(result.messages.length, 1, `expected one message, got ${result.messages.length}`);
  return result.messages[0].fix;
}

describe('rule kinds', () => {
  describe('require-topic', () => {
    const pack = packWith(`
  alcohol-use:
    kind: require-topic
    message: The person's alcohol use is not assessed.
    options:
      topic: { concept: alcohol, about: person }
      anchor: [assessment]
      skeleton: "Alcohol: [pattern of use]"
`);
    runTable(pack, 'alcohol-use', [
      { name: 'the person drinks', text: '## Offender assessment\n\nHe drinks about eight cans a day.', spans: [], coverage: 'addressed' },
      { name: 'a denial still shows the topic was considered', text: '## Offender assessment\n\nHe denies any alcohol use.', spans: [], coverage: 'addressed' },
      { name: 'a draft without headings', text: 'He lives alone. He was drunk at the time.', spans: [], coverage: 'addressed' },
      { name: 'a plain-text draft', text: 'ASSESSMENT\nHe drinks at weekends.', format: 'plaintext', spans: [], coverage: 'addressed' },
      { name: 'nothing about drink: the message sits on the anchor heading', text: '# Report\n\n## Offender assessment\n\nHe works as a labourer.', spans: ['## Offender assessment'], coverage: 'missing' },
      { name: "only somebody else's drinking", text: '## Offender assessment\n\nHe lives alone. His father drank heavily.', spans: ['## Offender assessment'], coverage: 'missing' },
      { name: 'no headings: the message sits on the first line', text: '\n  He works as a labourer.\nHe lives alone.', format: 'plaintext', spans: ['He works as a labourer.'], coverage: 'missing' },
    ]);

    it('offers to insert the skeleton at the end of the anchor section', () => {
      const text = '## Offender assessment\n\nHe works as a labourer.\n\n\n## Risk\n\nLow.';
      assert.deepEqual(onlyFix(text, pack), { type: 'insert', offset: text.indexOf('labourer.') + 'labourer.'.length, text: 'Alcohol: [pattern of use]', sectionTitle: 'Offender assessment' });
    });

    it('offers to insert the skeleton at the end of a draft without the anchor section', () => {
      const text = 'He works as a labourer.';
      assert.deepEqual(onlyFix(text, pack), { type: 'insert', offset: text.length, text: 'Alcohol: [pattern of use]', sectionTitle: undefined });
    });

    describe('limited to sections', () => {
      const inSections = packWith(`
  alcohol-use:
    kind: require-topic
    message: Alcohol use is not assessed in the assessment.
    options:
      topic: { concept: alcohol, sections: [assessment] }
`);
      runTable(inSections, 'alcohol-use', [
        { name: 'named in the assessment section', text: '## Offence analysis\n\nHe hit him.\n\n## Offender assessment\n\nHe drinks.', spans: [], coverage: 'addressed' },
        { name: 'named only in the offence analysis', text: '## Offence analysis\n\nHe was drunk.\n\n## Offender assessment\n\nHe works.', spans: ['## Offender assessment'], coverage: 'missing' },
        { name: 'the draft has no such section: the whole draft counts', text: '## Offence analysis\n\nHe was drunk.', spans: [], coverage: 'addressed' },
      ]);
    });
  });

  describe('require-if', () => {
    const pack = packWith(`
  safeguarding:
    kind: require-if
    message: Children are part of the picture but no children's services enquiry is recorded.
    options:
      if: { concept: children, negated: exclude }
      then: { concept: enquiry }
      skeleton: "Safeguarding: [enquiry and outcome]"
`);
    runTable(pack, 'safeguarding', [
      { name: 'no children mentioned', text: 'He lives alone.', spans: [], coverage: 'not-applicable' },
      { name: 'children denied', text: 'He has no children.', spans: [], coverage: 'not-applicable' },
      { name: "the person's own childhood", text: 'As a child he was in care.', spans: [], coverage: 'not-applicable' },
      { name: 'children and an enquiry', text: 'He has two children. A MASH check found nothing.', spans: [], coverage: 'addressed' },
      { name: 'children and an enquiry in another section', text: '## Offender assessment\n\nHe has a son.\n\n## Sources\n\n- Social services', spans: [], coverage: 'addressed' },
      { name: 'children without an enquiry: the message sits on the trigger', text: 'He lives with his partner and her daughter.', spans: ['daughter'], coverage: 'missing' },
    ]);

    it('offers to insert the skeleton at the end of the draft', () => {
      const text = 'He has a son.\n';
      assert.deepEqual(onlyFix(text, pack), { type: 'insert', offset: text.length, text: 'Safeguarding: [enquiry and outcome]', sectionTitle: undefined });
    });

    describe('with an anchor section', () => {
      const anchored = packWith(`
  safeguarding:
    kind: require-if
    message: No children's services enquiry is recorded.
    options:
      if: { concept: children, negated: exclude }
      then: { concept: enquiry }
      anchor: [risk]
`);
      it('puts the message on the anchor heading and points to the trigger', () => {
        const text = '## Offender assessment\n\nHe has a son.\n\n## Risk analysis\n\nLow.';
        const { result } = lintSnippet(text, anchored);
        assert.equal(result.messages.length, 1);
        const [message] = result.messages;
        assert.equal(textOf(text, message), '## Risk analysis');
        assert.equal(message.related?.length, 1);
        assert.equal(textOf(text, message.related[0].span), 'son');
        assert.match(message.related[0].message, /'son'/);
        assert.equal(message.fix, undefined, 'no skeleton, no fix');
      });
    });

    describe('leaving out answers in a sentence with another concept (notInSentenceWith)', () => {
      const hearsay = packWith(`
  safeguarding:
    kind: require-if
    message: No children's services enquiry is recorded.
    options:
      if: { concept: children, negated: exclude }
      then: { concept: enquiry, notInSentenceWith: claims }
`);
      runTable(hearsay, 'safeguarding', [
        { name: 'an enquiry known only from what he said', text: 'He has a son. He says social services are not involved.', spans: ['son'], coverage: 'missing' },
        { name: 'an enquiry in a sentence of its own', text: 'He has a son. He says he sees him weekly. A MASH check found nothing.', spans: [], coverage: 'addressed' },
      ]);
    });

    describe('fields left blank or as a placeholder (labels: filled)', () => {
      const filled = packWith(`
  alcohol:
    kind: require-topic
    message: Alcohol use is not assessed.
    options:
      topic: { concept: alcohol, labels: filled }
`);
      runTable(filled, 'alcohol', [
        { name: 'a field answered None', text: 'Alcohol: None.\n', format: 'plaintext', spans: [], coverage: 'addressed' },
        { name: 'a field left as a placeholder', text: 'Alcohol: [to complete]\n', format: 'plaintext', spans: ['Alcohol: [to complete]'], coverage: 'missing' },
        { name: 'a field left N/A', text: 'Alcohol: N/A\n', format: 'plaintext', spans: ['Alcohol: N/A'], coverage: 'missing' },
        { name: 'a field left blank at the end', text: 'He works.\n\nAlcohol:\n', format: 'plaintext', spans: ['He works.'], coverage: 'missing' },
        { name: 'a field heading with something under it', text: 'He works.\n\n**Alcohol:**\n\nTwo pints on Fridays.\n', spans: [], coverage: 'addressed' },
      ]);
    });

    describe('headings read as field labels', () => {
      const prompts = packWith(`
  reasoning:
    kind: require-if
    message: A level is given without reasoning.
    options:
      if: { concept: alcohol }
      then: { concept: challenge, labels: answered }
`);
      runTable(prompts, 'reasoning', [
        { name: 'a prompt heading left as N/A', text: 'He was drunk.\n\n## But what else?\n\nN/A\n', spans: ['drunk'], coverage: 'missing' },
        { name: 'a prompt heading with an answer under it', text: 'He was drunk.\n\n## But what else?\n\nHis work.\n', spans: [], coverage: 'addressed' },
        { name: 'a plain-text prompt left as TBC', text: 'He was drunk.\n\nBUT WHAT ELSE\nTBC\n', format: 'plaintext', spans: ['drunk'], coverage: 'missing' },
      ]);
    });

    describe('with a window of sentences', () => {
      const windowed = (window: number) =>
        packWith(`
  safeguarding:
    kind: require-if
    message: No enquiry right after the children are mentioned.
    options:
      if: { concept: children, negated: exclude }
      then: { concept: enquiry, sections: [sources] }
      window: ${window}
`);
      const text = 'He has a son. He sees him weekly. A MASH enquiry was made.';
      it('counts an answer within the window', () => {
        assert.equal(lintSnippet(text, windowed(2)).result.messages.length, 0);
      });
      it('does not count an answer beyond the window', () => {
        assert.equal(lintSnippet(text, windowed(1)).result.messages.length, 1);
      });
      it('does not apply the window when the draft has the answer section', () => {
        const withSources = 'He has a son. He sees him weekly. He works.\n\n## Sources\n\n- MASH enquiry';
        assert.equal(lintSnippet(withSources, windowed(0)).result.messages.length, 0);
      });
    });
  });

  describe('corroborate', () => {
    const rule = (extra: string) =>
      packWith(`
  sole-account:
    kind: corroborate
    message: The account rests only on what the person said.
    options:
      claims: claims
      sources: sources
      sections: [offence-analysis]
      sourceSections: [sources]
${extra}`);
    const pack = rule('');
    runTable(pack, 'sole-account', [
      { name: 'no claims in the offence analysis', text: '## Offence analysis\n\nThe offence took place on 3 May.', spans: [], coverage: 'not-applicable' },
      { name: 'a claim and a source in the same section', text: '## Offence analysis\n\nHe said he was provoked.\n\nThe CPS summary describes three punches.', spans: [], coverage: 'addressed' },
      { name: 'a claim and a source in the sources section', text: '## Offence analysis\n\nHe said he was provoked.\n\n## Sources of information\n\n- PNC', spans: [], coverage: 'addressed' },
      { name: 'a claim with no source', text: '## Offence analysis\n\nHe said he was provoked.', spans: ['He said'], coverage: 'missing' },
      { name: 'a source named only to say it was missing', text: '## Offence analysis\n\nHe said he was provoked. No CCTV was available.', spans: ['He said'], coverage: 'missing' },
      { name: 'a source in another section does not count', text: '## Offence analysis\n\nHe said he was provoked.\n\n## Risk\n\nPolice records show two call-outs.', spans: ['He said'], coverage: 'missing' },
      { name: 'a draft without headings is one passage', text: 'He said he was provoked. CCTV shows him striking first.', spans: [], coverage: 'addressed' },
      { name: 'claims outside the given sections are not checked', text: '## Offence analysis\n\nThe offence took place in May.\n\n## Offender assessment\n\nHe said he drinks.', spans: [], coverage: 'not-applicable' },
    ]);

    it('points to the other claims that rest on the account', () => {
      const text = '## Offence analysis\n\nHe said he was provoked. He described a scuffle. He states it was brief.';
      const { result } = lintSnippet(text, pack);
      assert.equal(result.messages.length, 1);
      assert.deepEqual(
        result.messages[0].related?.map((place) => textOf(text, place.span)),
        ['He described', 'He states'],
      );
    });

    describe('scope: paragraph', () => {
      const byParagraph = rule('      scope: paragraph\n');
      runTable(byParagraph, 'sole-account', [
        { name: 'the source in the same paragraph', text: '## Offence analysis\n\nHe said he was provoked; the CPS summary differs.', spans: [], coverage: 'addressed' },
        { name: 'the source only in another paragraph', text: '## Offence analysis\n\nHe said he was provoked.\n\nThe CPS summary describes three punches.', spans: ['He said'], coverage: 'missing' },
      ]);
    });

    describe('requireClaims: false', () => {
      const always = rule('      requireClaims: false\n');
      runTable(always, 'sole-account', [
        { name: 'no claims but a source', text: '## Offence analysis\n\nThe CPS summary describes three punches.', spans: [], coverage: 'addressed' },
        { name: 'no claims and no source: the message sits on the heading', text: '## Offence analysis\n\nThe offence took place on 3 May.', spans: ['## Offence analysis'], coverage: 'missing' },
      ]);
    });
  });

  describe('flag-phrase', () => {
    const pack = packWith(`
  uncritical-language:
    kind: flag-phrase
    severity: info
    message: This wording accepts the person's framing.
    options:
      phrases: uncritical
      replacements: ["described by him as out of character", "the first recorded offence of this kind"]
      unless:
        - { concept: evidence, scope: sentence }
        - { concept: challenge, scope: paragraph, when: claims }
`);
    runTable(pack, 'uncritical-language', [
      { name: 'no phrase', text: 'He hit the man twice.', spans: [] },
      { name: 'the phrase negated', text: 'It was not an isolated incident.', spans: [] },
      { name: 'evidence in the same sentence', text: 'Police records show the offence was out of character.', spans: [] },
      { name: 'the person’s words, challenged in the paragraph', text: 'He said it was out of character. However, this is his third assault.', spans: [] },
      { name: 'the phrase as the writer’s own view', text: 'The offence was out of character.', spans: ['out of character'] },
      { name: 'each use is flagged', text: 'It was an isolated incident. It was out of character.', spans: ['isolated incident', 'out of character'] },
      { name: 'a challenge without the person’s words does not excuse', text: 'It was out of character. However, he has been in trouble before.', spans: ['out of character'] },
      { name: 'evidence in another sentence does not excuse', text: 'It was out of character. Police records were checked.', spans: ['out of character'] },
    ]);

    it('carries a replace fix with the replacements', () => {
      const text = 'The offence was out of character.';
      const start = text.indexOf('out of');
      assert.deepEqual(onlyFix(text, pack), {
        type: 'replace',
        span: { start, end: start + 'out of character'.length },
        replacements: ['described by him as out of character', 'the first recorded offence of this kind'],
      });
    });

    it('has no fix without replacements, and keeps to the given sections', () => {
      const scoped = packWith(`
  uncritical-language:
    kind: flag-phrase
    message: This wording accepts the person's framing.
    options:
      phrases: uncritical
      sections: [offence-analysis]
`);
      const text = '## Offence analysis\n\nIt was out of character.\n\n## Risk\n\nAn isolated incident.';
      const { result } = lintSnippet(text, scoped);
      assert.deepEqual(
        result.messages.map((message) => [textOf(text, message), message.fix]),
        [['out of character', undefined]],
      );
    });
  });

  describe('require-section', () => {
    const pack = packWith(`
  sources-section:
    kind: require-section
    message: The report has no sources of information section.
    options:
      section: sources
      heading: Sources of information
      skeleton: "- Interview"
`);
    runTable(pack, 'sources-section', [
      { name: 'a sources section', text: '## Offence analysis\n\nx\n\n## Sources of information\n\n- Interview', spans: [], coverage: 'addressed' },
      { name: 'an older heading for the section', text: '## Offence analysis\n\nx\n\n## Information sources\n\n- Interview', spans: [], coverage: 'addressed' },
      { name: 'a plain-text heading', text: 'OFFENCE\nx\n\nSOURCES\nInterview.', format: 'plaintext', spans: [], coverage: 'addressed' },
      { name: 'a draft without headings is not judged', text: 'He hit him. He said so in interview.', spans: [], coverage: 'not-applicable' },
      { name: 'no sources section', text: '## Offence analysis\n\nx\n\n## Proposal\n\ny', spans: ['## Offence analysis'], coverage: 'missing' },
    ]);

    it('offers to append the heading and skeleton, in the draft’s own format', () => {
      const markdown = '## Offence analysis\n\nx\n';
      assert.deepEqual(onlyFix(markdown, pack), { type: 'insert', offset: markdown.length, text: '## Sources of information\n\n- Interview', sectionTitle: 'Sources of information' });
      const plain = 'OFFENCE\nx\n';
      assert.deepEqual(onlyFix(plain, pack, 'plaintext'), { type: 'insert', offset: plain.length, text: 'SOURCES OF INFORMATION\n- Interview', sectionTitle: 'Sources of information' });
    });

    it('judges drafts without headings when onlyWithHeadings is false', () => {
      const strict = packWith(`
  sources-section:
    kind: require-section
    message: The report has no sources of information section.
    options: { section: sources, onlyWithHeadings: false }
`);
      const { result } = lintSnippet('He hit him.', strict);
      assert.equal(result.messages.length, 1);
      assert.deepEqual(result.coverage.map((entry) => entry.status), ['missing']);
    });
  });
});
