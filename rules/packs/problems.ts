import { isAlias, isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { describeYamlError } from './yaml-problems.js';

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
    this.parsed ??= parseDocument(this.text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
    return this.parsed;
  }

  /** One problem per mistake: the first error on a line explains it; the rest on that line, and unexpected text after it, follow from it. */
  private collectSyntaxProblems(): void {
    const lines = new Set<number>();
    for (const error of [...this.document.errors, ...this.document.warnings]) {
      const mistake = describeYamlError(error, this.document, this.text, this.lineCounter);
      const at = this.lineCounter.linePos(mistake.offset);
      // Unexpected text after an earlier mistake is that mistake's consequence, not another one.
      if (lines.has(at.line) || lines.has(this.lineCounter.linePos(error.pos[0]).line) || (error.code === 'UNEXPECTED_TOKEN' && lines.size > 0)) continue;
      lines.add(at.line).add(this.lineCounter.linePos(error.pos[0]).line);
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

  /** The position of the node at a path, or of its nearest existing parent. */
  positionOf(path: ReadonlyArray<string | number>, keyOf = false): { line: number; column: number } {
    for (let length = path.length; length >= 0; length--) {
      const node = length === 0 ? this.document.contents : this.document.getIn(path.slice(0, length), true);
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
    const node = path.length === 0 ? this.document.contents : this.document.getIn(path, true);
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
    const parent = path.length === 1 ? this.document.contents : this.document.getIn(path.slice(0, -1), true);
    if (!parent || typeof parent !== 'object' || !('items' in parent)) return undefined;
    for (const item of (parent as { items: unknown[] }).items) {
      const pair = item as { key?: { value?: unknown; range?: [number, number, number] } };
      if (pair.key && pair.key.value === path[path.length - 1] && pair.key.range) return pair.key.range[0];
    }
    return undefined;
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
