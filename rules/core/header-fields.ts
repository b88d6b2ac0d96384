import { parseAllDocuments } from 'yaml';
import { frontMatterBlock } from './chunks.js';
import type { AssessmentDocument } from './document.js';
import { readLabel } from './field-labels.js';

/** A field of a draft's header block or front matter: its label as written and its value. */
export interface HeaderField {
  label: string;
  value: string;
  /** Where the field was read: a `Label: value` line or table row of the draft, or its front matter. */
  from: 'text' | 'front-matter';
  /** True when the value leaves the field empty: blank, "N/A", "not known" or a placeholder (by the pack's word lists). */
  empty?: boolean;
}

/** Values longer than this are prose, not a header field's answer. */
const MAX_VALUE_LENGTH = 80;
/** Emphasis marks around a label or value ("**Author:** Tom Riley"). */
const EMPHASIS = /^[*_\s]+|[*_\s]+$/g;
/** Bold marks anywhere in a field line ("**Author:** Tom Riley"). */
const BOLD = /\*\*|__/g;
const LINE_BREAK = /\r\n|\r|\n/;
const WHITESPACE_RUN = /\s+/g;
const TABLE_CELL_SEPARATOR = /(?<!\\)\|/;
const TABLE_ROW_EDGES = /^\||\|$/g;
const TRAILING_COLON = /:\s*$/;
/** Separators in a front matter key (`report_type`, `report-author`), read as spaces. */
const KEY_SEPARATORS = /[_-]+/g;

function tidy(text: string): string {
  return text.replace(EMPHASIS, '').replace(WHITESPACE_RUN, ' ').trim();
}

function field(label: string, value: string, from: HeaderField['from']): HeaderField | undefined {
  const tidyLabel = tidy(label);
  const tidyValue = tidy(value);
  if (!tidyLabel || !tidyValue || tidyValue.length > MAX_VALUE_LENGTH) return undefined;
  return { label: tidyLabel, value: tidyValue, from };
}

/** The `Label: value` lines of a paragraph: a header block may put several fields in one paragraph, one per line. */
function paragraphFields(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const unmarked = line.replace(BOLD, '').replace(EMPHASIS, '');
    const found = readLabel(unmarked);
    const read = found && field(found.label, unmarked.slice(found.length), 'text');
    if (read) fields.push(read);
  }
  return fields;
}

/** A two-cell table row read as a field ("| Author | Tom Riley |"). */
function tableRowField(text: string): HeaderField | undefined {
  const cells = text.trim().replace(TABLE_ROW_EDGES, '').split(TABLE_CELL_SEPARATOR);
  return cells.length === 2 ? field(cells[0].replace(TRAILING_COLON, ''), cells[1], 'text') : undefined;
}

/** The scalar top-level entries of Markdown front matter (`author: Tom Riley`); nothing when it is not a YAML mapping. */
function frontMatterFields(text: string): HeaderField[] {
  const block = frontMatterBlock(text);
  if (!block) return [];
  const [document] = parseAllDocuments(block);
  if (!document || !('errors' in document) || document.errors.length > 0) return [];
  const data: unknown = document.toJS();
  if (!data || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(data as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'string' || typeof value === 'number')
    .map(([key, value]) => field(key.replace(KEY_SEPARATORS, ' '), String(value), 'front-matter'))
    .filter((entry): entry is HeaderField => entry !== undefined);
}

/**
 * The fields a draft states about itself: front matter entries first, then
 * each `Label: value` line of its labelled paragraphs and each two-cell table
 * row whose first cell is a label, in the order they appear.
 */
export function headerFields(document: AssessmentDocument): HeaderField[] {
  const fields = document.format === 'markdown' ? frontMatterFields(document.text) : [];
  for (const placed of document.units) {
    if (placed.unit.labelEnd === undefined) continue;
    const text = document.text.slice(placed.start, placed.end);
    if (placed.unit.kind === 'paragraph') fields.push(...paragraphFields(text));
    else if (placed.unit.kind === 'table-row') {
      const row = tableRowField(text);
      if (row) fields.push(row);
    }
  }
  for (const field of fields) if (document.lexicon.isNullAnswer(field.value) || document.lexicon.isPlaceholderAnswer(field.value)) field.empty = true;
  return fields;
}

/** The kinds of the sections a draft has (`offence-analysis`, `risk-of-harm`…), each once, in order. */
export function sectionKindsOf(document: AssessmentDocument): string[] {
  return [...new Set(document.sections.map((section) => section.kind).filter((kind) => kind !== 'unknown'))];
}
