import type { DocumentFormat } from './chunks.js';
import { mentionContext, namesOfOthers, pronounOf, titledNames, type Subject, type TitledName } from './context.js';
import type { MentionRole, MentionStatus } from './contracts.js';
import type { Lexicon } from './lexicon.js';
import type { Matcher } from './matcher.js';
import type { Word } from './sentences.js';
import { tokenize } from './tokens.js';
import { parseUnits, type Unit } from './units.js';

/** A concept match inside a chunk, with offsets relative to the chunk. */
export interface ChunkMention {
  concept: string;
  unit: number;
  sentence: number;
  start: number;
  end: number;
  negated: boolean;
  /** What the mention asserts: done, negated, planned, asked for, not available, a placeholder... */
  status: MentionStatus;
  /** The part its words play: the topic, or an object or place of the offence, or another sense. */
  role: MentionRole;
  /** The role came from a cue that speaks for the whole draft (`wholeDraft`): other mentions ending in the same word share it. */
  roleForDraft?: true;
  /** The cue that decided the status or role, relative to the chunk. */
  cueStart?: number;
  cueEnd?: number;
  subject: Subject;
  names: string[];
  titled?: string;
  /** The pronoun of the subject's title, if it has one. */
  titledAs?: 'he' | 'she';
  inLabel: boolean;
  /** The stem of the mention's last word ("daughter" in "staying with her daughter"). */
  headStem: string;
}

/** A chunk parsed once and reused for as long as its text is unchanged. */
export interface ParsedChunk {
  readonly units: Unit[];
  /** How often each pronoun family stands as a word, to tell who the draft is about. */
  readonly pronouns: Record<'he' | 'she' | 'they', number>;
  /** How often "he" or "she" opens a sentence as its subject ("He told me…"), which the person the draft is about mostly does. */
  readonly openingPronouns: Record<'he' | 'she', number>;
  /** Names the chunk gives to people other than the person ("his partner, Natalie"). */
  readonly otherNames: string[];
  /** Surnames written after a title (Mr, Ms...), once per use. */
  readonly titledNames: TitledName[];
  /** The surname a "Name:" field in the chunk gives ("Name: Bogdan IRIMESCU", "| Name | Kai Brennan |"), if any. */
  readonly nameFieldSurname?: string;
  /** Concept matches per compiled pack, grouped by concept. */
  readonly mentions: WeakMap<Matcher, Map<string, ChunkMention[]>>;
  /** The word lists the chunk was read with. */
  readonly lexicon: Lexicon;
}

/** The chunks parsed with one pack's word lists: the current generation and the one before. */
interface Generation {
  entries: { markdown: Map<string, ParsedChunk>; plaintext: Map<string, ParsedChunk> };
  previous: { markdown: Map<string, ParsedChunk>; plaintext: Map<string, ParsedChunk> };
  size: number;
}

const emptyMaps = () => ({ markdown: new Map<string, ParsedChunk>(), plaintext: new Map<string, ParsedChunk>() });

/** Parsed chunks keyed by their text (and the word lists they were read with), shared between successive versions of a draft. */
export class ChunkCache {
  private readonly byLexicon = new WeakMap<Lexicon, Generation>();

  constructor(private limit = 20_000) {}

  /** Makes room for a draft of this many chunks, so building it never evicts its own chunks. */
  fit(chunks: number): void {
    this.limit = Math.max(this.limit, chunks);
  }

  /** Returns the parsed chunk for a text, parsing it on a miss. Chunks unused for a while are forgotten; drafts checked with different packs keep apart. */
  get(text: string, format: DocumentFormat, lexicon: Lexicon): ParsedChunk {
    let generation = this.byLexicon.get(lexicon);
    if (!generation) this.byLexicon.set(lexicon, (generation = { entries: emptyMaps(), previous: emptyMaps(), size: 0 }));
    const current = generation.entries[format];
    let entry = current.get(text);
    if (entry) return entry;
    entry = generation.previous[format].get(text);
    if (!entry) {
      // Keep a copy of the chunk's text, not a slice of the whole draft: a slice would keep every old version of the draft alive.
      text = detach(text);
      entry = parseChunk(text, format, lexicon);
    }
    if (generation.size >= this.limit) {
      generation.previous = generation.entries;
      generation.entries = emptyMaps();
      generation.size = 0;
    }
    generation.entries[format].set(text, entry);
    generation.size++;
    return entry;
  }

