import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentFormat } from '../core/chunks.js';
import type { ParagraphMap } from './read-docx.js';
import { readDraft } from './read-draft.js';

/** A draft loaded for linting: its text and format, and for Word drafts the map back to paragraph numbers. */
export type LoadedDraft = { ok: true; text: string; format: DocumentFormat; paragraphs?: ParagraphMap } | { ok: false; reason: string };

/** True when a path names a Word document. */
export function isDocxPath(filePath: string): boolean {
  return path.extname(filePath).toLowerCase() === '.docx';
}

/** Loads any draft the CLI lints: Word documents are converted to Markdown, other files are read as text. */
export async function loadDraft(filePath: string): Promise<LoadedDraft> {
  if (!isDocxPath(filePath)) return readDraft(filePath);
  // The Word reader (mammoth and its zip and XML libraries) is loaded only when a Word draft is read.
  const { MAX_DOCX_BYTES, readDocx } = await import('./read-docx.js');
  let bytes: Buffer;
  try {
    const { size } = await stat(filePath);
    if (size > MAX_DOCX_BYTES) return { ok: false, reason: `is ${(size / 1024 / 1024).toFixed(1)} MB; Word drafts over ${MAX_DOCX_BYTES / 1024 / 1024} MB are skipped` };
    bytes = await readFile(filePath);
  } catch {
    // readDraft words the reasons a file cannot be opened.
    return readDraft(filePath);
  }
  const read = await readDocx(bytes);
  return read.ok ? { ok: true, text: read.text, format: 'markdown', paragraphs: read.paragraphs } : read;
}
