import { ChunkCache, chunkMentions, type ChunkMention, type ParsedChunk } from './chunk-cache.js';
import { editChunks, splitChunks, type ChunkEdit, type DocumentFormat } from './chunks.js';
import type { Subject } from './context.js';
import type { MentionRole, MentionStatus } from './contracts.js';
import { defaultTextVocabulary } from './default-vocabulary.js';
import type { Lexicon } from './lexicon.js';
import { LineIndex, type Span } from './line-index.js';
import type { Matcher } from './matcher.js';
import { mergeOrdered } from './merge-ordered.js';
import type { SectionClassifier, SectionKind } from './section-kinds.js';
import { PlacedMention, type PlacedChunk } from './placed-mention.js';
import { findDirectives, isDirectiveLine, type Directive } from './suppressions.js';
import { BOLD_HEADING_DEPTH, type Unit } from './units.js';

/** Gives each mention the role a whole-draft cue gave another mention ending in the same word (see `PlacedMention.echo`). */
function echoWholeDraftRoles(placed: PlacedMention[]): void {
  let sources: Map<string, PlacedMention> | undefined;
  for (const mention of placed) {
    const head = mention.speaksForDraft ? mention.headStem : undefined;
    if (head !== undefined && !sources?.has(head)) (sources ??= new Map()).set(head, mention);
  }
  if (!sources) return;
  for (const mention of placed) {
    if (mention.speaksForDraft) continue;
    const head = mention.headStem;
    const source = head === undefined ? undefined : sources.get(head);
    if (source) mention.echo(source);
  }
}

/** Sections opened by a field label ("Sources: ...") nest under every real heading. */
const LABEL_SECTION_DEPTH = 99;
/** A plain line read as a heading ("Sources of information") sits where a second-level heading would. */
const TITLE_LINE_DEPTH = 2;

/** A section of the draft: from its heading to the next heading, with its canonical kind. */
export interface Section {
  kind: SectionKind;
  title: string;
  depth: number;
  /** The heading's span; undefined for text before the first heading. */
  heading?: Span;
  start: number;
  end: number;
}

/** A unit of the draft with absolute offsets and the section it belongs to. */
export interface PlacedUnit {
  unit: Unit;
  start: number;
  end: number;
  section: Section;
  /** Offset of the unit's chunk: add it to the unit's word and sentence offsets. */
  offset: number;
}

/** A concept mentioned in the draft, with who it is about already decided. */
export interface Mention {
  concept: string;
  start: number;
  end: number;
  text: string;
  negated: boolean;
  /** What the mention asserts about its concept (read from the pack's cues and negation). */
  status: MentionStatus;
  /** The part its words play: the topic itself, an object or place of the offence, or another sense. */
  role: MentionRole;
  /** The words of the cue that decided its status or role, if one did. */
  cue?: Span;
  /** `person` when about the person the report concerns, `other` when about somebody else. */
  about: 'person' | 'other';
  /** The mention is part of a field label ("Nature of risk:"), not of what was written against it. */
  inLabel: boolean;
  /** For a mention in a label: whether something other than "N/A", "None" and the like was written against it. */
  labelAnswered: boolean;
  /** For a mention in a label: whether the field holds more than a blank or a placeholder ("[to complete]", "TBC"). */
  labelFilled: boolean;
  unit: PlacedUnit;
  /** Index of the sentence within its unit. */
  sentence: number;
}

/** How many sentences a pronoun must open before it can say whom the draft is about. */
const MIN_OPENINGS = 3;
/** A surname must be used with a title this often, and this many times as often as any other, to say who the draft is about. */
const MIN_TITLED_MENTIONS = 2;
const TITLE_LEAD = 1.5;

/** Options for building a document model. */
export interface BuildOptions {
  cache?: ChunkCache;
  /** The word lists of the text model (a compiled pack's `lexicon`); the built-in pack's when not given. */
  lexicon?: Lexicon;
  /** The heading classifier (a compiled pack's `classifier`); the built-in pack's when not given. */
  classifier?: SectionClassifier;
  /** The same draft's model before its latest change: the chunks away from the change are taken from it. */
  previous?: AssessmentDocument;
  /** The chunk plan, when the caller has already made it (see `planChunks`). */
  plan?: ChunkPlan;
}