  /** Parses a chunk and finds its concept matches ahead of time, so building a document that contains it later does neither. */
  prepare(text: string, format: DocumentFormat, matcher: Matcher, lexicon: Lexicon): void {
    chunkMentions(this.get(text, format, lexicon), matcher);
  }
}

/** A chunk's concept matches for a matcher, grouped by concept, found once and kept with the chunk. */
export function chunkMentions(parsed: ParsedChunk, matcher: Matcher): Map<string, ChunkMention[]> {
  let mentions = parsed.mentions.get(matcher);
  if (!mentions) {
    mentions = groupByConcept(matchChunk(parsed, matcher));
    parsed.mentions.set(matcher, mentions);
  }
  return mentions;
}

/** A flat copy of a string that shares no memory with the string it was sliced from. */
function detach(text: string): string {
  return (' ' + text).slice(1);
}

function parseChunk(text: string, format: DocumentFormat, lexicon: Lexicon): ParsedChunk {
  const units = parseUnits(text, format);
  for (const unit of units) {
    if (unit.answer === undefined) continue;
    unit.labelAnswered = !lexicon.isNullAnswer(unit.answer);
    unit.labelFilled = !lexicon.isPlaceholderAnswer(unit.answer);
    unit.answer = undefined;
  }
  const pronouns = { he: 0, she: 0, they: 0 };
  const openingPronouns = { he: 0, she: 0 };
  const otherNames: string[] = [];
  const titled: TitledName[] = [];
  for (const unit of units) {
    for (const sentence of unit.sentences) {
      otherNames.push(...namesOfOthers(lexicon, sentence.words));
      titled.push(...titledNames(lexicon, sentence.words));
      for (const word of sentence.words) {
        const family = pronounOf(lexicon, word);
        if (family) pronouns[family]++;
      }
      const opening = sentence.words[0];
      const openingFamily = pronounOf(lexicon, opening);
      if ((openingFamily === 'he' || openingFamily === 'she') && !lexicon.possessives.has(opening.norm)) openingPronouns[openingFamily]++;
    }
  }
  return { units, pronouns, openingPronouns, otherNames, titledNames: titled, nameFieldSurname: nameFieldSurname(text, units, lexicon), mentions: new WeakMap(), lexicon };
}

/** A "Label: value" line inside a paragraph of header fields ("Court: …\nDefendant: Kerry-Ann DOBBS (52)"); every part is bounded, so no line can make it backtrack. */
const FIELD_LINE = /^[\s*_>-]{0,8}([^:|*_]{1,40}?)[\s*_]{0,4}:[\s*_]{0,4}(.*)$/u;

/** Lines longer than this are no header field, and are not read as one. */
const MAX_FIELD_LINE = 200;

/** The surname the first "Name:" field among a chunk's units gives, if any: a unit's own label, or a field line inside a paragraph. */
function nameFieldSurname(text: string, units: Unit[], lexicon: Lexicon): string | undefined {
  for (const unit of units) {
    if (unit.labelEnd !== undefined && lexicon.isNameField(text.slice(unit.start, unit.labelEnd))) {
      const surname = surnameIn(text.slice(unit.labelEnd, unit.end), lexicon);
      if (surname) return surname;
    }
    for (const line of text.slice(unit.start, unit.end).split(/\r\n|\r|\n/)) {
      const field = line.length <= MAX_FIELD_LINE ? FIELD_LINE.exec(line) : null;
      if (!field) continue;
      const [, label, value] = field;
      if (!lexicon.isNameField(label)) continue;
      const surname = surnameIn(value, lexicon);
      if (surname) return surname;
    }
  }
  return undefined;
}

