import type { Lexicon } from './lexicon.js';
import { Break, type Word } from './sentences.js';

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
  /** The pronoun of that title ("Ms Armitage" is she), to tell apart two people who share a surname. */
  titledAs?: 'he' | 'she';
}

/** The titled name found on the way back to a subject. */
type Titled = Pick<MentionContext, 'titled' | 'titledAs'>;

/** A surname written after a title ("Mulligan" in "Mr Mulligan said"), with the title. */
export interface TitledName {
  title: string;
  surname: string;
}

/** The surnames written after a title in a sentence, with their titles. */
export function titledNames(lexicon: Lexicon, words: Word[]): TitledName[] {
  const names: TitledName[] = [];
  for (let index = 0; index + 1 < words.length; index++) {
    if (lexicon.titles.has(words[index].norm) && words[index + 1].capitalised) names.push({ title: words[index].norm, surname: words[surnameAfter(words, index)].norm });
  }
  return names;
}

/** How many capitalised words after a title may make up a surname ("Mr Wyn Jones", "Ms Ní Bhriain"). */
const MAX_SURNAME_WORDS = 3;

/** The index of the surname after the title at `index`: the last of the capitalised words that follow it ("Mr Wyn Jones" → Jones). */
export function surnameAfter(words: Word[], index: number): number {
  let last = index + 1;
  while (last + 1 < words.length && last - index < MAX_SURNAME_WORDS && words[last + 1].capitalised && words[last + 1].breakBefore !== Break.Strong && !words[last].possessive) last++;
  return last;
}

const DETERMINER_SCOPE = 2;
const VERB_SCOPE = 4;
const AFTER_SCOPE = 3;
const SUBJECT_SCOPE = 24;

/** The pronoun family a word belongs to, if it is a personal pronoun. */
export function pronounOf(lexicon: Lexicon, word: Word): 'he' | 'she' | 'they' | undefined {
  return lexicon.pronounFamilyOf(word.norm);
}

function isNegated(lx: Lexicon, words: Word[], first: number, end: number, covered: (index: number) => boolean): boolean {
  for (let index = first + 1; index < end - 1; index++) {
    const word = words[index];
    if (covered(index)) continue;
    if (lx.determiners.has(word.stem) || lx.negatingVerbs.has(word.stem) || word.negated) return true;
  }
  for (let index = first - 1, distance = 1; index >= 0 && distance <= VERB_SCOPE; index--, distance++) {
    const word = words[index];
    if (words[index + 1].breakBefore === Break.Strong) break;
    // "She says she was not there, and the CPS papers confirm this": a new clause ends the negation.
    if (lx.cueTerminators.at(words, index)) break;
    if (covered(index)) continue;
    if (distance <= DETERMINER_SCOPE && lx.determiners.has(word.stem)) return true;
    if (lx.negatingVerbs.has(word.stem) || word.negated) return true;
    if (lx.possessives.has(word.norm)) return false;
  }
  for (let index = end, distance = 1; index < words.length && distance <= AFTER_SCOPE; index++, distance++) {
    // "a one-off that does not reflect how he lives": a negation inside a relative clause is the clause's own.
    if ((words[index].breakBefore === Break.Strong && distance > 1) || lx.clauseJoiners.has(words[index].norm) || lx.relativePronouns.has(words[index].norm)) break;
    // "a little boy, 3, not Kyle's" says whose he is, not that there is none.
    const next = words[index + 1];
    if (lx.ownerNegations.has(words[index].norm) && next && (lx.possessives.has(next.norm) || next.possessive)) break;
    if (covered(index)) continue;
    if (lx.negatingAfter.has(words[index].stem) || words[index].negated) return true;
  }
  return false;
}

function joinedToPerson(lx: Lexicon, words: Word[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - 3); back--) {
    if (lx.joiningWords.has(words[back].stem)) {
      const before = words[back - 1];
      return before !== undefined && (lx.pronounFamilyOf(before.norm) !== undefined || lx.personNouns.at(words, back - 1));
    }
  }
  return false;
}

const MAX_NAMES = 3;
const NO_NAMES: string[] = Object.freeze([]) as unknown as string[];