/** Which chunks a new version of a draft needs parsed, and how the rest follow from its previous version. */
export interface ChunkPlan {
  /** Chunks not taken from the previous version: all of them when there is none. */
  fresh: Span[];
  /** How the chunks changed, when the draft is built from its previous version. */
  edit?: { from: AssessmentDocument; change: ChunkEdit };
  /** True when `fresh` holds only the draft's first chunks (its check was stopped): such a model is never built on. */
  partial?: boolean;
}

/** Works out which chunks of a draft's text need parsing, from the draft's previous model when there is one of the same format (and word lists). */
export function planChunks(text: string, format: DocumentFormat, previous?: AssessmentDocument, lexicon?: Lexicon): ChunkPlan {
  const change = previous && previous.format === format && previous.complete && (!lexicon || previous.lexicon === lexicon) ? editChunks(previous.text, previous.chunkSpans(), text, format) : undefined;
  return change ? { fresh: change.added, edit: { from: previous!, change } } : { fresh: splitChunks(text, format) };
}

/**
 * The section a field label opens. A table row's first cell opens one only when
 * it names the sources ("| Sources | CPS summary; PNC |" in a header table lists
 * them as a sources section would); "| Children | Medium |" in a risk table is a row.
 */
function labelSection(classifier: SectionClassifier, unit: Unit, label: string): SectionKind {
  const kind = classifier.classify(label);
  return unit.kind !== 'table-row' || kind === 'sources' ? kind : 'unknown';
}

/**
 * The text model of one draft: sections, units, sentences and words with exact
 * UTF-16 offsets, built chunk by chunk so unchanged chunks are reused.
 */
export class AssessmentDocument {
  readonly lines: LineIndex;
  readonly sections: Section[] = [];
  readonly units: PlacedUnit[] = [];
  readonly directives: Directive[];
  /** False when the model holds only the draft's first chunks (its check was stopped), so the next version is built afresh. */
  readonly complete: boolean;
  private readonly chunks: PlacedChunk[] = [];
  private mentionCache = new WeakMap<Matcher, Map<string, Mention[]>>();
  private allMentions = new WeakMap<Matcher, Mention[]>();
  private conceptIndex = new WeakMap<Matcher, Map<string, Array<{ chunk: PlacedChunk; found: ChunkMention[] }>>>();
  private personPronoun: 'he' | 'she' | undefined;
  private readonly otherNames = new Set<string>();
  private personSurname: string | undefined;
  /** The word lists the model was read with. */
  readonly lexicon: Lexicon;

  constructor(
    readonly text: string,
    readonly format: DocumentFormat,
    options: BuildOptions = {},
  ) {
    const cache = options.cache ?? new ChunkCache();
    const classifier = options.classifier ?? defaultTextVocabulary().classifier;
    this.lexicon = options.lexicon ?? defaultTextVocabulary().lexicon;
    const given = options.plan?.edit && options.plan.edit.from.lexicon !== this.lexicon ? undefined : options.plan;
    const plan = given ?? planChunks(text, format, options.previous, this.lexicon);
    const edit = plan.edit;
    this.complete = !plan.partial;
    if (edit) {
      const { from, change } = edit;
      this.lines = LineIndex.afterEdit(from.lines, text, change.prefix, change.suffix);
      for (let index = 0; index < change.first; index++) this.chunks.push(from.chunks[index]);
      this.placeChunks(change.added, cache);
      for (let index = change.resume; index < from.chunks.length; index++) {
        const moved = from.chunks[index];
        this.pushChunk(moved.start + change.shift, moved.end + change.shift, moved.parsed);
      }
    } else {
      this.lines = new LineIndex(text);
      cache.fit(plan.fresh.length);
      this.placeChunks(plan.fresh, cache);
    }
    this.gatherPeople();
    this.directives = findDirectives(text, this.lines);
    this.placeUnits(classifier);
  }

