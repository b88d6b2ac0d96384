import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import type { SeveritySetting } from '../core/contracts.js';
import type { ReasonPolicy } from '../core/engine-rules.js';
import { compilePacks, type CompiledPack } from '../packs/compile.js';
import { collect, CORE_PACK, problemAt, type LoadedPack } from '../packs/load-pack.js';
import { ConfigurationError, PositionedFile, type Problem } from '../packs/problems.js';
import { lockWarnings, LOCK_FILE_NAME, type ConfigWarning } from '../packs/lock.js';
import { isPackageName, loadPackChain, resolvePackReference } from '../packs/resolve.js';
import { checkPin, pinRangeProblem, splitPin } from '../packs/versions.js';
import { SeveritySchema } from '../packs/schema.js';
import { didYouMean } from '../packs/schema-messages.js';
import { readTextFile, UnreadableFileError } from '../io/read-regular-file.js';
import { nestingMessage, nestingTooDeep } from '../packs/nesting-guard.js';
import { globProblem, matchesGlobs, shortGlob } from './glob.js';

/** Configurations larger than this are refused rather than read. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** The names a workspace configuration file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['.assessment-lint.yaml', '.assessment-lint.yml', '.assessment-lint.json'];

const RuleSeverities = Type.Record(Type.String(), SeveritySchema, { description: 'Severity by rule id: error, warning, info, hint or off.' });

/** The schema of `.assessment-lint.yaml`. */
export const ConfigSchema = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    packs: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { description: 'Packs to use, later ones overriding earlier: core, a path to a pack file or folder, or an npm package name, optionally pinned to a version range (@kent-pdu/assessment-pack@^2.1.0).' })),
    rules: Type.Optional(RuleSeverities),
    suppressions: Type.Optional(
      Type.Object(
        {
          requireReason: Type.Optional(Type.Boolean({ description: 'When false, a suppression comment without a reason still silences its finding (default: true).' })),
          reasonWords: Type.Optional(Type.Integer({ minimum: 0, description: 'Fewest words a suppression reason may have (default: 3).' })),
          reasonLetters: Type.Optional(Type.Integer({ minimum: 0, description: 'Fewest letters or digits a suppression reason may have (default: 10).' })),
        },
        { additionalProperties: false, description: 'What a suppression comment must give for it to count. See docs/rules/suppression-reason.md.' },
      ),
    ),
    overrides: Type.Optional(
      Type.Array(
        Type.Object(
          {
            files: Type.Union([Type.String(), Type.Array(Type.String())], { description: 'Globs relative to this file.' }),
            rules: RuleSeverities,
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

/** A workspace configuration as written. */
export type ConfigFile = Static<typeof ConfigSchema>;

/** A configuration read and checked, with its packs compiled. */
export interface ResolvedConfig {
  /** The configuration file, or undefined when none was found (the built-in pack alone). */
  file?: string;
  folder: string;
  config: ConfigFile;
  pack: CompiledPack;
  layers: LoadedPack[];
  /** Problems that do not stop linting, such as a pack that no longer matches `.assessment-lint.lock`; the CLI prints them, the editor shows them. */
  warnings: ConfigWarning[];
}

/** Finds the configuration file that applies to a path, walking up from its folder. */
export function findConfigFile(startDir: string): string | undefined {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** Reads and validates a configuration file; throws ConfigurationError naming file, line and column. */
export function readConfigFile(file: string): { config: ConfigFile; source: PositionedFile } {
  let text: string;
  try {
    text = readTextFile(file, MAX_CONFIG_BYTES, 'configuration');
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new ConfigurationError([{ file, line: error.line, column: error.column, message: error.reason }]);
  }
  const deep = nestingTooDeep(text);
  if (deep) throw new ConfigurationError([{ file, line: deep.line, column: deep.column, message: nestingMessage() }]);
  const source = new PositionedFile(file, text);
  if (source.problems.length > 0) throw new ConfigurationError(source.problems);
  const parsed = source.value;
  if (source.problems.length > 0) throw new ConfigurationError(source.problems);
  const value = parsed ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) throw problemAt(file, 'a configuration must be a mapping with packs, rules and overrides; see the README');
  const problems: Problem[] = [];
  collect(source, ConfigSchema, value, [], problems);
  if (problems.length === 0) problems.push(...globProblems(source, value as ConfigFile));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return { config: value as ConfigFile, source };
}

/** Each `overrides[].files` glob that cannot be used, at its place. */
function globProblems(source: PositionedFile, config: ConfigFile): Problem[] {
  const problems: Problem[] = [];
  (config.overrides ?? []).forEach((override, index) => {
    const globs = Array.isArray(override.files) ? override.files : [override.files];
    globs.forEach((glob, at) => {
      const reason = globProblem(glob);
      const where = Array.isArray(override.files) ? ['overrides', index, 'files', at] : ['overrides', index, 'files'];
      if (reason) problems.push({ file: source.file, ...source.positionOf(where), message: `overrides[${index}].files: '${shortGlob(glob)}' ${reason}` });
    });
  });
  return problems;
}

/** Whether an override's `files` globs match a path relative to the configuration's folder (globs without a slash match the file name anywhere). */
export function overrideMatches(files: string | string[], relative: string): boolean {
  const globs = Array.isArray(files) ? files : [files];
  return matchesGlobs(globs, relative, { matchBase: !globs.some((glob) => glob.includes('/')) });
}

/**
 * A pack named on the command line or in editor settings, where paths are
 * relative to `baseDir` (the working folder, or the workspace folder): made
 * absolute when it is a path or names something that exists there, else kept
 * as `core` or an npm package name (with any version pin), which is looked up
 * from the configuration's folder as the configuration's own packs are.
 */
export function extraPackReference(reference: string, baseDir: string): string {
  const name = splitPin(reference).reference;
  if (name === CORE_PACK || (isPackageName(name) && !existsSync(path.resolve(baseDir, reference)))) return reference;
  return path.resolve(baseDir, reference);
}

/**
 * Loads a configuration (or none) and compiles its packs. `extraPacks` (from
 * the command line or editor settings) come after the configuration's own.
 */
export function resolveConfig(file: string | undefined, fallbackFolder: string, extraPacks: string[] = []): ResolvedConfig {
  const read = file ? readConfigFile(file) : undefined;
  const config: ConfigFile = read?.config ?? {};
  const folder = file ? path.dirname(file) : fallbackFolder;
  const referrer = file ?? path.join(fallbackFolder, CONFIG_FILE_NAMES[0]);
  const layers: LoadedPack[] = [];
  const extra = extraPacks.map((pack) => extraPackReference(pack, process.cwd()));
  const references = [...(config.packs ?? [CORE_PACK]), ...extra];
  let configLayers = 0;
  for (const reference of references) {
    if (reference === extra[0]) configLayers = layers.length;
    try {
      // A pack from the command line or editor settings is named by nothing in a file: report problems at the pack itself.
      const from = extra.includes(reference) ? reference : referrer;
      const pin = splitPin(reference);
      const badRange = pinRangeProblem(pin);
      if (badRange) throw problemAt(from, badRange);
      loadPackChain(pin.reference, folder, from, layers);
      const resolved = resolvePackReference(pin.reference, folder, from);
      const layer = layers.find((candidate) => candidate.file === resolved);
      if (layer) checkPin(pin, layer, from);
    } catch (error) {
      if (!(error instanceof ConfigurationError) || !read) throw error;
      const index = (config.packs ?? []).indexOf(reference);
      const at = index >= 0 ? read.source.positionOf(['packs', index]) : undefined;
      throw new ConfigurationError(error.problems.map((problem) => (at && problem.file === file ? { ...problem, ...at } : problem)));
    }
  }
  const pack = compilePacks(layers);
  if (read) checkRuleIds(read.source, config, pack);
  // The lock covers the configuration's own packs, not ones the command line or editor settings add.
  const warnings = file ? (extra.length > 0 ? lockWarnings(layers.slice(0, configLayers), folder) : lockWarnings(layers, folder, pack)) : [];
  return { file, folder, config, pack, layers, warnings };
}

function checkRuleIds(source: PositionedFile, config: ConfigFile, pack: CompiledPack): void {
  const known = new Set([...pack.rules, ...pack.engineRules].map((rule) => rule.id));
  const problems: Problem[] = [];
  const check = (rules: Record<string, unknown> | undefined, base: Array<string | number>) => {
    for (const id of Object.keys(rules ?? {})) {
      if (!known.has(id)) {
        const at = source.positionOf([...base, id], true);
        problems.push({ file: source.file, ...at, ruleId: id, message: `'${id}' is not a rule in the active packs; run 'assessment-lint rules' to list rule ids.${didYouMean(id, known)}` });
      }
    }
  };
  check(config.rules, ['rules']);
  (config.overrides ?? []).forEach((override, index) => check(override.rules, ['overrides', index, 'rules']));
  if (problems.length > 0) throw new ConfigurationError(problems);
}

/** The severity overrides a configuration sets for one file: its rules, then each matching override in order. */
export function severitiesFor(resolved: ResolvedConfig, filePath: string | undefined): Record<string, SeveritySetting> {
  const severities: Record<string, SeveritySetting> = { ...(resolved.config.rules ?? {}) };
  if (filePath) {
    const relative = path.relative(resolved.folder, path.resolve(filePath)).split(path.sep).join('/');
    for (const override of resolved.config.overrides ?? []) {
      if (overrideMatches(override.files, relative)) Object.assign(severities, override.rules);
    }
  }
  return severities;
}

/** The reason policy a configuration sets for suppression comments (unset fields keep the engine's defaults). */
export function reasonPolicyOf(resolved: ResolvedConfig): Partial<ReasonPolicy> {
  const set = resolved.config.suppressions ?? {};
  return { requireReason: set.requireReason, words: set.reasonWords, letters: set.reasonLetters };
}

/** Modification times of a configuration and its pack files, to tell when a cached compile is stale. */
export function configStamp(resolved: ResolvedConfig): string {
  const lock = resolved.file ? path.join(resolved.folder, LOCK_FILE_NAME) : undefined;
  const files = [resolved.file, lock, ...resolved.layers.map((layer) => layer.file)].filter((file): file is string => !!file && file !== CORE_PACK);
  return files.map((file) => `${file}@${mtimeOf(file)}`).join('|');
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}
