/** A zero-based line and UTF-16 character position, the way LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open span of UTF-16 offsets into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Converts between UTF-16 offsets and line/character positions.
 * Lines end at `\r\n`, `\n` or a lone `\r`; the line break belongs to the line it ends.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(
    private readonly text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? lineStartsIn(text, 1, text.length, [0]);
  }

  /**
   * The index of a new version of a text from the old version's index, given
   * the lengths of text the two versions share at their start (`prefix`) and
   * end (`suffix`): only the lines around the change are scanned.
   */
  static afterEdit(previous: LineIndex, text: string, prefix: number, suffix: number): LineIndex {
    const old = previous.lineStarts;
    const shift = text.length - previous.text.length;
    // A line starts at s when the character before s is \n, or is \r not followed by \n at s. Starts
    // before the change keep both characters; starts whose character before lies in the shared end move.
    const starts: number[] = [];
    let index = 0;
    while (index < old.length && old[index] < prefix) starts.push(old[index++]);
    if (starts.length === 0) starts.push(0);
    const changedEnd = text.length - suffix;
    lineStartsIn(text, Math.max(prefix, 1), changedEnd, starts);
    const movedFrom = previous.text.length - suffix + 1;
    while (index < old.length && old[index] < movedFrom) index++;
    while (index < old.length) starts.push(old[index++] + shift);
    return new LineIndex(text, starts);
  }

  /** Number of lines (a trailing line break opens one more, empty line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset at which a zero-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just before the line break that ends a zero-based line. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return Math.max(end, this.lineStart(line));
  }

  /** Position of an offset; offsets outside the text are clamped. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped, this.lineEnd(low)) - this.lineStarts[low] };
  }

  /** Offset of a position; characters past the line's end are clamped to it. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }
}

/** Appends to `starts` each line start s with `from` <= s <= `to`, judged by the characters at s - 1 and s. */
function lineStartsIn(text: string, from: number, to: number, starts: number[]): number[] {
  for (let start = from; start <= to && start <= text.length; start++) {
    const before = text.charCodeAt(start - 1);
    if (before === 10 || (before === 13 && text.charCodeAt(start) !== 10)) starts.push(start);
  }
  return starts;
}
