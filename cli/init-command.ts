import { accessSync, constants, lstatSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import starterConfig from './templates/starter-config.yaml';
import starterPack from './templates/starter-pack.yaml';
import { displayPath } from './load-pack-argument.js';
import { UsageError } from './usage-error.js';

/** The files `init` writes, relative to the folder it runs in. */
export const INIT_FILES: ReadonlyArray<readonly [string, string]> = [
  ['.assessment-lint.yaml', starterConfig],
  [path.join('assessment-pack', 'pack.yaml'), starterPack],
];

const WRITE_FAILURES: Record<string, string> = {
  EEXIST: 'something was created there meanwhile',
  ENOTDIR: 'a file stands where a folder is needed',
  EISDIR: 'a folder stands there',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Why `init` cannot write a file: something already at its path, a file where a folder is needed, or a folder it may not write in. */
function blocker(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (!exists(dir)) {
      if (path.dirname(dir) === dir) return undefined;
      continue;
    }
    if (!statSync(dir).isDirectory()) return `${displayPath(dir)} is a file, not a folder, so ${displayPath(file)} cannot be written; move it away or run init in another folder`;
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      return `cannot write in ${displayPath(dir)} (permission denied)`;
    }
    return undefined;
  }
}

/**
 * `assessment-lint init [FOLDER]`: writes a starter `.assessment-lint.yaml`
 * and a team pack skeleton (`assessment-pack/pack.yaml`, one example rule of
 * each kind). Every target is checked before anything is written, and nothing
 * is left half-written: when a write fails, the files written so far are
 * removed and the reason is reported (exit 2).
 */
export function runInit(folder = '.'): number {
  const targets = INIT_FILES.map(([name, text]) => [path.resolve(folder, name), text] as const);
  const existing = targets.filter(([file]) => exists(file)).map(([file]) => displayPath(file));
  if (existing.length > 0) throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; init writes nothing over existing files`);
  const blocked = targets.map(([file]) => blocker(file)).filter((reason): reason is string => reason !== undefined);
  if (blocked.length > 0) throw new UsageError(`${[...new Set(blocked)].join('; ')}; init wrote nothing`);
  const written: string[] = [];
  const created: string[] = [];
  for (const [file, text] of targets) {
    try {
      const made = mkdirSync(path.dirname(file), { recursive: true });
      if (made) created.push(made);
      writeFileSync(file, text, { flag: 'wx' });
      written.push(file);
    } catch (error) {
      for (const done of written) rmSync(done, { force: true });
      for (const made of created.reverse()) rmSync(made, { recursive: true, force: true });
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new UsageError(`cannot write ${displayPath(file)}: ${WRITE_FAILURES[code] ?? (error as Error).message}; init wrote nothing`);
    }
  }
  for (const file of written) process.stdout.write(`wrote ${displayPath(file)}\n`);
  process.stdout.write(`Next: edit assessment-pack/pack.yaml, then run 'assessment-lint pack test assessment-pack' and 'assessment-lint check'.\n`);
  return 0;
}
