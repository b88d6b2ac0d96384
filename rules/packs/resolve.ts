import { existsSync } from 'node:fs';
import path from 'node:path';
import { CORE_PACK, loadPackFile, PACK_FILE_NAMES, problemAt, type LoadedPack } from './load-pack.js';
import { assertInsidePack, isPathReference, linksOutOf } from './pack-root.js';
import { ConfigurationError } from './problems.js';
import { readTextFile, UnreadableFileError } from '../io/read-regular-file.js';

/** The most packs one `extends` chain may stack, each on the one before. */
export const MAX_EXTENDS_DEPTH = 32;
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** An npm package's package.json, or undefined when it has none that parses. */
function readManifest(packageDir: string): Record<string, unknown> | undefined {
  const file = path.join(packageDir, 'package.json');
  let text: string;
  try {
    text = readTextFile(file, MAX_MANIFEST_BYTES, 'package.json');
  } catch (error) {
    if (error instanceof UnreadableFileError && error.code !== 'ENOENT') {
      throw new ConfigurationError([{ file, line: error.line, column: error.column, message: error.reason }]);
    }
    return undefined;
  }
  try {
    const manifest: unknown = JSON.parse(text);
    return manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest) ? (manifest as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const NPM_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/**
 * Resolves what a configuration or `extends` names: `core`, a path (relative to
 * `fromDir`) to a pack file or folder, or an npm package found in a
 * `node_modules` folder at or above `fromDir`.
 */
export function resolvePackReference(reference: string, fromDir: string, referrer: string): string {
  if (reference === CORE_PACK) return CORE_PACK;
  if (!isPackageName(reference)) return path.resolve(fromDir, reference);
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const packageDir = path.join(dir, 'node_modules', reference);
    if (existsSync(packageDir)) return packFileInPackage(packageDir, reference, referrer);
    if (path.dirname(dir) === dir) break;
  }
  const local = path.resolve(fromDir, reference);
  if (existsSync(local)) return local;
  throw problemAt(referrer, `pack '${reference}' was not found: install it with npm in this workspace, or give a path such as ./${reference}.yaml`);
}

/** True when a pack reference reads as an npm package name rather than a path. */
export function isPackageName(reference: string): boolean {
  const looksLikePath = reference.startsWith('.') || path.isAbsolute(reference) || /\.(ya?ml|json)$/i.test(reference) || reference.includes('\\');
  return !looksLikePath && NPM_NAME.test(reference);
}

function packFileInPackage(packageDir: string, name: string, referrer: string): string {
  const settings = readManifest(packageDir)?.assessmentLint as { pack?: unknown } | undefined;
  const declared = typeof settings?.pack === 'string' ? settings.pack : undefined;
  const candidates = declared ? [declared] : PACK_FILE_NAMES;
  for (const candidate of candidates) {
    const file = path.resolve(packageDir, candidate);
    if (!file.startsWith(packageDir + path.sep)) throw problemAt(referrer, `package '${name}' names a pack outside its own folder`);
    if (linksOutOf(packageDir, file)) throw problemAt(referrer, `package '${name}': its pack file '${candidate}' is a symbolic link (or inside one) that leads out of the package's folder; a package's pack must be a file inside it`);
    if (existsSync(file)) return file;
  }
  throw problemAt(referrer, `package '${name}' has no pack.yaml; its package.json may name one under "assessmentLint": {"pack": "..."}`);
}

/** The version of an npm package holding a pack, if the pack came from one. */
export function packageVersionOf(file: string): string | undefined {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const rest = file.slice(at + marker.length).split(path.sep);
  const packageDir = file.slice(0, at + marker.length) + (rest[0].startsWith('@') ? rest.slice(0, 2) : rest.slice(0, 1)).join(path.sep);
  try {
    const version = readManifest(packageDir)?.version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a pack and everything it extends, base packs first; a pack reached
 * twice is loaded once; a cycle is an error that names it. A pack file that
 * does not exist is reported where it is named (`referrer`), unless the
 * reference is its own referrer (a pack given on the command line).
 */
export function loadPackChain(reference: string, fromDir: string, referrer: string, loaded: LoadedPack[] = [], stack: string[] = []): LoadedPack[] {
  const file = resolvePackReference(reference, fromDir, referrer);
  if (stack.includes(file)) {
    const cycle = [...stack.slice(stack.indexOf(file)), file].map((entry) => (entry === CORE_PACK ? entry : path.basename(entry)));
    throw problemAt(referrer, `extends forms a cycle: ${cycle.join(' → ')}; remove one of these extends`);
  }
  if (loaded.some((pack) => pack.file === file)) return loaded;
  if (stack.length >= MAX_EXTENDS_DEPTH) {
    throw problemAt(referrer, `extends goes more than ${MAX_EXTENDS_DEPTH} packs deep (${path.basename(stack[0])} → … → ${path.basename(referrer)} → ${reference}); build on fewer packs, or let the configuration list them side by side`);
  }
  if (file !== CORE_PACK && file !== referrer && !existsSync(file) && existsSync(referrer)) {
    throw problemAt(referrer, `pack '${reference}' was not found (no ${file}); check the path, or install the package with npm`);
  }
  const pack = loadPackFile(file);
  const bases = pack.pack.extends === undefined ? [] : Array.isArray(pack.pack.extends) ? pack.pack.extends : [pack.pack.extends];
  bases.forEach((base, index) => {
    try {
      if (pack.folder && isPathReference(base)) assertInsidePack(pack.file, path.resolve(pack.folder, base), base);
      loadPackChain(base, pack.folder ?? fromDir, pack.file, loaded, [...stack, file]);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      const at = pack.source.positionOf(Array.isArray(pack.pack.extends) ? ['extends', index] : ['extends']);
      const problems = error.problems.map((problem) => (problem.file === pack.file && problem.line === 1 ? { ...problem, ...at } : problem));
      throw new ConfigurationError(problems);
    }
  });
  loaded.push(pack);
  return loaded;
}
