import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes as MdastNodes, Parents as MdastParents } from 'mdast';
import type { DocumentFormat } from './chunks.js';
import { readHeadingLine } from './heading-lines.js';
import { isDirectiveLine } from './suppressions.js';
import { markdownLimitExceeded } from './parse-limits.js';
import { parseSentences, type Sentence } from './sentences.js';
import { readLabel } from './field-labels.js';

/** What a unit of text is in the draft's structure. */
export type UnitKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

/** A heading, paragraph, list item or table cell, with offsets relative to its chunk. */
export interface Unit {
  kind: UnitKind;
  /** Heading level (1 = top); 0 for other units. */
  depth: number;
  /** For headings: the title text without markup or numbering. */
  title?: string;
  start: number;
  end: number;
  /**
   * Where a leading field label ends ("Nature of risk:" in "Nature of risk: not
   * known", or a table row's first cell); undefined when the unit has none.
   */
  labelEnd?: number;
  /** The text of a leading field label, for paragraphs ("Sources" in "Sources: interview, CPS papers") and a table row's first cell. */
  label?: string;
  /** False when the label's field is left empty ("Nature of risk: N/A"). */
  labelAnswered?: boolean;
  /** False when the label's field is blank or holds a placeholder ("Drugs: [to complete]", "TBC"); "None" fills it. */
  labelFilled?: boolean;
  /** What was written against the label, until the chunk is read against the pack's empty answers. */
  answer?: string;
  /** For a paragraph of one short line that reads like a title ("Sources of information"): its text, a heading if it names a section. */
  titleLike?: string;
  sentences: Sentence[];
}

/** A run of extracted text and the chunk offset its first character came from. */
interface TextRun {
  text: string;
  start: number;
  end: number;
}

/** The depth given to a paragraph of bold text read as a heading: below every real heading. */
export const BOLD_HEADING_DEPTH = 7;
/** A bold paragraph ending like a sentence is emphasis, not a pseudo-heading. */
const ENDS_LIKE_SENTENCE = /[.!?;,]$/;

function offsetMapper(runs: TextRun[]): (offset: number) => number {
  const starts: number[] = [];
  let position = 0;
  for (const run of runs) {
    starts.push(position);
    position += run.text.length;
  }
  let index = 0;
  return (offset) => {
    if (runs.length === 0) return 0;
    // Words are mapped in order, so walk from the run used last.
    while (index > 0 && starts[index] > offset) index--;
    while (index + 1 < runs.length && starts[index + 1] <= offset) index++;
    const run = runs[index];
    return Math.min(run.start + (offset - starts[index]), run.end);
  };
}

/** The most words a bold run ending in a full stop may have to be read as a paragraph's label ("**Risk.** …", "**Offence.** On 11 February …"). */
const MAX_BOLD_OPENER_WORDS = 4;

/** The most words a bold line of its own may have to be read as the label of the lines under it ("**R10.2 Nature of risk**"). */
const MAX_BOLD_LINE_WORDS = 8;

/**
 * A paragraph's opening bold run that is a label, as "Label:" is: one that ends in a full stop and is followed by
 * more text ("**Risk.**\nOGRS gives …"), or one that fills its own line above the text it heads ("**R10.2 Nature of
 * risk**\nPhysical violence …"; a section number's dots and a question mark are allowed).
 */
function boldOpener(node: MdastParents, source: string): { length: number; label: string } | undefined {
  const [first, next] = node.children;
  if (node.children.length < 2 || first.type !== 'strong') return undefined;
  const runs: TextRun[] = [];
  collectRuns(first, runs, source);
  const text = plainTitle(runs);
  const ownLine = next.type === 'break' || (next.type === 'text' && /^[ \t]*\r?\n/.test(next.value));
  const label = text.replace(ownLine ? /[:.]$/ : /\.$/, '').trim();
  const fits = ownLine
    ? label.split(/\s+/).length <= MAX_BOLD_LINE_WORDS && !/[.!;:]/.test(label.replace(/\d\.\d/g, ''))
    : text.endsWith('.') && !/[.!?:;]/.test(label) && label.split(/\s+/).length <= MAX_BOLD_OPENER_WORDS;
  return label.length > 0 && fits ? { length: runs.reduce((sum, run) => sum + run.text.length, 0), label } : undefined;
}

