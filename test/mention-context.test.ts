import assert from 'node:assert/strict';
import { AssessmentDocument, type Mention } from '../rules/core/document.js';
import { compileYaml, corePack } from './helpers.js';

/** A small pack whose concepts the tables below look for. */
const pack = compileYaml(`
name: context-tables
version: 1.0.0
terms:
  alcohol: [alcohol, drink, drunk, drinking, intoxicated]
  drugs: [drug, drugs, cannabis, cocaine]
  children: [child, children, son, daughter]
  mental-health: [depression, anxiety, mental health]
  previous-convictions: [previous convictions, previous]
`);

function mentionsIn(text: string, concept: string): Mention[] {
  const document = new AssessmentDocument(text, 'plaintext', { classifier: pack.classifier });
  return document.mentions(pack.matcher).filter((mention) => mention.concept === concept);
}

/** The one mention of a concept in the last sentence of a draft. */
function lastMention(text: string, concept: string): Mention {
  const found = mentionsIn(text, concept);
  assert.ok(found.length > 0, `no ${concept} mention in: ${text}`);
  return found[found.length - 1];
}

describe('mention context', () => {
  describe('negation: a denial or a "none" still shows the topic was considered', () => {
    const negated: Array<[string, string]> = [
      ['He denies any alcohol use.', 'alcohol'],
      ['She has no children.', 'children'],
      ['He does not drink.', 'alcohol'],
      ['He has never used drugs.', 'drugs'],
      ["He doesn't drink.", 'alcohol'],
      ['Alcohol is not an issue for him.', 'alcohol'],
      ['He has no previous convictions.', 'previous-convictions'],
      ['She denied taking cocaine.', 'drugs'],
    ];
    for (const [sentence, concept] of negated) {
      it(`negated: ${sentence}`, () => {
        const mention = lastMention(sentence, concept);
        assert.equal(mention.negated, true);
      });
    }

    const affirmed: Array<[string, string]> = [
      ['He drinks alcohol every day.', 'alcohol'],
      ['She has two children.', 'children'],
      ['He does not see his children.', 'children'],
      ['He smokes cannabis daily and has not worked since May.', 'drugs'],
      ['He was drunk at the time of the offence.', 'alcohol'],
      ['His depression has worsened since the offence.', 'mental-health'],
      ['He uses cannabis but never before work.', 'drugs'],
    ];
    for (const [sentence, concept] of affirmed) {
      it(`not negated: ${sentence}`, () => {
        const mention = lastMention(sentence, concept);
        assert.equal(mention.negated, false);
      });
    }
  });

  describe('who a mention is about', () => {
    const other: Array<[string, string]> = [
      ['The victim had been drinking.', 'alcohol'],
      ["His mother's depression has worsened.", 'mental-health'],
      ['His brother uses cannabis daily.', 'drugs'],
      ['The complainant was intoxicated.', 'alcohol'],
      ['His partner suffers from anxiety.', 'mental-health'],
      ['Her father was drunk most evenings.', 'alcohol'],
      ['The witness had taken cocaine.', 'drugs'],
      ['He was holding the bag for a friend, who he says is a heavy cocaine user.', 'drugs'],
      ['His girlfriend, who he says suffers from anxiety, is a good influence.', 'mental-health'],
    ];
    for (const [sentence, concept] of other) {
      it(`somebody else: ${sentence}`, () => {
        assert.equal(lastMention(`He is 30. He lives alone. ${sentence}`, concept).about, 'other');
      });
    }

    const person: Array<[string, string]> = [
      ['He and his friends had been drinking.', 'alcohol'],
      ['He drinks heavily at weekends.', 'alcohol'],
      ['Mr Jones has suffered from depression since 2019.', 'mental-health'],
      ['He told me that he uses cannabis daily.', 'drugs'],
      ['The defendant was intoxicated.', 'alcohol'],
      ['He was drinking with his brother.', 'alcohol'],
      ['I asked him about drugs.', 'drugs'],
      ['He was arrested by officers, who he says found him drunk.', 'alcohol'],
    ];
    for (const [sentence, concept] of person) {
      it(`the person: ${sentence}`, () => {
        assert.equal(lastMention(`He is 30. He lives alone. ${sentence}`, concept).about, 'person');
      });
    }
  });

  describe("the person's pronoun is inferred from the draft", () => {
    it('in a report about a man, "she" is somebody else', () => {
      const text = 'He is 30 and he lives with his partner. He works as a driver. She had been drinking that night.';
      assert.equal(lastMention(text, 'alcohol').about, 'other');
    });

    it('in a report about a woman, "she" is the person and "he" somebody else', () => {
      const draft = 'She is 30 and she lives with her partner. She works as a nurse.';
      assert.equal(lastMention(`${draft} She had been drinking that night.`, 'alcohol').about, 'person');
      assert.equal(lastMention(`${draft} He had been drinking that night.`, 'alcohol').about, 'other');
      assert.equal(lastMention(`${draft} She says he "just likes a drink".`, 'alcohol').about, 'other', 'a quotation does not hide who is speaking of whom');
    });

    it('when no pronoun dominates, neither is taken for somebody else', () => {
      const text = 'He said she was upset. She had been drinking.';
      assert.equal(lastMention(text, 'alcohol').about, 'person');
    });

    it('when no pronoun dominates, the title of the surname used most decides, unless its titles disagree', () => {
      const notes = 'Mr Hale pushed her. He said she was upset. He left. Mr Hale was calm. She had been drinking.';
      assert.equal(lastMention(notes, 'alcohol').about, 'other', 'Mr Hale is he, so "she" is somebody else');
      const couple = 'Mr Hale pushed Mrs Hale. He said she was upset. He left. She had been drinking.';
      assert.equal(lastMention(couple, 'alcohol').about, 'person', 'Mr and Mrs Hale share the surname, so the title says nothing');
    });

    it('a Name field in the header says whose surname is the person’s, however often others are named', () => {
      const body = '\n\nHe took his friend, Mr Lupu, to hospital. He said Mr Lupu had been drinking heavily. Mr Lupu was angry.';
      assert.equal(lastMention(`Name: Bogdan IRIMESCU (DOB 26/01/1987)${body}`, 'alcohol').about, 'other');
      const table = new AssessmentDocument(`| | |\n|---|---|\n| Name | Bogdan Irimescu |\n| Court | Marlow |${body}`, 'markdown', { classifier: pack.classifier });
      assert.equal(table.mentionsOf(pack.matcher, ['alcohol']).at(-1)?.about, 'other', 'a Name row in a Markdown table');
      assert.equal(lastMention(`Court: Marlow${body}`, 'alcohol').about, 'person', 'without the field, the surname used most is taken');
      assert.equal(lastMention(`Name: [to complete]${body}`, 'alcohol').about, 'person', 'a Name field not yet filled in says nothing');
    });

    it('a name given to another person marks that name as somebody else', () => {
      const text = 'He lives with his partner, Natalie. He works as a driver. Natalie has depression.';
      assert.equal(lastMention(text, 'mental-health').about, 'other');
    });
  });

  describe('attribution in the built-in pack', () => {
    const core = corePack();
    const concepts = (sentence: string) => {
      const document = new AssessmentDocument(sentence, 'plaintext', { classifier: core.classifier });
      return new Set(document.mentions(core.matcher).map((mention) => mention.concept));
    };

    const selfReport = [
      'He states that he was provoked.',
      'She told me she had not been drinking.',
      'In interview Mr Patel explained that he was in debt.',
      'By his own account, he was the first to strike.',
      'He maintains that the victim attacked him.',
      'According to her, the argument was about money.',
      'He said that he only pushed the man once.',
      'Mr Ali describes the incident as a scuffle.',
    ];
    for (const sentence of selfReport) {
      it(`attributed to the person: ${sentence}`, () => {
        const found = concepts(sentence);
        assert.ok(found.has('self-report'), `self-report not found; found ${[...found].join(', ')}`);
        assert.ok(!found.has('independent-source'), 'an account given by the person is not an independent source');
      });
    }

    const independent = [
      'The CPS case summary indicates that three punches were thrown.',
      'Police records show two call-outs to the address.',
      'Enquiries with Kent Police revealed no further incidents.',
      'The MG5 describes the victim being pushed to the ground.',
      'CCTV shows him striking the man twice.',
      "The victim's statement describes a sustained attack.",
      'The police summary dated 3 March lists four punches.',
      'According to the police, he was abusive on arrest.',
    ];
    for (const sentence of independent) {
      it(`an independent source: ${sentence}`, () => {
        const found = concepts(sentence);
        assert.ok(found.has('independent-source'), `independent-source not found; found ${[...found].join(', ')}`);
      });
    }

    it('the PNC records convictions, not the facts of the offence: it is no independent source', () => {
      const found = concepts('The PNC print dated 3 March lists four convictions.');
      assert.ok(found.has('previous-convictions'), `previous-convictions not found; found ${[...found].join(', ')}`);
      assert.ok(!found.has('independent-source'));
    });
  });

  describe('mention offsets and places', () => {
    it('gives each mention its exact text, sentence and unit in a CRLF draft with emoji', () => {
      const text = 'OFFENDER ASSESSMENT\r\nMr Lewandowski 🙂 drinks every day.\r\n\r\nHe has no children.\r\n';
      const document = new AssessmentDocument(text, 'plaintext', { classifier: pack.classifier });
      const mentions = document.mentions(pack.matcher);
      const drink = mentions.find((mention) => mention.concept === 'alcohol');
      assert.ok(drink);
      assert.equal(drink.text, 'drinks');
      assert.equal(text.slice(drink.start, drink.end), 'drinks');
      assert.equal(drink.unit.section.kind, 'assessment');
      const children = mentions.find((mention) => mention.concept === 'children');
      assert.ok(children);
      assert.equal(text.slice(children.start, children.end), 'children');
      assert.deepEqual(document.lines.positionAt(children.start), { line: 3, character: 10 });
    });

    it('computes mentions once per matcher and returns the same list again', () => {
      const document = new AssessmentDocument('He drinks.', 'plaintext');
      assert.equal(document.mentions(pack.matcher), document.mentions(pack.matcher));
    });
  });
});

