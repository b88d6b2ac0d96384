import type { MentionRole, MentionStatus } from './contracts.js';
import type { Lexicon } from './lexicon.js';
import { Matcher, type WordMatch } from './matcher.js';
import { Break, type Word } from './sentences.js';

/** Where a cue stands relative to the mentions it speaks of (ConText's forward and backward triggers). */
export type CuePosition = 'before' | 'after' | 'either' | 'over';

/**
 * One cue of a pack's `cues:`: words that say something about a mention near
 * them, such as its status ("not yet received": unavailable), its role ("stole
 * a crate of lager": object) or whose it is. A pseudo cue says nothing, and
 * stops the cues it overlaps ("not only").
 */
export interface CueDefinition {
  name: string;
  match: string[];
  exclude?: string[];
  status?: MentionStatus;
  role?: MentionRole;
  owner?: 'person' | 'other';
  pseudo?: boolean;
  position: CuePosition;
  /** How many words may stand between the cue and the mention. */
  scope: number;
  /** Further words that end this cue's reach, besides the pack's `cue-terminators`. */
  until?: string[];
  /** The cue reaches across colons, dashes and brackets within the sentence ("supply of Class A (crack cocaine)"). */
  acrossBreaks?: boolean;
  /** The cue reaches only within its clause: a comma ends its reach too ("If released, he will live with his mother"). */
  withinClause?: boolean;
  /** The concepts the cue speaks of; every concept when absent. */
  concepts?: string[];
  /**
   * What the cue says of a mention's role holds for the draft's other mentions
   * of the concept that end in the same word: once "her daughter (24)" is
   * grown up, so is "her relationship with her daughter".
   */
  wholeDraft?: boolean;
  /** Concepts the cue never speaks of ("for shoplifting" makes goods of alcohol, not of a conviction). */
  exceptConcepts?: string[];
}

/** What the cues around a mention say about it. */
export interface CueReading {
  status?: MentionStatus;
  role?: MentionRole;
  owner?: 'person' | 'other';
  /** The role came from a cue whose word holds for the whole draft (`wholeDraft`). */
  roleForDraft?: boolean;
  /** The words (word indexes, end exclusive) of the cue that decided the status or role. */
  cue?: { first: number; end: number };
  /** Words the cues account for: a negation inside one ("not yet received") is the cue's, not the mention's own. */
  covered: (index: number) => boolean;
}

/** When two cues are as near, the one listed first wins: the status that says least was done. */
const STATUS_ORDER: readonly MentionStatus[] = ['placeholder', 'unavailable', 'not-done', 'refused', 'requested', 'hypothetical', 'reported', 'negated', 'affirmed'];

interface Placed extends WordMatch {
  cue: CueDefinition;
}

const NOTHING_COVERED = () => false;

/** The most words of a bracketed aside a cue reaches across ("(MARU)", "(see the CPS summary)"). */
const MAX_ASIDE_WORDS = 8;

/** The most words of a name a mention is given again after a dash, before its cue ("– FAST:", "– Athena:"). */
const MAX_RENAMING_WORDS = 3;

/** A pack's cues compiled once: matched per sentence, then read for each mention in it. */
export class CueSet {
  private readonly matcher: Matcher;
  private readonly byName = new Map<string, CueDefinition>();
  private readonly until = new Map<string, ReadonlySet<string>>();

  constructor(cues: readonly CueDefinition[]) {
    this.matcher = new Matcher(cues.map(({ name, match, exclude }) => ({ name, match, exclude })));
    for (const cue of cues) {
      this.byName.set(cue.name, cue);
      if (cue.until) this.until.set(cue.name, new Set(cue.until.map((word) => word.toLowerCase())));
    }
  }

  /** The cues found in a sentence: pseudo cues kept, the cues they overlap dropped, and cues inside a longer cue too. */
  find(words: Word[]): Placed[] {
    const found: Placed[] = this.matcher
      .matchSentence(words)
      .filter((match) => !crossesClause(words, match))
      .map((match) => ({ ...match, cue: this.byName.get(match.concept)! }));
    if (found.length === 0) return found;
    const pseudo = found.filter((match) => match.cue.pseudo);
    return found.filter(
      (match) =>
        (match.cue.pseudo || !pseudo.some((other) => overlaps(other, match))) &&
        !found.some(
          (other) =>
            other !== match && !other.cue.pseudo && other.first <= match.first && other.end >= match.end && other.end - other.first > match.end - match.first && speaksForAll(other.cue, match.cue),
        ),
    );
  }

