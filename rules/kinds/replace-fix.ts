import type { Fix } from '../core/contracts.js';
import type { AssessmentDocument, Mention } from '../core/document.js';

const WHITESPACE_ONLY = /^\s*$/;
const WORD_BREAKS = /\s+/;

/** The draft's words inside a mention, as offsets into the draft. */
function wordsOf(mention: Mention): Array<{ start: number; end: number }> {
  const sentence = mention.unit.unit.sentences[mention.sentence];
  const offset = mention.unit.offset;
  return (sentence?.words ?? []).map((word) => ({ start: word.start + offset, end: word.end + offset })).filter((word) => word.start >= mention.start && word.end <= mention.end);
}

/**
 * The quick fix that replaces a matched phrase, keeping every character of
 * the draft that is not one of the phrase's words. Between the words of a
 * phrase there may be more than spaces: an emoji, punctuation, Markdown
 * (`he **really** said`, `[said](…)`) or a line break. A replacement with as
 * many words as the phrase takes the words' places one by one and leaves what
 * lies between them as it is, line breaks included ("he 😀 said" → "they 😀
 * stated"); a replacement of another length is offered only when nothing but
 * spaces and line breaks lies between the words. Undefined when no
 * replacement is left.
 */
export function replaceFix(document: AssessmentDocument, mention: Mention, replacements: readonly string[] | undefined): Fix | undefined {
  if (!replacements || replacements.length === 0) return undefined;
  const span = { start: mention.start, end: mention.end };
  const words = wordsOf(mention);
  // A span that is not made of whole words as the text model split them gets no fix rather than one that might delete something.
  if (words.length === 0 || words[0].start !== span.start || words[words.length - 1].end !== span.end) return undefined;
  const between = words.slice(1).map((word, index) => document.text.slice(words[index].end, word.start));
  const plain = between.every((gap) => WHITESPACE_ONLY.test(gap));
  const kept: string[] = [];
  for (const replacement of replacements) {
    const wording = replacement.trim().split(WORD_BREAKS);
    if (words.length > 1 && wording.length === words.length) kept.push(wording.map((word, index) => (index === 0 ? word : between[index - 1] + word)).join(''));
    else if (plain) kept.push(replacement);
  }
  return kept.length > 0 ? { type: 'replace', span, replacements: [...new Set(kept)] } : undefined;
}
