import type { MentionRole, MentionStatus } from './contracts.js';
import type { AssessmentDocument, Mention } from './document.js';
import type { Matcher } from './matcher.js';

/** What a heading that names a concept is taken to assert, when what is written under it says nothing of it. */
export interface HeadingVerdict {
  status: MentionStatus;
  role: MentionRole;
}

/** Statuses of a mention that record nothing done or known yet: a heading over only these takes the first one's ("PREVIOUS CONVICTIONS / [PNC to follow]" is requested). */
const EMPTY_STATUSES: ReadonlySet<MentionStatus> = new Set(['placeholder', 'not-done', 'unavailable', 'requested']);

const verdicts = new WeakMap<AssessmentDocument, WeakMap<Matcher, Map<string, HeadingVerdict | null>>>();

/**
 * A heading asserts what its section says. It is set aside when the section
 * opens with a note to self ("[insert PNC]", "check PNC!!", "cocaine? — ask"),
 * or when all that is written under it is notes to self and mentions of the
 * heading's concept that are themselves set aside ("Convictions: theft (this
 * matter). [insert from PNC]"). Then the heading takes the status and role of
 * the first of them; undefined when the section says something.
 */
export function headingVerdict(document: AssessmentDocument, matcher: Matcher, headingUnit: number, concept: string): HeadingVerdict | undefined {
  let byMatcher = verdicts.get(document);
  if (!byMatcher) verdicts.set(document, (byMatcher = new WeakMap()));
  let known = byMatcher.get(matcher);
  if (!known) byMatcher.set(matcher, (known = new Map()));
  const key = `${headingUnit}\u0000${concept}`;
  let verdict = known.get(key);
  if (verdict === undefined) {
    verdict = readVerdict(document, matcher, headingUnit, concept) ?? null;
    known.set(key, verdict);
  }
  return verdict ?? undefined;
}

function readVerdict(document: AssessmentDocument, matcher: Matcher, headingUnit: number, concept: string): HeadingVerdict | undefined {
  const { section } = document.units[headingUnit];
  let mentions: Mention[] | undefined;
  let first: HeadingVerdict | undefined;
  let opening = true;
  for (let index = headingUnit + 1; index < document.units.length && document.units[index].section === section; index++) {
    const placed = document.units[index];
    if (placed.unit.kind === 'heading') break;
    for (const sentence of placed.unit.sentences) {
      const start = placed.offset + sentence.start;
      const end = placed.offset + sentence.end;
      if (sentence.query === true || sentence.note === true || document.lexicon.isNoteToSelf(document.text.slice(start, end))) {
        // A section that opens with a note to self asserts nothing yet, whatever follows.
        if (opening) return { status: 'placeholder', role: 'topic' };
        continue;
      }
      opening = false;
      mentions ??= document.mentionsOf(matcher, [concept]);
      const inSentence = mentionsWithin(mentions, start, end);
      if (inSentence.length === 0 || !inSentence.every(isEmptyMention)) return undefined;
      first ??= { status: EMPTY_STATUSES.has(inSentence[0].status) ? inSentence[0].status : 'affirmed', role: inSentence[0].role };
    }
  }
  return first;
}

function isEmptyMention(mention: Mention): boolean {
  return mention.about === 'other' || mention.role !== 'topic' || EMPTY_STATUSES.has(mention.status);
}

/** The mentions (sorted by start) that start inside a span. */
function mentionsWithin(mentions: readonly Mention[], start: number, end: number): Mention[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (mentions[middle].start < start) low = middle + 1;
    else high = middle;
  }
  const found: Mention[] = [];
  for (let index = low; index < mentions.length && mentions[index].start < end; index++) found.push(mentions[index]);
  return found;
}
