import type { ChunkMention, ParsedChunk } from './chunk-cache.js';
import type { MentionRole, MentionStatus } from './contracts.js';
import type { AssessmentDocument, Mention, PlacedUnit } from './document.js';
import type { Span } from './line-index.js';

/** A chunk placed in a draft: where it starts and ends, its parse, and the index of its first unit among the draft's units. */
export interface PlacedChunk extends Span {
  parsed: ParsedChunk;
  firstUnit: number;
}

/**
 * A chunk's match placed in the draft. Its offsets are worked out at once;
 * the rest is read from the match when asked for, because a long draft has
 * thousands of mentions and a rule looks at few of their fields.
 */
export class PlacedMention implements Mention {
  readonly start: number;
  readonly end: number;

  constructor(
    private readonly document: AssessmentDocument,
    private readonly chunk: PlacedChunk,
    private readonly match: ChunkMention,
    readonly about: 'person' | 'other',
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

  /** A heading whose section opens with a placeholder ("**Drugs**" then "cocaine? — ask") asserts nothing yet. */
  get status(): MentionStatus {
    if (this.match.status === 'affirmed' && this.unit.unit.kind === 'heading' && this.document.opensWithPlaceholder(this.unit.section)) return 'placeholder';
    return this.match.status;
  }

  get role(): MentionRole {
    return this.match.role;
  }

  get cue(): Span | undefined {
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
