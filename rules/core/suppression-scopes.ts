import type { AssessmentDocument, Section } from './document.js';

/** A stretch of lines, first to last inclusive (zero-based). */
export interface LineStretch {
  first: number;
  last: number;
}

/**
 * Where a suppression comment works for a topic finding (one of a coverage
 * rule, which sits on a section heading or the draft's first line): anywhere in
 * the section it sits in (with that section's subsections), or at the top of
 * the draft, before its first recognised section. Built once per lint.
 */
export class TopicScopes {
  private readonly sections: Section[];
  /** The lines before the first recognised section (the whole draft when it has none). */
  readonly top: LineStretch;
  private readonly topEnd: number;

  constructor(private readonly document: AssessmentDocument) {
    this.sections = document.sections;
    const firstKnown = this.sections.find((section) => section.kind !== 'unknown');
    this.topEnd = firstKnown ? firstKnown.start : document.text.length + 1;
    const lastLine = document.lines.lineCount - 1;
    this.top = { first: 0, last: firstKnown ? document.lines.positionAt(firstKnown.start).line - 1 : lastLine };
  }

  /** The section a topic finding at this offset belongs to, or undefined when it sits at the top of the draft. */
  private anchorOf(offset: number): { section: Section; index: number } | undefined {
    if (offset < this.topEnd) return undefined;
    let low = 0;
    let high = this.sections.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sections[middle].start <= offset) low = middle + 1;
      else high = middle;
    }
    const index = low - 1;
    return index >= 0 ? { section: this.sections[index], index } : undefined;
  }

  /** The stretches of lines in which a comment naming the rule suppresses a topic finding at this offset. */
  stretchesFor(offset: number): LineStretch[] {
    const anchor = this.anchorOf(offset);
    if (!anchor) return [this.top];
    const { section, index } = anchor;
    let end = this.document.text.length;
    for (let next = index + 1; next < this.sections.length; next++) {
      if (this.sections[next].depth <= section.depth) {
        end = this.sections[next].start;
        break;
      }
    }
    const lines = this.document.lines;
    return [{ first: lines.positionAt(section.start).line, last: lines.positionAt(Math.max(section.start, end - 1)).line }, this.top];
  }

  /** The line a new suppression comment for a topic finding goes before: right below its section's heading, or above the finding at the top of the draft. */
  commentLine(offset: number): number {
    const lines = this.document.lines;
    const heading = this.anchorOf(offset)?.section.heading;
    if (!heading) return lines.positionAt(offset).line;
    return lines.positionAt(Math.max(heading.start, heading.end - 1)).line + 1;
  }
}