  /**
   * Reads what the cues of a sentence say about the mention at words
   * `first`..`end` (exclusive). `labelWord` is the first word after a field
   * label ("CPS papers / case summary: not yet received"): a status cue that
   * opens the answer speaks of every mention in the label.
   */
  read(lexicon: Lexicon, words: Word[], cues: Placed[], concept: string, first: number, end: number, labelWord?: number): CueReading {
    if (cues.length === 0) return { covered: NOTHING_COVERED };
    let status: { cue: Placed; distance: number } | undefined;
    let role: { cue: Placed; distance: number } | undefined;
    let owner: { cue: Placed; distance: number } | undefined;
    const reaching: Placed[] = [];
    for (const cue of cues) {
      if (cue.cue.pseudo) {
        reaching.push(cue);
        continue;
      }
      if ((cue.cue.concepts && !cue.cue.concepts.includes(concept)) || cue.cue.exceptConcepts?.includes(concept)) continue;
      const distance = labelWord !== undefined && end <= labelWord && cue.cue.status && this.opensAnswer(lexicon, words, cue, labelWord) ? 0 : this.reach(lexicon, words, cue, first, end);
      if (distance === undefined) continue;
      if (cue.cue.status) reaching.push(cue);
      const definition = cue.cue;
      if (definition.status && nearer(cue, distance, status)) status = { cue, distance };
      if (definition.role && (!role || distance < role.distance)) role = { cue, distance };
      if (definition.owner && (!owner || distance < owner.distance)) owner = { cue, distance };
    }
    const decided = status?.cue ?? role?.cue;
    return {
      status: status?.cue.cue.status,
      role: role?.cue.cue.role,
      roleForDraft: role?.cue.cue.wholeDraft,
      owner: owner?.cue.cue.owner,
      cue: decided ? { first: decided.first, end: decided.end } : undefined,
      covered: reaching.length === 0 ? NOTHING_COVERED : (index) => reaching.some((cue) => index >= cue.first && index < cue.end),
    };
  }

  /** True when a status cue stands at the start of a field's answer, within its reach of the answer's first word. */
  private opensAnswer(lexicon: Lexicon, words: Word[], placed: Placed, labelWord: number): boolean {
    if (placed.first < labelWord || placed.cue.position === 'before' || placed.first - labelWord > placed.cue.scope) return false;
    for (let index = labelWord; index < placed.first; index++) if (lexicon.cueTerminators.at(words, index)) return false;
    return true;
  }

