import { statSync } from 'node:fs';
import path from 'node:path';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { CORE_FILES } from './core/index.js';
import type { TSchema } from '@sinclair/typebox';
import { SEVERITY_SETTINGS } from '../core/contracts.js';
import { ConceptSchema, PackFragmentSchema, PackSchema, RuleFieldsSchema, WordListSchema, type PackFile } from './schema.js';
import { ConfigurationError, pointerPath, PositionedFile, type Problem } from './problems.js';
import { policyProblems } from './pack-policy.js';
import { isRegexField, regexFieldMessage } from './regex-guard.js';
import { nestingMessage, nestingTooDeep } from './nesting-guard.js';
import { readTextFile, UnreadableFileError } from '../io/read-regular-file.js';
import { schemaErrorMessage } from './schema-messages.js';

/** The name by which configurations refer to the built-in pack. */
export const CORE_PACK = 'core';
/** The file name a pack folder holds. */
export const PACK_FILE_NAMES = ['pack.yaml', 'pack.yml', 'pack.json'];
/** Packs larger than this are refused rather than parsed. */
const MAX_PACK_BYTES = 2 * 1024 * 1024;

/** A pack file read, parsed with positions and checked against the pack schema. */
export interface LoadedPack {
  /** Absolute path of the file, or `core` for the built-in pack. */
  file: string;
  /** The folder relative paths in the pack are resolved against (undefined for core). */
  folder?: string;
  pack: PackFile;
  source: PositionedFile;
  /** For the built-in pack: its files, each read as a part of the pack (see rules/packs/core/index.ts). */
  parts?: LoadedPack[];
  /** For a file of the built-in pack: its name in rules/packs/core/. */
  part?: string;
  /** For a file of the built-in pack: part of every pack's vocabulary, whether or not the pack extends core. */
  base?: boolean;
}

/** Where problems in a loaded pack file are reported: its path, or `core/<file>` for a file of the built-in pack. */
export function problemFileOf(layer: LoadedPack): string {
  return layer.part ? `${CORE_PACK}/${layer.part}` : layer.file;
}

let coreParts: LoadedPack[] | undefined;

/** The built-in pack's files, each parsed and checked once. */
export function corePackParts(): LoadedPack[] {
  if (!coreParts) {
    const [head, ...rest] = CORE_FILES;
    const header = parsePack(CORE_PACK, head.text, undefined, { value: structuredClone(head.data) });
    coreParts = [
      { ...header, part: head.name },
      ...rest.map((file) => {
        const loaded = parsePack(`${CORE_PACK}/${file.name}`, file.text, undefined, { value: structuredClone(file.data) }, true);
        const pack = { ...loaded.pack, name: header.pack.name, version: header.pack.version };
        return { ...loaded, file: CORE_PACK, pack, part: file.name, base: file.base };
      }),
    ];
  }
  return coreParts;
}

/** The parts of the built-in pack that every pack's vocabulary starts from. */
export function baseParts(): LoadedPack[] {
  return corePackParts().filter((part) => part.base);
}