  private placeChunks(spans: Span[], cache: ChunkCache): void {
    for (const span of spans) this.pushChunk(span.start, span.end, cache.get(this.text.slice(span.start, span.end), this.format, this.lexicon));
  }

  private pushChunk(start: number, end: number, parsed: ParsedChunk): void {
    const last = this.chunks[this.chunks.length - 1];
    const firstUnit = last ? last.firstUnit + last.parsed.units.length : 0;
    this.chunks.push({ start, end, parsed, firstUnit });
  }

  /** The chunks the draft was split into. */
  chunkSpans(): readonly Span[] {
    return this.chunks;
  }

  /** Works out who the draft is about (the pronoun and surname used most) and the names given to other people. */
  private gatherPeople(): void {
    const pronouns = { he: 0, she: 0, they: 0 };
    const openings = { he: 0, she: 0 };
    const surnames = new Map<string, { count: number; titles: Map<string, number> }>();
    for (const { parsed } of this.chunks) {
      pronouns.he += parsed.pronouns.he;
      pronouns.she += parsed.pronouns.she;
      pronouns.they += parsed.pronouns.they;
      openings.he += parsed.openingPronouns.he;
      openings.she += parsed.openingPronouns.she;
      for (const name of parsed.otherNames) this.otherNames.add(name);
      for (const { title, surname } of parsed.titledNames) {
        const seen = surnames.get(surname) ?? { count: 0, titles: new Map<string, number>() };
        seen.count++;
        seen.titles.set(title, (seen.titles.get(title) ?? 0) + 1);
        surnames.set(surname, seen);
      }
    }
    const ranked = [...surnames.entries()].sort((a, b) => b[1].count - a[1].count);
    // The person's pronoun is the one used at least twice as often as the other. When neither is (a draft
    // about him that often speaks of her), the pronoun that opens sentences decides, then the titles of the
    // name field's surname, then those of the surname used most if it clearly leads (all its titles must agree:
    // a husband and wife share a surname).
    if (pronouns.he >= 2 * pronouns.she && pronouns.he > 0) this.personPronoun = 'he';
    else if (pronouns.she >= 2 * pronouns.he && pronouns.she > 0) this.personPronoun = 'she';
    // Otherwise the pronoun that opens sentences as their subject ("He told me…") twice as often: the person interviewed.
    else if (openings.he >= 2 * openings.she && openings.he >= MIN_OPENINGS) this.personPronoun = 'he';
    else if (openings.she >= 2 * openings.he && openings.she >= MIN_OPENINGS) this.personPronoun = 'she';
    // A "Name:" (or "Re:") field in the header is the surest sign of whose surname is the person's.
    const named = this.chunks.find((chunk) => chunk.parsed.nameFieldSurname)?.parsed.nameFieldSurname;
    const [first, second] = ranked;
    const leads = first !== undefined && first[1].count >= MIN_TITLED_MENTIONS && first[1].count >= TITLE_LEAD * (second?.[1].count ?? 0);
    const titles = named !== undefined ? surnames.get(named)?.titles : leads ? first[1].titles : undefined;
    this.personPronoun ??= titles && this.pronounOfTitles(titles);
    // Otherwise the surname used most with a title of the person's pronoun ("Mr Bridges" and "Ms Crump" six times each, in a draft about him).
    const ofPerson = ranked.find(([, seen]) => this.personPronoun !== undefined && [...seen.titles.keys()].some((title) => this.lexicon.pronounOfTitle(title) === this.personPronoun));
    this.personSurname = named ?? ofPerson?.[0] ?? ranked[0]?.[0];
  }

  /** The pronoun all of a surname's titles share ("Mr" and "Mr" say he), or undefined when they disagree. */
  private pronounOfTitles(titles: ReadonlyMap<string, number>): 'he' | 'she' | undefined {
    const implied = new Set([...titles.keys()].map((title) => this.lexicon.pronounOfTitle(title)));
    return implied.size === 1 ? [...implied][0] : undefined;
  }

