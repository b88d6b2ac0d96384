import type { ChunkMention, ParsedChunk } from './chunk-cache.js';
import type { MentionRole, MentionStatus } from './contracts.js';
import type { AssessmentDocument, Mention, PlacedUnit } from './document.js';
import { headingVerdict, type HeadingVerdict } from './heading-verdict.js';
import type { Span } from './line-index.js';
import type { Matcher } from './matcher.js';
import type { Word } from './sentences.js';

/** A chunk placed in a draft: where it starts and ends, its parse, and the index of its first unit among the draft's units. */
export interface PlacedChunk extends Span {
  parsed: ParsedChunk;
  firstUnit: number;
}

/** How many words after a mention an age of its own may stand ("her daughter, aged 6"). */
const OWN_AGE_REACH = 4;

/**
 * A chunk's match placed in the draft. Its offsets are worked out at once;
 * the rest is read from the match when asked for, because a long draft has
 * thousands of mentions and a rule looks at few of their fields.
 */
export class PlacedMention implements Mention {
  readonly start: number;
  readonly end: number;
  /** A mention elsewhere in the draft whose whole-draft role this one takes ("her daughter" after "her daughter (24)"). */
  private echoOf?: PlacedMention;

  constructor(
    private readonly document: AssessmentDocument,
    private readonly chunk: PlacedChunk,
    private readonly match: ChunkMention,
    readonly about: 'person' | 'other',
    private readonly matcher: Matcher,
  ) {
    this.start = chunk.start + match.start;
    this.end = chunk.start + match.end;
  }

  get concept(): string {
    return this.match.concept;
  }

  get text(): string {
    return this.document.text.slice(this.start, this.end);
  }

  get negated(): boolean {
    return this.match.negated;
  }

  /** A heading asserts what its section says: under "**Drugs**", "cocaine? — ask" asserts nothing yet (see heading-verdict.ts). */
  get status(): MentionStatus {
    return this.headingVerdict?.status ?? this.match.status;
  }

  get role(): MentionRole {
    return this.echoOf?.match.role ?? this.headingVerdict?.role ?? this.match.role;
  }

  /** The role came from a cue that speaks for the whole draft, so the draft's other mentions ending in the same word share it. */
  get speaksForDraft(): boolean {
    return this.match.roleForDraft === true;
  }

  /** The stem of the mention's last word ("daughter" in "staying with her daughter"). */
  get headStem(): string {
    return this.match.headStem;
  }

  /**
   * Takes the role of a mention elsewhere whose cue speaks for the whole draft,
   * unless this one says something of its own: a role of its own, a heading,
   * or a quantity in or just after it ("her daughter, 6").
   */
  echo(source: PlacedMention): void {
    if (this.match.role !== 'topic' || this.unit.unit.kind === 'heading') return;
    const words = this.sentenceWords;
    const own = words.slice(0, this.lastWord(words) + OWN_AGE_REACH + 1).filter((word) => word.start >= this.match.start);
    if (!own.some((word) => word.quantity)) this.echoOf = source;
  }

  private get sentenceWords(): readonly Word[] {
    return this.unit.unit.sentences[this.match.sentence]?.words ?? [];
  }

  /** The index of the mention's last word in its sentence (-1 if not found). */
  private lastWord(words: readonly Word[]): number {
    return words.findIndex((word) => word.end === this.match.end);
  }

  private get headingVerdict(): HeadingVerdict | undefined {
    if (this.match.status !== 'affirmed' || this.match.role !== 'topic' || this.unit.unit.kind !== 'heading') return undefined;
    return headingVerdict(this.document, this.matcher, this.chunk.firstUnit + this.match.unit, this.match.concept);
  }

  get cue(): Span | undefined {
    if (this.echoOf) return this.echoOf.cue;
    const { cueStart, cueEnd } = this.match;
    return cueStart === undefined || cueEnd === undefined ? undefined : { start: this.chunk.start + cueStart, end: this.chunk.start + cueEnd };
  }

  /** A heading is read as a field label too: "R10.2 WHAT IS THE NATURE OF THE RISK" is a prompt, answered by what is written under it. */
  get inLabel(): boolean {
    return this.match.inLabel || this.unit.unit.kind === 'heading';
  }

  get labelAnswered(): boolean {
    const { unit, section } = this.unit;
    return unit.kind === 'heading' ? this.document.isAnswered(section) : (unit.labelAnswered ?? true);
  }

  get labelFilled(): boolean {
    const { unit, section } = this.unit;
    return unit.kind === 'heading' ? this.document.isAnswered(section, (answer) => this.document.lexicon.isPlaceholderAnswer(answer)) : (unit.labelFilled ?? true);
  }

  get unit(): PlacedUnit {
    return this.document.units[this.chunk.firstUnit + this.match.unit];
  }

  get sentence(): number {
    return this.match.sentence;
  }
}
