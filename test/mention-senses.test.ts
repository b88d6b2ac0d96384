import { fires, grid, mentionsAfterHim, shortReport, shownReadings } from './mention-grid.js';

/** Every mention of the concept in the sentence is set aside by its role, not counted as the topic. */
function setAsideByRole(sentence: string, concept: string): string | undefined {
  const found = mentionsAfterHim(sentence, concept);
  return found.length > 0 && found.every((mention) => mention.role !== 'topic') ? undefined : `${sentence} -> ${shownReadings(found)}`;
}

/** A short report whose risk section gives a level and some more text. */
function riskReport(text: string): string {
  return `# PSR\n\n## Offence analysis\n\nThe CPS summary describes the offence.\n\n## Risk of serious harm\n\nHe poses a medium risk of serious harm to the public. ${text}\n`;
}

describe('words in another sense: offence names, trades, goods, past homes', () => {
  it('the name of an offence is no drinking: "drunk & disorderly (2012)" (forms × frames)', () => {
    const names = ['drunk & disorderly', 'drunk and disorderly', 'drunk and incapable', 'drunk in charge of a child'];
    grid(['Previous convictions: two – {n} (2012), criminal damage (2017).', 'His record: {n} (1994).'], names, (frame, name) => setAsideByRole(frame.replace('{n}', name), 'alcohol'));
  });

  it('drinks as a trade and goods missing from where they were kept are not his drinking (forms)', () => {
    const lines = ['A lorry belonging to a regional drinks wholesaler was broken into.', 'He worked in the drinks industry for years.', 'The manager found whisky missing from the cellar.', 'Two bottles of gin had gone from the bar.'];
    grid(lines, ['alcohol'], (line, concept) => setAsideByRole(line, concept));
  });

  it('where he lived before is not where he lives: evicted, used to, former (forms); his home now counts', () => {
    const before = ['Evicted from Beeches Hostel in 2022 for arrears.', 'He visited the cottage he used to live in.', 'He went back to his former flat to collect post.', 'He was previously at a hostel in Hull.'];
    grid(before, ['accommodation'], (line, rule) => (fires(shortReport(line), rule) ? undefined : `${line}: counted as where he lives`));
    grid(['He was evicted in May and is now sofa surfing.', 'He lives at a hostel in Hull.'], ['accommodation'], (line, rule) => (fires(shortReport(line), rule) ? `${line}: not counted` : undefined));
  });

  it('a garage, van or unit rented is no home (things × forms)', () => {
    const things = ['a lock-up garage in Darnall', 'a van', 'a storage unit', 'a workshop'];
    grid(things, ['rented in the name of his brother', 'rented by him since May'], (thing, rented) => {
      const line = `Police traced the goods to ${thing} ${rented}.`;
      return fires(shortReport(line), 'accommodation') ? undefined : `${line}: counted as where he lives`;
    });
  });

  it('"w/" is with: "Lives w/ his dad + stepmum" records where he lives (forms)', () => {
    grid(['Lives w/ his dad + stepmum in Bettws.', 'Staying w/ his sister since bail.', 'Lives in Bramley w/ mum.'], ['accommodation'], (line, rule) => (fires(shortReport(line), rule) ? `${line}: not counted` : undefined));
  });

  it('"non-drinker" assesses his drinking (forms)', () => {
    grid(['He describes himself as a "non-drinker".', 'He is a non-drinker and always has been.'], ['alcohol'], (line, rule) => (fires(shortReport(line), rule) ? `${line}: not counted` : undefined));
  });
});