/** Who a single word refers to, if it is a reference to a person at all. */
function referenceOf(lx: Lexicon, words: Word[], index: number, found: Titled): Subject | undefined {
  const word = words[index];
  const pronoun = lx.pronounFamilyOf(word.norm);
  if (pronoun) return pronoun;
  if (lx.personNouns.at(words, index)) {
    const surname = words[index + 1];
    // "by Mr Petrie's account": a titled name in the possessive is not the subject.
    if (lx.titles.has(word.norm) && surname?.capitalised && surname.possessive) return undefined;
    // "He and Ms Dale jointly own a house": a titled name joined to the person is not someone else's clause.
    if (lx.titles.has(word.norm) && surname?.capitalised && !joinedToPerson(lx, words, index)) {
      found.titled = words[surnameAfter(words, index)].norm;
      found.titledAs = lx.pronounOfTitle(word.norm);
    }
    return 'person';
  }
  if (lx.otherNouns.at(words, index) && !lx.writerWords.has(word.stem)) {
    // "Mr Thorsson is a 38-year-old man who…": a word for a person after "is a" says what the subject is; read on to the subject.
    if (describesSubject(lx, words, index)) return undefined;
    return joinedToPerson(lx, words, index) ? 'person' : 'other';
  }
  return undefined;
}

/** How far back from a word for a person a copula may stand ("is a 38-year-old single man"). */
const COPULA_REACH = 4;

/** True when a word for a person is the complement of a copula ("is a man", "was an only child"), with an article between. */
function describesSubject(lx: Lexicon, words: Word[], index: number): boolean {
  for (let back = index - 1; back >= Math.max(0, index - COPULA_REACH); back--) {
    if (words[back + 1].breakBefore === Break.Strong) return false;
    const norm = words[back].norm;
    if (lx.copulas.has(norm)) return back + 1 < index && lx.articles.has(words[back + 1].norm);
  }
  return false;
}

/** How far back a relative pronoun may look for the word for someone a clause describes ("a man he did not know, who"). */
const ANTECEDENT_REACH = 6;

/**
 * The word for somebody else that a clause between it and a relative pronoun
 * describes: in "a man he did not know, who had been drinking", the drinker is
 * the man, not "he". Only a word for another person counts, and only before
 * the start of the clause.
 */
function clauseNounBefore(lx: Lexicon, words: Word[], from: number): Subject | undefined {
  for (let index = from - 1; index >= 0 && from - index <= ANTECEDENT_REACH; index--) {
    if (words[index + 1].breakBefore === Break.Strong) return undefined;
    if (lx.otherNouns.at(words, index) && !lx.writerWords.has(words[index].stem) && !describesSubject(lx, words, index)) return 'other';
  }
  return undefined;
}

/** True when the pronoun at `index` opens an aside such as ", he says," or ", she told me,". */
function isReportingAside(lx: Lexicon, words: Word[], index: number): boolean {
  const verb = words[index + 1];
  if (lx.pronounFamilyOf(words[index].norm) === undefined || index === 0 || words[index].breakBefore === Break.None || !verb || !lx.reportingVerbs.has(verb.stem)) return false;
  // ", she told me," has the writer after the verb.
  const after = words[index + 2] && lx.writerWords.has(words[index + 2].stem) ? words[index + 3] : words[index + 2];
  return after !== undefined && after.breakBefore !== Break.None;
}

/**
 * The person a pronoun stands for when it opens what someone named with a
 * title reports ("Mrs Pearce states that she …"): the speaker, when the
 * title's pronoun is the same; undefined otherwise.
 */
function speakerOf(lx: Lexicon, words: Word[], index: number, found: Titled): Subject | undefined {
  let verb = index - 1;
  if (verb >= 0 && lx.relativePronouns.has(words[verb].norm)) verb--;
  if (verb < 2 || !lx.reportingVerbs.has(words[verb].stem)) return undefined;
  // "Mrs Pearce states" or "Mrs Jo Pearce states": the title one to three words before the verb.
  for (let title = verb - 2; title >= Math.max(0, verb - 4); title--) {
    if (!lx.titles.has(words[title].norm) || !words[title + 1].capitalised) continue;
    const pronoun = lx.pronounFamilyOf(words[index].norm);
    if (lx.pronounOfTitle(words[title].norm) !== pronoun) return undefined;
    // The speaker is known by the title's pronoun too, so that a speaker of the other sex is somebody else.
    const reference = referenceOf(lx, words, title, found);
    return reference === 'person' ? pronoun : reference;
  }
  return undefined;
}

