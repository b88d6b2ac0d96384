import { childrenToCheck, fires, grid, mentionsAfterHim, shortReport, shownReadings } from './mention-grid.js';

const TOPICS: Array<[string, string]> = [
  ['mental-health', 'MH'],
  ['mental-health', 'the anxiety he mentioned'],
  ['alcohol', 'his drinking'],
  ['drugs', 'cannabis use'],
  ['previous-convictions', 'PNC'],
  ['accommodation', 'his address'],
];

describe('shorthand notes, sources and checks: each on a grid', () => {
  it('a question mark written against a word is a note to self: "?check GP", "?ask at next appt" (frames × topics)', () => {
    const frames = ['[{t} – ?check GP]', 'Need to confirm {t} - ?ask at next appt.', '{t}: ?cover at next visit', "Didn't get to {t} – ?ask him."];
    grid(frames, TOPICS, (frame, [rule, words]) => {
      const text = shortReport(`He works as a driver. ${frame.replace('{t}', words)}`);
      return fires(text, rule) ? undefined : `${frame.replace('{t}', words)}: counted for ${rule}`;
    });
  });

  it('a question mark after a word, not against the next one, makes no note of the sentence (forms)', () => {
    const answered = ['He drinks at weekends, about six cans (is this a lot?).', 'He said he drinks at weekends (why? to relax).'];
    grid(answered, ['alcohol'], (sentence, concept) => {
      const found = mentionsAfterHim(sentence, concept);
      return found.some((mention) => mention.status !== 'placeholder') ? undefined : `${sentence} -> ${shownReadings(found)}`;
    });
  });

  it('a source promised or not printed is no source: "to follow", "still not printed" (sources × phrasings)', () => {
    const sources: Array<[string, string]> = [['independent-source', 'Cumbria Constab police summary'], ['independent-source', 'The CPS papers'], ['independent-source', 'MG5'], ['previous-convictions', 'PNC'], ['previous-convictions', 'The PNC printout']];
    const phrasings = ['{s} - to follow.', '{s} to follow.', '{s} still not printed.', 'NOTE TO SELF: {s} still not printed – do before Weds.'];
    grid(phrasings, sources, (phrasing, [concept, source]) => {
      const sentence = phrasing.replace('{s}', source);
      const found = mentionsAfterHim(sentence, concept);
      return found.length > 0 && found.every((mention) => ['unavailable', 'placeholder', 'requested'].includes(mention.status)) ? undefined : `${sentence} -> ${shownReadings(found)}`;
    });
  });

  it('a clause that opens with "when" and holds the mention is that clause\'s subject\'s (others × topics)', () => {
    const others = ['Ms Cooper', 'his partner', 'his mother', 'the victim'];
    const topics: Array<[string, string]> = [['alcohol', 'has been drinking'], ['drugs', 'has used cannabis'], ['mental-health', 'is depressed']];
    grid(others, topics, (other, [concept, words]) => {
      const sentence = `He states that ${other} drinks heavily and they argue mainly when she ${words}.`;
      const found = mentionsAfterHim(sentence, concept).filter((mention) => sentence.indexOf(mention.text) > sentence.indexOf('when'));
      return found.length > 0 && found.every((mention) => mention.about === 'other') ? undefined : `${sentence} -> ${shownReadings(found)}`;
    });
  });

  it('what he does in his own clause after a "when" clause stays his (forms)', () => {
    const his = ['When she was a teenager he drank heavily.', 'He drinks more when he is stressed.'];
    grid(his, ['alcohol'], (sentence, concept) => {
      const found = mentionsAfterHim(sentence, concept);
      return found.length > 0 && found.every((mention) => mention.about === 'person') ? undefined : `${sentence} -> ${shownReadings(found)}`;
    });
  });
});

