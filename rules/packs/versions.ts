import semver from 'semver';
import packageJson from '../../package.json';
import { CORE_PACK, problemAt, type LoadedPack } from './load-pack.js';
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
