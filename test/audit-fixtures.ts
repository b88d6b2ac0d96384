import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { REPO_ROOT, TempFolder } from './helpers.js';

/** One paragraph of a test draft: a heading (level 1–3) or body text, optionally opening with a bold label such as `Name:`. */
export interface Block {
  heading?: 1 | 2 | 3;
  label?: string;
  text: string;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const HEADING_LINE = /^(#{1,3}) (.*)$/;
const LABEL_LINE = /^\*\*([^*]+)\*\*\s*(.*)$/;

/** Reads a Markdown example draft as blocks, one per non-blank line (labels such as `**Name:**` become bold labels). */
export function blocksOfExample(relative: string): Block[] {
  const blocks: Block[] = [];
  for (const line of readFileSync(path.join(REPO_ROOT, relative), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const heading = HEADING_LINE.exec(line);
    const label = LABEL_LINE.exec(line);
    if (heading) blocks.push({ heading: heading[1].length as 1 | 2 | 3, text: heading[2] });
    else if (label) blocks.push({ label: label[1], text: label[2] });
    else blocks.push({ text: line });
  }
  return blocks;
}

/** The Markdown twin of a Word draft: one block per paragraph, separated by blank lines (block i is on line 2i + 1). */
export function markdownOf(blocks: Block[]): string {
  return blocks.map((block) => (block.heading ? `${'#'.repeat(block.heading)} ` : '') + (block.label ? `${block.label} ` : '') + block.text).join('\n\n') + '\n';
}

/** A Word paragraph for a block: heading style, or a bold label run followed by the text. */
export function paragraphOf(block: Block): Paragraph {
  if (block.heading) return new Paragraph({ text: block.text, heading: HEADINGS[block.heading] });
  return new Paragraph({ children: [...(block.label ? [new TextRun({ text: block.label, bold: true }), new TextRun(' ')] : []), new TextRun(block.text)] });
}

/** A .docx file built with the `docx` package from paragraphs and tables, as Word would save it. */
export async function docxOf(children: Array<Paragraph | Table>): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A Word table whose cells each hold one paragraph of text. */
export function tableOf(rows: string[][]): Table {
  return new Table({ rows: rows.map((cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })) });
}

/**
 * The weak short-format example with a suppression of every kind: a domestic
 * abuse enquiry suppressed with a reason (effective), risk reasoning without one
 * (refused), alcohol from inside its section (effective), one above a line with
 * nothing to silence (unused), one naming no rule, one naming an unknown rule,
 * and a disable never closed.
 */
export function suppressedDraft(): string {
  const lines = readFileSync(path.join(REPO_ROOT, 'examples', 'short-format-weak.md'), 'utf8').split('\n');
  const before = (start: string, ...comments: string[]) => lines.splice(lines.findIndex((line) => line.startsWith(start)), 0, ...comments);
  before('Mr Benson lives with his girlfriend', '<!-- assessment-lint-disable-next-line domestic-abuse-enquiry -- police DA check requested 10/03, not returned by the court date -->');
  before('## Assessment of risk of harm', '<!-- assessment-lint-disable-next-line risk-reasoning -->');
  before('He works as a warehouse operative', '<!-- assessment-lint-disable-next-line alcohol -- alcohol screening booked for his induction on 20/03 -->');
  before('Mr Benson presented as polite', '<!-- assessment-lint-disable-next-line uncritical-language -- quoting his letter of apology -->');
  before('I propose a community order', '<!-- assessment-lint-disable -- the proposal repeats his own words -->', '<!-- assessment-lint-enable -->');
  before('He reports that his mental health', '<!-- assessment-lint-disable-next-line da-enquiry -- checks requested 12/03 by the author -->');
  before('Sources of information:', '<!-- assessment-lint-disable previous-convictions -- PNC print not yet received from the police -->');
  return lines.join('\n');
}

/** The strong example with a suppression without a reason above a line where its rule finds nothing. */
export function unreasonedDraft(): string {
  const lines = readFileSync(path.join(REPO_ROOT, 'examples', 'standard-report-strong.md'), 'utf8').split('\n');
  lines.splice(lines.findIndex((line) => line.startsWith('## ')), 0, '<!-- assessment-lint-disable-next-line uncritical-language -->');
  return lines.join('\n');
}

/** A caseload folder: the repository's examples (with the team pack's own configuration), a suppressed draft, Word drafts and files that cannot be read. */
export async function caseload(): Promise<TempFolder> {
  const folder = new TempFolder({
    'caseload/suppressed.md': suppressedDraft(),
    'caseload/unreasoned.md': unreasonedDraft(),
    'caseload/binary.txt': new Uint8Array([0x50, 0x53, 0x52, 0x00, 0x01, 0x02]),
    'caseload/broken.docx': 'this is not a zip archive',
    'caseload/weak.docx': await docxOf(blocksOfExample('examples/short-format-weak.md').map(paragraphOf)),
  });
  cpSync(path.join(REPO_ROOT, 'examples'), folder.path('caseload/examples'), { recursive: true });
  return folder;
}
