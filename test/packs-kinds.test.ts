import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULE_KINDS } from '../rules/kinds/index.js';
import { compileYaml, lintSnippet, REPO_ROOT, textOf } from './helpers.js';

const HEAD = 'name: team\nversion: 1.0.0\n';

/** The texts a rule's messages cover in a snippet. */
function flagged(text: string, yaml: string, ruleId: string): string[] {
  const { result } = lintSnippet(text, compileYaml(yaml));
  return result.messages.filter((message) => message.ruleId === ruleId).map((message) => textOf(text, message));
}

describe('packs: rule kinds for teams', () => {
  describe('max-length', () => {
    const pack = (options: string) => `${HEAD}rules:\n  long:\n    kind: max-length\n    message: Too long.\n    options: ${options}\n`;
    const text = '## Offence analysis\n\nOne two three four five six. One two three.\n\n- one two three four five six seven\n\n## Proposal\n\nOne two three four five six seven eight.';

    it('flags each sentence over the limit, in paragraphs and list items', () => {
      assert.deepEqual(flagged(text, pack('{ unit: sentence, max: 5 }'), 'long'), ['One two three four five six.', 'one two three four five six seven', 'One two three four five six seven eight.']);
    });

    it('flags paragraphs by their total words, and keeps to the given sections', () => {
      assert.deepEqual(flagged(text, pack('{ unit: paragraph, max: 8 }'), 'long'), ['One two three four five six. One two three.']);
      assert.deepEqual(flagged(text, pack('{ unit: sentence, max: 5, sections: [proposal] }'), 'long'), ['One two three four five six seven eight.']);
      assert.deepEqual(flagged('One two three four five six seven.', pack('{ unit: sentence, max: 5, sections: [proposal] }'), 'long'), []);
    });

    it('does not count headings', () => {
      assert.deepEqual(flagged('## One two three four five six seven\n\nShort.', pack('{ unit: sentence, max: 3 }'), 'long'), []);
    });
  });

  describe('forbid-in-section', () => {
    const pack = `${HEAD}terms:\n  proposal: [i propose, community order]\nrules:\n  early-proposal:\n    kind: forbid-in-section\n    message: Keep the proposal for the proposal section.\n    options:\n      phrases: proposal\n      sections: [offence-analysis, history]\n      replacements: [the proposal below]\n`;
    const text = '## Offence analysis\n\nI propose a community order.\n\n## Proposal\n\nI propose a community order.';

    it('flags the phrases only in the given section kinds, with a replace fix', () => {
      const { result } = lintSnippet(text, compileYaml(pack));
      const messages = result.messages.filter((message) => message.ruleId === 'early-proposal');
      assert.deepEqual(messages.map((message) => textOf(text, message)), ['I propose', 'community order']);
      assert.deepEqual(messages[0].fix, { type: 'replace', span: { start: messages[0].start, end: messages[0].end }, replacements: ['the proposal below'] });
    });

    it('finds nothing in a draft without those sections', () => {
      assert.deepEqual(flagged('I propose a community order.', pack, 'early-proposal'), []);
    });

    it('needs at least one section kind', () => {
      assert.throws(() => compileYaml(pack.replace('sections: [offence-analysis, history]', 'sections: []')), /sections/);
    });
  });

  describe('flag-phrase replacements', () => {
    it('become fix data the editor turns into a quick fix', () => {
      const pack = `${HEAD}terms:\n  label: [=offender]\nrules:\n  person-first:\n    kind: flag-phrase\n    message: Use person-first language.\n    options: { phrases: label, replacements: [person on probation, the person] }\n`;
      const text = 'The offender lives alone. His offending began at 15.';
      const { result } = lintSnippet(text, compileYaml(pack));
      assert.equal(result.messages.length, 1);
      const [message] = result.messages;
      assert.equal(textOf(text, message), 'offender');
      assert.deepEqual(message.fix, { type: 'replace', span: { start: 4, end: 12 }, replacements: ['person on probation', 'the person'] });
    });
  });

  describe('require-if across sections', () => {
    const pack = `${HEAD}terms:
  weapon: [knife, blade]
  weapon-check: [weapons intelligence|check]
rules:
  weapon-check:
    kind: require-if
    message: A weapon was involved but no weapons intelligence check is recorded.
    options:
      if: { concept: weapon, sections: [offence-analysis] }
      then: { concept: weapon-check, sections: [sources] }
      anchor: [sources]
`;

    it('fires when the trigger in one section has no answer in the other, pointing to both', () => {
      const text = '## Offence analysis\n\nHe carried a knife.\n\n## Sources of information\n\n- CPS summary';
      const { result } = lintSnippet(text, compileYaml(pack));
      const message = result.messages.find((candidate) => candidate.ruleId === 'weapon-check');
      assert.ok(message);
      assert.equal(textOf(text, message), '## Sources of information');
      assert.equal(textOf(text, message.related![0].span), 'knife');
    });

    it('is satisfied by the answer in the other section, and ignores the answer in the wrong one', () => {
      assert.deepEqual(flagged('## Offence analysis\n\nHe carried a knife.\n\n## Sources of information\n\n- Weapons intelligence check', pack, 'weapon-check'), []);
      assert.equal(flagged('## Offence analysis\n\nHe carried a knife; a weapons intelligence check was made.\n\n## Sources of information\n\n- CPS summary', pack, 'weapon-check').length, 1);
    });
  });

  it('every kind has a docs page with its options and an example', () => {
    for (const [name, kind] of Object.entries(RULE_KINDS)) {
      const file = path.join(REPO_ROOT, 'docs', 'kinds', `${name}.md`);
      assert.ok(existsSync(file), `docs/kinds/${name}.md is missing`);
      const page = readFileSync(file, 'utf8');
      for (const option of Object.keys((kind.options as unknown as { properties: object }).properties)) assert.match(page, new RegExp(`\`${option}\``), `docs/kinds/${name}.md does not describe ${option}`);
      assert.match(page, new RegExp(`kind: ${name}`), `docs/kinds/${name}.md has no example rule`);
    }
  });
});
