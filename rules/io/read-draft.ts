import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { DocumentFormat } from '../core/chunks.js';

/** Drafts larger than this are refused with a message rather than read. */
export const MAX_DRAFT_BYTES = 8 * 1024 * 1024;

/** A draft read from disk, or why it could not be linted. */
export type DraftRead = { ok: true; text: string; format: DocumentFormat } | { ok: false; reason: string };

/** The text model format for a file name: Markdown for .md and .markdown, plain text otherwise. */
export function formatOf(filePath: string): DocumentFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(filePath) ? 'markdown' : 'plaintext';
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes draft bytes, refusing binary content, invalid UTF-8 and empty drafts with a reason the writer can act on. */
export function decodeDraft(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, reason: `looks like a binary file (a NUL byte at byte ${nul}); save the draft as Markdown or plain text` };
  try {
    let text = decoder.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.trim() === '') return { ok: false, reason: 'is empty (or holds only blank lines); there is nothing to check yet' };
    return { ok: true, text };
  } catch {
    return { ok: false, reason: 'is not valid UTF-8 text; save it again with UTF-8 encoding' };
  }
}

/** Reads a draft file, checking that it is a regular file, its size, binary content and encoding. */
export function readDraft(filePath: string): DraftRead {
  try {
    const stats = statSync(filePath);
    if (!stats.isFile()) return { ok: false, reason: 'is not a regular file (a folder, pipe, socket or device); only files are checked' };
    const size = stats.size;
    if (size > MAX_DRAFT_BYTES) return { ok: false, reason: `is ${(size / 1024 / 1024).toFixed(1)} MB; drafts over ${MAX_DRAFT_BYTES / 1024 / 1024} MB are skipped, split it into smaller files` };
    const decoded = decodeDraft(readFileSync(filePath));
    return decoded.ok ? { ok: true, text: decoded.text, format: formatOf(filePath) } : decoded;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read: ${(error as Error).message}` };
  }
}

/** Extensions the CLI collects when walking folders (Word drafts are converted by load-draft.ts). */
export const DRAFT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

/** True when a path has a draft extension. */
export function isDraftPath(filePath: string): boolean {
  return DRAFT_EXTENSIONS.includes(path.extname(filePath).toLowerCase());
}
