import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import { ParseEnglish } from 'parse-english';
import { AssessmentDocument, ChunkCache } from '../rules/core/document.js';
import { lint } from '../rules/core/engine.js';
import { Linter } from '../rules/linter.js';
import { median, quantile, timeRuns } from './stats.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkRetext, ParseEnglish as never);

/** The floor: the same drafts parsed block by block by remark-parse, remark-retext and retext-english's parser, with no rules. */
export function measureFloor(text: string, runs: number): number {
  const blocks = text.split(/\n[ \t]*\n/);
  return median(timeRuns(runs, () => {
    for (const block of blocks) processor.runSync(processor.parse(block));
  }));
}

/** A full lint with the built-in pack and an empty chunk cache each time (the pack is compiled once beforehand, as in the editor). */
export function measureFullLint(text: string, runs: number): number {
  const { pack } = new Linter().configFor(undefined);
  return median(timeRuns(runs, () => {
    const document = new AssessmentDocument(text, 'markdown', { cache: new ChunkCache(), classifier: pack.classifier });
    lint(document, pack);
  }));
}

/** One-character edits typed into the middle of the draft, each linted through the chunk cache: median and p90 in ms. */
export function measureEdits(text: string, edits: number): { median: number; p90: number } {
  const linter = new Linter();
  linter.lintText(text, 'markdown');
  let current = text;
  const middle = Math.floor(text.length / 2);
  const insertAt = text.indexOf(' ', middle) + 1 || middle;
  const times = timeRuns(edits, (index) => {
    current = current.slice(0, insertAt + Math.max(0, index)) + 'x' + current.slice(insertAt + Math.max(0, index));
    linter.lintText(current, 'markdown');
  });
  return { median: median(times), p90: quantile(times, 0.9) };
}
