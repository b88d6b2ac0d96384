import assert from 'node:assert/strict';
import { childrenToCheck, described, fires, grid, mentionsAfterHim, mentionsIn, shortReport } from './mention-grid.js';
import { parseSentences } from '../rules/core/sentences.js';

const SUBSTANCES = ['drug', 'drugs', 'illicit drug', 'class A drug', 'street drugs'];

describe('"other" as a word for people, and as a word for things', () => {
  it('"any other drug" is still the person\'s own: "other" names nobody (quantifiers × substances)', () => {
    const frames = ['He has never used any other {s}.', 'She denies using any other {s}.', 'He says he has tried no other {s}.', 'Apart from cannabis he has not used other {s}.'];
    grid(frames, SUBSTANCES, (frame, substance) => {
      const sentence = frame.replace('{s}', substance);
      const found = mentionsIn(sentence, 'drugs');
      return found.length > 0 && found.every((mention) => mention.about === 'person') ? undefined : described(sentence, found, 'about');
    });
  });

  it('"others" as written still names other people (frames × substances)', () => {
    const frames = ['He says others in the flat use {s}.', 'Others at the party were using {s}, he said.'];
    grid(frames, ['heroin', 'cocaine', 'cannabis'], (frame, substance) => {
      const sentence = frame.replace('{s}', substance);
      const found = mentionsIn(sentence, 'drugs');
      return found.length > 0 && found.every((mention) => mention.about === 'other') ? undefined : described(sentence, found, 'about');
    });
  });
});

const RELATIVES = ['sister', 'brother', 'half-sister', 'stepbrother', 'nephew', 'niece', 'cousin'];
const NAMED_AGES = ['{k}, Sophie (15)', '{k} Sophie, 15,', '{k}, Kai (9)', '{k} Amy (12)', '{k} 14'];

describe('younger relatives named before their age', () => {
  it('a name may stand between the relative and the age: children to consider and to check (relatives × forms)', () => {
    grid(RELATIVES, NAMED_AGES, (kin, form) => {
      const wrong = childrenToCheck(shortReport(`He lives with his mother and his ${form.replace('{k}', kin)} in a council house.`));
      return wrong.length === 0 ? undefined : `${form.replace('{k}', kin)}: ${wrong.join(', ')}`;
    });
  });

  it('a number that counts something else, or a sum of money, is no age (relatives × counts)', () => {
    const counts = ['owes his {k} approx £2,000', 'says his {k} got 15 months', 'lives 2 miles from his {k}', 'said his {k} was 15 minutes late', 'paid his {k} $5 a week', 'says his {k} has 3 convictions'];
    grid(RELATIVES, counts, (kin, count) => {
      const text = shortReport(`He ${count.replace('{k}', kin)}.`);
      return fires(text, 'child-safeguarding') && !fires(text, 'safeguarding-enquiry') ? undefined : `${count.replace('{k}', kin)}: read as a child`;
    });
  });

  it('a sum of money is one word, still a quantity, with its sign inside its range', () => {
    const text = 'He stole £300 of cigarettes and owes £ 40.';
    const [sentence] = parseSentences(text, (offset) => offset);
    const sum = sentence.words.find((word) => word.norm.includes('300'));
    assert.equal(sum?.norm, '£300');
    assert.equal(sum?.quantity, true);
    assert.equal(text.slice(sum.start, sum.end), '£300');
    // A sign apart from its figures is not part of them.
    assert.equal(sentence.words.find((word) => word.norm.includes('40'))?.norm, '40');
  });
});

describe('"resident": where he lives, or other people', () => {
  it('"resident at" or "resides" is his accommodation; "local residents" are other people (forms)', () => {
    const his = ['He is resident at the Elm Road hostel.', 'He resides with his aunt in Luton.', 'He has resided at the same address since 2019.', 'He is resident in a bail hostel.'];
    const others = ['The burglaries targeted local residents.', 'He is a risk to other residents whose property may be targeted.', 'Residents of the street complained about noise.'];
    grid(his, ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? `${sentence}: not counted` : undefined));
    grid(others, ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? undefined : `${sentence}: counted as his home`));
  });
});

/** Whose each mention of a concept in the last sentence is, in a draft about him. */
function ownersAfterHim(sentence: string, concept: string): string[] {
  return mentionsAfterHim(sentence, concept).map((mention) => mention.about);
}