  private placeUnits(classifier: SectionClassifier): void {
    const title = this.titleHeading(classifier);
    const stack: Section[] = [];
    let current: Section = { kind: 'unknown', title: '', depth: 0, start: 0, end: this.text.length };
    this.sections.push(current);
    for (const chunk of this.chunks) {
      for (const unit of chunk.parsed.units) {
        const start = chunk.start + unit.start;
        const end = chunk.start + unit.end;
        const labelKind = unit.label && !this.lexicon.isHeaderField(unit.label) ? labelSection(classifier, unit, unit.label) : 'unknown';
        // A line such as "Sources of information" standing alone is a heading when it names a section.
        const titleKind = unit.titleLike ? classifier.classifyWhole(unit.titleLike) : 'unknown';
        const asHeading = unit.kind === 'heading' || titleKind !== 'unknown';
        if (asHeading || labelKind !== 'unknown') {
          const depth = unit.kind === 'heading' ? unit.depth : titleKind !== 'unknown' ? TITLE_LINE_DEPTH : LABEL_SECTION_DEPTH;
          while (stack.length > 0 && stack[stack.length - 1].depth >= depth) stack.pop();
          const heading = unit.kind === 'heading' ? (unit.title ?? '') : titleKind !== 'unknown' ? unit.titleLike! : (unit.label ?? '');
          let kind = unit.kind === 'heading' ? (unit === title ? 'unknown' : classifier.classify(heading)) : titleKind !== 'unknown' ? titleKind : labelKind;
          if (kind === 'unknown' && stack.length > 0) kind = stack[stack.length - 1].kind;
          current.end = start;
          const headingEnd = asHeading ? end : chunk.start + (unit.labelEnd ?? unit.end);
          current = { kind, title: heading, depth, heading: { start, end: headingEnd }, start, end: this.text.length };
          stack.push(current);
          this.sections.push(current);
        }
        this.units.push({ unit, start, end, section: current, offset: chunk.start });
      }
    }
    if (this.sections.length > 1 && this.sections[0].end === 0) this.sections.shift();
  }

  /**
   * The document's title: a first heading that is the only one at its level,
   * with deeper headings after it. A first heading that names a section kind
   * is the title only when at least two real (not bold-only) headings nest under it.
   */
  private titleHeading(classifier: SectionClassifier): Unit | undefined {
    const headings = this.chunks.flatMap((chunk) => chunk.parsed.units.filter((unit) => unit.kind === 'heading'));
    const first = headings[0];
    if (!first || headings.length < 2) return undefined;
    const sameLevel = headings.filter((heading) => heading.depth <= first.depth).length;
    if (sameLevel !== 1) return undefined;
    if (classifier.classify(first.title ?? '') === 'unknown') return first;
    const outline = headings.filter((heading) => heading.depth > first.depth && heading.depth < BOLD_HEADING_DEPTH).length;
    return outline >= 2 ? first : undefined;
  }

  /** True when the draft has at least one heading. */
  get hasHeadings(): boolean {
    return this.sections.some((section) => section.heading !== undefined);
  }

  /**
   * Lets go of the placed mentions once the rules have run: an editor keeps
   * each open draft's model for hover and outline, and the mentions are the
   * bulk of it. They are placed again if asked for.
   */
  forgetMentions(): void {
    this.mentionCache = new WeakMap();
    this.conceptIndex = new WeakMap();
    this.allMentions = new WeakMap();
  }

  /** Every mention of every concept the matcher knows, in document order. */
  mentions(matcher: Matcher): Mention[] {
    let all = this.allMentions.get(matcher);
    if (!all) this.allMentions.set(matcher, (all = this.mentionsOf(matcher, [...matcher.concepts])));
    return all;
  }

