/**
 * File globs (`overrides[].files`, `assessmentLint.files.include`/`exclude`)
 * matched in linear time: a glob is split into path segments and each segment
 * into tokens, and matching keeps the set of places it could have reached
 * without backtracking into earlier wildcards, so `*a*a*a…*b` costs about what `*.md`
 * does. Syntax:
 * `*` and `?` within one segment, `**` as a whole segment for any number of
 * folders, `[a-z]` and `[!a]` classes, `{a,b}` and `{1..3}` alternatives, `\`
 * to escape, and a leading `!` to negate. Wildcards never match the `.` and
 * `..` segments.
 */

/** The longest glob accepted. */
export const MAX_GLOB_LENGTH = 1000;
/** The most globs one glob's `{…}` alternatives may expand to. */
export const MAX_GLOB_ALTERNATIVES = 128;

/** A glob that cannot be used, and why. */
export class GlobError extends Error {
  constructor(
    readonly glob: string,
    readonly reason: string,
  ) {
    super(`'${shortGlob(glob)}' ${reason}`);
    this.name = 'GlobError';
  }
}

/** A glob cut to a length that fits in a message. */
export function shortGlob(glob: string): string {
  return glob.length > 60 ? `${glob.slice(0, 57)}…` : glob;
}

type Token = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; chars: Set<string>; ranges: Array<[number, number]> };
type Segment = { kind: 'globstar' } | { kind: 'literal'; text: string } | { kind: 'pattern'; tokens: Token[]; prefix: string; suffix: string };
interface CompiledGlob {
  negated: boolean;
  alternatives: Segment[][];
}

const EXTGLOB_OPENERS = new Set(['?', '*', '+', '@', '!']);

/** Why a glob cannot be used, or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  try {
    compileGlob(glob);
    return undefined;
  } catch (error) {
    if (error instanceof GlobError) return error.reason;
    throw error;
  }
}

function compileGlob(glob: string): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(glob, `is ${glob.length} characters long; globs may have at most ${MAX_GLOB_LENGTH}`);
  let body = glob;
  let negated = false;
  while (body.startsWith('!') && !body.startsWith('!(')) {
    negated = !negated;
    body = body.slice(1);
  }
  while (body.startsWith('./')) body = body.slice(2);
  for (let index = 0; index < body.length; index++) {
    if (body[index] === '\\') index++;
    else if (body[index + 1] === '(' && EXTGLOB_OPENERS.has(body[index])) {
      throw new GlobError(glob, `uses an extended glob ('${body[index]}(…)'), which is not supported; write alternatives as {a,b} instead`);
    }
  }
  return { negated, alternatives: expandBraces(glob, body).map((alternative) => splitSegments(alternative).map((segment) => compileSegment(glob, segment))) };
}

/** Splits a glob at each slash that is not escaped. */
function splitSegments(glob: string): string[] {
  const segments: string[] = [];
  let start = 0;
  for (let index = 0; index < glob.length; index++) {
    if (glob[index] === '\\') index++;
    else if (glob[index] === '/') {
      segments.push(glob.slice(start, index));
      start = index + 1;
    }
  }
  segments.push(glob.slice(start));
  return segments;
}

/** Expands `{a,b}` and `{1..3}` groups, outermost first, refusing more than MAX_GLOB_ALTERNATIVES results. */
function expandBraces(glob: string, body: string): string[] {
  const done: string[] = [];
  const pending = [body];
  while (pending.length > 0) {
    const text = pending.pop()!;
    const group = firstGroup(text);
    if (!group) {
      done.push(text);
    } else {
      for (const choice of group.choices.reverse()) pending.push(text.slice(0, group.start) + choice + text.slice(group.end));
    }
    if (done.length + pending.length > MAX_GLOB_ALTERNATIVES) {
      throw new GlobError(glob, `expands to more than ${MAX_GLOB_ALTERNATIVES} globs through its {…} alternatives; write fewer alternatives`);
    }
  }
  return done.reverse();
}

