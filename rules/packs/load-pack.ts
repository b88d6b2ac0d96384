import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Value, ValueErrorType } from '@sinclair/typebox/value';
import { CORE_FILES } from './core/index.js';
import type { TSchema } from '@sinclair/typebox';
import { SEVERITY_SETTINGS } from '../core/contracts.js';
import { ConceptSchema, PackFragmentSchema, PackSchema, RuleFieldsSchema, WordListSchema, type PackFile } from './schema.js';
import { ConfigurationError, pointerPath, PositionedFile, type Problem } from './problems.js';
import { policyProblems } from './pack-policy.js';
import { isRegexField, regexFieldMessage } from './regex-guard.js';

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
    const size = statSync(target).size;
    if (size > MAX_PACK_BYTES) throw problemAt(target, `this pack is ${Math.round(size / 1024)} KB; packs over 2 MB are refused, split it with extends`);
    return parsePack(target, readFileSync(target, 'utf8'), path.dirname(target));
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file; check the path in your configuration or extends' : (error as Error).message;
    throw problemAt(file, `cannot read pack: ${reason}`);
  }
}

function exists(file: string): boolean {
  try {
    return statSync(file).isFile();
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

/** Validates a value against a schema and records each problem at its position, once per place. */
export function collect(source: PositionedFile, schema: TSchema, value: unknown, base: string[], problems: Problem[]): void {
  for (const error of Value.Errors(schema, value)) {
    const segments = [...base, ...pointerPath(error.path)];
    const ruleId = segments[0] === 'rules' ? segments[1] : undefined;
    const unexpected = error.message === 'Unexpected property';
    const where = segments.join('.') || 'the pack';
    const field = segments[segments.length - 1];
    const custom = (error.schema as { patternErrorMessage?: string }).patternErrorMessage;
    const message = unexpected
      ? isRegexField(field)
        ? regexFieldMessage(field)
        : `'${field}' is not a field here; check its spelling or indentation (in ${where.split('.').slice(0, -1).join('.') || 'the pack'})`
      : custom && error.type === ValueErrorType.StringPattern
        ? `${where}: '${String(error.value)}' ${custom}`
        : `${where}: ${error.message.toLowerCase()}${describe(error.schema)}`;
    const at = source.positionOf(segments, unexpected);
    if (!problems.some((known) => known.line === at.line && known.column === at.column)) {
      problems.push({ file: source.file, line: at.line, column: at.column, message, ruleId });
    }
  }
}

function describe(schema: { description?: string }): string {
  return schema.description ? ` (${schema.description})` : '';
}
