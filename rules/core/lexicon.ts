import { stemOf, tokenize } from './tokens.js';

/**
 * The word lists the text model reads by name, each a list of a pack's
 * vocabulary (the built-in pack defines them in rules/packs/core/lexicon.yaml;
 * docs/packs.md says what each is for).
 */
export const LEXICON_LISTS = [
  'negating-determiners',
  'negating-verbs',
  'negating-after',
  'owner-negations',
  'he-pronouns',
  'she-pronouns',
  'they-pronouns',
  'possessive-pronouns',
  'possession-links',
  'person-nouns',
  'titles',
  'he-titles',
  'she-titles',
  'writer-words',
  'other-person-nouns',
  'joining-words',
  'relative-pronouns',
  'subordinators',
  'reporting-verbs',
  'copulas',
  'other-quantifiers',
  'articles',
  'clause-joiners',
  'empty-answers',
  'placeholder-answers',
  'header-field-words',
  'name-field-labels',
  'heading-stop-words',
  'cue-terminators',
  'query-answers',
  'list-joiners',
  'measure-words',
  'placeholder-openers',
  'to-do-labels',
] as const;

/** The name of a list the text model reads. */
export type LexiconList = (typeof LEXICON_LISTS)[number];

/** A pronoun family. */
export type PronounFamily = 'he' | 'she' | 'they';

const stems = (words: readonly string[]) => new Set(words.map((word) => stemOf(word.toLowerCase())));
const norms = (words: readonly string[]) => new Set(words.map((word) => word.toLowerCase()));

/** A word of a sentence, as the lexicon looks it up. */
interface LookedUp {
  readonly stem: string;
  readonly norm: string;
}

/**
 * Words and phrases looked up by stem at a position of a sentence: a phrase
 * ("service user") is found at its last word, so reading back from a mention
 * meets it as one reference. A single word in double quotes matches only as
 * written, not by stem ('"others"' is not "any other drug").
 */
export class StemPhrases {
  private readonly words = new Set<string>();
  private readonly asWritten = new Set<string>();
  private readonly phrases = new Map<string, string[][]>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const quoted = /^"([^"\s]+)"$/.exec(entry.trim());
      if (quoted) {
        this.asWritten.add(tokenize(quoted[1].toLowerCase()).norm);
        continue;
      }
      const parts = entry.toLowerCase().split(/\s+/).filter(Boolean).map((part) => tokenize(part).stem);
      if (parts.length === 1) this.words.add(parts[0]);
      else if (parts.length > 1) {
        const last = parts[parts.length - 1];
        const list = this.phrases.get(last) ?? [];
        list.push(parts);
        this.phrases.set(last, list);
      }
    }
  }

  /** True when the word at `index` is one of the words, or ends one of the phrases. */
  at(words: readonly LookedUp[], index: number): boolean {
    const stem = words[index].stem;
    if (this.words.has(stem) || this.asWritten.has(words[index].norm)) return true;
    const phrases = this.phrases.get(stem);
    if (!phrases) return false;
    return phrases.some((phrase) => phrase.length <= index + 1 && phrase.every((part, offset) => words[index - phrase.length + 1 + offset].stem === part));
  }
}
/** Words and phrases looked up by their folded form at a position of a sentence, a phrase starting there ("and has"). */
export class NormPhrases {
  private readonly byFirst = new Map<string, string[][]>();

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const parts = entry.toLowerCase().split(/\s+/).filter(Boolean).map((part) => tokenize(part).norm);
      if (parts.length === 0) continue;
      const list = this.byFirst.get(parts[0]) ?? [];
      list.push(parts);
      this.byFirst.set(parts[0], list);
    }
  }

  /** True when one of the words or phrases starts at `index`. */
  at(words: readonly { readonly norm: string }[], index: number): boolean {
    const phrases = this.byFirst.get(words[index].norm);
    return phrases !== undefined && phrases.some((phrase) => phrase.length <= words.length - index && phrase.every((part, offset) => words[index + offset].norm === part));
  }
}

/** Longer labels, markup included, are never a "Name:" field. */
const MAX_NAME_LABEL = 40;
/** Empty answers are short: longer text is only read up to here, for an empty answer with a gloss. */
const MAX_ANSWER_READ = 200;