/** Reads a pack file from disk (or the built-in pack by name) and validates its shape; throws ConfigurationError. */
export function loadPackFile(file: string): LoadedPack {
  if (file === CORE_PACK) {
    const parts = corePackParts();
    return { ...parts[0], part: undefined, parts };
  }
  let target = file;
  try {
    if (statSync(file).isDirectory()) {
      const found = PACK_FILE_NAMES.map((name) => path.join(file, name)).find((candidate) => exists(candidate));
      if (!found) throw problemAt(file, `this folder holds no ${PACK_FILE_NAMES.join(' or ')}; add one or name the pack file itself`);
      target = found;
    }
    return parsePack(target, readTextFile(target, MAX_PACK_BYTES, 'pack'), path.dirname(target));
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    if (error instanceof UnreadableFileError && error.code !== 'ENOENT') {
      const advice = error.code === 'EFBIG' ? ', split it with extends' : '';
      throw new ConfigurationError([{ file: error.file, line: error.line, column: error.column, message: error.reason + advice }]);
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file; check the path in your configuration or extends' : (error as Error).message;
    throw problemAt(file, `cannot read pack: ${reason}`);
  }
}

/** True when something other than a folder is there (a pipe or device named pack.yaml is then refused by the reader, by name). */
function exists(file: string): boolean {
  try {
    return !statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A configuration error for a whole file, at its first line. */
export function problemAt(file: string, message: string): ConfigurationError {
  return new ConfigurationError([{ file, line: 1, column: 1, message }]);
}

/** Parses pack text and validates its shape (a `fragment` is a file of a pack, without name or version); throws ConfigurationError listing every problem. */
export function parsePack(file: string, text: string, folder: string | undefined, known?: { value: unknown }, fragment = false): LoadedPack {
  const deep = known ? undefined : nestingTooDeep(text);
  if (deep) throw new ConfigurationError([{ file, line: deep.line, column: deep.column, message: nestingMessage() }]);
  const source = new PositionedFile(file, text, known);
  if (source.problems.length > 0) throw new ConfigurationError(source.problems);
  const value = source.value;
  if (source.problems.length > 0) throw new ConfigurationError(source.problems);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw problemAt(file, 'a pack must be a mapping with name, version and rules; see docs/packs.md');
  }
  const problems: Problem[] = [];
  const { rules, terms, vocabulary, ...rest } = value as Record<string, unknown>;
  collect(source, fragment ? PackFragmentSchema : PackSchema, rest, [], problems);
  if (rules !== undefined) {
    if (!isMapping(rules)) source.report(['rules'], 'rules must be a mapping from rule id to rule; see docs/packs.md');
    else for (const [id, entry] of Object.entries(rules)) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) problems.push(problem(source, ['rules', id], `'${id}' is not a valid rule id: use lower-case words joined by hyphens`, id, true));
      if (typeof entry === 'string') {
        if (!SEVERITIES.includes(entry)) problems.push(problem(source, ['rules', id], `'${entry}' is not a severity: use one of ${SEVERITIES.join(', ')}`, id));
      } else collect(source, RuleFieldsSchema, entry, ['rules', id], problems);
    }
  }
  if (terms !== undefined) {
    if (!isMapping(terms)) source.report(['terms'], 'terms must be a mapping from concept name to a list of terms');
    else for (const [name, entry] of Object.entries(terms)) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) problems.push(problem(source, ['terms', name], `'${name}' is not a valid concept name: use lower-case words joined by hyphens`, undefined, true));
      const exclude = isMapping(entry) ? entry.exclude : undefined;
      const schema = Array.isArray(entry) ? ConceptSchema.anyOf[0] : isMapping(exclude) ? ConceptSchema.anyOf[2] : ConceptSchema.anyOf[1];
      collect(source, schema, entry, ['terms', name], problems);
    }
  }
  if (vocabulary !== undefined) {
    if (!isMapping(vocabulary)) source.report(['vocabulary'], 'vocabulary must be a mapping from list name to a list of words; see docs/packs.md#vocabulary');
    else for (const [name, entry] of Object.entries(vocabulary)) {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) problems.push(problem(source, ['vocabulary', name], `'${name}' is not a valid word list name: use lower-case words joined by hyphens`, undefined, true));
      collect(source, Array.isArray(entry) ? WordListSchema.anyOf[0] : WordListSchema.anyOf[1], entry, ['vocabulary', name], problems);
    }
  }
  problems.push(...policyProblems(source, value as Record<string, unknown>, folder));
  problems.push(...source.problems);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return { file, folder, pack: value as PackFile, source };
}

const SEVERITIES: readonly string[] = SEVERITY_SETTINGS;

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function problem(source: PositionedFile, segments: string[], message: string, ruleId?: string, keyOf = false): Problem {
  const at = source.positionOf(segments, keyOf);
  return { file: source.file, line: at.line, column: at.column, message, ruleId };
}

/** The places (file, line and column) of a list of problems, kept up to date as problems are added, so finding a repeat costs one lookup. */
const placesSeen = new WeakMap<Problem[], { places: Set<string>; counted: number }>();

function placeOf(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/** The places of the problems listed so far (those pushed by other code included). */
function placesOf(problems: Problem[]): Set<string> {
  let seen = placesSeen.get(problems);
  if (!seen) {
    seen = { places: new Set(), counted: 0 };
    placesSeen.set(problems, seen);
  }
  for (; seen.counted < problems.length; seen.counted++) seen.places.add(placeOf(problems[seen.counted]));
  return seen.places;
}

/** Validates a value against a schema and records each problem at its position, once per place. */
export function collect(source: PositionedFile, schema: TSchema, value: unknown, base: string[], problems: Problem[]): void {
  const places = placesOf(problems);
  for (const error of Value.Errors(schema, value)) {
    const segments = [...base, ...pointerPath(error.path)];
    const ruleId = segments[0] === 'rules' ? segments[1] : undefined;
    const unexpected = error.type === ValueErrorType.ObjectAdditionalProperties;
    const message = schemaErrorMessage(error, segments);
    const at = source.positionOf(segments, unexpected);
    const place = placeOf({ file: source.file, ...at });
    if (!places.has(place)) {
      places.add(place);
      problems.push({ file: source.file, line: at.line, column: at.column, message, ruleId });
    }
  }
}