describe('who is at risk: words for people used of something else', () => {
  it('"family court", "family events", "in particular" and "male friends" name nobody at risk (forms)', () => {
    const lines = ['Risk would increase if the family court arrangements broke down.', 'He should stay away from family events where tensions are high.', 'Risk is posed to the public, in particular through supply in the community.', 'Risk is greatest when he is out with a group of male friends.'];
    grid(lines, ['who-is-at-risk'], (line, rule) => (fires(riskReport(line), rule) ? undefined : `${line}: named as at risk`));
  });

  it('what he is or hopes to be, and the company he keeps, name nobody at risk (forms)', () => {
    const lines = ['He wants to be a better dad to his two children.', 'He is a father of two.', 'Main drivers: finance, cannabis, contact w/ buyer.', 'It would increase with continued contact with the older male.'];
    grid(lines, ['who-is-at-risk'], (line, rule) => (fires(riskReport(line), rule) ? undefined : `${line}: named as at risk`));
  });

  it('somebody named only as protective, or with no risk to them, is not named at risk (forms)', () => {
    const lines = ['His partner is a protective factor.', 'His mother is a positive influence and a protective factor.', 'There is no risk to known adults.', 'Nil risk to children.'];
    grid(lines, ['who-is-at-risk'], (line, rule) => (fires(riskReport(line), rule) ? undefined : `${line}: named as at risk`));
  });

  it('a risk prompt answered with nothing inside a paragraph is no answer: "Risk factors: none identified" (prompts × rules)', () => {
    grid(['Risk factors: none identified.', 'Triggers: nil.'], ['risk-reasoning'], (line, rule) => (fires(riskReport(line), rule) ? undefined : `${line}: counted as reasoning`));
    grid(['Who is at risk: none identified.', 'Known adults: none.'], ['who-is-at-risk'], (line, rule) => (fires(riskReport(line), rule) ? undefined : `${line}: named as at risk`));
    grid(['Children: none identified. Partner: high.'], ['who-is-at-risk'], (line, rule) => (fires(riskReport(line), rule) ? `${line}: the partner did not count` : undefined));
  });

  it('people named at risk still count beside those words (forms)', () => {
    const lines = ['The risk is to his ex-partner and her family.', 'Harm is to buyers and to himself.', 'His two children are at risk of emotional harm.', 'Risk to children: low.', 'The risk is to his partner, who is also a protective factor for him.'];
    grid(lines, ['who-is-at-risk'], (line, rule) => (fires(riskReport(line), rule) ? `${line}: not counted` : undefined));
  });

  it('a level under a risk of serious harm heading applies the risk rules: "Level: MEDIUM - public" (levels)', () => {
    grid(['MEDIUM', 'HIGH', 'Low'], ['who-is-at-risk'], (level, rule) => {
      const text = `# RoSH\n\n## Offence\n\nThe police summary was read.\n\n## Risk of serious harm\n\nLevel: ${level} - public.\n`;
      return fires(text, rule) ? undefined : `Level: ${level}: the rule did not apply`;
    });
  });
});

