import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { problemAt } from './load-pack.js';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DATA_FILE = /\.(ya?ml|json)$/i;

/** The folder a pack may read from: its npm package's folder, or the folder holding the pack file. */
export function packRootOf(file: string): string {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return path.dirname(file);
  const rest = file.slice(at + marker.length).split(path.sep);
  return file.slice(0, at + marker.length) + (rest[0].startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1)).join(path.sep);
}

/** True when an `extends` entry names a file or folder rather than `core` or an npm package. */
export function isPathReference(reference: string): boolean {
  return reference.startsWith('.') || path.isAbsolute(reference) || DATA_FILE.test(reference) || reference.includes('\\');
}

/** True when a `docs` value is a web address (or another URL) rather than a path. */
export function isUrl(value: string): boolean {
  return URL_SCHEME.test(value) && !/^[a-z]:[\\/]/i.test(value);
}

/** Why a path a pack gives may not be used (absolute, or leaving the pack's folder), or undefined when it is inside. */
export function pathEscape(packFile: string, folder: string, relative: string): string | undefined {
  if (path.isAbsolute(relative) || /^[a-z]:[\\/]/i.test(relative)) {
    return `'${relative}' is an absolute path; a pack may only refer to files inside its own folder, by a relative path such as ./docs/rule.md`;
  }
  const root = packRootOf(packFile);
  if (!isInside(root, path.resolve(folder, relative))) return leaves(relative);
  return undefined;
}

function leaves(relative: string): string {
  return `'${relative}' leaves the pack's own folder; a pack may only refer to files inside it (extend other packs by npm name or from the configuration instead)`;
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * True when `target` exists and, followed through symbolic links, lies
 * outside `root` (also followed through links). A target that does not exist
 * is not judged here: reading it reports it missing.
 */
export function linksOutOf(root: string, target: string): boolean {
  try {
    return !isInside(realpathSync(root), realpathSync(target));
  } catch {
    return false;
  }
}

/** Why a path a pack gives leads out of the pack's folder through a symbolic link, or undefined when it does not. */
export function linkEscape(packFile: string, folder: string, relative: string): string | undefined {
  return linksOutOf(packRootOf(packFile), path.resolve(folder, relative)) ? `'${relative}' is a symbolic link (or inside one) that leads out of the pack's own folder; a pack may only refer to files inside it` : undefined;
}

/** Why a page a pack links is not a regular file (a folder, pipe or device an editor would open), or undefined when it is one or is missing. */
export function notRegularFile(folder: string, relative: string): string | undefined {
  try {
    return statSync(path.resolve(folder, relative)).isFile() ? undefined : `'${relative}' is not a regular file; link a page saved in the pack's folder`;
  } catch {
    return undefined;
  }
}

/** Throws a ConfigurationError when a file a pack reads, followed through symbolic links, lies outside the pack's folder. */
export function assertInsidePack(packFile: string, target: string, written: string): void {
  if (linksOutOf(packRootOf(packFile), target)) throw problemAt(packFile, leaves(written));
}
