import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { REPO_ROOT, TempFolder, type CliRun } from './helpers.js';

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

function example(name: string): string {
  return readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
}

/** A line of an example replaced (the line must be there, so a changed example fails loudly instead of silently testing less). */
function replaceLine(text: string, startsWith: string, replacement: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(startsWith));
  assert.ok(index >= 0, `no line starting '${startsWith}'`);
  lines.splice(index, 1, ...(replacement === '' ? [] : [replacement]));
  return lines.join('\n');
}

/**
 * Who wrote each draft of the team caseload, and in which team, as the drafts'
 * headers state it: bold header fields, plain field lines, front matter, a
 * header table (with CRLF line ends), and a draft stating neither.
 */
export const TEAM_CASELOAD: Record<string, { author?: string; team?: string; type?: string }> = {
  'team/north/weak-riley.md': { author: 'Tom Riley', team: 'North' },
  'team/north/strong-okafor.md': { author: 'Rachel Okafor', team: 'North', type: 'Standard delivery report' },
  'team/north/oral-whitfield.txt': { author: 'Sam Whitfield', team: 'North' },
  'team/south/weak-shah.md': { author: 'Priya Shah', team: 'South', type: 'Short format PSR' },
  'team/south/strong-riley.md': { author: 'tom riley', team: 'South' },
  'team/south/unsigned.md': {},
};

/** A caseload of six drafts by four authors in two teams (see TEAM_CASELOAD), in folders named after the teams. */
export function teamCaseload(): TempFolder {
  const weak = example('short-format-weak.md');
  const strong = example('standard-report-strong.md');
  const oral = example('oral-report-record.txt');
  return new TempFolder({
    'team/north/weak-riley.md': replaceLine(weak, '**Author:**', '**Author:** Tom Riley, Probation Services Officer\n**Team:** North'),
    'team/north/strong-okafor.md': replaceLine(strong, '**Author:**', '**Author:** Rachel Okafor, Probation Officer\n**PDU:** north'),
    'team/north/oral-whitfield.txt': replaceLine(oral, 'Report by:', 'Report by: Sam Whitfield, Probation Services Officer\nOffice: North'),
    'team/south/weak-shah.md': `---\nauthor: Priya Shah\nteam: South\nreport_type: Short format PSR\n---\n${replaceLine(weak, '**Author:**', '')}`,
    'team/south/strong-riley.md': replaceLine(
      replaceLine(strong, '**Author:**', ''),
      '**Report type:**',
      '\n| Field | Detail |\n| --- | --- |\n| Prepared by | tom riley (PSO) |\n| Office: | South |\n',
    ).replace(/\n/g, '\r\n'),
    'team/south/unsigned.md': replaceLine(weak, '**Author:**', '**Author:** [to complete]'),
  });
}

/** A draft's entry in `check --format json`, as the audit tests compare with. */
export interface CheckReport {
  filePath: string;
  skipped?: string;
  messages: Array<{ ruleId: string }>;
}

/** The JSON a finished run printed, after checking it exited as check does (0 or 1). */
export function parsed<T>(run: CliRun): T {
  assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** A CSV table read back with csv-parse (RFC 4180) into objects keyed by the header row. */
export function csvRecords(text: string): Array<Record<string, string>> {
  return parseCsv(text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
}