  /** How many words stand between a cue and a mention, if the cue reaches it; undefined if it does not. */
  private reach(lexicon: Lexicon, words: Word[], placed: Placed, first: number, end: number): number | undefined {
    const { cue } = placed;
    if (cue.position === 'over') return placed.first <= first && placed.end >= end ? 0 : undefined;
    // A cue that starts before the mention and runs over it ("possession of cannabis with intent") reaches it.
    // A cue after a mention whose last words the mention's term took in ("Police DA checks: no check made") reaches it too.
    // A role cue inside the mention's words, before its last one, reaches it as a cue before it would ("has an adult
    // son"); a status word inside is part of what the mention names ("the call-out check from Northumbria Police").
    if (placed.first < end && placed.end > first) {
      if (placed.first > first && placed.end < end) return cue.role !== undefined && cue.position !== 'after' ? 0 : undefined;
      return (placed.first < first && cue.position !== 'after') || (placed.first > first && placed.end >= end && cue.position !== 'before') ? 0 : undefined;
    }
    const before = placed.end <= first;
    if ((before && cue.position === 'after') || (!before && cue.position === 'before')) return undefined;
    const [from, to] = before ? [placed.end, first] : [end, placed.first];
    // An aside in brackets between them ("The Multi-Agency Referral Unit (MARU) has not been contacted") neither counts nor breaks,
    // up to a few words of it; the count stops as soon as the cue is out of reach, so far-apart pairs cost nothing.
    if (to - from > cue.scope + MAX_ASIDE_WORDS) return undefined;
    let aside = 0;
    for (let index = from; index < to; index++) if (words[index].bracketed && ++aside > MAX_ASIDE_WORDS) return undefined;
    if (to - from - aside > cue.scope) return undefined;
    if (cue.withinClause) for (let index = before ? from : from + 1; index <= to && index < words.length; index++) if (words[index].breakBefore !== Break.None) return undefined;
    const until = this.until.get(cue.name);
    for (let index = from; index < to; index++) {
      // "a bag of cocaine (1.8g) and a cannabis joint": a list going on ("and a", "and 2") does not end the reach.
      const listGoesOn = lexicon.listJoiners.has(words[index].norm) && continuesList(lexicon, words[index + 1]);
      if ((until?.has(words[index].norm) && !listGoesOn) || lexicon.cueTerminators.at(words, index)) return undefined;
    }
    // A cue before a mention stops at a new clause; a cue after one may follow it across one colon, dash or cell
    // ("CPS papers: not yet received", "| DA call-outs | N/A |", "IFD enquiry: not requested"), but no further.
    if (!cue.acrossBreaks) {
      let breaks = 0;
      for (let index = before ? from : from + 1; index <= to && index < words.length; index++) {
        // The opening of an aside in brackets is no break ("The Multi-Agency Referral Unit (MARU) has not been contacted"); its closing is.
        if (words[index].breakBefore === Break.Strong && !words[index].bracketed) breaks++;
      }
      // Before a mention, any break ends the cue; after one, a single break may stand between ("IFD enquiry: not requested"),
      // or an aside in brackets and its closing.
      const opensWithAside = from < words.length && words[from].bracketed;
      // A short name between its own breaks is the same thing named again ("Children and Families Service – FAST: not requested").
      const namedAgain = !before && to > from && to - from <= MAX_RENAMING_WORDS && words.slice(from, to).every((word) => word.initialCapital);
      const allowed = before ? 0 : namedAgain ? 2 : 1;
      if (breaks > allowed || (!before && !opensWithAside && !namedAgain && from < words.length && words[from].breakBefore === Break.Strong && breaks > 0)) return undefined;
    }
    return to - from;
  }
}

/**
 * True when a cue speaks of every concept another does, and on the same side
 * of a mention, so that the other, inside it, can give way: "supplying cannabis to" (said of the people sold
 * to) leaves "supplying" (said of the goods) standing.
 */
function speaksForAll(outer: CueDefinition, inner: CueDefinition): boolean {
  // "the vodka he stole" (after) leaves "stole" (before) to reach what follows it: "he stole vodka".
  if (outer.position !== inner.position && outer.position !== 'either') return false;
  if (outer.exceptConcepts?.some((concept) => !inner.exceptConcepts?.includes(concept))) return false;
  if (!outer.concepts) return true;
  return inner.concepts !== undefined && inner.concepts.every((concept) => outer.concepts!.includes(concept));
}

/** True when a word carries a list on after a joiner: an article ("and a", "and an") or a quantity ("and 2 wraps", "and two bottles"). */
function continuesList(lexicon: Lexicon, word: Word | undefined): boolean {
  return word !== undefined && (lexicon.articles.has(word.norm) || word.quantity || lexicon.measureWords.has(word.norm));
}

/** True when a cue's own words run across a colon, dash, bracket or cell: the two halves belong to different things. */
function crossesClause(words: Word[], match: WordMatch): boolean {
  for (let index = match.first + 1; index < match.end; index++) if (words[index].breakBefore === Break.Strong) return true;
  return false;
}

function overlaps(a: WordMatch, b: WordMatch): boolean {
  return a.first < b.end && b.first < a.end;
}

function nearer(cue: Placed, distance: number, best: { cue: Placed; distance: number } | undefined): boolean {
  if (!best) return true;
  if (distance !== best.distance) return distance < best.distance;
  return STATUS_ORDER.indexOf(cue.cue.status!) < STATUS_ORDER.indexOf(best.cue.cue.status!);
}
