import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import packageJson from '../../package.json';
import { CORE_PACK, PACK_FILE_NAMES, problemAt, type LoadedPack } from './load-pack.js';
import type { PositionedFile, Problem } from './problems.js';
import { packageVersionOf } from './resolve.js';

/** The version of Assessment Lint that is running, which a pack's `engine` range must include. */
export const ENGINE_VERSION: string = packageJson.version;

const NPM_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

/** A configuration's pack entry split into the pack it names and the version range it pins, if any. */
export interface PackPin {
  reference: string;
  range?: string;
}

/**
 * Splits `@kent-pdu/assessment-pack@^2.1.0` or `core@1` into name and range;
 * paths and names without `@range` come back whole.
 */
export function splitPin(entry: string): PackPin {
  const at = entry.lastIndexOf('@');
  if (at <= 0) return { reference: entry };
  const name = entry.slice(0, at);
  if (name !== CORE_PACK && !NPM_NAME.test(name)) return { reference: entry };
  return { reference: name, range: entry.slice(at + 1) };
}

/** The problem with a pinned range that semver cannot read, if there is one. */
export function pinRangeProblem(pin: PackPin): string | undefined {
  if (pin.range === undefined || semver.validRange(pin.range)) return undefined;
  return `'${pin.range}' is not a version range; write it as npm does, for example ${pin.reference}@^2.1.0 or ${pin.reference}@~2.1.3`;
}

/** The version a pack is judged by: its npm package's version when it came from one, else its own `version`. */
export function installedVersion(pack: LoadedPack): string {
  return (pack.file === CORE_PACK ? undefined : packageVersionOf(pack.file)) ?? pack.pack.version;
}

/** Throws a ConfigurationError when the pack the configuration pinned is not a version in its range. */
export function checkPin(pin: PackPin, pack: LoadedPack, referrer: string): void {
  if (pin.range === undefined) return;
  const version = installedVersion(pack);
  if (!semver.satisfies(version, pin.range, { includePrerelease: true })) {
    throw problemAt(
      referrer,
      `pack '${pin.reference}' is version ${version}, but the configuration asks for ${pin.range}; install a matching version (npm install ${pin.reference}@"${pin.range}") or change the range`,
    );
  }
}

/** Problems with a pack's `engine` field: not a range, or a range this Assessment Lint is not in. */
export function engineProblems(source: PositionedFile, engine: unknown, engineVersion = ENGINE_VERSION): Problem[] {
  if (typeof engine !== 'string') return [];
  const at = () => source.positionOf(['engine']);
  if (!semver.validRange(engine)) {
    return [{ file: source.file, ...at(), message: `engine: '${engine}' is not a version range; write one such as ">=0.1.0" or "^1.2.0"` }];
  }
  if (!semver.satisfies(engineVersion, engine, { includePrerelease: true })) {
    return [{ file: source.file, ...at(), message: `this pack needs Assessment Lint ${engine}, but this is ${engineVersion}; update Assessment Lint, or use a version of the pack made for ${engineVersion}` }];
  }
  return [];
}

/** A pack whose npm package (package.json) and pack file give different versions. */
export interface VersionMismatch {
  packageFile: string;
  packageVersion: string;
  packFile: string;
  packVersion: string;
}

/** The package.json nearest above a pack file, when it is the package that carries this pack (it names the pack, or the pack is its pack.yaml). */
function packageManifestOf(packFile: string): { file: string; version?: unknown } | undefined {
  for (let dir = path.dirname(packFile); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    let manifest: { version?: unknown; assessmentLint?: { pack?: unknown } } | undefined;
    try {
      manifest = JSON.parse(readFileSync(file, 'utf8')) as typeof manifest;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return undefined;
    }
    if (manifest) {
      const declared = typeof manifest.assessmentLint?.pack === 'string' ? [manifest.assessmentLint.pack] : PACK_FILE_NAMES;
      return declared.some((name) => path.resolve(dir, name) === packFile) ? { file, version: manifest.version } : undefined;
    }
    if (path.dirname(dir) === dir || path.basename(dir) === 'node_modules') return undefined;
  }
}

/** The versions of an npm-packaged pack when its package.json and pack file disagree; undefined when they agree or there is no package. */
export function versionMismatch(pack: LoadedPack): VersionMismatch | undefined {
  if (pack.file === CORE_PACK) return undefined;
  const manifest = packageManifestOf(pack.file);
  if (!manifest || typeof manifest.version !== 'string' || manifest.version === pack.pack.version) return undefined;
  return { packageFile: manifest.file, packageVersion: manifest.version, packFile: pack.file, packVersion: pack.pack.version };
}

/** A version mismatch in words, with files shown by `show` (relative paths, as the caller prints them). */
export function describeVersionMismatch(mismatch: VersionMismatch, show: (file: string) => string = (file) => file): string {
  return `${show(mismatch.packageFile)} gives version ${mismatch.packageVersion} but ${show(mismatch.packFile)} gives ${mismatch.packVersion}; pinning goes by the package's version and 'assessment-lint rules' shows the pack's, so give both the same version`;
}
