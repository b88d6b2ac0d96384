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

/** The weak short-format example with a domestic abuse enquiry suppressed (a reason given) and a suppression without one. */
export function suppressedDraft(): string {
  const lines = readFileSync(path.join(REPO_ROOT, 'examples', 'short-format-weak.md'), 'utf8').split('\n');
  const trigger = lines.findIndex((line) => line.startsWith('Mr Benson lives with his girlfriend'));
  lines.splice(trigger, 0, '<!-- assessment-lint-disable-next-line domestic-abuse-enquiry -- police DA check requested 10/03, not returned by the court date -->');
  const risk = lines.findIndex((line) => line.startsWith('## Assessment of risk of harm'));
  lines.splice(risk, 0, '<!-- assessment-lint-disable-next-line risk-reasoning -->');
  return lines.join('\n');
}

/** A caseload folder: the repository's examples (with the team pack's own configuration), a suppressed draft, Word drafts and files that cannot be read. */
export async function caseload(): Promise<TempFolder> {
  const folder = new TempFolder({
    'caseload/suppressed.md': suppressedDraft(),
    'caseload/binary.txt': new Uint8Array([0x50, 0x53, 0x52, 0x00, 0x01, 0x02]),
    'caseload/broken.docx': 'this is not a zip archive',
    'caseload/weak.docx': await docxOf(blocksOfExample('examples/short-format-weak.md').map(paragraphOf)),
  });
  cpSync(path.join(REPO_ROOT, 'examples'), folder.path('caseload/examples'), { recursive: true });
  return folder;
}