describe('a possessive pronoun of another thing, and a named speaker', () => {
  const DRUGS = ['ketamine', 'cocaine', 'cannabis', 'MDMA', 'crack'];

  it('"the victim was off his face on ketamine": the pronoun owns the face, the victim is the subject (others × drugs)', () => {
    const others = ['The victim', 'The complainant', 'His cousin', 'The other man', 'Her brother'];
    grid(others, DRUGS, (other, drug) => {
      const sentence = `${other} was off his face on ${drug} that night.`;
      const owners = ownersAfterHim(sentence, 'drugs');
      return owners.length > 0 && owners.every((owner) => owner === 'other') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });

  it('"his use of cocaine", "his heavy use", and his own things stay his (frames × drugs)', () => {
    const frames = ['His partner reports his use of {d} at weekends.', 'His mother is worried about his heavy {d} use.', 'He spends his benefits on {d}.', 'In his view, {d} is not a problem for him.'];
    grid(frames, DRUGS, (frame, drug) => {
      const sentence = frame.replace('{d}', drug);
      const owners = ownersAfterHim(sentence, 'drugs');
      return owners.length > 0 && owners.every((owner) => owner === 'person') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });

  it('a speaker of the other sex, named with a title, is somebody else ("Mrs Pearce states that she…") (titles × topics)', () => {
    const speakers = ['Mrs Pearce', 'Ms Ahmed', 'Miss Kaur', 'Mrs Jo Pearce'];
    const topics: Array<[string, string]> = [['mental-health', 'has been prescribed medication for anxiety by her GP'], ['alcohol', 'has been drinking more since the incident'], ['drugs', 'has used cannabis to cope']];
    grid(speakers, topics, (speaker, [concept, words]) => {
      const sentence = `${speaker} states that she has changed her route to work and ${words}.`;
      const owners = ownersAfterHim(sentence, concept);
      return owners.length > 0 && owners.every((owner) => owner === 'other') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });
});

describe('shorthand entries for somebody else, and asides about them', () => {
  const KIN = ['brother', 'sister', 'mum', 'dad', 'cousin', 'partner', 'uncle'];
  const USES: Array<[string, string]> = [['drugs', 'long-term heroin user'], ['alcohol', 'heavy drinker'], ['mental-health', 'depression, on sertraline']];

  it('"Older brother Gary - long-term heroin user": a short entry for somebody else, then a dash (kin × uses)', () => {
    const entries = ['Older {k} Gary - {u}.', '{K} – {u}.', 'His {k} Steve (58) - {u}, sees him weekly.'];
    grid(entries.flatMap((entry) => KIN.map((kin) => entry.replace('{k}', kin).replace('{K}', kin[0].toUpperCase() + kin.slice(1)))), USES, (entry, [concept, use]) => {
      const sentence = entry.replace('{u}', use);
      const owners = ownersAfterHim(sentence, concept);
      return owners.length > 0 && owners.every((owner) => owner === 'other') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });

  it('an entry that is about him stays his: a verb, a pronoun or no word for anyone else before the dash (forms × uses)', () => {
    const his = ['Lives with partner – {u} at weekends.', 'Partner Jess – he says he is a {u}.', 'Health – {u}.'];
    grid(his, [['alcohol', 'heavy drinker'], ['drugs', 'heroin user']] as Array<[string, string]>, (form, [concept, use]) => {
      const sentence = form.replace('{u}', use);
      const owners = ownersAfterHim(sentence, concept);
      return owners.length > 0 && owners.every((owner) => owner === 'person') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });

  it('"His father, who he has started seeing again, is a heavy drinker": the aside\'s pronoun is not the subject (kin × uses)', () => {
    grid(KIN, USES, (kin, [concept, use]) => {
      const sentence = `His ${kin}, who he has recently started seeing again, has ${use.startsWith('depression') ? use : `been a ${use}`} for years.`;
      const owners = ownersAfterHim(sentence, concept);
      return owners.length > 0 && owners.every((owner) => owner === 'other') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });

  it('his own children with an age in shorthand are children to check: "1 x daughter (7)" (children × forms)', () => {
    const forms = ['1 x {c} (7) lives w/ mum in Bramley', 'Has a {c} Kai 4, sees him weekends', '{c} (12) stays alt weekends'];
    grid(['daughter', 'son', 'stepson'], forms, (child, form) => {
      const wrong = childrenToCheck(shortReport(`${form.replace('{c}', child)}.`));
      return wrong.length === 0 ? undefined : `${form.replace('{c}', child)}: ${wrong.join(', ')}`;
    });
  });
});

describe('the victim named by a copula as his relative or partner', () => {
  const VICTIMS = ['The victim', 'The complainant', 'The injured party'];
  const RELATIONS = ['his ex', 'his former partner', 'his ex-partner', 'his brother', 'his mother', 'his girlfriend'];

  it('"the victim is his ex-partner" makes domestic abuse possible: the possessive after the copula says whose (victims × relations)', () => {
    grid(VICTIMS, RELATIONS, (victim, relation) => {
      const sentence = `${victim} is ${relation}.`;
      const owners = ownersAfterHim(sentence, 'da-indicator');
      return owners.length > 0 && owners.every((owner) => owner === 'person') ? undefined : `${sentence} -> ${owners.join(', ') || '(no mention)'}`;
    });
  });

  it('somebody else acting on his relative is still their act (victims × relations)', () => {
    grid([...VICTIMS, 'His neighbour'], ['threatening his cousin', 'assaulting his brother'], (victim, act) => {
      const sentence = `${victim} had been ${act} for weeks.`;
      const owners = ownersAfterHim(sentence, 'da-indicator');
      return owners.every((owner) => owner === 'other') ? undefined : `${sentence} -> ${owners.join(', ')}`;
    });
  });

  it('"he has been with Ms Dunn for six years" is a relationship; "with the same employer" is not (forms)', () => {
    const together = ['He has been with Ms Dunn for six years.', 'He has been with her since 2019.', 'She has been with Mr Kaur for two years.'];
    grid(together, ['da-indicator'], (sentence, concept) => (ownersAfterHim(sentence, concept).length > 0 ? undefined : `${sentence}: no relationship found`));
    grid(['He has been with the same employer for six years.', 'He has been with the agency since 2019.'], ['da-indicator'], (sentence, concept) => (ownersAfterHim(sentence, concept).length === 0 ? undefined : `${sentence}: read as a relationship`));
  });
});
