import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isDraftPath } from '../rules/io/read-draft.js';

/** Folders never walked into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', '.vscode-test']);
/** Word's lock file for an open document (`~$report.docx`): not a draft. */
const WORD_LOCK_PREFIX = '~$';

/** The drafts named by the command line, and the arguments that matched nothing. */
export interface CollectedFiles {
  files: string[];
  unmatched: string[];
}

function walk(folder: string, found: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.isDirectory()) continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(full, found);
    } else if (entry.isFile() && isDraftPath(entry.name) && !entry.name.startsWith(WORD_LOCK_PREFIX)) {
      found.push(full);
    }
  }
}

/**
 * Expands paths, folders and globs into draft files: folders are walked for
 * .md, .markdown, .txt and .docx; a file named directly is linted whatever its extension.
 */
export function collectFiles(argumentsGiven: string[], cwd = process.cwd()): CollectedFiles {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const argument of argumentsGiven) {
    const found: string[] = [];
    if (isDynamicPattern(argument)) {
      for (const match of globSync(argument, { cwd, absolute: true, ignore: ['**/node_modules/**'] })) if (isDraftPath(match) && !path.basename(match).startsWith(WORD_LOCK_PREFIX)) found.push(match);
    } else {
      const full = path.resolve(cwd, argument);
      let stats;
      try {
        stats = statSync(full);
      } catch {
        stats = undefined;
      }
      if (stats?.isDirectory()) walk(full, found);
      else if (stats) found.push(full);
    }
    if (found.length === 0) unmatched.push(argument);
    for (const file of found.sort()) files.add(file);
  }
  return { files: [...files], unmatched };
}