/** The text model's word lists compiled once into the sets it looks words up in. */
export class Lexicon {
  readonly determiners: ReadonlySet<string>;
  readonly negatingVerbs: ReadonlySet<string>;
  readonly negatingAfter: ReadonlySet<string>;
  readonly ownerNegations: ReadonlySet<string>;
  /** Words and phrases for the person the draft is about ("defendant", a team's "service user"). */
  readonly personNouns: StemPhrases;
  readonly writerWords: ReadonlySet<string>;
  /** Words and phrases for somebody other than the person ("victim", "his mother"). */
  readonly otherNouns: StemPhrases;
  readonly joiningWords: ReadonlySet<string>;
  readonly possessives: ReadonlySet<string>;
  /** Words that tie a thing to what it is of ("his use of cannabis"): a possessive pronoun reaches a mention across one. */
  readonly possessionLinks: ReadonlySet<string>;
  readonly clauseJoiners: ReadonlySet<string>;
  readonly relativePronouns: ReadonlySet<string>;
  /** Words that open a clause inside another ("when she was a teenager"), whose subject is not the main clause's. */
  readonly subordinators: ReadonlySet<string>;
  readonly reportingVerbs: ReadonlySet<string>;
  /** Verbs that say what someone is ("is a man who"): a word for a person after one describes the subject, and is not another person. */
  readonly copulas: ReadonlySet<string>;
  /** Words that open a clause about the people just named ("neither lives with him"). */
  readonly otherQuantifiers: ReadonlySet<string>;
  /** "a" and "an": after a copula, they open a description of the subject. */
  readonly articles: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  /** Heading words the section classifier ignores ("of", "the"), as stems. */
  readonly headingStopWords: ReadonlySet<string>;
  /** Words and phrases that end a cue's reach ("but", "however", "and has"): what follows is another matter. */
  readonly cueTerminators: NormPhrases;
  /** Words that open the answer to a question written in the draft ("Alcohol issues? None reported."). */
  readonly queryAnswers: ReadonlySet<string>;
  /** Words that join the items of a list ("and", "or", "plus"): mentions joined by them share their cues. */
  readonly listJoiners: ReadonlySet<string>;
  /** Words that count or measure the items of a list ("two", "several", "bottles of", "btls"): "two cases of cider, several bottles of spirits" is one list. */
  readonly measureWords: ReadonlySet<string>;
  /** Words that open a note left for later under a heading ("[insert PNC]", "TBC — ask"). */
  readonly placeholderOpeners: ReadonlySet<string>;
  /** Field labels that open a list of things still to do ("TO DO before Fri:"): what the field names is not done yet. */
  readonly toDoLabels: NormPhrases;
  private readonly pronounFamily = new Map<string, PronounFamily>();
  private readonly titleFamily = new Map<string, 'he' | 'she'>();
  private readonly emptyAnswers: ReadonlySet<string>;
  private readonly placeholderAnswers: ReadonlySet<string>;
  private readonly nameFieldLabels: ReadonlySet<string>;
  private readonly headerFieldWords: ReadonlySet<string>;
  private readonly headerFields = new Map<string, boolean>();

  /** Compiles the lists; `list(name)` gives each list's entries. */
  constructor(list: (name: LexiconList) => readonly string[]) {
    this.determiners = stems(list('negating-determiners'));
    this.negatingVerbs = stems(list('negating-verbs'));
    this.negatingAfter = stems(list('negating-after'));
    this.ownerNegations = norms(list('owner-negations'));
    this.personNouns = new StemPhrases(list('person-nouns'));
    this.writerWords = stems(list('writer-words'));
    this.otherNouns = new StemPhrases(list('other-person-nouns'));
    this.joiningWords = stems(list('joining-words'));
    this.possessives = norms(list('possessive-pronouns'));
    this.possessionLinks = norms(list('possession-links'));
    this.clauseJoiners = norms(list('clause-joiners'));
    this.relativePronouns = norms(list('relative-pronouns'));
    this.subordinators = norms(list('subordinators'));
    this.reportingVerbs = stems(list('reporting-verbs'));
    this.copulas = norms(list('copulas'));
    this.otherQuantifiers = norms(list('other-quantifiers'));
    this.articles = norms(list('articles'));
    this.titles = norms(list('titles'));
    this.headingStopWords = new Set(list('heading-stop-words').map((word) => tokenize(word).stem));
    this.cueTerminators = new NormPhrases(list('cue-terminators'));
    this.queryAnswers = norms(list('query-answers'));
    this.listJoiners = norms(list('list-joiners'));
    this.measureWords = norms(list('measure-words'));
    this.placeholderOpeners = norms(list('placeholder-openers'));
    this.toDoLabels = new NormPhrases(list('to-do-labels'));
    for (const family of ['he', 'she', 'they'] as const) for (const word of list(`${family}-pronouns`)) this.pronounFamily.set(word.toLowerCase(), family);
    for (const family of ['she', 'he'] as const) for (const title of list(`${family}-titles`)) this.titleFamily.set(title.toLowerCase(), family);
    this.emptyAnswers = norms(list('empty-answers'));
    this.placeholderAnswers = norms(list('placeholder-answers'));
    this.nameFieldLabels = norms(list('name-field-labels'));
    this.headerFieldWords = new Set(list('header-field-words').map((word) => tokenize(word).stem));
  }

