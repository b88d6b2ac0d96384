import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Pair, type YAMLError, type YAMLMap } from 'yaml';
import { describeYamlError, repeatedKeyMistakes, type YamlMistake } from './yaml-problems.js';

/** The most alias expansions a pack or configuration may make before it is refused. */
const MAX_ALIAS_COUNT = 100;

/** One problem in a pack or configuration file, with where it is and what to do. */
export interface Problem {
  file: string;
  /** One-based line and column. */
  line: number;
  column: number;
  message: string;
  ruleId?: string;
}

/** Formats a problem as `file:line:column: message`, the form editors and terminals link. */
export function formatProblem(problem: Problem): string {
  const rule = problem.ruleId ? ` [${problem.ruleId}]` : '';
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}${rule}`;
}

/** How many problems are reported for one file before the rest are summed up in one "and N more" problem. */
export const MAX_PROBLEMS_PER_FILE = 100;

/**
 * The problems of each file, repeats (same file, place and message) left out,
 * at most `max` per file: when a file has more, its list ends with one problem
 * at the first one left out, saying how many more there are and how to list
 * them all. Linear in the number of problems.
 */
export function problemsByFile(problems: Iterable<Problem>, max = MAX_PROBLEMS_PER_FILE): Map<string, Problem[]> {
  const byFile = new Map<string, { seen: Set<string>; shown: Problem[]; firstLeftOut?: Problem; more: number }>();
  for (const problem of problems) {
    let entry = byFile.get(problem.file);
    if (!entry) {
      entry = { seen: new Set(), shown: [], more: 0 };
      byFile.set(problem.file, entry);
    }
    const formatted = formatProblem(problem);
    if (entry.seen.has(formatted)) continue;
    entry.seen.add(formatted);
    if (entry.shown.length < max) entry.shown.push(problem);
    else {
      entry.firstLeftOut ??= problem;
      entry.more++;
    }
  }
  const result = new Map<string, Problem[]>();
  for (const [file, entry] of byFile) {
    const more = entry.firstLeftOut
      ? [{ file, line: entry.firstLeftOut.line, column: entry.firstLeftOut.column, message: `and ${entry.more.toLocaleString('en-GB')} more problem${entry.more === 1 ? '' : 's'} in this file; run 'assessment-lint pack validate' on it to list them all` }]
      : [];
    result.set(file, [...entry.shown, ...more]);
  }
  return result;
}

/** Thrown when a pack or configuration cannot be used; carries every problem found. */
export class ConfigurationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigurationError';
  }
}

/** A YAML or JSON file parsed with positions, so problems can name line and column. */
export class PositionedFile {
  readonly problems: Problem[] = [];
  private readonly lineCounter = new LineCounter();
  private converted = false;
  private plain: unknown;
  private parsed: Document | undefined;

  /**
   * Parses `text` with positions. When `known` is given (data already parsed
   * and known to be valid YAML, such as the built-in pack), positions are only
   * worked out if a problem needs one.
   */
  constructor(
    readonly file: string,
    readonly text: string,
    known?: { value: unknown },
  ) {
    if (known) {
      this.converted = true;
      this.plain = known.value;
    } else {
      this.collectSyntaxProblems();
    }
  }

  /** The YAML document with positions, parsed on first use. */
  get document(): Document {
    // Repeated keys are found by `repeatedKeyMistakes` in one pass: the parser's own check compares each key with every earlier one.
    this.parsed ??= parseDocument(this.text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: false });
    return this.parsed;
  }

  /** One problem per mistake: the first error on a line explains it; the rest on that line, and unexpected text after it, follow from it. */
  private collectSyntaxProblems(): void {
    const lines = new Set<number>();
    const mistakes: Array<{ error?: YAMLError; mistake: YamlMistake }> = [...this.document.errors, ...this.document.warnings].map((error) => ({ error, mistake: describeYamlError(error, this.document, this.text, this.lineCounter) }));
    for (const mistake of repeatedKeyMistakes(this.document, this.lineCounter)) mistakes.push({ error: undefined, mistake });
    mistakes.sort((a, b) => a.mistake.offset - b.mistake.offset);
    for (const { error, mistake } of mistakes) {
      const at = this.lineCounter.linePos(mistake.offset);
      const raised = error ? this.lineCounter.linePos(error.pos[0]).line : at.line;
      // Unexpected text after an earlier mistake is that mistake's consequence, not another one.
      if (lines.has(at.line) || lines.has(raised) || (error?.code === 'UNEXPECTED_TOKEN' && lines.size > 0)) continue;
      lines.add(at.line).add(raised);
      this.problems.push({ file: this.file, line: at.line, column: at.col, message: mistake.message });
    }
  }


  /** The parsed value (plain objects and arrays); undefined when the file has problems. */
  get value(): unknown {
    if (this.converted) return this.plain;
    this.converted = true;
    try {
      this.plain = this.document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // An alias to an anchor not yet set, or aliases expanding without bound ("billion laughs").
      const at = this.lineCounter.linePos(this.aliasOffset() ?? 0);
      const message = (error as Error).message.split('\n')[0];
      this.problems.push({ file: this.file, line: at.line, column: at.col, message: `${message}; write the values out instead of using this alias` });
      this.plain = undefined;
    }
    return this.plain;
  }

  /** The offset of the first alias that points nowhere, else of the first alias. */
  private aliasOffset(): number | undefined {
    let first: number | undefined;
    let unresolved: number | undefined;
    visit(this.document, {
      Alias: (_key, alias) => {
        if (!isAlias(alias) || !alias.range) return undefined;
        first ??= alias.range[0];
        if (alias.resolve(this.document) === undefined) {
          unresolved = alias.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return unresolved ?? first;
  }

  /** The pairs of a mapping by key, indexed on first use, so finding a path costs one lookup per segment however many keys a mapping has. */
  private readonly pairsByKey = new WeakMap<YAMLMap, Map<unknown, Pair>>();

  private pairOf(map: YAMLMap, key: string | number): Pair | undefined {
    let pairs = this.pairsByKey.get(map);
    if (!pairs) {
      pairs = new Map();
      for (const item of map.items as Pair[]) {
        const name = isScalar(item.key) ? item.key.value : item.key;
        if (!pairs.has(name)) pairs.set(name, item);
      }
      this.pairsByKey.set(map, pairs);
    }
    return pairs.get(key) ?? (typeof key === 'number' ? pairs.get(String(key)) : undefined);
  }

  /** The node at a path (as `Document.getIn` with nodes kept), found through the key indexes. */
  private nodeAt(path: ReadonlyArray<string | number>): unknown {
    let node: unknown = this.document.contents;
    for (const segment of path) {
      if (isMap(node)) node = this.pairOf(node, segment)?.value;
      else if (isSeq(node)) node = node.items[Number(segment)];
      else return undefined;
    }
    return node;
  }

  /** The position of the node at a path, or of its nearest existing parent. */
  positionOf(path: ReadonlyArray<string | number>, keyOf = false): { line: number; column: number } {
    for (let length = path.length; length >= 0; length--) {
      const node = this.nodeAt(path.slice(0, length));
      if (isNode(node) && node.range) {
        const offset = keyOf && length === path.length ? this.keyOffset(path) ?? node.range[0] : node.range[0];
        const at = this.lineCounter.linePos(offset);
        return { line: at.line, column: at.col };
      }
    }
    return { line: 1, column: 1 };
  }

  /** The position of the first scalar equal to `value` inside the node at a path (a name used in options), else of the node itself. */
  positionOfValue(path: ReadonlyArray<string | number>, value: string): { line: number; column: number } {
    const node = this.nodeAt(path);
    let offset: number | undefined;
    if (isNode(node)) {
      visit(node, {
        Scalar: (_key, scalar) => {
          if (scalar.value !== value || !scalar.range) return undefined;
          offset = scalar.range[0];
          return visit.BREAK;
        },
      });
    }
    if (offset === undefined) return this.positionOf(path);
    const at = this.lineCounter.linePos(offset);
    return { line: at.line, column: at.col };
  }

  private keyOffset(path: ReadonlyArray<string | number>): number | undefined {
    const parent = this.nodeAt(path.slice(0, -1));
    if (!isMap(parent)) return undefined;
    const key = this.pairOf(parent, path[path.length - 1])?.key as { range?: [number, number, number] } | undefined;
    return key?.range?.[0];
  }

  /** Records a problem at a path. */
  report(path: ReadonlyArray<string | number>, message: string, ruleId?: string, keyOf = false): void {
    const at = this.positionOf(path, keyOf);
    this.problems.push({ file: this.file, line: at.line, column: at.column, message, ruleId });
  }
}

/** Splits a JSON pointer such as `/rules/alcohol/options` into its segments. */
export function pointerPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}
