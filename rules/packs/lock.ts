import { createHash, randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compilePacks, type CompiledPack } from './compile.js';
import { CORE_PACK, type LoadedPack } from './load-pack.js';
import { describeRuleChange, lockRules, ruleChanges, type LockedRule, type RuleChange } from './lock-rules.js';
import { isUrl } from './pack-root.js';
import { packageVersionOf } from './resolve.js';
import { readRegularFile, readTextFile } from '../io/read-regular-file.js';

/** Pack files and docs pages larger than this (or not regular files) are not read; the lock records them as missing. */
const MAX_HASHED_BYTES = 8 * 1024 * 1024;

/** The lock file's name; it sits beside the configuration it locks. */
export const LOCK_FILE_NAME = '.assessment-lint.lock';

/** One pack as locked: its name, version, and the sha256 of each of its files. */
export interface LockedPack {
  name: string;
  /** The pack's own version, as `assessment-lint rules` shows it. */
  version: string;
  /** The version of the npm package the pack came from, when it came from one. */
  packageVersion?: string;
  /** Where the pack was found: `core`, or the pack file relative to the lock's folder. */
  source: string;
  /** sha256 of each file, by path relative to the lock's folder (empty for the built-in pack). */
  files: Record<string, string>;
}

/** The contents of `.assessment-lint.lock`. */
export interface LockFile {
  /** 2 since rules are recorded; version 1 locks (packs only) are still read. */
  lockfileVersion: 1 | 2;
  packs: LockedPack[];
  /** Each rule of the packs together, by id: hashes of its resolved definition (missing in version 1 locks). */
  rules?: Record<string, LockedRule>;
}

/** A warning about the packs in use that does not stop linting, such as a pack that no longer matches the lock. */
export interface ConfigWarning {
  /** The file the warning concerns (the lock file). */
  file: string;
  /** The pack that changed ('' for the rules of all packs together). */
  pack: string;
  message: string;
}

/** How the packs in use compare with the lock beside the configuration. */
export interface LockComparison {
  /** The lock file's path. */
  file: string;
  /** Set when there is no lock, or it cannot be read: what is wrong. */
  unusable?: string;
  /** One line per pack that differs: version, files, added or gone. */
  packs: Array<{ pack: string; message: string }>;
  /** The rules added, removed or changed; undefined when the lock records no rules (written by an older version). */
  rules?: RuleChange[];
}

/** Thrown when the lock cannot be written; the old lock, if any, is left as it was. */
export class LockWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot write ${file}: ${reason}`);
    this.name = 'LockWriteError';
  }
}

function sha256(file: string): string {
  try {
    return createHash('sha256').update(readRegularFile(file, MAX_HASHED_BYTES, 'file')).digest('hex');
  } catch {
    return 'missing';
  }
}

function relativeTo(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

/** The files a pack is made of: the pack file and the local docs pages its rules link. */
function packFiles(layer: LoadedPack): string[] {
  if (layer.file === CORE_PACK || !layer.folder) return [];
  const files = new Set([layer.file]);
  for (const entry of Object.values(layer.pack.rules ?? {})) {
    const docs = typeof entry === 'object' ? entry.docs : undefined;
    if (docs && !isUrl(docs)) {
      const target = path.resolve(layer.folder, docs.split('#')[0]);
      if (existsSync(target)) files.add(target);
    }
  }
  return [...files].sort();
}

/**
 * Locks the packs of a resolved configuration: names, versions, file hashes
 * (relative to `folder`) and a hash of each rule; `pack` is the layers
 * compiled, when the caller has it already.
 */
export function lockPacks(layers: LoadedPack[], folder: string, pack: CompiledPack = compilePacks(layers)): LockFile {
  const packs = layers.map((layer) => {
    const packageVersion = layer.file === CORE_PACK ? undefined : packageVersionOf(layer.file);
    return {
      name: layer.pack.name,
      version: layer.pack.version,
      ...(packageVersion === undefined ? {} : { packageVersion }),
      source: layer.file === CORE_PACK ? CORE_PACK : relativeTo(folder, layer.file),
      files: Object.fromEntries(packFiles(layer).map((file) => [relativeTo(folder, file), sha256(file)])),
    };
  });
  return { lockfileVersion: 2, packs, rules: lockRules(pack) };
}

function writeReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied; make the folder writable, or run pack lock where you may write';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EISDIR') return 'a folder has that name; remove or rename it';
  return (error as Error).message;
}

/**
 * Writes `.assessment-lint.lock` into a folder and returns its path. The lock
 * is written to a temporary file in the same folder and then renamed over the
 * old one, so a failed write (read-only folder, full disk) leaves the old lock
 * whole; throws LockWriteError.
 */
export function writeLock(layers: LoadedPack[], folder: string, pack?: CompiledPack): string {
  const file = path.join(folder, LOCK_FILE_NAME);
  const text = JSON.stringify(lockPacks(layers, folder, pack), null, 2) + '\n';
  const temporary = path.join(folder, `${LOCK_FILE_NAME}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new LockWriteError(file, writeReason(error));
  }
  return file;
}

