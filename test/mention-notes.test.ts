import assert from 'node:assert/strict';
import { AssessmentDocument, type Mention } from '../rules/core/document.js';
import { corePack, firedRules, lintSnippet } from './helpers.js';

/** A short report around one section: the person, the offence, the section under test, and a risk section. */
function draftWith(section: string): string {
  return [
    '# Pre-sentence report',
    '## Offence analysis',
    'Mr Doyle, 34, admits the theft. The CPS case summary and CCTV agree with his account.',
    section,
    '## Risk',
    'Risk of serious harm: low.',
  ].join('\n\n');
}

function mentionsIn(text: string, concept: string): Mention[] {
  const pack = corePack();
  const document = new AssessmentDocument(text, 'plaintext', { lexicon: pack.lexicon, classifier: pack.classifier });
  return document.mentionsOf(pack.matcher, [concept]);
}

/** Every case of a grid that went wrong, not only the first. */
function assertGrid(failures: string[], total: number): void {
  assert.ok(total > 0);
  assert.deepEqual(failures, [], `${failures.length} of ${total} cases went wrong`);
}

const RECORD_HEADINGS = ['## Previous convictions', '## Offending history', '**Previous offending**', '## Pattern of offending'];

describe('mention model: notes to self under headings and against fields', () => {
  it('a heading with only notes to self, or the offence before the court, under it addresses nothing (headings × bodies)', () => {
    const bodies = [
      'PNC – check!! [insert previous / any cautions]',
      'check PNC!! – he says "nothing major" – [insert]',
      '[insert from PNC]',
      '?? PNC',
      'Convictions: theft from shop x1 (this matter).\n\n[insert from PNC]',
      'Ask him next time and chase the PNC.',
    ];
    const failures: string[] = [];
    for (const heading of RECORD_HEADINGS) {
      for (const body of bodies) {
        const text = draftWith(`${heading}\n\n${body}`);
        if (!firedRules(lintSnippet(text, corePack()).result).includes('previous-convictions')) failures.push(`${heading} / ${body}`);
      }
    }
    assertGrid(failures, RECORD_HEADINGS.length * bodies.length);
  });

  it('a heading over something said still addresses its topic, notes or not (headings × bodies)', () => {
    const bodies = [
      'He has two cautions for shoplifting (2019 and 2021) and nothing since.',
      'Three convictions for theft between 2015 and 2019; the index offence is the fourth.',
      'He has been to court twice before, both times for fighting.',
      'Nil – the PNC print of 3 November shows no convictions or cautions.',
    ];
    const failures: string[] = [];
    for (const heading of RECORD_HEADINGS) {
      for (const body of bodies) {
        const text = draftWith(`${heading}\n\n${body}`);
        if (firedRules(lintSnippet(text, corePack()).result).includes('previous-convictions')) failures.push(`${heading} / ${body}`);
      }
    }
    assertGrid(failures, RECORD_HEADINGS.length * bodies.length);
  });

  it('a field answered with a note to self addresses nothing (labels × notes)', () => {
    const labels: Array<[string, string]> = [
      ['previous-convictions', 'Previous convictions'],
      ['alcohol', 'Alcohol'],
      ['mental-health', 'MH'],
      ['accommodation', 'Accommodation'],
    ];
    const notes = ['check PNC!!', 'ask him next time', 'confirm with GP', '[insert]', 'see offence??', 'chase CGL re tests', 'query with SPO'];
    const failures: string[] = [];
    for (const [rule, label] of labels) {
      for (const note of notes) {
        const text = draftWith(`## Assessment\n\n${label}: ${note}`);
        if (!firedRules(lintSnippet(text, corePack()).result).includes(rule)) failures.push(`${label}: ${note}`);
      }
    }
    assertGrid(failures, labels.length * notes.length);
  });

  it('a field whose answer goes on is answered, however it opens ("Alcohol: drinks at weekends")', () => {
    const text = draftWith('## Assessment\n\nAlcohol: drinks two or three pints at weekends, never alone.\n\nAccommodation: checked with the landlord, who confirms the tenancy.');
    const fired = firedRules(lintSnippet(text, corePack()).result);
    assert.ok(!fired.includes('alcohol'), fired.join(', '));
    assert.ok(!fired.includes('accommodation'), fired.join(', '));
  });
});