function unitFromRuns(kind: UnitKind, depth: number, start: number, end: number, runs: TextRun[], title?: string, labelLength?: number, labelText?: string): Unit {
  const text = runs.map((run) => run.text).join('');
  const map = offsetMapper(runs);
  let labelEnd: number | undefined;
  let label: string | undefined;
  let answer: string | undefined;
  if (labelLength !== undefined) {
    labelEnd = map(labelLength);
    answer = text.slice(labelLength).replace(/\|/g, ' ');
    if (kind === 'paragraph') label = labelText;
    // A table row's first cell, as written without markup ("Sources" in "| **Sources** | CPS summary |").
    else if (kind === 'table-row') label = text.slice(0, labelLength).trim();
  } else if (kind !== 'heading') {
    const found = readLabel(text);
    if (found) {
      labelEnd = map(found.length);
      answer = text.slice(found.length);
      if (kind === 'paragraph') label = found.label;
    }
  }
  // The answer is read against the pack's empty answers when the chunk is parsed (chunk-cache.ts).
  return { kind, depth, title, start, end, labelEnd, label, labelAnswered: undefined, labelFilled: undefined, answer, sentences: parseSentences(text, map) };
}

/**
 * Adds a text node's runs. The parser drops the indentation of continued lines
 * and spaces before a line break from a text's value, so each line of the
 * value is found again in the source; what cannot be found (escapes, entities)
 * is mapped in one run from where the search stopped.
 */
function pushTextRuns(value: string, start: number, end: number, source: string, runs: TextRun[]): void {
  if (end - start === value.length || !/[\r\n]/.test(value)) {
    runs.push({ text: value, start, end });
    return;
  }
  // Lines alternate with the line breaks between them.
  const parts = value.split(/(\r\n|\r|\n)/);
  let cursor = start;
  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index];
    const at = source.indexOf(line, cursor);
    if (at < 0 || at + line.length > end) {
      runs.push({ text: parts.slice(index).join(''), start: cursor, end });
      return;
    }
    const piece = line + (parts[index + 1] ?? '');
    runs.push({ text: piece, start: at, end: Math.min(at + piece.length, end) });
    cursor = at + line.length;
  }
}

/** Collects the text runs under a node in document order, walking the tree with a stack (nesting can be deep). */
function collectRuns(root: MdastNodes, runs: TextRun[], source: string): void {
  const stack: MdastNodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const start = node.position?.start.offset ?? 0;
      pushTextRuns(node.value, start, node.position?.end.offset ?? start + node.value.length, source, runs);
    } else if (node.type === 'break') {
      const start = node.position?.start.offset ?? 0;
      runs.push({ text: ' ', start, end: start + 1 });
    } else if (node.type !== 'inlineCode' && node.type !== 'html' && node.type !== 'image' && 'children' in node) {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index] as MdastNodes);
    }
  }
}

function plainTitle(runs: TextRun[]): string {
  return runs.map((run) => run.text).join('').trim();
}

/** A paragraph that is only bold or italic text, or one short heading-like line, reads as a heading. */
function paragraphAsHeading(node: MdastParents, runs: TextRun[]): { title: string; depth: number } | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  const title = plainTitle(runs).replace(/:$/, '').trim();
  if (only && (only.type === 'strong' || only.type === 'emphasis') && title.length > 0 && title.length <= 70 && !ENDS_LIKE_SENTENCE.test(title)) {
    return { title, depth: BOLD_HEADING_DEPTH };
  }
  const text = plainTitle(runs);
  if (!text.includes('\n')) {
    const line = readHeadingLine(text);
    if (line && !/^#/.test(text)) return line;
  }
  return undefined;
}

const NUMBERED_HEADING_DEPTH = 2;
const MAX_NUMBERED_TITLE_WORDS = 6;

/** The title of a one-item ordered list whose item is a short title (no sentence punctuation), or undefined. */
function numberedTitle(list: MdastParents, source: string): string | undefined {
  if (list.children.length !== 1) return undefined;
  const item = list.children[0];
  if (item.type !== 'listItem' || item.children.length !== 1 || item.children[0].type !== 'paragraph') return undefined;
  const runs: TextRun[] = [];
  collectRuns(item.children[0], runs, source);
  const title = plainTitle(runs).replace(/:$/, '');
  if (/[\n.!?;,\d]/.test(title) || !/^\p{Lu}/u.test(title)) return undefined;
  return title.split(/\s+/).length <= MAX_NUMBERED_TITLE_WORDS ? title : undefined;
}