/** The last word of a name written against a name field, if it holds at least two words and is not N/A or a placeholder. */
function surnameIn(value: string, lexicon: Lexicon): string | undefined {
  // The name ends where a bracket, comma, digit or line break starts ("Dean Farrow (DOB 02/11/1993)"), where a
  // gap of spaces or a tab leads to the next field ("Ryan Michael GOWLAND   Date of birth: …"), or at the next
  // field's word after a forename and surname ("Kerry DOBBS DOB 1/2/80").
  const name = value.slice(0, MAX_FIELD_LINE).replace(/^[\s|*:]+/, '').split(/[(,\d\r\n|]|\t| {2,}/)[0];
  if (lexicon.isNullAnswer(name) || lexicon.isPlaceholderAnswer(name)) return undefined;
  const all = name.match(/\p{L}[\p{L}'\u2019-]*/gu) ?? [];
  const fieldWord = all.findIndex((word, index) => index >= 2 && lexicon.isHeaderFieldWord(word));
  const words = fieldWord < 0 ? all : all.slice(0, fieldWord);
  return words.length >= 2 ? tokenize(words[words.length - 1]).norm : undefined;
}

function groupByConcept(mentions: ChunkMention[]): Map<string, ChunkMention[]> {
  const groups = new Map<string, ChunkMention[]>();
  for (const mention of mentions) {
    let group = groups.get(mention.concept);
    if (!group) groups.set(mention.concept, (group = []));
    group.push(mention);
  }
  return groups;
}

function matchChunk(parsed: ParsedChunk, matcher: Matcher): ChunkMention[] {
  const found: ChunkMention[] = [];
  const { cues } = matcher;
  parsed.units.forEach((unit, unitIndex) => {
    unit.sentences.forEach((sentence, sentenceIndex) => {
      const matches = matcher.matchSentence(sentence.words);
      if (matches.length === 0) return;
      const words = sentence.words;
      const placedCues = cues ? cues.find(words) : [];
      // "[need CPS version – how many times?": a bracket opened by a word such as "need", "check" or "insert" is a note to self.
      const bracketNote = sentence.bracketOpened === true && (parsed.lexicon.placeholderOpeners.has(words[0].norm) || parsed.lexicon.toDoLabels.at(words, 0));
      const query = unit.kind !== 'heading' && ((sentence.query === true && !answeredNext(parsed.lexicon, unit, sentenceIndex)) || sentence.note === true || bracketNote);
      const labelWord = unit.labelEnd === undefined ? undefined : firstWordFrom(words, unit.labelEnd);
      // "TO DO before Fri: PNC, chase CPS, DA check": the field lists what is not done yet.
      const toDo = unit.labelEnd !== undefined && sentenceIndex === 0 && parsed.lexicon.toDoLabels.at(words, 0);
      const sentenceStart = found.length;
      for (const match of matches) {
        const reading = cues?.read(parsed.lexicon, words, placedCues, match.concept, match.first, match.end, labelWord);
        const context = mentionContext(parsed.lexicon, words, match.first, match.end, reading?.covered);
        const end = words[match.end - 1].end;
        let status: MentionStatus = reading?.status ?? (context.negated ? 'negated' : 'affirmed');
        // "No MASH check has been requested": the negation undoes the request.
        if (context.negated && status === 'requested') status = 'not-done';
        const inLabel = unit.labelEnd !== undefined && end <= unit.labelEnd;
        if ((query || words[match.end - 1].queried || words[match.first].queried || toDo) && !inLabel && unit.kind !== 'heading') status = 'placeholder';
        const owner = reading?.owner;
        found.push({
          inLabel,
          concept: match.concept,
          unit: unitIndex,
          sentence: sentenceIndex,
          start: words[match.first].start,
          end,
          // Named one by one, not spread, so every mention has the same compact shape.
          negated: context.negated,
          status,
          role: reading?.role ?? 'topic',
          roleForDraft: reading?.roleForDraft ? true : undefined,
          cueStart: reading?.cue ? words[reading.cue.first].start : undefined,
          cueEnd: reading?.cue ? words[reading.cue.end - 1].end : undefined,
          subject: owner === 'other' ? 'other' : owner === 'person' ? 'person' : context.subject,
          names: owner ? [] : context.names,
          titled: owner ? undefined : context.titled,
          titledAs: owner ? undefined : context.titledAs,
          headStem: words[match.end - 1].stem,
        });
      }
      shareAcrossLists(found, sentenceStart, words, parsed.lexicon);
      if (unit.kind !== 'table-row') shareWithLabel(found, sentenceStart);
    });
  });
  return found;
}

/**
 * Mentions of one concept listed together share what a cue said of the
 * first: "42 cases of spirits (vodka, whisky, rum)" are all stolen goods,
 * "CPS papers and witness statements: not yet received" all unavailable.
 */
function shareAcrossLists(found: ChunkMention[], from: number, words: Word[], lexicon: Lexicon): void {
  for (let index = from + 1; index < found.length; index++) {
    const previous = found[index - 1];
    const mention = found[index];
    if (previous.concept !== mention.concept || !listedTogether(words, previous.end, mention.start, lexicon)) continue;
    if (previous.role !== 'topic' && mention.role === 'topic') mention.role = previous.role;
    else if (mention.role !== 'topic' && previous.role === 'topic') previous.role = mention.role;
    if (mention.status === 'affirmed' && previous.status !== 'affirmed') mention.status = previous.status;
    else if (previous.status === 'affirmed' && mention.status !== 'affirmed') previous.status = mention.status;
  }
}

/**
 * A field label restated in its answer takes the answer's status: in
 * "Children's services: a children's services check was not requested", the
 * label says no more than the answer does. Only what the answer says of the
 * check itself passes to the label (not done, asked for, refused, not
 * available), and only in prose: a table row's cells are separate answers
 * ("| DA enquiry | Yes | No call-outs recorded |").
 */
const LABEL_SHARED_STATUSES: ReadonlySet<MentionStatus> = new Set<MentionStatus>(['not-done', 'requested', 'refused', 'unavailable']);

function shareWithLabel(found: ChunkMention[], from: number): void {
  for (let index = from; index < found.length; index++) {
    const label = found[index];
    if (!label.inLabel || label.status !== 'affirmed') continue;
    for (let next = index + 1; next < found.length; next++) {
      const restated = found[next];
      if (restated.inLabel || restated.concept !== label.concept) continue;
      if (LABEL_SHARED_STATUSES.has(restated.status)) label.status = restated.status;
      break;
    }
  }
}

/** True when only list joiners ("and", "or", "a", commas), quantities and measures ("several bottles of") and bracketed asides stand between two offsets of a sentence. */
function listedTogether(words: Word[], end: number, start: number, lexicon: Lexicon): boolean {
  for (const word of words) {
    if (word.start >= start) break;
    if (word.start >= end && !word.bracketed && !word.quantity && !lexicon.listJoiners.has(word.norm) && !lexicon.measureWords.has(word.norm)) return false;
  }
  return true;
}

/** The index of the first word at or after an offset, if any. */
function firstWordFrom(words: readonly { start: number }[], offset: number): number | undefined {
  const index = words.findIndex((word) => word.start >= offset);
  return index < 0 ? undefined : index;
}

/** True when the sentence after a question, in the same unit, opens with an answer word ("None reported"). */
function answeredNext(lexicon: Lexicon, unit: Unit, sentenceIndex: number): boolean {
  const next = unit.sentences[sentenceIndex + 1]?.words[0];
  return next !== undefined && lexicon.queryAnswers.has(next.norm);
}