describe('mention model: goods in lists and convictions for theft', () => {
  it('a conviction for a theft or supply offence is a record, not stolen goods (frames × offences)', () => {
    const offences = ['shoplifting', 'theft', 'stealing from his employer', 'robbery', 'supplying cannabis', 'selling stolen goods', 'handling stolen goods'];
    const frames = ['She has two previous convictions for {x} from 2019.', 'His previous convictions are for {x}.', 'PNC: 4 convictions, mostly {x}.'];
    const failures: string[] = [];
    for (const frame of frames) {
      for (const offence of offences) {
        const sentence = frame.replace('{x}', offence);
        const found = mentionsIn(sentence, 'previous-convictions');
        if (found.length === 0 || found.some((mention) => mention.role !== 'topic')) failures.push(`${sentence} -> ${found.map((mention) => `${mention.text}:${mention.role}`).join(', ')}`);
      }
    }
    assertGrid(failures, frames.length * offences.length);
  });

  it('goods counted or measured in one list share the role of the first (frames × drinks)', () => {
    const drinks = ['vodka', 'whisky', 'lager', 'cider', 'gin', 'wine'];
    const frames = [
      'Two cases of crisps, several bottles of {x} and about £300 of cigarettes were stolen from the storeroom.',
      'He stole a laptop, a handbag from a chair and two bottles of {x}.',
      'She concealed 6 btls {x} in a foil-lined bag and passed the tills.',
      '6x btls Smirnoff {x} val £108 (Sainsbury\'s).',
    ];
    const failures: string[] = [];
    for (const frame of frames) {
      for (const drink of drinks) {
        const sentence = frame.replace('{x}', drink);
        const found = mentionsIn(sentence, 'alcohol');
        if (found.length === 0 || found.some((mention) => mention.role !== 'object')) failures.push(`${sentence} -> ${found.map((mention) => `${mention.text}:${mention.role}`).join(', ')}`);
      }
    }
    assertGrid(failures, frames.length * drinks.length);
  });

  it('what the person drinks, counted the same way, stays the topic', () => {
    for (const sentence of ['He drinks two cans of lager and several bottles of wine a week.', 'She has concealed her drinking from her family for years.', 'He buys two bottles of vodka a day.']) {
      const found = mentionsIn(sentence, 'alcohol');
      assert.ok(found.length > 0 && found.every((mention) => mention.role === 'topic'), `${sentence} -> ${found.map((mention) => `${mention.text}:${mention.role}`).join(', ')}`);
    }
  });
});

describe('mention model: who acts on a relative, and "engaged"', () => {
  const relatives = ['cousin', 'brother', 'sister', 'uncle', 'mother'];

  it('harm to a relative by someone else named as the subject is not the person’s (subjects × relatives)', () => {
    const failures: string[] = [];
    const frames = ['He says the victim had been threatening his {r}.', 'The complainant punched his {r} first.', 'Her friend assaulted his {r} outside the pub.'];
    for (const frame of frames) {
      for (const relative of relatives) {
        const sentence = `Mr Doyle is 34. He lives alone. ${frame.replace('{r}', relative)}`;
        const found = mentionsIn(sentence, 'da-indicator').filter((mention) => mention.text.includes(relative));
        if (found.length === 0 || found.some((mention) => mention.about !== 'other')) failures.push(`${sentence} -> ${found.map((mention) => `${mention.text}:${mention.about}`).join(', ')}`);
      }
    }
    assertGrid(failures, frames.length * relatives.length);
  });

  it('harm the person does to a relative stays his, however the sentence is built (frames × relatives)', () => {
    const failures: string[] = [];
    const frames = ['He punched his {r} during an argument.', 'The victim of the assault is his {r}.', 'He admits he threatened his {r}.'];
    for (const frame of frames) {
      for (const relative of relatives) {
        const sentence = `Mr Doyle is 34. ${frame.replace('{r}', relative)}`;
        const found = mentionsIn(sentence, 'da-indicator');
        if (!found.some((mention) => mention.about === 'person')) failures.push(`${sentence} -> ${found.map((mention) => `${mention.text}:${mention.about}`).join(', ')}`);
      }
    }
    assertGrid(failures, frames.length * relatives.length);
  });

  it('"engaged" with a service is not a relationship; engaged to be married is', () => {
    for (const sentence of ['He engaged well with the YJS.', 'She was polite and engaged throughout.', 'He has engaged with CGL since May.', 'He is engaged in education.']) {
      assert.deepEqual(mentionsIn(sentence, 'da-indicator').map((mention) => mention.text), [], sentence);
    }
    for (const sentence of ['He is engaged to Ms Ward.', 'He got engaged in June.', 'They have been engaged to be married since 2024.']) {
      assert.ok(mentionsIn(sentence, 'da-indicator').length > 0, sentence);
    }
  });
});