/** Turns a parsed Markdown tree into units, in document order, walking it with a stack so that no nesting can overflow the call stack. */
function walkMarkdown(root: MdastNodes, units: Unit[], source: string): void {
  const stack: Array<{ node: MdastNodes; inListItem: boolean }> = [{ node: root, inListItem: false }];
  const pushChildren = (children: readonly MdastNodes[], inListItem: boolean) => {
    for (let index = children.length - 1; index >= 0; index--) stack.push({ node: children[index], inListItem });
  };
  while (stack.length > 0) {
    const { node, inListItem } = stack.pop()!;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    switch (node.type) {
      case 'heading': {
        const runs: TextRun[] = [];
        collectRuns(node, runs, source);
        units.push(unitFromRuns('heading', node.depth, start, end, runs, plainTitle(runs)));
        break;
      }
      case 'paragraph': {
        const runs: TextRun[] = [];
        collectRuns(node, runs, source);
        if (isDirectiveLine(plainTitle(runs))) break;
        const asHeading = inListItem ? undefined : paragraphAsHeading(node, runs);
        const opener = asHeading || inListItem ? undefined : boldOpener(node, source);
        if (asHeading) units.push(unitFromRuns('heading', asHeading.depth, start, end, runs, asHeading.title));
        else units.push(unitFromRuns(inListItem ? 'list-item' : 'paragraph', 0, start, end, runs, undefined, opener?.length, opener?.label));
        break;
      }
      case 'list': {
        // "4. Risk" or "1. **Offence analysis**" on its own line is a numbered heading, not a one-item list.
        const title = node.ordered ? numberedTitle(node, source) : undefined;
        if (title) {
          const runs: TextRun[] = [];
          collectRuns(node, runs, source);
          units.push(unitFromRuns('heading', NUMBERED_HEADING_DEPTH, start, end, runs, title));
        } else pushChildren(node.children, true);
        break;
      }
      case 'tableRow': {
        const runs: TextRun[] = [];
        let firstCellLength: number | undefined;
        node.children.forEach((cell, index) => {
          if (index > 0) {
            const at = cell.position?.start.offset ?? start;
            runs.push({ text: ' | ', start: at, end: at });
          }
          collectRuns(cell, runs, source);
          if (index === 0) firstCellLength = runs.reduce((sum, run) => sum + run.text.length, 0);
        });
        const label = node.children.length > 1 ? firstCellLength : undefined;
        units.push(unitFromRuns('table-row', 0, start, end, runs, undefined, label));
        break;
      }
      case 'code':
      case 'html':
      case 'definition':
      case 'thematicBreak':
        break;
      default:
        if ('children' in node) pushChildren(node.children as MdastNodes[], inListItem || node.type === 'listItem');
    }
  }
}