const NUMERIC_RANGE = /^(-?\d{1,6})\.\.(-?\d{1,6})$/;

/** The first `{…}` group with a comma at its own level (or a numeric range), with its choices. */
function firstGroup(text: string): { start: number; end: number; choices: string[] } | undefined {
  for (let start = 0; start < text.length; start++) {
    if (text[start] === '\\') {
      start++;
      continue;
    }
    if (text[start] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let index = start; index < text.length; index++) {
      const char = text[index];
      if (char === '\\') index++;
      else if (char === '{') depth++;
      else if (char === ',' && depth === 1) commas.push(index);
      else if (char === '}' && --depth === 0) {
        const inner = text.slice(start + 1, index);
        const range = NUMERIC_RANGE.exec(inner);
        if (commas.length > 0) {
          const bounds = [start, ...commas, index];
          return { start, end: index + 1, choices: bounds.slice(1).map((end, at) => text.slice(bounds[at] + 1, end)) };
        }
        if (range) {
          const [from, to] = [Number(range[1]), Number(range[2])];
          const step = from <= to ? 1 : -1;
          const count = Math.abs(to - from) + 1;
          if (count > MAX_GLOB_ALTERNATIVES) return { start, end: index + 1, choices: Array.from({ length: MAX_GLOB_ALTERNATIVES + 1 }, (_, at) => String(from + at * step)) };
          return { start, end: index + 1, choices: Array.from({ length: count }, (_, at) => String(from + at * step)) };
        }
        break;
      }
    }
  }
  return undefined;
}

function compileSegment(glob: string, segment: string): Segment {
  if (segment === '**') return { kind: 'globstar' };
  const tokens: Token[] = [];
  const chars = Array.from(segment);
  for (let index = 0; index < chars.length; index++) {
    const char = chars[index];
    if (char === '\\' && index + 1 < chars.length) tokens.push({ kind: 'char', char: chars[++index] });
    else if (char === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (char === '?') tokens.push({ kind: 'any' });
    else if (char === '[') {
      const parsed = parseClass(glob, chars, index);
      if (parsed) {
        tokens.push(parsed.token);
        index = parsed.end;
      } else tokens.push({ kind: 'char', char });
    } else tokens.push({ kind: 'char', char });
  }
  if (tokens.every((token) => token.kind === 'char')) return { kind: 'literal', text: tokens.map((token) => (token as { char: string }).char).join('') };
  // The plain characters a pattern starts and ends with rule most names out before any wildcard is tried.
  const fixed = (from: number, step: number) => {
    let text = '';
    for (let index = from; tokens[index]?.kind === 'char'; index += step) text = step > 0 ? text + (tokens[index] as { char: string }).char : (tokens[index] as { char: string }).char + text;
    return text;
  };
  return { kind: 'pattern', tokens, prefix: fixed(0, 1), suffix: fixed(tokens.length - 1, -1) };
}

/** Parses `[…]` starting at `start`; undefined when it is not closed (the `[` is then a plain character). */
function parseClass(glob: string, chars: string[], start: number): { token: Token; end: number } | undefined {
  let index = start + 1;
  const negated = chars[index] === '!' || chars[index] === '^';
  if (negated) index++;
  const set = new Set<string>();
  const ranges: Array<[number, number]> = [];
  for (let first = true; index < chars.length; index++, first = false) {
    let char = chars[index];
    if (char === ']' && !first) return { token: { kind: 'class', negated, chars: set, ranges }, end: index };
    if (char === '[' && chars[index + 1] === ':') throw new GlobError(glob, `uses a POSIX character class ('[:…:]'), which is not supported; write a range such as [a-z] instead`);
    if (char === '\\' && index + 1 < chars.length) char = chars[++index];
    if (chars[index + 1] === '-' && chars[index + 2] !== undefined && chars[index + 2] !== ']') {
      let last = chars[index + 2];
      index += 2;
      if (last === '\\' && index + 1 < chars.length) last = chars[++index];
      ranges.push([char.codePointAt(0)!, last.codePointAt(0)!]);
    } else set.add(char);
  }
  return undefined;
}

function tokenMatches(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'star':
      return false;
    case 'class': {
      const code = char.codePointAt(0)!;
      const inside = token.chars.has(char) || token.ranges.some(([low, high]) => code >= low && code <= high);
      return inside !== token.negated;
    }
  }
}

