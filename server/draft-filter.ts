import path from 'node:path';
import { formatOf } from '../rules/io/read-draft.js';
import type { DocumentFormat } from '../rules/core/chunks.js';
import { matchesGlobs } from '../rules/config/glob.js';
import type { AssessmentLintSettings } from './shared/settings.js';

/** Language ids linted whatever the include globs say. */
export const DRAFT_LANGUAGES = ['markdown', 'plaintext'];

function matches(globs: string[], relative: string): boolean {
  return globs.length > 0 && matchesGlobs(globs, relative);
}

/** A path as include/exclude globs see it: relative to its workspace folder, with forward slashes. */
function globPath(filePath: string, folder: string | undefined): string {
  const relative = folder ? path.relative(folder, filePath) : filePath.slice(path.parse(filePath).root.length);
  return relative.split(path.sep).join('/');
}

/**
 * Whether a document is linted: linting is enabled, it is Markdown or plain
 * text or matches `files.include`, and it does not match `files.exclude`.
 */
export function isLintable(filePath: string | undefined, languageId: string | undefined, settings: AssessmentLintSettings, folder: string | undefined): boolean {
  if (!settings.enable) return false;
  if (!filePath) return languageId === undefined || DRAFT_LANGUAGES.includes(languageId);
  const relative = globPath(filePath, folder);
  if (matches(settings.files.exclude, relative)) return false;
  return (languageId !== undefined && DRAFT_LANGUAGES.includes(languageId)) || matches(settings.files.include, relative);
}

/** The text model format of a document: its language when Markdown or plain text, else its file name. */
export function formatOfDocument(languageId: string | undefined, filePath: string | undefined): DocumentFormat {
  if (languageId === 'markdown' || languageId === 'plaintext') return languageId;
  return filePath ? formatOf(filePath) : 'plaintext';
}