function readLock(file: string): LockFile | string {
  if (!existsSync(file)) return `there is no ${LOCK_FILE_NAME}; run 'assessment-lint pack lock' and commit the file`;
  try {
    const locked = JSON.parse(readTextFile(file, MAX_HASHED_BYTES, 'lock file')) as LockFile;
    if (!Array.isArray(locked.packs)) throw new Error('no packs');
    return locked;
  } catch {
    return `${LOCK_FILE_NAME} cannot be read; run 'assessment-lint pack lock' to write it again`;
  }
}

/** Compares the packs in use (and their compiled rules, when given) with the lock beside the configuration. */
export function compareWithLock(layers: LoadedPack[], folder: string, pack?: CompiledPack): LockComparison {
  const file = path.join(folder, LOCK_FILE_NAME);
  const locked = readLock(file);
  if (typeof locked === 'string') return { file, unusable: locked, packs: [] };
  const current = lockPacks(layers, folder, pack);
  const packs: LockComparison['packs'] = [];
  for (const entry of current.packs) {
    const before = locked.packs.find((candidate) => candidate.name === entry.name);
    if (!before) {
      packs.push({ pack: entry.name, message: `pack '${entry.name}' is not in ${LOCK_FILE_NAME}` });
      continue;
    }
    const changes: string[] = [];
    if (locked.lockfileVersion === 1) {
      // A version 1 lock recorded the npm package's version when there was one.
      const now = entry.packageVersion ?? entry.version;
      if (before.version !== now) changes.push(`version ${before.version} → ${now}`);
    } else {
      if (before.version !== entry.version) changes.push(`version ${before.version} → ${entry.version}`);
      if (before.packageVersion !== entry.packageVersion) changes.push(`package version ${before.packageVersion ?? 'none'} → ${entry.packageVersion ?? 'none'}`);
    }
    const names = new Set([...Object.keys(before.files ?? {}), ...Object.keys(entry.files)]);
    const changed = [...names].filter((name) => before.files?.[name] !== entry.files[name]).sort();
    if (changed.length > 0) changes.push(`${changed.join(', ')} changed`);
    if (changes.length > 0) packs.push({ pack: entry.name, message: `pack '${entry.name}' no longer matches ${LOCK_FILE_NAME} (${changes.join('; ')})` });
  }
  for (const entry of locked.packs) {
    if (!current.packs.some((candidate) => candidate.name === entry.name)) packs.push({ pack: entry.name, message: `pack '${entry.name}' is in ${LOCK_FILE_NAME} but no longer in use` });
  }
  const rules = locked.rules && current.rules ? ruleChanges(locked.rules, current.rules) : undefined;
  return { file, packs, rules };
}

/** True when the packs match the lock: nothing differs and the lock could be read. */
export function matchesLock(comparison: LockComparison): boolean {
  return !comparison.unusable && comparison.packs.length === 0 && (comparison.rules ?? []).length === 0;
}

/** The rule changes of a comparison in one line, or a note that the lock records no rules; undefined when there is nothing to say. */
export function describeRuleChanges(comparison: LockComparison): string | undefined {
  if (comparison.rules === undefined) return `${LOCK_FILE_NAME} records no rules (it was written by an older version); re-run 'assessment-lint pack lock' to record rules, so that changes name them`;
  if (comparison.rules.length === 0) return undefined;
  return `rules changed since ${LOCK_FILE_NAME}: ${comparison.rules.map(describeRuleChange).join('; ')}`;
}

/**
 * Compares the packs in use with the lock beside the configuration; returns one
 * warning per pack that differs (version, files, added or gone) and one naming
 * the rules that changed, or none when there is no lock. Linting goes on either way.
 */
export function lockWarnings(layers: LoadedPack[], folder: string, pack?: CompiledPack): ConfigWarning[] {
  const comparison = compareWithLock(layers, folder, pack);
  const { file } = comparison;
  if (comparison.unusable) return existsSync(file) ? [{ file, pack: '', message: comparison.unusable }] : [];
  if (matchesLock(comparison)) return [];
  const accept = `linting goes on with the pack as it is now; run 'assessment-lint pack lock' to accept the change`;
  // The rule changes join the last pack's warning, so that one changed pack gives one warning.
  const rules = describeRuleChanges(comparison);
  const entries = comparison.packs.map((entry) => ({ pack: entry.pack, parts: [entry.message] }));
  if (rules && entries.length > 0) entries[entries.length - 1].parts.push(rules);
  else if (rules) entries.push({ pack: '', parts: [rules] });
  return entries.map((entry) => ({ file, pack: entry.pack, message: `${entry.parts.join('; ')}; ${accept}` }));
}
