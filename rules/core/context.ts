import { data as lexiconData } from './lexicon.yaml';
import { Break, type Word } from './sentences.js';
import { stemOf } from './tokens.js';

/** Who the nearest reference before a mention points at, before the draft's own pronoun is known. */
export type Subject = 'he' | 'she' | 'they' | 'person' | 'other' | 'none';

/** What the text model knows about one mention: is it negated, and who is it about. */
export interface MentionContext {
  negated: boolean;
  subject: Subject;
  /** Capitalised words passed on the way back to the subject: names, resolved once the draft's other people are known. */
  names: string[];
  /** The surname after the title that is the subject ("Hale" in "Mr Hale had been drinking"). */
  titled?: string;
}

interface Lexicon {
  'negating-determiners': string[];
  'negating-verbs': string[];
  'negating-after': string[];
  pronouns: Record<'he' | 'she' | 'they', string[]>;
  'person-nouns': string[];
  'writer-words': string[];
  'other-person-nouns': string[];
  'joining-words': string[];
  'relative-pronouns': string[];
  'reporting-verbs': string[];
  'clause-joiners': string[];
  'null-answers': string[];
  'placeholder-answers': string[];
  'name-field-labels': string[];
  titles: string[];
}

const lexicon = lexiconData as Lexicon;
const stems = (words: string[]) => new Set(words.map((word) => stemOf(word.toLowerCase())));
const determiners = stems(lexicon['negating-determiners']);
const negatingVerbs = stems(lexicon['negating-verbs']);
const negatingAfter = stems(lexicon['negating-after']);
const personNouns = stems(lexicon['person-nouns']);
const writerWords = stems(lexicon['writer-words']);
const otherNouns = stems(lexicon['other-person-nouns']);
const joiningWords = stems(lexicon['joining-words']);
const pronounFamily = new Map<string, 'he' | 'she' | 'they'>();
for (const family of ['he', 'she', 'they'] as const) for (const word of lexicon.pronouns[family]) pronounFamily.set(word, family);
const possessivePronouns = new Set(['his', 'her', 'their', 'hers', 'theirs']);
const clauseJoiners = new Set(lexicon['clause-joiners']);
const relativePronouns = new Set(lexicon['relative-pronouns']);
const reportingVerbs = stems(lexicon['reporting-verbs']);
const nullAnswers = new Set(lexicon['null-answers']);
const placeholderAnswers = new Set(lexicon['placeholder-answers']);
const nameFieldLabels = new Set(lexicon['name-field-labels']);
const titles = new Set(lexicon.titles);

/** A surname written after a title ("Mulligan" in "Mr Mulligan said"), with the title. */
export interface TitledName {
  title: string;
  surname: string;
}

/** The surnames written after a title in a sentence, with their titles. */
export function titledNames(words: Word[]): TitledName[] {
  const names: TitledName[] = [];
  for (let index = 0; index + 1 < words.length; index++) {
    if (titles.has(words[index].norm) && words[index + 1].capitalised) names.push({ title: words[index].norm, surname: words[index + 1].norm });
  }
  return names;
}

/** The pronoun a title implies: he for Mr, she for Mrs, Ms and Miss; none for Mx and Dr. */
export function pronounOfTitle(title: string): 'he' | 'she' | undefined {
  if (title === 'mr') return 'he';
  return title === 'mrs' || title === 'ms' || title === 'miss' ? 'she' : undefined;
}

