import type { TSchema } from '@sinclair/typebox';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/value';
import { isRegexField, regexFieldMessage } from './regex-guard.js';

/** Examples of a list, by the name of the field that holds it; other lists get the generic one. */
const LIST_EXAMPLES: Record<string, string> = {
  anchor: '[assessment]',
  sections: '[assessment, risk]',
  notInSections: '[details]',
  replacements: '[person on probation]',
  packs: '[core, ./team-pack]',
  files: '["reports/**/*.md"]',
  extends: '[core]',
  warn: '["A snippet the rule must flag."]',
  pass: '["A snippet the rule must leave alone."]',
  from: '[{date: 2026-01-01, severity: error}]',
  match: '[drink, alcohol*]',
  exclude: '[as a child]',
  add: '[gin]',
  remove: '[binge]',
};

/** The most edits between a misspelt name and the name meant: about one in three letters, at least one. */
function allowedEdits(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/** The number of single-character insertions, deletions, substitutions and swaps of neighbours that turn one word into another. */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

/** The known name closest to a misspelt one, when it is close enough to be what was meant. */
export function closestName(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= allowedEdits(word)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** " Did you mean 'x'?" for a misspelt name, or '' when no known name is close. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const closest = closestName(word, known);
  return closest === undefined ? '' : ` Did you mean '${closest}'?`;
}

/** What a value of a schema looks like, in plain words with an example. */
function expected(schema: TSchema, field: string): string {
  const type = (schema as { type?: string }).type;
  if (type === 'array') return `a list, e.g. ${LIST_EXAMPLES[field] ?? '[first, second]'}`;
  if (type === 'object') return 'a mapping: names with their values, indented below it or written as {name: value}';
  if (type === 'integer') return 'a whole number, e.g. 3';
  if (type === 'number') return 'a number, e.g. 3';
  if (type === 'boolean') return 'true or false';
  if (type === 'string') return 'text';
  const options = (schema as { anyOf?: TSchema[] }).anyOf ?? [];
  const literals = options.map((option) => (option as { const?: unknown }).const).filter((value) => value !== undefined);
  if (options.length > 0 && literals.length === options.length) return `one of ${literals.join(', ')}`;
  if (options.length > 0) return options.map((option) => expected(option, field)).join(' or ');
  return (schema as { description?: string }).description ?? 'something else';
}

function describe(schema: { description?: string }): string {
  return schema.description ? ` (${schema.description})` : '';
}

/**
 * A schema problem with a pack or configuration value in plain words: what
 * was found, what is wanted (with an example), and for a misspelt field the
 * field probably meant. `segments` is the path to the value.
 */
export function schemaErrorMessage(error: ValueError, segments: string[]): string {
  const where = segments.join('.') || 'the pack';
  const field = segments[segments.length - 1] ?? '';
  const parent = segments.slice(0, -1).join('.') || 'the pack';
  switch (error.type) {
    case ValueErrorType.ObjectAdditionalProperties: {
      if (isRegexField(field)) return regexFieldMessage(field);
      const known = Object.keys((error.schema as { properties?: Record<string, unknown> }).properties ?? {});
      return `'${field}' is not a field here; check its spelling or indentation (in ${parent}).${didYouMean(field, known)}`;
    }
    case ValueErrorType.ObjectRequiredProperty:
      return `${parent} needs ${field}:${describe(error.schema)}`;
    case ValueErrorType.StringPattern: {
      const custom = (error.schema as { patternErrorMessage?: string }).patternErrorMessage;
      if (custom) return `${where}: '${String(error.value)}' ${custom}`;
      return `${where}: '${String(error.value)}' is not in the expected form${describe(error.schema)}`;
    }
    case ValueErrorType.StringMinLength:
      return `${where} is empty; write something, or leave the field out`;
    case ValueErrorType.Array:
    case ValueErrorType.Object:
    case ValueErrorType.Integer:
    case ValueErrorType.Number:
    case ValueErrorType.Boolean:
    case ValueErrorType.String:
    case ValueErrorType.Union:
      return `${where} should be ${expected(error.schema, field)}${found(error.value)}`;
    default:
      return `${where}: ${error.message.toLowerCase()}${describe(error.schema)}`;
  }
}

/** ", not 'x'" for a short scalar that was given instead, so the writer sees what was read. */
function found(value: unknown): string {
  if (value === null || value === undefined) return ', but it is empty';
  if (typeof value === 'object') return Array.isArray(value) ? ', not a list' : ', not a mapping';
  const text = String(value);
  return text.length <= 40 ? `, not '${text}'` : '';
}