describe('mention context: who the person is, under any of their names and descriptions', () => {
  /** A header with the person's name among other fields, then a draft that names someone else with a title more often. */
  const header = (name: string) => `Court: Linthwaite Magistrates' Court\nDefendant: ${name} (52)\nOffence: Theft\n\n`;
  const others = 'Mrs Penrose is 89. Mrs Penrose lives alone. Mrs Penrose has dementia.\n\n';

  it('reads the name field inside a paragraph of header fields (names × topics)', () => {
    const failures: string[] = [];
    const names: Array<[string, string]> = [['Kerry-Ann DOBBS', 'Ms Dobbs'], ['Gareth Wyn Jones', 'Mr Wyn Jones'], ['Siobhán Ní Bhriain', 'Ms Ní Bhriain'], ['Ægir THORSSON', 'Mr Thorsson']];
    const topics: Array<[string, string]> = [['alcohol', 'drinks heavily at weekends'], ['drugs', 'uses cannabis daily'], ['mental-health', 'has been treated for depression']];
    for (const [name, titled] of names) {
      for (const [concept, words] of topics) {
        const text = `${header(name)}${others}${titled} ${words}.`;
        if (lastMention(text, concept).about !== 'person') failures.push(`${titled} ${words}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('a word for a person after "is a" or "as a" describes the subject (descriptions × topics)', () => {
    const failures: string[] = [];
    const descriptions = ['Mr Doyle is a 38-year-old man who', 'He came across as a sensible man who', 'Mr Doyle was an only child who', 'He presents as a quiet young man who'];
    for (const description of descriptions) {
      for (const [concept, words] of [['alcohol', 'drinks most nights'], ['drugs', 'has used cannabis since his teens'], ['mental-health', 'has struggled with anxiety']]) {
        const text = `Mr Doyle is 34. He lives alone.\n\n${description} ${words}.`;
        if (lastMention(text, concept).about !== 'person') failures.push(`${description} ${words}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.equal(lastMention('Mr Doyle is 34. He lives alone.\n\nHis friend is a man who drinks most nights.', 'alcohol').about, 'other', 'a friend described is still the friend');
  });

  it('a clause opened by "neither" or "none" speaks of the people just named (openings × topics)', () => {
    const failures: string[] = [];
    const openings = ['His two sons are adults; neither', 'His brothers live nearby, but neither', 'He has two sisters. Neither', 'His friends were questioned and none'];
    for (const opening of openings) {
      for (const [concept, words] of [['alcohol', 'drinks'], ['drugs', 'uses cannabis'], ['mental-health', 'has depression']]) {
        const text = `Mr Doyle is 34. He lives alone.\n\n${opening} ${words}.`;
        if (lastMention(text, concept).about !== 'other') failures.push(`${opening} ${words}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.equal(lastMention('Mr Doyle is 34. He lives alone.\n\nHe and his brother were arrested. Both had been drinking.', 'alcohol').about, 'person', '"both" may include the person');
  });

  it('a titled name joined to the person shares the clause with them: "He and Ms Dale drink together"', () => {
    assert.equal(lastMention('Mr Doyle is 34. He lives alone. Ms Dale is his partner.\n\nHe and Ms Dale drink together most evenings.', 'alcohol').about, 'person');
    assert.equal(lastMention('Mr Doyle is 34. Mr Doyle lives with Ms Dale, his partner.\n\nMs Dale drinks most evenings.', 'alcohol').about, 'other');
  });

  it('a negation inside a relative clause is the clause\'s own: "a one-off that does not reflect"', () => {
    const core = corePack();
    for (const joiner of ['that', 'which']) {
      const text = `Mr Doyle is 34. He lives alone.\n\nI agree that this offence was a one-off ${joiner} does not reflect how he lives now.`;
      const document = new AssessmentDocument(text, 'plaintext', { lexicon: core.lexicon, classifier: core.classifier });
      const [phrase] = document.mentionsOf(core.matcher, ['uncritical-phrase']);
      assert.equal(phrase?.negated, false, joiner);
    }
  });
});
