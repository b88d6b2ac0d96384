import path from 'node:path';
import { compilePacks, type CompiledPack } from '../rules/packs/compile.js';
import { CORE_PACK, type LoadedPack } from '../rules/packs/load-pack.js';
import { loadPackChain } from '../rules/packs/resolve.js';

/** A pack named on the command line (a file, a folder or `core`) loaded with what it extends and compiled; throws ConfigurationError. */
export function loadPackArgument(reference: string): { pack: CompiledPack; layers: LoadedPack[] } {
  const target = reference === CORE_PACK ? CORE_PACK : path.resolve(reference);
  const layers = loadPackChain(target, process.cwd(), target);
  return { pack: compilePacks(layers), layers };
}

/** A file path as the command line prints it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  if (file === CORE_PACK || !path.isAbsolute(file)) return file;
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
