import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRetext from 'remark-retext';
import { ParseEnglish } from 'parse-english';
import { ChunkCache } from '../rules/core/chunk-cache.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { lint } from '../rules/core/engine.js';
import { Linter } from '../rules/linter.js';
import { median, quantile, timeRuns } from './stats.js';

const processor = unified()
  .use(remarkParse)
  .use(remarkRetext, ParseEnglish as never);

/** How many untimed runs come first, so both sides are measured with warm caches and compiled code. */
const WARM_UP_RUNS = 3;

/**
 * The floor and a full lint of the same draft, timed in alternation so that
 * both see the same machine load; medians in ms.
 *
 * The floor is the draft parsed block by block by remark-parse, remark-retext
 * and retext-english's parser, with no rules. The full lint uses the built-in
 * pack (compiled once beforehand, as in the editor) and an empty chunk cache
 * each time.
 */
export function measureFloorAndLint(text: string, runs: number): { floor: number; lint: number } {
  const blocks = text.split(/\n[ \t]*\n/);
  const { pack } = new Linter().configFor(undefined);
  const floor = () => {
    for (const block of blocks) processor.runSync(processor.parse(block));
  };
  const fullLint = () => lint(new AssessmentDocument(text, 'markdown', { cache: new ChunkCache(), lexicon: pack.lexicon, classifier: pack.classifier }), pack);
  for (let run = 0; run < WARM_UP_RUNS; run++) {
    floor();
    fullLint();
  }
  const floorTimes: number[] = [];
  const lintTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    floorTimes.push(timeOnce(floor));
    lintTimes.push(timeOnce(fullLint));
  }
  return { floor: median(floorTimes), lint: median(lintTimes) };
}

function timeOnce(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** One-character edits typed into the middle of the draft, each linted from the previous version's model, as the editor does: median and p90 in ms. */
export function measureEdits(text: string, edits: number): { median: number; p90: number } {
  const linter = new Linter();
  let previous = linter.lintText(text, 'markdown').document;
  let current = text;
  const middle = Math.floor(text.length / 2);
  const insertAt = text.indexOf(' ', middle) + 1 || middle;
  const times = timeRuns(edits, (index) => {
    current = current.slice(0, insertAt + Math.max(0, index)) + 'x' + current.slice(insertAt + Math.max(0, index));
    previous = linter.lintText(current, 'markdown', undefined, previous).document;
  });
  return { median: median(times), p90: quantile(times, 0.9) };
}