describe('sources and enquiries: what the check was, and what it said', () => {
  it('a police record of the arrest is no domestic abuse check (records)', () => {
    const records = ['North Wales Police custody record', 'the police charge summary', 'Police arrest report'];
    grid(records, ['da-enquiry'], (record, concept) => {
      const found = mentionsAfterHim(`Sources: ${record}.`, concept);
      return found.length === 0 ? undefined : `${record} -> ${shownReadings(found)}`;
    });
  });

  it('police records in general are no domestic abuse check; police information about call-outs is (forms)', () => {
    const general = ['Police records show one caution for theft.', 'Police intelligence on his drug associates.', 'Police information (CAD log) of the offence.', 'The police have been informed.'];
    grid(general, ['da-enquiry'], (line, concept) => (mentionsAfterHim(line, concept).length === 0 ? undefined : `${line} -> ${shownReadings(mentionsAfterHim(line, concept))}`));
    const checks = ['Police information: two domestic call-outs in 2022.', 'Police checks: no DA call-outs.', 'Lancashire Police records: no call-outs to the address.'];
    grid(checks, ['da-enquiry'], (line, concept) => (mentionsAfterHim(line, concept).some((mention) => mention.status === 'affirmed' || mention.status === 'negated') ? undefined : `${line} -> ${shownReadings(mentionsAfterHim(line, concept))}`));
  });

  it('"not known to children\'s services" is the enquiry\'s answer (forms × services)', () => {
    const services = ["children's services", 'the MASH', 'Porth Gofal', 'the First Contact Service'];
    grid(['Porth Gofal confirmed that neither is known to {s}.', 'He is not known to {s}.'], services, (frame, service) => {
      const sentence = frame.replace('{s}', service);
      const found = mentionsAfterHim(sentence, 'children-services-enquiry');
      return found.length > 0 && found.some((mention) => mention.status === 'negated' || mention.status === 'affirmed') ? undefined : `${sentence} -> ${shownReadings(found)}`;
    });
  });

  it('children\'s services, a MASH or social care are no source for the account of the offence (forms)', () => {
    const draft = (line: string) => `# PSR\n\n## Sources of information\n\n- Interview\n- ${line}\n\n## Offence analysis\n\nHe states he took the goods. He states he was alone.\n`;
    grid(["Lincolnshire County Council Children's Services — not known", 'MASH check: no trace', 'Social care: not known'], ['sole-account'], (line, rule) => (fires(draft(line), rule) ? undefined : `${line}: counted as a source`));
    grid(['The telephone download, which I have read', "The officer's analysis of his phone"], ['sole-account'], (line, rule) => (fires(draft(line), rule) ? `${line}: not counted` : undefined));
  });

  it('a source still to come, or nothing else to go on, is no source (forms)', () => {
    const lines = ['[Summary to be checked against CPS papers when received.]', 'I have no information that would contradict either of these.', '[to do - update Delius, close]'];
    const draft = (line: string) => `# PSR\n\n## Offence analysis\n\nHe states he took the goods. ${line}\n`;
    grid(lines, ['sole-account'], (line, rule) => (fires(draft(line), rule) ? undefined : `${line}: counted as a source`));
  });
});

describe('layout and names: bold labels, section codes, "Re:" and tied surnames', () => {
  it('a bold line over its text is a label, and its section code is ignored: "**R10.2 Nature of risk**" (codes × wordings)', () => {
    const codes = ['R10.2', '10.2', 'S4'];
    grid(codes, ['Nature of risk', 'Who is at risk?'], (code, wording) => {
      const text = `# RoSH summary\n\n**Sources considered:** CPS summary; PNC.\n\n**R10.0 Level**\nRoSH: medium.\n\n**${code} ${wording}**\nPhysical violence, greatest when he is drinking in a group, to door staff.\n`;
      const wrong = [fires(text, 'risk-reasoning') ? 'risk-reasoning warned' : '', fires(text, 'who-is-at-risk') ? 'who-is-at-risk warned' : ''].filter(Boolean);
      return wrong.length === 0 ? undefined : `${code} ${wording}: ${wrong.join(', ')}`;
    });
  });

  it('"Re:" names the person, and the surname used with his title wins a tie: Ms Crump\'s home is hers (forms)', () => {
    const crump = 'Ms Crump said he had been calling her. Ms Crump was frightened. Ms Crump has a daughter. Ms Crump lives with her mother.';
    const bridges = 'Mr Bridges told me he was angry. Mr Bridges admits it. Mr Bridges works. Mr Bridges was arrested.';
    grid(['Re: Thomas BRIDGES, dob 19/12/1988', 'Defendant: Thomas Bridges'], [`${crump} ${bridges}`, `${bridges} ${crump}`], (header, body) => {
      const text = `${header}\n\nOFFENCE\nThe CPS summary was read. ${body} He went to the house where his former partner, Ms Leanne Crump, now lives with her mother.\n`;
      return fires(text, 'accommodation', 'plaintext') ? undefined : `${header}: her home counted as his`;
    });
  });

  it('a possessive that opens a mention says whose it is: "scared in her own home" is hers (forms)', () => {
    const lines = ['He had not thought about her being scared in her own home.', 'The victim said she no longer feels safe in her flat.'];
    grid(lines, ['accommodation'], (line, rule) => (fires(shortReport(`He works as a driver. He told me he is sorry. He says he drinks. ${line}`), rule) ? undefined : `${line}: counted as his home`));
  });

  it('"How this report was put together" opens a sources section (wordings)', () => {
    grid(['How this report was put together', 'What I have based this report on'], ['sources-section'], (wording, rule) => {
      const text = `# Report\n\n## ${wording}\n\n- Interview\n- CPS summary\n\n## Offence analysis\n\nThe CPS summary describes the offence.\n`;
      return fires(text, rule) ? `${wording}: not read as a sources section` : undefined;
    });
  });
});