/** True when a field label asks for the person's name ("Name:", "| Full name |", "**Defendant:**"). */
export function isNameField(label: string): boolean {
  return label.length <= MAX_NAME_LABEL && nameFieldLabels.has(label.toLowerCase().replace(/[^\p{L}\s']+/gu, ' ').replace(/\s+/g, ' ').trim());
}

/** Longer labels, markup included, are never a "Name:" field. */
const MAX_NAME_LABEL = 40;

/** True when the text written against a field label leaves it empty ("N/A", "None identified", "To be reviewed"). */
export function isNullAnswer(value: string): boolean {
  return matchesAnswer(value, nullAnswers);
}

/** True when a field is blank or holds a placeholder for later ("[to complete]", "TBC"); unlike "None", that is no answer at all. */
export function isPlaceholderAnswer(value: string): boolean {
  return matchesAnswer(value, placeholderAnswers);
}

/** Empty answers are short: longer text is only read up to here, for an empty answer with a gloss. */
const MAX_ANSWER_READ = 200;

function matchesAnswer(value: string, answers: ReadonlySet<string>): boolean {
  const whole = value.length <= MAX_ANSWER_READ;
  // Brackets around a prompt left for later ("[to complete]") do not make it an answer.
  const folded = (whole ? value : value.slice(0, MAX_ANSWER_READ)).toLowerCase().replace(/[.\s]+$/, '').replace(/\s+/g, ' ').trim().replace(/^[[(]\s*(.*?)\s*[\])]$/, '$1');
  if (whole && (folded === '' || answers.has(folded))) return true;
  // "TBC - to be confirmed at next appointment", "N/A (not in work)": an empty answer with a gloss.
  const head = /^(.+?)\s*(?:\s[-\u2013\u2014]\s|[,;(])/.exec(folded);
  return head !== null && answers.has(head[1].replace(/\.$/, ''));
}

const DETERMINER_SCOPE = 2;
const VERB_SCOPE = 4;
const AFTER_SCOPE = 3;
const SUBJECT_SCOPE = 14;

/** The pronoun family a word belongs to, if it is a personal pronoun. */
export function pronounOf(word: Word): 'he' | 'she' | 'they' | undefined {
  return pronounFamily.get(word.norm);
}

function isNegated(words: Word[], first: number, end: number): boolean {
  for (let index = first + 1; index < end - 1; index++) {
    const word = words[index];
    if (determiners.has(word.stem) || negatingVerbs.has(word.stem) || word.negated) return true;
  }
  for (let index = first - 1, distance = 1; index >= 0 && distance <= VERB_SCOPE; index--, distance++) {
    const word = words[index];
    if (words[index + 1].breakBefore === Break.Strong) break;
    if (distance <= DETERMINER_SCOPE && determiners.has(word.stem)) return true;
    if (negatingVerbs.has(word.stem) || word.negated) return true;
    if (possessivePronouns.has(word.norm)) return false;
  }
  for (let index = end, distance = 1; index < words.length && distance <= AFTER_SCOPE; index++, distance++) {
    if ((words[index].breakBefore === Break.Strong && distance > 1) || clauseJoiners.has(words[index].norm)) break;
    // "a little boy, 3, not Kyle's" says whose he is, not that there is none.
    const next = words[index + 1];
    if (words[index].norm === 'not' && next && (possessivePronouns.has(next.norm) || next.possessive)) break;
    if (negatingAfter.has(words[index].stem) || words[index].negated) return true;
  }
  return false;
}

function joinedToPerson(words: Word[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (joiningWords.has(words[back].stem)) {
      const before = words[back - 1];
      return before !== undefined && (pronounFamily.has(before.norm) || personNouns.has(before.stem));
    }
  }
  return false;
}

const MAX_NAMES = 3;
const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];

/** Who a single word refers to, if it is a reference to a person at all. */
function referenceOf(words: Word[], index: number, found: { titled?: string }): Subject | undefined {
  const word = words[index];
  const pronoun = pronounFamily.get(word.norm);
  if (pronoun) return pronoun;
  if (personNouns.has(word.stem)) {
    const surname = words[index + 1];
    // "by Mr Petrie's account": a titled name in the possessive is not the subject.
    if (titles.has(word.norm) && surname?.capitalised && surname.possessive) return undefined;
    if (titles.has(word.norm) && surname?.capitalised) found.titled = surname.norm;
    return 'person';
  }
  if (otherNouns.has(word.stem) && !writerWords.has(word.stem)) return joinedToPerson(words, index) ? 'person' : 'other';
  return undefined;
}

function subjectOf(words: Word[], first: number, names: string[], found: { titled?: string }): Subject {
  for (let index = first - 1, distance = 1; index >= 0 && distance <= SUBJECT_SCOPE; index--, distance++) {
    if (words[index + 1].breakBefore === Break.Strong) break;
    const word = words[index];
    // "the landlord, who ... had been drinking": a relative pronoun points back to the word before it.
    if (relativePronouns.has(word.norm) && index > 0) {
      const antecedent = referenceOf(words, index - 1, found);
      if (antecedent) return antecedent;
    }
    // "his friend, who he says is a heavy user": the pronoun reports; the relative pronoun before it is the subject.
    if (pronounFamily.has(word.norm) && relativePronouns.has(words[index - 1]?.norm) && reportingVerbs.has(words[index + 1]?.stem ?? '')) continue;
    const reference = referenceOf(words, index, found);
    if (reference) return reference;
    if (word.capitalised && names.length < MAX_NAMES) names.push(word.norm);
  }
  return 'none';
}

/** Reads the negation and subject of the words `first`..`end` (exclusive) within their sentence. */
export function mentionContext(words: Word[], first: number, end: number): MentionContext {
  const names: string[] = [];
  const found: { titled?: string } = {};
  const inside = words.slice(first + 1, end).map((word) => pronounFamily.get(word.norm)).find((family) => family !== undefined);
  const subject = inside ?? subjectOf(words, first, names, found);
  return { negated: isNegated(words, first, end), subject, names: names.length > 0 ? names : NO_NAMES, titled: found.titled };
}

/**
 * Names the sentence gives to other people: a capitalised word right after a
 * word for somebody else ("his partner, Natalie", "her husband Martin").
 */
export function namesOfOthers(words: Word[]): string[] {
  const names: string[] = [];
  for (let index = 0; index + 1 < words.length; index++) {
    if (otherNouns.has(words[index].stem) && words[index + 1].capitalised && !pronounFamily.has(words[index + 1].norm) && !personNouns.has(words[index + 1].stem)) {
      names.push(words[index + 1].norm);
    }
  }
  return names;
}
