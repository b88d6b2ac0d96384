import assert from 'node:assert/strict';
import { described, fires, grid, mentionsIn } from './mention-grid.js';

/** Why the papers were not there, as writers put it before saying whose the account is. */
const NO_PAPERS = [
  'I have not had sight of the prosecution papers',
  'The CPS papers had not been received by the time of writing',
  'The case summary was requested but has not been served',
  'No CPS file came over with the case',
  'The papers are with the court',
  'I was unable to obtain the MG5 before the hearing',
];

/** The writer saying the account that follows is the person's alone. */
const ADMISSIONS = [
  'so the following is Mr Doyle’s account',
  'so what follows is largely his account',
  'so the account of the offence that follows is the one Mr Doyle gave me',
  'so the account below is his',
  'so what follows is based on what Mr Doyle told me',
  'so the following is taken from what he told me',
  'therefore what follows about the offence is taken from what Mr Doyle told me',
  'so the account of the offence below comes from Mr Doyle himself and from the wording of the charge',
];

/** A report whose offence analysis holds one sentence, with a GP letter (a source, but not of the offence) elsewhere. */
function reportWith(offenceSentence: string): string {
  return [
    '# Pre-sentence report',
    '## Offence analysis',
    `${offenceSentence}. He said he had been provoked.`,
    '## Assessment',
    'Mr Doyle, 34, says his mood is fine, and his GP confirmed by letter that there are no concerns on his record.',
  ].join('\n\n');
}

describe('sole-account: the writer’s own word that the account is the person’s', () => {
  it('warns whatever other source is named elsewhere (reasons × admissions)', () => {
    grid(NO_PAPERS, ADMISSIONS, (reason, admission) => (fires(reportWith(`${reason}, ${admission}`), 'sole-account') ? undefined : `${reason}, ${admission}`));
  });

  it('does not warn when the same words name a source, or when the account is only planned', () => {
    const sourced = [
      'so the account of the offence is drawn from the CPS summary and his interview',
      'so what follows is compared with the police summary and his account',
      'so the following is from the CCTV and his own account',
    ];
    grid(sourced, ['The CPS summary arrived this morning'], (sentence, opening) => (fires(reportWith(`${opening}, ${sentence}`), 'sole-account') ? `${opening}, ${sentence}` : undefined));
    // The GP letter is a source (`counts` in the rule page): without an admission the draft passes.
    assert.equal(fires(reportWith('Mr Doyle told me he pushed the man once'), 'sole-account'), false);
  });
});

/** Records and papers as writers name them. */
const RECORDS = ['PNC', 'CPS papers', 'case summary', 'MG5', 'CPS bundle'];

describe('sources said not to have come, or awaited with the source inside the words', () => {
  it('"No PNC available", "no CPS papers were received" are unavailable (sources × wordings)', () => {
    const wordings = ['No {s} available at time of report.', 'No {s} was received before the hearing.', 'No {s} had been provided to me.', 'There were no {s} seen.'];
    grid(RECORDS, wordings, (record, wording) => {
      const sentence = `Mr Doyle is 30. ${wording.replace('{s}', record)}`;
      const found = [...mentionsIn(sentence, 'independent-source'), ...mentionsIn(sentence, 'previous-convictions')].filter((mention) => mention.text.toLowerCase().includes(record.split(' ')[0].toLowerCase()));
      return found.length > 0 && found.every((mention) => mention.status === 'unavailable') ? undefined : described(sentence, found, 'status');
    });
  });

  it('"no previous convictions were seen" is still an answer about the record', () => {
    for (const sentence of ['Mr Doyle is 30. No previous convictions were seen on the PNC print.', 'Mr Doyle is 30. No convictions are recorded.']) {
      const found = mentionsIn(sentence, 'previous-convictions');
      assert.ok(found.some((mention) => mention.status === 'negated' || mention.status === 'affirmed'), described(sentence, found, 'status'));
    }
  });

  it('"[run OGRS when PNC in]", "once the CPS papers arrive" are awaited (sources × wordings)', () => {
    const wordings = ['[run OGRS when {s} in]', 'I will say more once the {s} arrive.', 'Comment on this when {s} back.', 'Previous convictions to be added once the {s} lands.'];
    grid(RECORDS, wordings, (record, wording) => {
      const sentence = `Mr Doyle is 30. ${wording.replace('{s}', record)}`;
      const found = [...mentionsIn(sentence, 'independent-source'), ...mentionsIn(sentence, 'previous-convictions')];
      return found.length > 0 && found.every((mention) => mention.status === 'unavailable' || mention.status === 'placeholder') ? undefined : described(sentence, found, 'status');
    });
  });
});