/**
 * Matches one path segment (no slash in it) against a segment's tokens. Only
 * the latest `*` is ever extended: within one segment that is enough to find
 * any match (an earlier star can always leave to the later one what it would
 * have taken), so the work is at most the segment's length times the
 * pattern's, never exponential.
 */
function segmentMatches(segment: Segment, name: string): boolean {
  if (segment.kind === 'literal') return segment.text === name;
  if (segment.kind === 'globstar' || name === '.' || name === '..') return false;
  const { tokens, prefix, suffix } = segment;
  if (!name.startsWith(prefix) || !name.endsWith(suffix) || name.length < prefix.length + suffix.length) return false;
  const chars = Array.from(name);
  let token = 0;
  let char = 0;
  let star = -1;
  let resume = 0;
  while (char < chars.length) {
    const current = tokens[token];
    if (current?.kind === 'star') {
      star = token++;
      resume = char;
    } else if (current && tokenMatches(current, chars[char])) {
      token++;
      char++;
    } else if (star >= 0) {
      token = star + 1;
      char = ++resume;
    } else return false;
  }
  while (tokens[token]?.kind === 'star') token++;
  return token === tokens.length;
}

/** Matches path segments against glob segments, `**` standing for any number of segments other than `.` and `..`. */
function segmentsMatch(segments: Segment[], names: string[]): boolean {
  let reached: Uint8Array = new Uint8Array(segments.length + 1);
  const close = (states: Uint8Array): Uint8Array => {
    for (let index = 0; index < segments.length; index++) if (states[index] && segments[index].kind === 'globstar') states[index + 1] = 1;
    return states;
  };
  reached[0] = 1;
  close(reached);
  for (const name of names) {
    const next = new Uint8Array(segments.length + 1);
    for (let index = 0; index < segments.length; index++) {
      if (!reached[index]) continue;
      const segment = segments[index];
      if (segment.kind === 'globstar') {
        if (name !== '.' && name !== '..') next[index] = 1;
      } else if (segmentMatches(segment, name)) next[index + 1] = 1;
    }
    reached = close(next);
  }
  return reached[segments.length] === 1;
}

/** Options for matching a list of globs. */
export interface GlobOptions {
  /** Match globs against the file name alone (as for globs without a slash). */
  matchBase?: boolean;
}

/** A compiled list of globs: true for a path (forward slashes, relative) that any of them matches. */
export type GlobMatcher = (path: string) => boolean;

/** Compiles globs into one matcher (a path matches when any glob does; a `!glob` matches what the glob does not); throws GlobError. */
export function compileGlobs(globs: readonly string[], options: GlobOptions = {}): GlobMatcher {
  const compiled = globs.map(compileGlob);
  return (path) => {
    const names = (options.matchBase ? path.slice(path.lastIndexOf('/') + 1) : path).split('/');
    return compiled.some((glob) => glob.alternatives.some((segments) => segmentsMatch(segments, names)) !== glob.negated);
  };
}

const cache = new Map<string, GlobMatcher>();
const CACHE_LIMIT = 500;

/**
 * Whether a path matches any of the usable globs in a list, compiling each
 * list once; globs that cannot be used (see globProblem) match nothing, as
 * their problems are reported where the globs are written.
 */
export function matchesGlobs(globs: readonly string[], path: string, options: GlobOptions = {}): boolean {
  const key = JSON.stringify([options.matchBase === true, globs]);
  let matcher = cache.get(key);
  if (!matcher) {
    matcher = compileGlobs(globs.filter((glob) => globProblem(glob) === undefined), options);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, matcher);
  }
  return matcher(path);
}