const MARKDOWN_SYNTAX = /[*_`#<>[\]|\\&~!=]/;
const BLOCK_START = /^[ \t]*(?:[-+*>]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]{4}|^ {0,3}\t|^[ \t]*-+[ \t]*$|^[ \t]*\r?$/m;

/** True when a chunk is plain prose that Markdown would parse as one paragraph of text, so the parser can be skipped. */
function isPlainProse(text: string): boolean {
  return !MARKDOWN_SYNTAX.test(text) && !BLOCK_START.test(text);
}

const MAX_TITLE_LINE_WORDS = 6;
const TITLE_LINE = /^\p{Lu}[^.!?;:,]*[^\s.!?;:,]$/u;

/** The text of a one-line paragraph that could be a title without markup ("Sources of information"), or undefined. */
function titleLikeText(text: string): string | undefined {
  const line = text.trim();
  if (line.includes('\n') || line.includes('\r') || !TITLE_LINE.test(line)) return undefined;
  return line.split(/\s+/).length <= MAX_TITLE_LINE_WORDS ? line : undefined;
}

function proseUnit(text: string): Unit {
  // Markdown strips spaces and tabs around a paragraph, but not other Unicode spaces (no-break, vertical tab, form feed).
  const start = text.length - text.replace(/^[ \t]+/, '').length;
  const end = Math.max(start, text.replace(/[ \t\r\n]+$/, '').length);
  const runs = [{ text: text.slice(start, end), start, end }];
  const heading = text.includes('\n') ? undefined : readHeadingLine(text);
  if (heading) return unitFromRuns('heading', heading.depth, start, end, runs, heading.title);
  const unit = unitFromRuns('paragraph', 0, start, end, runs);
  unit.titleLike = titleLikeText(text);
  return unit;
}

/** A one-line ATX heading whose title has no markup ("## 2. Offence analysis"), which the parser would read as plain heading text. */
const PLAIN_ATX_HEADING = /^(#{1,6})[ \t]+([^ \t#\r\n][^\r\n]*?)[ \t]*$/;

/** The unit for a chunk that is one plain ATX heading, as the parser would give it, or undefined. */
function plainAtxHeading(text: string): Unit | undefined {
  const heading = PLAIN_ATX_HEADING.exec(text);
  if (!heading || MARKDOWN_SYNTAX.test(heading[2])) return undefined;
  const content = heading[2];
  const start = heading[1].length + text.slice(heading[1].length).search(/[^ \t]/);
  return unitFromRuns('heading', heading[1].length, 0, text.length, [{ text: content, start, end: start + content.length }], content.trim());
}

/** The parser's options, built once: extensions are plain data the parser only reads. */
const MARKDOWN_OPTIONS = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

function markdownUnits(text: string): Unit[] {
  if (isPlainProse(text)) return [proseUnit(text)];
  const heading = plainAtxHeading(text);
  if (heading) return [heading];
  // A block the parser would take too long over, or too deep into, is read as plain text, with the same offsets.
  if (markdownLimitExceeded(text)) return plainUnits(text);
  try {
    return parsedMarkdownUnits(text);
  } catch {
    return plainUnits(text);
  }
}

/** Parses a Markdown chunk with the full parser, without the shortcuts for plain prose and plain headings (the tests check the shortcuts agree with it). */
export function parsedMarkdownUnits(text: string): Unit[] {
  const tree = fromMarkdown(text, MARKDOWN_OPTIONS);
  const units: Unit[] = [];
  walkMarkdown(tree, units, text);
  return units;
}

const BULLET = /^\s*(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+\S/;
const LIST_TITLE = /^\s*\p{Lu}[^.!?;,:]{0,40}$/u;
const MAX_LIST_TITLE_WORDS = 5;

/** A short line standing over a bulleted list reads as the list's heading ("Home and family" above "- Rents a house…"). */
function readListTitle(line: string): { title: string; depth: number } | undefined {
  const trimmed = line.trim();
  if (!LIST_TITLE.test(trimmed) || trimmed.split(/\s+/).length > MAX_LIST_TITLE_WORDS || BULLET.test(trimmed)) return undefined;
  return { title: trimmed, depth: 2 };
}

const CAPITALISED_LABEL = /^\s*\p{Lu}[^:]{0,40}:(\s|$)/u;
const SHORT_LINE = 50;

/**
 * A line that opens a new field in pasted case-management text ("RoSH level:
 * Medium" under "Likelihood of reoffending: ..."), not a wrapped line of prose:
 * a capitalised field label after a short line, a field line or a sentence end.
 */
function startsField(line: string, previousLine: string): boolean {
  if (!CAPITALISED_LABEL.test(line) || readLabel(line) === undefined) return false;
  const previous = previousLine.trim();
  return previous.length < SHORT_LINE || /[.!?:;]$/.test(previous) || readLabel(previous) !== undefined;
}

function plainUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const flush = () => {
    if (paragraphStart < 0) return;
    const slice = text.slice(paragraphStart, paragraphEnd);
    const unit = unitFromRuns('paragraph', 0, paragraphStart, paragraphEnd, [{ text: slice, start: paragraphStart, end: paragraphEnd }]);
    unit.titleLike = titleLikeText(slice);
    units.push(unit);
    paragraphStart = -1;
  };
  let lineStart = 0;
  let previousLine = '';
  while (lineStart <= text.length) {
    lineBreak.lastIndex = lineStart;
    const found = lineBreak.exec(text);
    const lineEnd = found ? found.index : text.length;
    const line = text.slice(lineStart, lineEnd);
    const nextLine = found ? text.slice(found.index + found[0].length).split(/\r\n|\r|\n/, 1)[0] : '';
    const heading = readHeadingLine(line) ?? (BULLET.test(nextLine) ? readListTitle(line) : undefined);
    if (BULLET.test(line) || startsField(line, previousLine)) flush();
    if (isDirectiveLine(line)) {
      flush();
    } else if (heading) {
      flush();
      const runs = [{ text: line, start: lineStart, end: lineEnd }];
      units.push(unitFromRuns('heading', heading.depth, lineStart, lineEnd, runs, heading.title));
    } else if (line.trim().length > 0) {
      if (paragraphStart < 0) paragraphStart = lineStart;
      paragraphEnd = lineEnd;
    }
    if (!found) break;
    previousLine = line;
    lineStart = found.index + found[0].length;
  }
  flush();
  return units;
}

/** Parses one chunk of a draft into units with sentences and words (offsets relative to the chunk). */
export function parseUnits(text: string, format: DocumentFormat): Unit[] {
  return format === 'markdown' ? markdownUnits(text) : plainUnits(text);
}
