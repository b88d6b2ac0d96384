import assert from 'node:assert/strict';
import type { MentionRole, MentionStatus } from '../rules/core/contracts.js';
import { AssessmentDocument, type Mention } from '../rules/core/document.js';
import { corePack, firedRules, lintSnippet } from './helpers.js';

/** Sentences that make "he" the person the draft is about. */
const ABOUT_HIM = 'Mr Doyle is 34. He lives alone and he works as a driver. He was interviewed twice.\n\n';

function mentionsAfter(prefix: string, text: string, concept: string, format: 'markdown' | 'plaintext' = 'plaintext'): Mention[] {
  const pack = corePack();
  const document = new AssessmentDocument(prefix + text, format, { lexicon: pack.lexicon, classifier: pack.classifier });
  return document.mentionsOf(pack.matcher, [concept]).filter((mention) => mention.start >= prefix.length);
}

/** Every case of a grid that went wrong, not only the first. */
function assertGrid(failures: string[], total: number): void {
  assert.ok(total > 0);
  assert.deepEqual(failures, [], `${failures.length} of ${total} cases went wrong`);
}

/** Runs `frames × fillers`, expecting every mention of `concept` in each sentence to have one of `statuses` (or `roles`). */
function grid(frames: string[], fillers: Array<[string, string]>, expect: { statuses?: MentionStatus[]; roles?: MentionRole[] }): void {
  const failures: string[] = [];
  for (const frame of frames) {
    for (const [concept, words] of fillers) {
      const sentence = frame.replaceAll('{x}', words);
      const found = mentionsAfter(ABOUT_HIM, sentence, concept);
      if (found.length === 0) failures.push(`${sentence} -> no ${concept} mention`);
      for (const mention of found) {
        if (expect.statuses && !expect.statuses.includes(mention.status)) failures.push(`${sentence} -> '${mention.text}' is ${mention.status}`);
        if (expect.roles && !expect.roles.includes(mention.role)) failures.push(`${sentence} -> '${mention.text}' is ${mention.role}`);
      }
    }
  }
  assertGrid(failures, frames.length * fillers.length);
}

const CHECKS: Array<[string, string]> = [
  ['da-enquiry', 'Police DA checks'], ['da-enquiry', 'the domestic abuse call-out check'], ['children-services-enquiry', 'the MASH check'],
  ['children-services-enquiry', "the children's services enquiry"], ['previous-convictions', 'PNC'], ['independent-source', 'the CPS papers'],
];

describe('mention model: more classes, each on a grid', () => {
  it('a check still to do is not done: "to request", "TO DO", "not needed" after it (checks × phrasings)', () => {
    grid(['{x} - to request', '{x} - TO DO', '{x}: to chase', '{x} not needed.', '{x} - to do before sentence'], CHECKS, { statuses: ['not-done', 'placeholder'] });
  });

  it('a field of things still to do lists what is not done (labels × checks)', () => {
    const labels = ['TO DO before Fri:', 'To do:', 'Outstanding:', 'Still to do:'];
    grid(labels.map((label) => `${label} {x}, interview notes, risk.`), CHECKS, { statuses: ['placeholder'] });
  });

  it('a source awaited after it is not available: "when it comes", "once they are in" (sources × phrasings)', () => {
    const sources: Array<[string, string]> = [['independent-source', 'the MG5'], ['independent-source', 'the CPS papers'], ['independent-source', 'the case summary'], ['previous-convictions', 'the PNC']];
    grid(['Check the figures against {x} when it comes.', 'I will compare his account with {x} once they are in.', 'To be revised with {x} when it arrives.'], sources, { statuses: ['unavailable'] });
  });

  it('goods found, confirmed or named before a supply word are objects (frames × substances)', () => {
    const substances: Array<[string, string]> = [['drugs', 'cannabis'], ['drugs', 'cocaine'], ['drugs', 'heroin'], ['alcohol', 'vodka'], ['alcohol', 'lager']];
    grid(
      ['Officers found {x} in the boot.', 'Police recovered {x} from the flat.', 'The powder was later confirmed as {x}.', 'The charge is {x} supply.', 'He admits {x} dealing.', 'He was sending messages advertising {x} to 120 contacts.'],
      substances,
      { roles: ['object'] },
    );
  });

  it('names of orders, the drug trade and public houses are other senses (phrases)', () => {
    const cases: Array<[string, string]> = [
      ['risk-reasoning', 'I invite the court to make a Sexual Harm Prevention Order.'],
      ['drugs', 'He owed money to people in the drug trade.'],
      ['drugs', 'The risk is to rival dealers, through violence connected to the drug market.'],
      ['accommodation', 'He broke two windows of a public house.'],
    ];
    const failures = cases.flatMap(([concept, sentence]) => mentionsAfter(ABOUT_HIM, sentence, concept).filter((mention) => mention.role === 'topic').map((mention) => `${sentence} -> '${mention.text}' is a topic`));
    assertGrid(failures, cases.length);
    assert.deepEqual(mentionsAfter(ABOUT_HIM, 'The risk of harm is greatest when he is drinking: serious physical harm to a partner.', 'risk-reasoning').map((m) => m.role).filter((role) => role !== 'topic'), [], 'harm itself is still the topic');
  });

  it('the police receiving information is how the case began, not an enquiry (verbs)', () => {
    for (const verb of ['received', 'obtained', 'were given', 'acted on']) {
      const found = mentionsAfter(ABOUT_HIM, `The laptop was seized after the police ${verb} information from the National Crime Agency.`, 'da-enquiry');
      assert.ok(found.every((mention) => mention.role !== 'topic'), `${verb}: ${found.map((m) => `${m.text}:${m.role}`).join(', ')}`);
    }
    assert.ok(mentionsAfter(ABOUT_HIM, 'Police information received on 12 March: two call-outs to the address.', 'da-enquiry').some((mention) => mention.role === 'topic'), 'police information received is an enquiry answered');
  });

  it('"no … contact" after a mention speaks only of sources and checks, not of the children', () => {
    const [children] = mentionsAfter(ABOUT_HIM, 'He has no children and no family contact since his brother died.', 'children');
    assert.notEqual(children?.status, 'not-done');
    grid(['{x} - no contact yet.', '{x}: no check made.'], CHECKS.filter(([concept]) => concept !== 'previous-convictions'), { statuses: ['not-done'] });
  });

  it('an aside in brackets does not part a mention from its cue (agencies × asides × cues)', () => {
    const agencies: Array<[string, string]> = [['children-services-enquiry', 'The Multi-Agency Referral Unit'], ['children-services-enquiry', "Children's services"], ['da-enquiry', 'The police DA check']];
    grid(['{x} (MARU) has not been contacted.', '{x} (local office) has not been requested.', '{x} (Walsall) was not requested.'], agencies, { statuses: ['not-done'] });
  });

  it('"neither of them" and "none of the household" negate (openings × children)', () => {
    grid(['He lives with his partner. Neither of them has children.', 'None of the household has {x}.', 'Neither of the couple has {x}.'].map((frame) => frame.replace('has children', 'has {x}')), [['children-present', 'children'], ['children-present', 'a child']], { statuses: ['negated'] });
  });

  it('a source the person or someone else says exists is only reported (speakers × sources)', () => {
    const sources: Array<[string, string]> = [['independent-source', 'CCTV'], ['independent-source', 'body-worn footage'], ['independent-source', 'a witness statement']];
    grid(["PoP says there's {x} from the takeaway.", 'Mr Doyle says {x} will show he was attacked.', 'The prosecutor told me there is {x}.', 'He said there was {x} of the incident.'], sources, { statuses: ['reported'] });
  });

  it('"dependants" are children; "dependent drinking" is not', () => {
    assert.ok(mentionsAfter(ABOUT_HIM, 'He has two dependants at home.', 'children').length > 0);
    assert.equal(mentionsAfter(ABOUT_HIM, 'He has a long history of dependent drinking.', 'children').length, 0);
  });
});

