import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_PACK, type LoadedPack } from './load-pack.js';
import { isUrl } from './pack-root.js';
import { installedVersion } from './versions.js';
import { readRegularFile, readTextFile } from '../io/read-regular-file.js';

/** Pack files and docs pages larger than this (or not regular files) are not read; the lock records them as missing. */
const MAX_HASHED_BYTES = 8 * 1024 * 1024;

/** The lock file's name; it sits beside the configuration it locks. */
export const LOCK_FILE_NAME = '.assessment-lint.lock';

/** One pack as locked: its name, version, and the sha256 of each of its files. */
export interface LockedPack {
  name: string;
  version: string;
  /** Where the pack was found: `core`, or the pack file relative to the lock's folder. */
  source: string;
  /** sha256 of each file, by path relative to the lock's folder (empty for the built-in pack). */
  files: Record<string, string>;
}

/** The contents of `.assessment-lint.lock`. */
export interface LockFile {
  lockfileVersion: 1;
  packs: LockedPack[];
}

/** A warning about the packs in use that does not stop linting, such as a pack that no longer matches the lock. */
export interface ConfigWarning {
  /** The file the warning concerns (the lock file). */
  file: string;
  /** The pack that changed. */
  pack: string;
  message: string;
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

/** Locks the packs of a resolved configuration: names, versions and file hashes, relative to `folder`. */
export function lockPacks(layers: LoadedPack[], folder: string): LockFile {
  const packs = layers.map((layer) => ({
    name: layer.pack.name,
    version: installedVersion(layer),
    source: layer.file === CORE_PACK ? CORE_PACK : relativeTo(folder, layer.file),
    files: Object.fromEntries(packFiles(layer).map((file) => [relativeTo(folder, file), sha256(file)])),
  }));
  return { lockfileVersion: 1, packs };
}

/** Writes `.assessment-lint.lock` into a folder and returns its path. */
export function writeLock(layers: LoadedPack[], folder: string): string {
  const file = path.join(folder, LOCK_FILE_NAME);
  writeFileSync(file, JSON.stringify(lockPacks(layers, folder), null, 2) + '\n');
  return file;
}

/**
 * Compares the packs in use with the lock beside the configuration; returns one
 * warning per pack that differs (version, files, added or gone), or none when
 * there is no lock. Linting goes on either way.
 */
export function lockWarnings(layers: LoadedPack[], folder: string): ConfigWarning[] {
  const file = path.join(folder, LOCK_FILE_NAME);
  if (!existsSync(file)) return [];
  let locked: LockFile;
  try {
    locked = JSON.parse(readTextFile(file, MAX_HASHED_BYTES, 'lock file')) as LockFile;
    if (!Array.isArray(locked.packs)) throw new Error('no packs');
  } catch {
    return [{ file, pack: '', message: `${LOCK_FILE_NAME} cannot be read; run 'assessment-lint pack lock' to write it again` }];
  }
  const current = lockPacks(layers, folder);
  const warnings: ConfigWarning[] = [];
  const accept = `linting goes on with the pack as it is now; run 'assessment-lint pack lock' to accept the change`;
  for (const pack of current.packs) {
    const before = locked.packs.find((entry) => entry.name === pack.name);
    if (!before) {
      warnings.push({ file, pack: pack.name, message: `pack '${pack.name}' is not in ${LOCK_FILE_NAME}; ${accept}` });
      continue;
    }
    const changes: string[] = [];
    if (before.version !== pack.version) changes.push(`version ${before.version} → ${pack.version}`);
    const names = new Set([...Object.keys(before.files ?? {}), ...Object.keys(pack.files)]);
    const changed = [...names].filter((name) => before.files?.[name] !== pack.files[name]).sort();
    if (changed.length > 0) changes.push(`${changed.join(', ')} changed`);
    if (changes.length > 0) warnings.push({ file, pack: pack.name, message: `pack '${pack.name}' no longer matches ${LOCK_FILE_NAME} (${changes.join('; ')}); ${accept}` });
  }
  for (const entry of locked.packs) {
    if (!current.packs.some((pack) => pack.name === entry.name)) {
      warnings.push({ file, pack: entry.name, message: `pack '${entry.name}' is in ${LOCK_FILE_NAME} but no longer in use; ${accept}` });
    }
  }
  return warnings;
}
