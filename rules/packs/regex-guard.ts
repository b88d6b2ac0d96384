/**
 * Packs are data and may not carry regular expressions: terms are word
 * sequences compiled into a token trie (rules/core/terms.ts), which keeps
 * matching linear. This file names what a regular expression looks like in
 * a pack, so the loader and the JSON Schema can refuse it with one message.
 */

/** Matches a term with no regular-expression syntax (no backslash, anchors, brackets, `+`, `?` or `.*`). */
export const TERM_PATTERN = '^(?!.*\\.[*+?])[^\\\\^$()[\\]+?]+$';

/** What the loader and editors say about a term that looks like a regular expression. */
export const REGEX_TERM_MESSAGE =
  'looks like a regular expression; packs cannot use regular expressions. Write words instead: "word" exact, word* prefix, a|b either, {0,3} a gap (see docs/packs.md#terms)';

const REGEX_FIELD_NAMES = new Set(['regex', 'regexp', 'regexes', 'pattern', 'patterns', 'raw', 'tokens', 'expression']);

/** True for a field name that asks for a regular expression (Vale's `tokens`, `raw`, a `pattern`…). */
export function isRegexField(name: string): boolean {
  return REGEX_FIELD_NAMES.has(name.toLowerCase());
}

/** The message for a field that tries to give a regular expression. */
export function regexFieldMessage(name: string): string {
  return `'${name}' would give a regular expression, and packs cannot use them (a shared pack must never be able to freeze an editor); list words under terms: and refer to the concept by name (see docs/packs.md#terms)`;
}