  /** The mentions of some concepts, in document order; all are placed in one pass the first time a matcher asks. */
  mentionsOf(matcher: Matcher, concepts: readonly string[]): Mention[] {
    let byConcept = this.mentionCache.get(matcher);
    if (!byConcept) this.mentionCache.set(matcher, (byConcept = new Map()));
    if (concepts.length === 1) return this.placedMentionsOf(matcher, byConcept, concepts[0]);
    // Each concept's mentions are in document order already: merged, not sorted again (a long draft has tens of thousands).
    return mergeOrdered(
      concepts.map((concept) => this.placedMentionsOf(matcher, byConcept, concept)),
      (a, b) => a.start - b.start || a.end - b.end,
    );
  }

  /** One concept's mentions placed in the draft, the first time a rule asks for them: after an edit, concepts no rule reads are never placed. */
  private placedMentionsOf(matcher: Matcher, byConcept: Map<string, Mention[]>, concept: string): Mention[] {
    const known = byConcept.get(concept);
    if (known) return known;
    const placed: PlacedMention[] = [];
    for (const { chunk, found } of this.chunksMentioning(matcher).get(concept) ?? []) {
      for (const mention of found) {
        const about = this.isAboutOther(mention) ? 'other' : this.resolveSubject(mention.subject);
        placed.push(new PlacedMention(this, chunk, mention, about, matcher));
      }
    }
    echoWholeDraftRoles(placed);
    byConcept.set(concept, placed);
    return placed;
  }

  /** For each concept, the chunks that mention it, in document order: one pass over the chunks, so a concept is placed without visiting the chunks that lack it. */
  private chunksMentioning(matcher: Matcher): Map<string, Array<{ chunk: PlacedChunk; found: ChunkMention[] }>> {
    let index = this.conceptIndex.get(matcher);
    if (index) return index;
    index = new Map();
    for (const chunk of this.chunks) {
      for (const [concept, found] of chunkMentions(chunk.parsed, matcher)) {
        let entries = index.get(concept);
        if (!entries) index.set(concept, (entries = []));
        entries.push({ chunk, found });
      }
    }
    this.conceptIndex.set(matcher, index);
    return index;
  }

  private isAboutOther(mention: ChunkMention): boolean {
    if (mention.names.some((name) => this.otherNames.has(name))) return true;
    if (mention.titled === undefined) return false;
    // "Ms Armitage drank heavily", in a draft about Mr Armitage: the same surname, with a title of the other sex.
    if (mention.titledAs !== undefined && this.personPronoun !== undefined && mention.titledAs !== this.personPronoun) return true;
    return this.personSurname !== undefined && mention.titled !== this.personSurname;
  }

  private resolveSubject(subject: Subject): 'person' | 'other' {
    if (subject === 'other') return 'other';
    if ((subject === 'he' || subject === 'she') && this.personPronoun && subject !== this.personPronoun) return 'other';
    return 'person';
  }

  /** Whether something other than "N/A", "None", "TBC" and the like is written under a section's heading (before any subheading). */
  isAnswered(section: Section, isEmpty: (answer: string) => boolean = (answer) => this.lexicon.isNullAnswer(answer)): boolean {
    const bodyStart = section.heading?.end ?? section.start;
    return !isEmpty(this.text.slice(bodyStart, Math.max(bodyStart, section.end)).replace(/\|/g, ' '));
  }

  /** The first section of one of the given kinds, if any. */
  sectionOf(kinds: readonly string[]): Section | undefined {
    return this.sections.find((section) => kinds.includes(section.kind));
  }

  /** The span of the first non-blank line that is not a suppression comment, where whole-draft messages go when there is no better place. */
  firstLine(): Span {
    for (let line = 0; line < this.lines.lineCount; line++) {
      const start = this.lines.lineStart(line);
      const end = this.lines.lineEnd(line);
      const content = this.text.slice(start, end);
      if (content.trim() !== '' && !isDirectiveLine(content)) return { start: start + (content.length - content.trimStart().length), end };
    }
    return { start: 0, end: 0 };
  }
}