describe('who the draft is about, when another person is spoken of as often', () => {
  /** A draft about Mr Armitage that speaks of Ms Armitage, his wife, as often as of him; its sentences open with "He". */
  const draft = (line: string) =>
    `# PSR\n\n## Offence analysis\n\nThe CPS summary and Ms Armitage's statement describe the offence. He moved her wages into his account and checked her phone. She says she felt trapped and she was frightened. He accepts this. He told her she could not see her sister. He says he regrets it. Ms Armitage says her sister helped her. Mr Armitage says he was worried.\n\n## Circumstances\n\nHe works as a driver. He lives alone in a rented flat. ${line}\n`;

  it('the pronoun that opens sentences says whom the draft is about: what "she" does is somebody else\'s (uses)', () => {
    grid(['She drinks heavily in the evenings.', 'He told me that she was "a drunk".', 'He says she drinks a bottle of wine most nights.'], ['alcohol'], (line, rule) => (fires(draft(line), rule) ? undefined : `${line}: counted as his drinking`));
  });

  it('a shared surname with a title of the other sex is somebody else: "Ms Armitage drank heavily" (forms)', () => {
    grid(['He told me that Ms Armitage drank heavily in the evenings.', 'Mrs Armitage has been drinking more since.'], ['alcohol'], (line, rule) => (fires(draft(line), rule) ? undefined : `${line}: counted as his drinking`));
    grid(['Mr Armitage drinks four cans a night.', 'He drinks at weekends.'], ['alcohol'], (line, rule) => (fires(draft(line), rule) ? `${line}: not counted` : undefined));
  });
});

describe('drink and drugs said of the offence, and contact with his own children', () => {
  it('"alcohol was not a factor in the offence" says nothing of his use (substances × forms)', () => {
    const forms = ['{S} was not a factor in the offence.', 'There is no indication that {s} played a part.', '{S} had no part in this offence.', '{S} was involved, the CPS says.'];
    grid(forms, [['alcohol', 'alcohol'], ['drugs', 'drugs']] as Array<[string, string]>, (form, [rule, word]) => {
      const line = form.replace('{S}', word[0].toUpperCase() + word.slice(1)).replace('{s}', word);
      return fires(shortReport(`He lives alone in a flat. ${line}`), rule) ? undefined : `${line}: counted as his ${rule}`;
    });
  });

  it('a glass thrown or used is no drinking (forms)', () => {
    grid(['He threw a pint glass at the door staff.', 'A wine glass was smashed during the argument.'], ['alcohol'], (line, rule) => (fires(shortReport(line), rule) ? undefined : `${line}: counted as his drinking`));
  });

  it('"he has no contact with his daughter" considers his children; "no checks with the MASH" is a check not made (forms)', () => {
    grid(['He has no contact with his daughter.', 'He has no contact with his children since 2021.'], ['child-safeguarding'], (line, rule) => (fires(shortReport(line), rule) ? `${line}: children not considered` : undefined));
    grid(['No contact with the MASH has been made.', 'No checks with children\'s services.'], ['children-services-enquiry'], (line, concept) => {
      const found = mentionsAfterHim(line, concept);
      return found.length > 0 && found.every((mention) => mention.status === 'not-done') ? undefined : `${line} -> ${shownReadings(found)}`;
    });
  });
});