describe('shorthand in rules: what counts and what does not', () => {
  it('his own childhood "as a kid" is not children in his life (conditions × forms)', () => {
    const forms = ['Diagnosed {c} as a kid, not medicated as an adult.', 'He was diagnosed with {c} as a young kid.'];
    grid(forms, ['ADHD', 'dyslexia', 'asthma'], (form, condition) => {
      const text = shortReport(`He lives alone in a rented flat. ${form.replace('{c}', condition)}`);
      return fires(text, 'child-safeguarding') ? undefined : `${form.replace('{c}', condition)}: counted as children considered`;
    });
  });

  it('"lives locally" or "lives in Leeds" alone says neither what the home is nor with whom; with more it counts (forms × towns)', () => {
    const towns = ['Leeds', 'Harehills', 'Cardiff', 'England'];
    const bare = ['Lives locally.', 'He lives locally and works in town.', 'He lives nearby.', ...towns.flatMap((town) => [`He lives in ${town}.`, `He has lived in ${town} since 2009.`])];
    const more = ['He lives locally with his mother.', 'Lives locally in a rented flat.', 'He lives alone nearby.', 'He lives in a flat.', 'He jointly owns a terraced house with Ms Dale.', 'They jointly own a two-bedroom terraced house.',
      ...towns.flatMap((town) => [`He lives in ${town} with his parents.`, `She lives in ${town}, alone.`, `He lives in ${town} in his grandmother's house.`])];
    grid(bare, ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? undefined : `${sentence}: counted as his accommodation`));
    grid(more, ['accommodation'], (sentence, rule) => (fires(shortReport(sentence), rule) ? `${sentence}: not counted` : undefined));
  });

  it('"sibs" are siblings: younger sibs with ages are children at home (forms × ages)', () => {
    const forms = ['Lives w/ mum + 2 younger sibs ({a})', 'Lives with mum and sibs ({a}) in a council house'];
    grid(forms, ['12 and 15', '9, 11', '6'], (form, ages) => {
      const wrong = childrenToCheck(shortReport(`${form.replace('{a}', ages)}.`));
      return wrong.length === 0 ? undefined : `${form.replace('{a}', ages)}: ${wrong.join(', ')}`;
    });
  });

  it('shorthand for what raises or lowers the risk is reasoning: "Would go up if…", "Down if…" (forms)', () => {
    const reasons = ['Would go up if drinking + feels wronged again.', 'Down if stays away + cuts drinking.', 'Goes up when he is drinking.'];
    const risk = (line: string) => `# Fast delivery report\n\n## Offence\n\nThe police summary was read.\n\n## Risk\n\nRoSH: LOW. ${line}\n`;
    grid(reasons, ['risk-reasoning'], (line, rule) => (fires(risk(line), rule) ? `${line}: not counted as reasoning` : undefined));
    grid(['Nothing further to add.'], ['risk-reasoning'], (line, rule) => (fires(risk(line), rule) ? undefined : `${line}: counted as reasoning`));
  });

  it('a heading over only a source still awaited takes its status: nothing known yet (headings × awaited sources)', () => {
    const headings = ['PREVIOUS CONVICTIONS', '## Previous convictions', '**Offending history**'];
    const awaited = ['[PNC to follow - add when printed]', 'PNC requested, not yet received.', 'PNC - to follow'];
    grid(headings, awaited, (heading, line) => {
      const text = `# PSR\n\n## Offence analysis\n\nThe CPS summary describes the offence.\n\n${heading}\n\n${line}\n`;
      return fires(text, 'previous-convictions') ? undefined : `${heading} / ${line}: counted as his record`;
    });
  });

  it('an enquiry requested under its heading still counts as made (headings × requests)', () => {
    const text = (heading: string, line: string) => `# PSR\n\n## Offence analysis\n\nThe CPS summary describes the offence. He has a partner, Ms Dunn.\n\n${heading}\n\n${line}\n`;
    grid(['## Domestic abuse enquiries', '**DA checks**'], ['Requested from Lancashire Police on 3/11.', 'Call-out check requested, awaited.'], (heading, line) =>
      fires(text(heading, line), 'domestic-abuse-enquiry') ? `${heading} / ${line}: the request did not count` : undefined,
    );
  });

  it('a condition is no record of where he lives; a plan after the condition is (conditions × arrangements)', () => {
    const arrangements = ['living with Mr Jenkins', 'living with his ex-partner', 'staying with his mother'];
    grid(['It would increase if she resumed {a}.', 'Risk would rise if he went back to {a}.', 'unless he is {a}'], arrangements, (frame, arrangement) => {
      const line = frame.replace('{a}', arrangement);
      return fires(shortReport(`He works as a driver. ${line}`), 'accommodation') ? undefined : `${line}: counted as where he lives`;
    });
    grid(['If released, he will be {a}.', 'If given a curfew, he would be {a} at her flat.'], arrangements, (frame, arrangement) => {
      const line = frame.replace('{a}', arrangement);
      return fires(shortReport(`He works as a driver. ${line}`), 'accommodation') ? `${line}: the plan did not count` : undefined;
    });
  });

  it('a count of previous convictions in shorthand addresses them: "One previous: possession (2020)" (counts)', () => {
    grid(['One', 'Two', 'Several', 'Numerous'], ['previous-convictions'], (count, rule) => {
      const text = shortReport(`${count} previous: possession of cannabis (2020) - conditional discharge.`);
      return fires(text, rule) ? `${count} previous: not counted` : undefined;
    });
  });

  it('a housing office damaged is no source; a housing officer who confirmed is one (forms)', () => {
    const draft = (line: string) => `# PSR\n\n## Offence analysis\n\nHe states he lit the fire. He states he was drunk.\n\n## Previous convictions\n\nPNC shows 9 previous convictions. ${line}\n`;
    grid(['The 2019 offence was damage to a housing office in Bransholme.', 'He damaged the housing offices in 2011.'], ['sole-account'], (line, rule) => (fires(draft(line), rule) ? undefined : `${line}: counted as a source`));
    grid(['His housing officer confirmed the neighbours\' complaints about the fire.'], ['sole-account'], (line, rule) => (fires(draft(line), rule) ? `${line}: not counted` : undefined));
  });

  it('a drug and alcohol service named is no assessment of either (services × concepts)', () => {
    const services = ['Horizon (Blackpool drug and alcohol service) keyworker Steve - update by phone.', 'He is due to see the Dyfed Drug and Alcohol Service.', 'Referral made to the local drug & alcohol team.'];
    grid(services, ['alcohol', 'drugs'], (line, concept) => {
      const found = mentionsAfterHim(line, concept);
      return found.length > 0 && found.every((mention) => mention.role === 'other-sense') ? undefined : `${line} -> ${shownReadings(found)}`;
    });
  });

  it('"Where this information comes from" opens a sources section (wordings)', () => {
    const wordings = ['Where this information comes from', 'Where the information comes from', 'What this report is based on'];
    grid(wordings, ['sources-section'], (wording, rule) => {
      const text = `# Report\n\n## ${wording}\n\n- Interview\n- CPS summary\n\n## Offence analysis\n\nThe CPS summary describes the offence.\n`;
      return fires(text, rule) ? `${wording}: not read as a sources section` : undefined;
    });
  });
});