  /** The pronoun family of a folded word, if it is a personal pronoun. */
  pronounFamilyOf(norm: string): PronounFamily | undefined {
    return this.pronounFamily.get(norm);
  }

  /** The pronoun a title implies (he for Mr; she for Mrs, Ms and Miss), if it implies one. */
  pronounOfTitle(title: string): 'he' | 'she' | undefined {
    return this.titleFamily.get(title);
  }

  /** True when a field label asks for the person's name ("Name:", "| Full name |", "**Defendant:**"). */
  isNameField(label: string): boolean {
    return label.length <= MAX_NAME_LABEL && this.nameFieldLabels.has(label.toLowerCase().replace(/[^\p{L}\s']+/gu, ' ').replace(/\s+/g, ' ').trim());
  }

  /** True when a word is one of a header block's field words ("Date", "DOB", "Court"): a name written on the same line ends before it. */
  isHeaderFieldWord(word: string): boolean {
    return this.headerFieldWords.has(tokenize(word).stem);
  }

  /** True when the text written against a field label leaves it empty ("N/A", "None identified", "To be reviewed"). */
  isNullAnswer(value: string): boolean {
    return matchesAnswer(value, this.emptyAnswers) || this.isNoteToSelf(value);
  }

  /** True when a field is blank or holds a placeholder for later ("[to complete]", "TBC"); unlike "None", that is no answer at all. */
  isPlaceholderAnswer(value: string): boolean {
    // "MH: ???", "??? ask at next appt": an answer that opens with question marks is a question left for later.
    return QUESTION_OPENING.test(value) || matchesAnswer(value, this.placeholderAnswers) || this.isNoteToSelf(value);
  }

  /**
   * True when a sentence or a field's answer is a note the writer left for
   * later rather than something said: it opens with a word such as "insert",
   * "check" or "ask" and goes on, holds "!!" or "??" ("PNC – check!!", "see offence??"),
   * or is such a note in square brackets ("[insert from PNC]", "[insert]").
   */
  isNoteToSelf(text: string): boolean {
    const head = text.length <= MAX_ANSWER_READ ? text : text.slice(0, MAX_ANSWER_READ);
    if (NOTE_MARKS.test(head)) return true;
    // In brackets, an opener alone is a note ("[insert]"); a prompt such as "[address type, who else lives there]"
    // is a template to fill in, which the quick fixes insert, and it is left to the rules.
    const bracketed = WHOLLY_BRACKETED.exec(head);
    const first = FIRST_WORD.exec(bracketed ? bracketed[1] : head);
    if (first === null || !this.placeholderOpeners.has(first[1].toLowerCase())) return false;
    // A word alone ("TBC") is for the placeholder-answers list to judge; an opener speaks for the words after it ("check PNC").
    return bracketed !== null || /\S\s+\S/.test(head.trim());
  }

  /**
   * True for a field label of a report's header block ("Sentence date:",
   * "Date of offence:", "Court:"): such a label says when or where, and opens no
   * section even when it contains a section word.
   */
  isHeaderField(label: string): boolean {
    let known = this.headerFields.get(label);
    if (known === undefined) {
      known = label.split(/[^\p{L}\p{N}]+/u).some((word) => word !== '' && this.headerFieldWords.has(tokenize(word).stem));
      if (this.headerFields.size > 5_000) this.headerFields.clear();
      this.headerFields.set(label, known);
    }
    return known;
  }
}

/** Two exclamation or question marks together: the writer's reminder to themselves. */
const NOTE_MARKS = /!!|\?\?/;
/** A sentence or answer wholly inside square brackets. */
const WHOLLY_BRACKETED = /^[\s*_]*\[([^\]]*)\][\s.*_]*$/;
/** The first word of a sentence or answer, after any markup or opening bracket. */
const FIRST_WORD = /^[\s*_[(]*([\p{L}]+)/u;

/** An answer that opens with one or more question marks, alone, before more words, or written against a word ("?ask at next appt"). */
const QUESTION_OPENING = /^[\s*_]*\?+(?:\s|$|\p{L})/u;

function matchesAnswer(value: string, answers: ReadonlySet<string>): boolean {
  const whole = value.length <= MAX_ANSWER_READ;
  // Brackets around a prompt left for later ("[to complete]") do not make it an answer.
  const folded = (whole ? value : value.slice(0, MAX_ANSWER_READ)).toLowerCase().replace(/[.\s]+$/, '').replace(/\s+/g, ' ').trim().replace(/^[[(]\s*(.*?)\s*[\])]$/, '$1');
  if (whole && (folded === '' || answers.has(folded))) return true;
  // "TBC - to be confirmed at next appointment", "N/A (not in work)": an empty answer with a gloss.
  const head = /^(.+?)\s*(?:\s[-\u2013\u2014]\s|[,;(])/.exec(folded);
  return head !== null && answers.has(head[1].replace(/\.$/, ''));
}