describe('previous convictions: the conviction before this court', () => {
  it('"convicted after trial", "convicted by a jury", "now that he has been convicted" are the current matter (wordings × people)', () => {
    const wordings = ['{p} was convicted after trial.', '{p} was convicted following a trial at Stoke Crown Court.', '{p} was convicted by a jury on 3 May.', '{p} was convicted by magistrates.', 'The witnesses may be pressured now that {p} has been convicted.'];
    grid(wordings, ['He', 'She', 'Mr Doyle'], (wording, person) => {
      const sentence = wording.replace('{p}', wording.startsWith('{p}') || person.startsWith('Mr') ? person : person.toLowerCase());
      const counted = mentionsIn(sentence, 'previous-convictions').filter((mention) => mention.role === 'topic');
      return counted.length === 0 ? undefined : described(sentence, counted, 'role');
    });
  });

  it('a past conviction with its offence is still a record', () => {
    const found = mentionsIn('He was convicted of theft in 2015 and of burglary in 2018.', 'previous-convictions');
    assert.ok(found.some((mention) => mention.role === 'topic'), described('convicted of theft in 2015', found, 'role'));
  });
});

describe('the person’s name in a header line that holds other fields', () => {
  it('ends at a gap of spaces, a tab or the next field’s word (layouts × topics)', () => {
    const layouts = ['Name: Ryan Michael GOWLAND   Date of birth: 12/05/1993', 'Name: Ryan GOWLAND\tDOB: 12/05/1993', 'Defendant: Ryan GOWLAND DOB 12/05/1993', 'Defendant: Ryan Michael GOWLAND   Age: 31   Court: Sunderland'];
    const topics = [
      ['mental-health', 'Mr Gowland did not report any mental health concerns.'],
      ['alcohol', 'Mr Gowland says he drinks ten pints on a match day.'],
      ['drugs', 'Mr Gowland has never used cannabis or cocaine.'],
    ] as const;
    grid(layouts, topics, (layout, [concept, sentence]) => {
      const found = mentionsIn(`${layout}\nOffence: s.4 Public Order Act\n\n${sentence}`, concept);
      return found.length > 0 && found.every((mention) => mention.about === 'person') ? undefined : described(`${layout} / ${sentence}`, found, 'about');
    });
  });
});

describe('other senses: stressing a point, a drug and alcohol service, seeing someone', () => {
  it('"keen to stress" is making a point, not stress (wanting words × people)', () => {
    grid(['keen', 'anxious', 'careful', 'wanted', 'at pains'], ['He was', 'Mr Doyle was', 'She has been'], (want, who) => {
      const sentence = `${who} ${want} to stress that he is not a violent man.`;
      const counted = mentionsIn(sentence, 'mental-health').filter((mention) => mention.role === 'topic');
      return counted.length === 0 ? undefined : described(sentence, counted, 'role');
    });
    assert.ok(mentionsIn('He has been under a lot of stress since the eviction.', 'mental-health').some((mention) => mention.role === 'topic'));
  });

  it('the name of a drug and alcohol service is not the person’s drug use (services × frames), though his use still counts', () => {
    const services = ['Dyfed Drug and Alcohol Service', 'the drug and alcohol team', 'Barnsley Drug & Alcohol Service', 'the local drugs and alcohol agency'];
    const frames = ['He said he would be willing to go to {s} about his drinking.', 'A referral to {s} is proposed for his alcohol use.'];
    grid(services, frames, (service, frame) => {
      const sentence = frame.replace('{s}', service);
      const counted = mentionsIn(sentence, 'drugs').filter((mention) => mention.role === 'topic');
      return counted.length === 0 ? undefined : described(sentence, counted, 'role');
    });
    assert.ok(mentionsIn('He uses cannabis most evenings and has been referred to the drug and alcohol team.', 'drugs').some((mention) => mention.role === 'topic'));
  });

  it('"seeing" is a relationship only when the words say so (wordings × people)', () => {
    const people = ['a man', 'a woman', 'someone'];
    grid(people, ['has been seeing {x} from work', 'started seeing {x} in the summer', 'is dating {x} she met online'], (person, wording) => {
      const sentence = `Ms Doyle ${wording.replace('{x}', person)}.`;
      return mentionsIn(sentence, 'da-indicator').length > 0 ? undefined : `${sentence}: no indicator`;
    });
    grid(people, ['reported seeing {x} with a knife', 'recalled seeing {x} run off', 'CCTV shows {x} seeing off the staff'], (person, wording) => {
      const sentence = `A witness ${wording.replace('{x}', person)}.`;
      return mentionsIn(sentence, 'da-indicator').length === 0 ? undefined : `${sentence}: read as a relationship`;
    });
  });
});
