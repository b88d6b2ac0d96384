import assert from 'node:assert/strict';
import { described, fires, grid, mentionsIn } from './mention-grid.js';

/** A breach report: a header, then the failures under a heading of the writer's choosing, then the person's account. */
function breachReport(heading: string, sourcesRow: string | undefined, failures: string): string {
  return [
    '### Breach report',
    '| Field | Detail |\n|---|---|\n| Name | Kieran Doyle |\n| Order | Community Order, 12 months |' + (sourcesRow === undefined ? '' : `\n${sourcesRow}`),
    `**${heading}**`,
    failures,
    '**His account**',
    'Mr Doyle told me he forgot the appointments because he started a new job.',
  ].join('\n\n');
}

const BREACH_HEADINGS = ['Compliance', 'Non-compliance', 'Details of breach', 'Breach details', 'The breach', 'Failures to comply'];

describe('breach reports: where the failures are told, and a sources row in the header table', () => {
  it('the failures section is the account of the offence: a record there is a source (headings × records)', () => {
    const records = ['The UPW supervisor’s records show he failed to attend on 13/04 and 27/04.', 'nDelius contact records show two missed appointments.', 'The EMS violation reports record four curfew absences.'];
    grid(BREACH_HEADINGS, records, (heading, record) => (fires(breachReport(heading, undefined, record), 'sole-account') ? `${heading}: ${record}` : undefined));
  });

  it('without a record, the failures told only by him still warn (headings)', () => {
    grid(BREACH_HEADINGS, ['He says he missed two appointments.'], (heading, failures) => (fires(breachReport(heading, undefined, failures), 'sole-account') ? undefined : `${heading}: no warning`));
  });

  it('a Sources row in the header table lists sources for the whole report (row labels × headings)', () => {
    const rows = ['| Sources | Breach report; nDelius contact log; PNC |', '| Sources of information | CPS summary; PNC |', '| **Sources** | EMS violation reports |'];
    grid(rows, BREACH_HEADINGS, (row, heading) => (fires(breachReport(heading, row, 'He missed two appointments.'), 'sole-account') ? `${row} / ${heading}` : undefined));
  });

  it('other rows of a table open no section ("| Children | Medium |" in a risk table)', () => {
    const text = '# Report\n\n## Offence analysis\n\nThe CPS summary says he punched Mr Hall.\n\n## Risk\n\n| Group | Level |\n|---|---|\n| Children | Low |\n| Known adult (Mr Hall) | Medium |\n\nHe is a medium risk to Mr Hall, most likely when drinking, reduced by abstinence.';
    assert.equal(fires(text, 'who-is-at-risk'), false);
  });
});

describe('notes to self in brackets, and words with everyday senses', () => {
  it('a bracket opened by a note word is a note, not a field label, even with a dash inside (openers × sources)', () => {
    const openers = ['need', 'check', 'insert', 'chase', 'confirm'];
    grid(openers, ['CPS version – how many times?', 'MG5 – did he follow her off the bus?', 'police summary – what did the witness see?'], (opener, rest) => {
      const sentence = `Mr Doyle is 30.\n\n[${opener} ${rest} – v. important for risk]`;
      const found = mentionsIn(sentence, 'independent-source', 'markdown');
      return found.length > 0 && found.every((mention) => mention.status === 'placeholder') ? undefined : described(sentence, found, 'status');
    });
  });

  it('"lost", "missing" and "absent" make only records and sources unavailable (words × people at risk)', () => {
    grid(['lost savings', 'went missing for a week', 'were absent from school'], ['victims', 'young people', 'shop staff'], (words, group) => {
      const sentence = `Risk of serious harm: low. Those at risk: ${group} who ${words}.`;
      const found = mentionsIn(sentence, 'at-risk-group');
      return found.length > 0 && found.every((mention) => mention.status !== 'unavailable') ? undefined : described(sentence, found, 'status');
    });
    const lost = mentionsIn('Mr Doyle is 30. The PNC print is missing from the file.', 'previous-convictions');
    assert.ok(lost.length > 0 && lost.every((mention) => mention.status === 'unavailable'), described('PNC print missing', lost, 'status'));
  });

  it('police call-out checks in shorthand are enquiries (forms × outcomes)', () => {
    grid(['DA c/o chk WYP', 'DA c/o check', 'Police c/o history', 'DA chk with police'], ['nil for PoP and partner (rec’d 07/06).', 'two incidents, 2021 and 2022.'], (form, outcome) => {
      const sentence = `Mr Doyle is 30.\n\n- **${form}** – ${outcome}`;
      const found = mentionsIn(sentence, 'da-enquiry', 'markdown');
      return found.some((mention) => mention.role === 'topic' && (mention.status === 'affirmed' || mention.status === 'negated')) ? undefined : described(sentence, found, 'status');
    });
  });
});
