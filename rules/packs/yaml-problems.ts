import { isMap, isPair, isScalar, visit, type Document, type LineCounter, type YAMLError } from 'yaml';

/** A YAML syntax mistake in plain words, and where to point at it (offset in the text). */
export interface YamlMistake {
  offset: number;
  message: string;
}

/** What a key names, from the keys above it: a rule, a concept, a field of a rule, or a plain key. */
function describeKey(key: string, parents: string[]): string {
  const [first, second] = parents;
  if (parents.length === 0) return `field \`${key}\``;
  if (parents.length === 1 && first === 'rules') return `rule \`${key}\``;
  if (parents.length === 1 && first === 'terms') return `concept \`${key}\``;
  if (parents.length === 2 && first === 'rules') return `field \`${key}\` of rule \`${second}\``;
  if (parents.length === 2 && first === 'terms') return `field \`${key}\` of concept \`${second}\``;
  return `\`${key}\` (in ${parents.join('.')})`;
}

/** Every key written twice in one mapping, in one pass over the document (a set per mapping), with the plain-words message. */
export function repeatedKeyMistakes(document: Document, lines: LineCounter): YamlMistake[] {
  const mistakes: YamlMistake[] = [];
  visit(document, {
    Map: (_key, map, ancestors) => {
      const seen = new Map<unknown, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const first = seen.get(pair.key.value);
        if (first === undefined) {
          seen.set(pair.key.value, pair.key.range[0]);
          continue;
        }
        const offset = pair.key.range[0];
        const parents = ancestors.filter(isPair).map((parent) => (isScalar(parent.key) ? String(parent.key.value) : '?'));
        const [firstLine, line] = [lines.linePos(first).line, lines.linePos(offset).line];
        const where = firstLine === line ? `on line ${line}` : `lines ${firstLine} and ${line}`;
        mistakes.push({ offset, message: `${describeKey(String(pair.key.value), parents)} is defined twice: ${where}; keep one${isMap(pair.value) ? ', with the fields of both' : ''}` });
      }
    },
  });
  return mistakes;
}

/** The plain text of a value starting at an offset: up to the end of the line, a comma, a bracket or a comment. */
function valueAt(text: string, offset: number): string {
  const rest = text.slice(offset);
  const end = rest.search(/[,\]}\r\n]|\s#/);
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

/** The line of text holding an offset, trimmed. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end).trim();
}

/** The offset of the quote that opens a value and is never closed: the last one before `end` that starts a value. */
function openingQuote(text: string, quote: string, end: number): number | undefined {
  const starts = [...text.slice(0, end).matchAll(new RegExp(`(^|[:\\-\\[,{]\\s*)${quote}`, 'gm'))];
  const last = starts[starts.length - 1];
  return last?.index === undefined ? undefined : last.index + last[0].length - 1;
}

/**
 * Turns one error of the `yaml` library into one plain-words message: what is
 * wrong, naming the key, and what to do, at the place the mistake is seen;
 * pointing at the opening quote when a quote is never closed.
 */
export function describeYamlError(error: YAMLError, document: Document, text: string, lines: LineCounter): YamlMistake {
  const offset = error.pos[0];
  const lineOf = (at: number) => lines.linePos(at).line;
  switch (error.code) {
    case 'DUPLICATE_KEY':
      // Repeated keys are found by repeatedKeyMistakes, which names both places; the parser's own check is off.
      return { offset, message: 'this key is defined twice in the same mapping; keep one' };
    case 'BAD_SCALAR_START': {
      const value = valueAt(text, offset);
      if (value.startsWith('@')) return { offset, message: `${value} starts with @, which YAML keeps for itself: put it in quotes ("${value}")` };
      return { offset, message: `${value} starts with ${value.charAt(0)}, which YAML keeps for itself: put it in quotes ("${value}")` };
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])/.exec(error.message)?.[1];
      if (quote) {
        const opened = openingQuote(text, quote, offset);
        if (opened !== undefined) return { offset: opened, message: `the ${quote} opened here is never closed; add the closing ${quote} at the end of the value (and write a ${quote} inside it as ${quote === '"' ? '\\"' : "''"})` };
        return { offset, message: `a value quoted with ${quote} is never closed; add the closing ${quote}` };
      }
      if (/flow (sequence|map)/i.test(error.message)) return { offset, message: 'YAML cannot read this item of a [ ] list or { } mapping; put an item that holds { } : , or # in quotes, such as \'drink {0,3} driving\'' };
      return { offset, message: `${error.message.split('\n')[0]}; fix the YAML syntax here` };
    }
    case 'BAD_INDENT':
      if (/Flow (sequence|map)/.test(error.message)) {
        const [open, close] = error.message.includes('sequence') ? ['[', ']'] : ['{', '}'];
        return { offset, message: `a list or mapping opened with ${open} above is not closed with ${close} before this line; add the ${close}, or write the items one per line instead` };
      }
      return { offset, message: `\`${lineAt(text, offset)}\` is not lined up with the keys above it in the same block; indent it with as many spaces as they have` };
    case 'TAB_AS_INDENT':
      return { offset, message: 'this line is indented with a tab; YAML indents with spaces only, so replace the tab with spaces' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { offset, message: `\`${lineAt(text, offset)}\` has its value on the same line, so the more indented line below cannot belong to it; line the line below up with it, or move the value onto its own line` };
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset, message: `\`${lineAt(text, offset)}\` is not \`key: value\` and is not an item of a list; check for a missing colon, a missing "- ", or wrong indentation` };
    case 'TAG_RESOLVE_FAILED':
      return { offset, message: `the tag ${valueAt(text, offset).split(/\s/)[0]} is not allowed; packs and configurations are plain data, so remove it` };
    case 'UNEXPECTED_TOKEN':
      return { offset, message: `unexpected \`${lineAt(text, offset)}\` here; check the indentation, and that a list and keys are not mixed at one level` };
    default:
      return { offset, message: `${error.message.split('\n')[0]}; fix the YAML syntax here` };
  }
}