describe('text model: a short bold run with a full stop opens the paragraph as a label', () => {
  it('reads "**Risk.**" and "**Offence.** On …" as sections, and "**Note.**" as nothing', () => {
    const pack = corePack();
    const text = '**Previous convictions:** see PNC.\n\n**Risk.**\nOGRS 26%.\nRisk of serious harm: **Low**, to the public.\n\n**Offence.** On 11 February police stopped him.\n\n**Note.** This is late.\n';
    const document = new AssessmentDocument(text, 'markdown', { lexicon: pack.lexicon, classifier: pack.classifier });
    assert.deepEqual(document.sections.map((section) => section.kind), ['history', 'risk', 'offence-analysis']);
  });

  it('an answer of question marks is a placeholder: "MH: ???" does not address mental health', () => {
    for (const answer of ['???', '??? ask at next appt', '?']) {
      const { result } = lintSnippet(`## Offender assessment\n\nMr Doyle lives alone. He drinks at weekends and does not use drugs.\n\nMH: ${answer}\n`, corePack());
      assert.ok(firedRules(result).includes('mental-health'), answer);
    }
  });

  it('a RoSH level under an assessment heading still asks who is at risk', () => {
    const { result } = lintSnippet('Drugs: cannabis daily, about £20 a day.\n\nRoSH Low.\n', corePack(), 'plaintext');
    assert.ok(firedRules(result).includes('who-is-at-risk'), firedRules(result).join(', '));
  });
});

describe('mention model: the family as victims of property offences, and labels restated in their answers', () => {
  it('a burglary or theft from a relative or partner makes domestic abuse possible (offences × relatives)', () => {
    const failures: string[] = [];
    const offences = ['The offence is burglary of her {x}\'s house.', 'The charge is theft from his {x}.', 'He stole from his {x}.', 'He admits defrauding his {x}.', 'He robbed his {x}.']
    const relatives = ['grandmother', 'mother', 'father', 'brother', 'sister', 'partner'];
    for (const offence of offences) {
      for (const relative of relatives) {
        const sentence = offence.replace('{x}', relative);
        if (!mentionsAfter(ABOUT_HIM, sentence, 'da-indicator').some((mention) => mention.status === 'affirmed')) failures.push(sentence);
      }
    }
    assertGrid(failures, offences.length * relatives.length);
    assert.equal(mentionsAfter(ABOUT_HIM, 'The offence is theft from his employer.', 'da-indicator').length, 0);
  });

  it('a label restated in prose takes what its answer says of the check; a table row does not', () => {
    const prose = mentionsAfter(ABOUT_HIM, "- **Children's services:** A children's services check was not requested, as the school reports he is settled.", 'children-services-enquiry', 'markdown');
    assert.ok(prose.length >= 2 && prose.every((mention) => mention.status === 'not-done'), prose.map((m) => `${m.text}:${m.status}`).join(', '));
    const row = mentionsAfter(ABOUT_HIM, '| Source | Made | Result |\n|---|---|---|\n| Kent Police DA call-out enquiry | Yes | No call-outs recorded at the address |\n', 'da-enquiry', 'markdown');
    assert.ok(row.some((mention) => mention.status === 'affirmed'), row.map((m) => `${m.text}:${m.status}`).join(', '));
  });
});
