import { LineCounter, Parser } from 'yaml';

/** The deepest a pack or configuration may nest mappings and lists (real ones nest under ten). */
export const MAX_NESTING_DEPTH = 64;

interface CstNode {
  type?: string;
  offset?: number;
  value?: CstNode;
  key?: CstNode | null;
  items?: Array<{ key?: CstNode | null; value?: CstNode }>;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Finds where a YAML or JSON text nests mappings and lists deeper than
 * `limit`, without building the document: the syntax tree comes from the
 * YAML library's parser, which keeps its own stack rather than recursing, and
 * is walked the same way, so a file nested thousands deep cannot exhaust the
 * call stack (building the document from it would). Returns the 1-based line
 * and column of a collection past the limit, or undefined.
 */
export function nestingTooDeep(text: string, limit = MAX_NESTING_DEPTH): { line: number; column: number; depth: number } | undefined {
  const lines = new LineCounter();
  const pending: Array<[CstNode, number]> = [];
  for (const token of new Parser(lines.addNewLine).parse(text)) {
    if ((token as CstNode).type === 'document') pending.push([token as CstNode, 0]);
  }
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    const inside = COLLECTIONS.has(node.type ?? '') ? depth + 1 : depth;
    if (inside > limit) {
      const at = lines.linePos(node.offset ?? 0);
      return { line: at.line, column: at.col, depth: inside };
    }
    if (node.value) pending.push([node.value, inside]);
    for (const item of node.items ?? []) {
      if (item.key) pending.push([item.key, inside]);
      if (item.value) pending.push([item.value, inside]);
    }
  }
  return undefined;
}

/** The message for a file nested too deep. */
export function nestingMessage(limit = MAX_NESTING_DEPTH): string {
  return `mappings and lists are nested more than ${limit} deep here; packs and configurations need only a few levels, so this file is refused before it is read further (check for runaway brackets or indentation)`;
}
