/** Reading the field label a line of a draft opens with ("Author: Tom Riley", "Children – none"). */

// The space after a label's colon or dash is not part of the label (it may be the \r of a CRLF line break).
// Both are tried after the leading white space, which is skipped first: `^\s*` before a lazy group backtracks over long indentation.
const FIELD_LABEL = /^([^:.!?\n]{1,60}?)\s*:(?=\s|$)/;
// "[need CPS version – how many times?" opens a note in brackets, not a field label.
const DASH_LABEL = /^(?!\[)([^:.!?\n\u2013\u2014-]{1,40}?)\s+[\u2013\u2014-](?=\s|$)/;
const MAX_LABEL_WORDS = 8;
const MAX_DASH_LABEL_WORDS = 4;

/** The field label a line opens with ("Author" in "Author: Tom Riley", "Team - North") and the length of label and colon or dash; undefined when it opens none. */
export function readLabel(text: string): { label: string; length: number } | undefined {
  const rest = text.trimStart();
  const lead = text.length - rest.length;
  const colon = FIELD_LABEL.exec(rest);
  if (colon && colon[1].trim().split(/\s+/).length <= MAX_LABEL_WORDS) return { label: colon[1].trim(), length: lead + colon[0].length };
  const dash = DASH_LABEL.exec(rest);
  if (dash && dash[1].trim().split(/\s+/).length <= MAX_DASH_LABEL_WORDS) return { label: dash[1].trim(), length: lead + dash[0].length };
  return undefined;
}