/** How near a possessive pronoun must stand to a mention to own it with no "of" between ("his heavy drinking"). */
const POSSESSIVE_REACH = 2;

/**
 * True when a possessive pronoun at `index` belongs to another thing than the
 * mention at `first`: "the victim was off his face on ketamine" (his face, not
 * his ketamine), unlike "his heavy drinking" or "his use of cannabis".
 */
function possessesOtherThing(lx: Lexicon, words: Word[], index: number, first: number): boolean {
  if (!lx.possessives.has(words[index].norm) || first - index <= POSSESSIVE_REACH) return false;
  for (let between = index + 1; between < first; between++) if (lx.possessionLinks.has(words[between].norm)) return false;
  return true;
}

/** The most words of an entry that names somebody before a dash ("Older brother Gary -", "His mum (58) –"). */
const ENTRY_WORDS = 4;

/**
 * True when the words up to `last`, back to the previous break or the start of
 * the sentence, are a short entry opening with a word for somebody else ("Older
 * brother Gary", "Mum", "His dad Steve"), with no pronoun for anyone as subject.
 */
function namesSomeoneElse(lx: Lexicon, words: Word[], last: number): boolean {
  let start = last;
  while (start > 0 && words[start].breakBefore !== Break.Strong) start--;
  const entry = words.slice(start, last + 1).filter((word) => !word.bracketed);
  if (entry.length === 0 || entry.length > ENTRY_WORDS) return false;
  if (entry.some((word) => (lx.pronounFamilyOf(word.norm) !== undefined && !lx.possessives.has(word.norm)) || lx.writerWords.has(word.stem))) return false;
  for (let index = start; index <= Math.min(start + 1, last); index++) {
    if (!words[index].bracketed && lx.otherNouns.at(words, index) && !lx.personNouns.at(words, index)) return true;
  }
  return false;
}

/** True when a comma stands between the words at `from` and `to`. */
function commaBetween(words: Word[], from: number, to: number): boolean {
  for (let index = from + 1; index <= to && index < words.length; index++) if (words[index].breakBefore === Break.Weak) return true;
  return false;
}

/** True when a clause ends between the words at `from` and `to`: a joiner ("but", "and"), a cue terminator or a break. */
function clauseEndsBetween(lx: Lexicon, words: Word[], from: number, to: number): boolean {
  for (let index = from + 1; index < to; index++) {
    if (words[index].breakBefore === Break.Strong || lx.clauseJoiners.has(words[index].norm) || lx.cueTerminators.at(words, index)) return true;
  }
  return false;
}

