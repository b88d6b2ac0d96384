import type { MentionRole, MentionStatus, SetAsideReason } from './contracts.js';

/** How each mention status reads when it is why a mention did not count ("CPS papers not yet received": source not available). */
const STATUS_WORDS: Readonly<Record<MentionStatus, string>> = {
  affirmed: 'stated as done or so',
  negated: 'said not to be so',
  reported: 'only what the person said',
  hypothetical: 'only planned or hypothetical',
  requested: 'asked for, with no result yet',
  refused: 'refused',
  'not-done': 'not done',
  unavailable: 'not available',
  placeholder: 'a placeholder or a note to self',
};

/** How each mention role reads when it is why a mention did not count ("stole a crate of lager": what the offence was about). */
const ROLE_WORDS: Readonly<Record<MentionRole, string>> = {
  topic: 'the topic itself',
  object: 'an object of the offence (what was stolen, supplied or damaged)',
  place: 'a place, not the topic',
  'other-sense': 'the word in another sense',
};

/** Plain words for why a rule did not count a mention, as `explain`, JSON reports and the editor give them. */
export function setAsideWording(reason: SetAsideReason): string {
  switch (reason.why) {
    case 'owner':
      return 'about someone else';
    case 'status':
      return STATUS_WORDS[reason.status];
    case 'role':
      return ROLE_WORDS[reason.role];
    case 'section':
      return `in a section the rule does not read (${reason.section})`;
    case 'empty-field':
      return 'a field left blank, a placeholder or N/A';
    case 'under-label':
      return 'under a field label the rule leaves out';
    case 'sentence-with':
      return `in a sentence with ${reason.concept} wording, which the rule does not count`;
  }
}
