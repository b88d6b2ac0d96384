import assert from 'node:assert/strict';
import { corePack, firedRules, lintSnippet } from './helpers.js';
import { described, fires, grid, mentionsIn } from './mention-grid.js';

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
    grid(RECORD_HEADINGS, bodies, (heading, body) => {
      const text = draftWith(`${heading}\n\n${body}`);
      return !fires(text, 'previous-convictions') ? `${heading} / ${body}` : undefined;
    });
  });

  it('a heading over something said still addresses its topic, notes or not (headings × bodies)', () => {
    const bodies = [
      'He has two cautions for shoplifting (2019 and 2021) and nothing since.',
      'Three convictions for theft between 2015 and 2019; the index offence is the fourth.',
      'He has been to court twice before, both times for fighting.',
      'Nil – the PNC print of 3 November shows no convictions or cautions.',
    ];
    grid(RECORD_HEADINGS, bodies, (heading, body) => {
      const text = draftWith(`${heading}\n\n${body}`);
      return fires(text, 'previous-convictions') ? `${heading} / ${body}` : undefined;
    });
  });

  it('a field answered with a note to self addresses nothing (labels × notes)', () => {
    const labels: Array<[string, string]> = [
      ['previous-convictions', 'Previous convictions'],
      ['alcohol', 'Alcohol'],
      ['mental-health', 'MH'],
      ['accommodation', 'Accommodation'],
    ];
    const notes = ['check PNC!!', 'ask him next time', 'confirm with GP', '[insert]', 'see offence??', 'chase CGL re tests', 'query with SPO'];
    grid(labels, notes, ([rule, label], note) => {
      const text = draftWith(`## Assessment\n\n${label}: ${note}`);
      return !fires(text, rule) ? `${label}: ${note}` : undefined;
    });
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
    grid(frames, offences, (frame, offence) => {
      const sentence = frame.replace('{x}', offence);
      const found = mentionsIn(sentence, 'previous-convictions');
      return found.length === 0 || found.some((mention) => mention.role !== 'topic') ? described(sentence, found, 'role') : undefined;
    });
  });

  it('goods counted or measured in one list share the role of the first (frames × drinks)', () => {
    const drinks = ['vodka', 'whisky', 'lager', 'cider', 'gin', 'wine'];
    const frames = [
      'Two cases of crisps, several bottles of {x} and about £300 of cigarettes were stolen from the storeroom.',
      'He stole a laptop, a handbag from a chair and two bottles of {x}.',
      'She concealed 6 btls {x} in a foil-lined bag and passed the tills.',
      '6x btls Smirnoff {x} val £108 (Sainsbury\'s).',
    ];
    grid(frames, drinks, (frame, drink) => {
      const sentence = frame.replace('{x}', drink);
      const found = mentionsIn(sentence, 'alcohol');
      return found.length === 0 || found.some((mention) => mention.role !== 'object') ? described(sentence, found, 'role') : undefined;
    });
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
    const frames = ['He says the victim had been threatening his {r}.', 'The complainant punched his {r} first.', 'Her friend assaulted his {r} outside the pub.'];
    grid(frames, relatives, (frame, relative) => {
      const sentence = `Mr Doyle is 34. He lives alone. ${frame.replace('{r}', relative)}`;
      const found = mentionsIn(sentence, 'da-indicator').filter((mention) => mention.text.includes(relative));
      return found.length === 0 || found.some((mention) => mention.about !== 'other') ? described(sentence, found, 'about') : undefined;
    });
  });

  it('harm the person does to a relative stays his, however the sentence is built (frames × relatives)', () => {
    const frames = ['He punched his {r} during an argument.', 'The victim of the assault is his {r}.', 'He admits he threatened his {r}.'];
    grid(frames, relatives, (frame, relative) => {
      const sentence = `Mr Doyle is 34. ${frame.replace('{r}', relative)}`;
      const found = mentionsIn(sentence, 'da-indicator');
      return !found.some((mention) => mention.about === 'person') ? described(sentence, found, 'about') : undefined;
    });
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

describe('mention model: who is at risk, housing words and owners', () => {
  /** A short report whose risk section holds one sentence, with a level stated. */
  const withRisk = (sentence: string) =>
    ['# Report', '## Offence analysis', 'Mr Doyle admits the offence; the CPS summary agrees.', '## Risk', `Risk of serious harm: medium. ${sentence}`].join('\n\n');

  it('people who act, are served or are sold to are not named as at risk (frames × groups)', () => {
    const frames = ['{g} stopped him in the street.', 'He wants to stay clean for {g}.', 'The supply was small scale to {g}.', 'He says he sold cannabis to {g}.'];
    const groups = ['police officers', 'his children', 'known adults', 'shop staff'];
    grid(frames, groups, (frame, group) => {
      const text = withRisk(frame.replace('{g}', group));
      return !fires(text, 'who-is-at-risk') ? frame.replace('{g}', group) : undefined;
    });
  });

  it('a group named as at risk still counts (groups × frames)', () => {
    const frames = ['The risk is to {g}.', '{g} are most at risk.', 'He poses a risk of violence to {g}.'];
    const groups = ['police officers', 'his children', 'known adults', 'shop staff'];
    grid(frames, groups, (frame, group) => {
      const text = withRisk(frame.replace('{g}', group));
      return fires(text, 'who-is-at-risk') ? frame.replace('{g}', group) : undefined;
    });
  });

  it('a RoSH level copied or left unreasoned still asks who is at risk, and a supposed victim is no one', () => {
    for (const line of ['RoSH: Low – as per previous report', 'RoSH: low [add reasoning]', 'Risk of serious harm: medium, with injuries if a victim resists.']) {
      const fired = firedRules(lintSnippet(draftWith(`## Risk assessment\n\n${line}`).replace('## Risk\n\nRisk of serious harm: low.', ''), corePack()).result);
      assert.ok(fired.includes('who-is-at-risk'), `${line}: ${fired.join(', ')}`);
    }
  });

  it('a house, an employer, a place and an address still owed are not where the person lives (sentences)', () => {
    const sentences = [
      'She felt like a prisoner in the house.',
      'He worked for the council housing department for ten years.',
      'She works for a housing association as a cleaner.',
      'The CCTV shows him staying at the scene until police arrived.',
      'He must give me his address details before the next review.',
      'She was on her way to the housing office.',
    ];
    for (const sentence of sentences) {
      const found = mentionsIn(`Mr Doyle is 30. ${sentence}`, 'accommodation').filter((mention) => mention.role === 'topic' && !['placeholder', 'not-done', 'unavailable'].includes(mention.status));
      assert.deepEqual(found.map((mention) => mention.text), [], sentence);
    }
    for (const sentence of ['He lives with his mother in a rented house.', 'Proposed address: 19 Dothill Road, his mother’s flat.', 'Both consent to him living there.', 'He is a housing association tenant.']) {
      assert.ok(mentionsIn(`Mr Doyle is 30. ${sentence}`, 'accommodation').some((mention) => mention.role === 'topic'), sentence);
    }
  });

  it('what someone else reports of themselves is theirs (speakers × topics)', () => {
    const frames = ['Ms Lyle, he says, has had {t} for years.', 'Mrs Pearce states that she has changed her route to work, has fitted a camera and has been treated for {t} since August.'];
    const topics = ['depression', 'anxiety', 'panic attacks'];
    grid(frames, topics, (frame, topic) => {
      // The draft is plainly about a man: his own pronouns outnumber hers.
      const sentence = `Mr Doyle is 30. He lives alone and he works as a driver. He was interviewed twice, and he told me about his job and his brother. ${frame.replace('{t}', topic)}`;
      const found = mentionsIn(sentence, 'mental-health').filter((mention) => mention.text.includes(topic.split(' ')[0]));
      return found.length === 0 || found.some((mention) => mention.about !== 'other') ? described(sentence, found, 'about') : undefined;
    });
    assert.ok(mentionsIn('Mr Doyle is 30. He says he has had depression for years.', 'mental-health').some((mention) => mention.about === 'person'));
  });

  it('goods taken without paying or totalled by value are objects, and the drinker in "a man he did not know, who had been drinking" is the man', () => {
    for (const sentence of ['She took four bottles of vodka and two bottles of gin (total value £118) and walked out without paying.', 'He left with three cans of lager without paying.']) {
      const found = mentionsIn(sentence, 'alcohol');
      assert.ok(found.length > 0 && found.every((mention) => mention.role === 'object'), `${sentence} -> ${found.map((mention) => `${mention.text}:${mention.role}`).join(', ')}`);
    }
    const drinker = mentionsIn('Mr Doyle is 30. A man he did not know, who had been drinking heavily, walked past.', 'alcohol');
    assert.ok(drinker.length > 0 && drinker.every((mention) => mention.about === 'other'), drinker.map((mention) => `${mention.text}:${mention.about}`).join(', '));
  });

  it('a partner named as such, a new partner or an ex-gf make domestic abuse possible; a request still to go is no enquiry', () => {
    for (const sentence of ['Telephone call with Sophie Crane (partner).', 'She has been seeing a new partner, Dean.', 'Baby daughter with his ex-gf Shanice.', 'He argued with his older brother about money.']) {
      assert.ok(mentionsIn(`Mr Doyle is 30. ${sentence}`, 'da-indicator').length > 0, sentence);
    }
    for (const sentence of ['He works with partner agencies.', 'His business partner gave a reference.']) {
      assert.deepEqual(mentionsIn(sentence, 'da-indicator').map((mention) => mention.text), [], sentence);
    }
    const request = mentionsIn('DA c/o check request to go to Essex Police.', 'da-enquiry');
    assert.ok(request.length > 0 && request.every((mention) => mention.status === 'hypothetical'), request.map((mention) => `${mention.text}:${mention.status}`).join(', '));
  });
});

describe('fields and lists written as one sentence', () => {
  it('a dash label with nothing after it is a field left blank ("Children –")', () => {
    for (const label of ['Children –', 'Children -', 'Children —']) {
      const fired = firedRules(lintSnippet(draftWith(`## Assessment\n\nAccommodation: lives alone in a rented flat.\n\n${label}\n\nETE: works full time.`), corePack()).result);
      assert.ok(fired.includes('child-safeguarding'), `${label}: ${fired.join(', ')}`);
    }
  });

  it('a self-report in another item of a sources list does not set an enquiry aside; in the same clause it does', () => {
    const partner = 'He lives with his wife of 30 years.';
    const listed = draftWith(`## Sources\n\nInterview with Mr Gill (office, 50 minutes); CPS case summary; West Midlands Police domestic abuse call-out check (no incidents recorded).\n\n## Assessment\n\n${partner}`);
    assert.ok(!firedRules(lintSnippet(listed, corePack()).result).includes('domestic-abuse-enquiry'));
    const told = draftWith(`## Assessment\n\n${partner} He told me the police domestic abuse call-out check found nothing.`);
    assert.ok(firedRules(lintSnippet(told, corePack()).result).includes('domestic-abuse-enquiry'));
  });
});

describe('the police log of the offence', () => {
  it('is how the case began, not a domestic abuse enquiry, here and where it is named again (systems × frames)', () => {
    grid(['STORM', 'Niche', 'Athena'], ['log of the call', 'incident log for this offence'], (system, log) => {
      const text = `Mr Doyle is 30. Sources: interview, CPS papers, ${system} ${log}. The ${system} log shows door staff called police.`;
      const counted = mentionsIn(text, 'da-enquiry').filter((mention) => mention.role === 'topic');
      return counted.length > 0 ? `${system} ${log}: ${counted.map((mention) => mention.text).join(', ')}` : undefined;
    });
    assert.ok(mentionsIn('Mr Doyle is 30. A STORM check for domestic abuse call-outs at the address found none.', 'da-enquiry').some((mention) => mention.role === 'topic'));
  });
});
