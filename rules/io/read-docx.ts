import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { docxSizeProblem } from './docx-zip.js';
import { MAX_DRAFT_BYTES } from './read-draft.js';

/** Word drafts larger than this are refused (a .docx is compressed and may hold pictures, so the limit is above the text one). */
export const MAX_DOCX_BYTES = 32 * 1024 * 1024;

/** Extra style mappings on top of mammoth's defaults: a Word title is the document's top heading. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh"];

const HEADING_TAGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const LIST_TAGS = new Set(['ul', 'ol']);
/** Elements that are one Word paragraph each when they stand in a table cell or list item. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
/** Tab, carriage return and line feed inside a paragraph's text: each becomes one space. */
const LINE_BREAK_CHARACTERS = /[\t\r\n]/g;
const TABLE_CELL_BAR = /\|/g;

/** Where one line of the converted Markdown came from: a Word paragraph, and how far the Markdown shifted its text. */
interface SourceLine {
  /** One-based paragraph number in the Word document (empty paragraphs and table-cell paragraphs counted). */
  paragraph: number;
  /** Characters to subtract from a Markdown column to get the column in the paragraph (the `## ` or `- ` prefix). */
  shift: number;
}

/** Maps positions in the Markdown converted from a Word document back to paragraph numbers. */
export class ParagraphMap {
  constructor(private readonly lines: readonly SourceLine[]) {}

  /** The one-based paragraph and column for a zero-based Markdown line and character. */
  at(line: number, character: number): { line: number; column: number } {
    const source = this.lines[Math.min(Math.max(line, 0), this.lines.length - 1)] ?? { paragraph: 1, shift: 0 };
    return { line: source.paragraph, column: Math.max(character - source.shift, 0) + 1 };
  }
}

/** A Word draft converted to Markdown with its paragraph map, or why it could not be read. */
export type DocxRead = { ok: true; text: string; paragraphs: ParagraphMap } | { ok: false; reason: string };

/** Builds the Markdown text one block at a time, one line per Word paragraph (a table row per line). */
class MarkdownWriter {
  readonly lines: string[] = [];
  readonly sources: SourceLine[] = [];
  paragraph = 0;

  /** Starts a new Word paragraph and returns its number. */
  next(): number {
    return ++this.paragraph;
  }

  /** Adds a block line (blocks are separated by a blank line, mapped to the paragraph before it). */
  block(text: string, paragraph: number, prefix: string, trimmed: number, tight = false): void {
    if (this.lines.length > 0 && !tight) this.push('', this.sources[this.sources.length - 1].paragraph, 0);
    this.push(prefix + text, paragraph, prefix.length - trimmed);
  }

  private push(line: string, paragraph: number, shift: number): void {
    this.lines.push(line);
    this.sources.push({ paragraph, shift });
  }
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

/** The text of inline content, with line breaks as spaces and nested lists left out. */
function inlineText(nodes: ChildNode[]): string {
  let text = '';
  for (const node of nodes) {
    if (node.type === 'text') text += node.data.replace(LINE_BREAK_CHARACTERS, ' ');
    else if (isElement(node)) {
      if (node.name === 'br') text += ' ';
      else if (!LIST_TAGS.has(node.name)) text += (text && PARAGRAPH_TAGS.has(node.name) ? ' ' : '') + inlineText(node.children);
    }
  }
  return text;
}

/** The number of Word paragraphs inside a table cell (at least one). */
function paragraphsIn(node: Element): number {
  let count = 0;
  for (const child of node.children) if (isElement(child)) count += PARAGRAPH_TAGS.has(child.name) ? 1 : paragraphsIn(child);
  return Math.max(count, node.name === 'td' || node.name === 'th' ? 1 : 0);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name !== 'table') rows.push(...rowsOf(child));
  }
  return rows;
}

function writeTable(table: Element, out: MarkdownWriter): void {
  rowsOf(table).forEach((row, index) => {
    const cells = row.children.filter(isElement).filter((cell) => cell.name === 'td' || cell.name === 'th');
    if (cells.length === 0) return;
    const first = out.paragraph + 1;
    const texts = cells.map((cell) => {
      out.paragraph += paragraphsIn(cell);
      return inlineText(cell.children).trim().replace(TABLE_CELL_BAR, '\\|');
    });
    out.block(`| ${texts.join(' | ')} |`, first, '', 0, index > 0);
    if (index === 0) out.block(`|${cells.map(() => ' --- |').join('')}`, first, '', 0, true);
  });
}

function writeList(list: Element, out: MarkdownWriter, depth: number): void {
  let number = 0;
  for (const item of list.children) {
    if (!isElement(item) || item.name !== 'li') continue;
    number++;
    const raw = inlineText(item.children);
    const text = raw.trimStart();
    const marker = list.name === 'ol' ? `${number}. ` : '- ';
    out.block(text.trimEnd(), out.next(), '  '.repeat(depth) + marker, raw.length - text.length);
    for (const child of item.children) if (isElement(child) && LIST_TAGS.has(child.name)) writeList(child, out, depth + 1);
  }
}

function writeBlocks(nodes: ChildNode[], out: MarkdownWriter): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      if (node.data.trim()) out.block(node.data.trim(), out.next(), '', 0);
      continue;
    }
    if (!isElement(node)) continue;
    const level = HEADING_TAGS[node.name];
    if (level !== undefined || node.name === 'p') {
      const paragraph = out.next();
      const raw = inlineText(node.children);
      const text = raw.trim();
      if (text) out.block(text, paragraph, level ? '#'.repeat(level) + ' ' : '', raw.length - raw.trimStart().length);
    } else if (LIST_TAGS.has(node.name)) writeList(node, out, 0);
    else if (node.name === 'table') writeTable(node, out);
    else writeBlocks(node.children, out);
  }
}

/** Converts mammoth's HTML to Markdown with one line per Word paragraph, headings kept as Markdown headings. */
export function htmlToMarkdown(html: string): { text: string; paragraphs: ParagraphMap } {
  const out = new MarkdownWriter();
  writeBlocks(parseDocument(html).children, out);
  return { text: out.lines.join('\n') + '\n', paragraphs: new ParagraphMap(out.sources) };
}

/**
 * Reads a Word (.docx) draft through mammoth and converts it to Markdown:
 * headings stay headings (so sections are found), each paragraph is one line,
 * tables become Markdown tables; pictures and linked files are never read.
 * Documents whose XML would unpack to more than MAX_DOCX_XML_BYTES, and
 * conversions over the 8 MB draft limit, are refused with the reason.
 */
export async function readDocx(bytes: Buffer): Promise<DocxRead> {
  // A zip bomb is refused before mammoth inflates it.
  const sizeProblem = docxSizeProblem(bytes);
  if (sizeProblem) return { ok: false, reason: sizeProblem };
  let converted: { text: string; paragraphs: ParagraphMap };
  try {
    const result = await mammoth.convertToHtml(
      { buffer: bytes },
      { styleMap: STYLE_MAP, ignoreEmptyParagraphs: false, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    converted = htmlToMarkdown(result.value);
  } catch {
    return { ok: false, reason: 'is not a readable Word (.docx) document; open it in Word and save it again as .docx' };
  }
  if (converted.text.length > MAX_DRAFT_BYTES) {
    return { ok: false, reason: `holds ${(converted.text.length / 1024 / 1024).toFixed(1)} MB of text; drafts over ${MAX_DRAFT_BYTES / 1024 / 1024} MB are skipped, split it into smaller documents` };
  }
  return { ok: true, ...converted };
}