function subjectOf(lx: Lexicon, words: Word[], first: number, names: string[], found: Titled): Subject {
  // A possessive pronoun of another thing is whose the mention is only when nobody else is named before it.
  let possessor: Subject | undefined;
  for (let index = first - 1, distance = 1; index >= 0 && distance <= SUBJECT_SCOPE; index--, distance++) {
    const word = words[index];
    // "Daughter Lily-Mae (6) lives with her mother": an aside in brackets neither ends the clause nor is its subject.
    if (words[index + 1].breakBefore === Break.Strong && !word.bracketed && !words[index + 1].bracketed) {
      // "Older brother Gary - long-term heroin user": a short entry naming somebody else, then a dash, describes them.
      if (namesSomeoneElse(lx, words, index)) return 'other';
      break;
    }
    if (word.bracketed) continue;
    if (possessesOtherThing(lx, words, index, first)) {
      possessor ??= lx.pronounFamilyOf(word.norm);
      continue;
    }
    // "the landlord, who ... had been drinking": a relative pronoun points back to the word before it (past any aside).
    if (lx.relativePronouns.has(word.norm) && index > 0) {
      let before = index - 1;
      while (before > 0 && words[before].bracketed) before--;
      const antecedent = referenceOf(lx, words, before, found) ?? clauseNounBefore(lx, words, before);
      if (antecedent) return antecedent;
    }
    // "his friend, who he says is a heavy user": the pronoun reports; the relative pronoun before it is the subject.
    // "His father, who he has started seeing again, is a heavy drinker": the pronoun is the subject of an aside between commas.
    if (lx.pronounFamilyOf(word.norm) !== undefined && lx.relativePronouns.has(words[index - 1]?.norm) && (lx.reportingVerbs.has(words[index + 1]?.stem ?? '') || (words[index - 1].breakBefore === Break.Weak && commaBetween(words, index, first)))) continue;
    // "Ms Lyle, he says, has had depression": a reporting aside between commas is not the clause's subject.
    if (isReportingAside(lx, words, index)) continue;
    // "Mrs Pearce states that she has been prescribed medication": the pronoun is the speaker named before it.
    const speaker = lx.pronounFamilyOf(word.norm) !== undefined ? speakerOf(lx, words, index, found) : undefined;
    if (speaker) return speaker;
    // "His sons are adults; neither lives with him": a quantifier opening the clause speaks of the people just named.
    if (lx.otherQuantifiers.has(word.norm) && (index === 0 || word.breakBefore === Break.Strong || lx.clauseJoiners.has(words[index - 1].norm))) return 'other';
    const reference = referenceOf(lx, words, index, found);
    // "... when Ms Brannigan was a teenager but has been sober": the subject of a clause inside another is not the
    // subject, unless the mention is in that clause ("they argue when she has been drinking").
    if (reference && index > 0 && lx.subordinators.has(words[index - 1].norm) && clauseEndsBetween(lx, words, index, first)) continue;
    if (reference) return reference;
    if (word.capitalised && names.length < MAX_NAMES) names.push(word.norm);
  }
  return possessor ?? 'none';
}

const NOTHING_COVERED = () => false;

/**
 * Reads the negation and subject of the words `first`..`end` (exclusive) within
 * their sentence; words `covered` belong to a cue ("not yet received"), whose
 * negation is the cue's own.
 */
export function mentionContext(lexicon: Lexicon, words: Word[], first: number, end: number, covered: (index: number) => boolean = NOTHING_COVERED): MentionContext {
  const names: string[] = [];
  const found: Titled = {};
  // A pronoun inside the mention says whose it is ("her mother, his ex-partner", "the flat they share"), unless the
  // clause's subject is somebody else named by a noun: in "the victim had been threatening his cousin", the victim
  // acts. A copula inside makes the subject the same as what follows ("the victim of the assault is his brother").
  const within = words.slice(first + 1, end);
  // A possessive that opens the mention counts too ("her own home" is hers), after any pronoun further in ("her mother, his ex-partner").
  const opener = lexicon.possessives.has(words[first].norm) ? lexicon.pronounFamilyOf(words[first].norm) : undefined;
  const inside = within.map((word) => lexicon.pronounFamilyOf(word.norm)).find((family) => family !== undefined) ?? opener;
  const before = subjectOf(lexicon, words, first, names, found);
  const negated = isNegated(lexicon, words, first, end, covered);
  const othersAct = before === 'other' && inside !== 'they' && !within.some((word) => lexicon.copulas.has(word.norm));
  // "The victim is his ex-partner", "the victim was her brother": after a copula, the possessive that opens the mention says whose.
  const opening = lexicon.possessives.has(words[first].norm) ? lexicon.pronounFamilyOf(words[first].norm) : undefined;
  if (opening && first > 0 && lexicon.copulas.has(words[first - 1].norm)) return { negated, subject: opening, names: NO_NAMES };
  if (inside !== undefined && !othersAct) return { negated, subject: inside, names: NO_NAMES };
  return { negated, subject: before, names: names.length > 0 ? names : NO_NAMES, titled: found.titled, titledAs: found.titledAs };
}

/**
 * Names the sentence gives to other people: a capitalised word right after a
 * word for somebody else ("his partner, Natalie", "her husband Martin").
 */
export function namesOfOthers(lexicon: Lexicon, words: Word[]): string[] {
  const names: string[] = [];
  for (let index = 0; index + 1 < words.length; index++) {
    if (lexicon.otherNouns.at(words, index) && words[index + 1].capitalised && lexicon.pronounFamilyOf(words[index + 1].norm) === undefined && !lexicon.personNouns.at(words, index + 1)) {
      names.push(words[index + 1].norm);
    }
  }
  return names;
}