describe('local names for children\'s services, and a name given again before the outcome', () => {
  const SERVICES = ['Swansea Child and Family Services', 'Hackney Children and Families Service', 'the Integrated Access and Referral Team', 'i-ART', 'the Multi-Agency Contact Hub', 'the Contact and Referral Team', "the Children's Hub"];

  it('each is an enquiry with children\'s services when made (services × outcomes)', () => {
    grid(SERVICES, ['check – received 10/01, no involvement.', 'responded: no current involvement.'], (service, outcome) => {
      const found = mentionsAfterHim(`${service} ${outcome}`, 'children-services-enquiry');
      return found.length > 0 && found.every((mention) => mention.status === 'affirmed') ? undefined : `${service} ${outcome} -> ${shownReadings(found)}`;
    });
  });

  it('the outcome after a short name between dashes and a colon still speaks of the service (services × names)', () => {
    const renamings = ['– FAST: not requested.', '– CART: not requested.', '– Front Door: not requested.'];
    grid(SERVICES, renamings, (service, renaming) => {
      const found = mentionsAfterHim(`He saw them most days. ${service} ${renaming}`, 'children-services-enquiry');
      return found.length > 0 && found.every((mention) => mention.status === 'not-done') ? undefined : `${service} ${renaming} -> ${shownReadings(found)}`;
    });
  });
});
