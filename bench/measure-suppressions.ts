import { ChunkCache } from '../rules/core/chunk-cache.js';
import { AssessmentDocument } from '../rules/core/document.js';
import { lint } from '../rules/core/engine.js';
import { Linter } from '../rules/linter.js';
import { median } from './stats.js';

/** The rule ids the comments name, by turns: a phrase rule, topic rules and a conditional rule of the built-in pack. */
const NAMED = ['uncritical-language', 'alcohol', 'drugs', 'risk-reasoning', 'sole-account'];
const BLANK_LINES = /\n[ \t]*\n/;

/** The comment forms used, by turns: reasoned, unreasoned and block comments, as a long draft edited by many hands would hold. */
function comments(index: number): string[] {
  const id = NAMED[index % NAMED.length];
  switch (index % 4) {
    case 0:
      return [`<!-- assessment-lint-disable-next-line ${id} -- quoted from the ${index}th page of the record -->`];
    case 1:
      return [`<!-- assessment-lint-disable-next-line ${id} -->`];
    case 2:
      return [`<!-- assessment-lint-disable ${id} -- a passage quoted from letter ${index} -->`, `<!-- assessment-lint-enable ${id} -->`];
    default:
      return [`<!-- assessment-lint-disable-next-line ${id}, uncritical-language -- checked with the author on ${index} March -->`];
  }
}

/** The draft with `count` suppression comments spread over its paragraphs (several above each one when there are more comments than paragraphs). */
export function withSuppressions(text: string, count: number): string {
  const blocks = text.split(BLANK_LINES);
  const perBlock = Math.ceil(count / blocks.length);
  let written = 0;
  const out: string[] = [];
  for (const block of blocks) {
    const lines: string[] = [];
    for (let index = 0; index < perBlock && written < count; index++, written++) lines.push(...comments(written));
    out.push([...lines, block].join('\n'));
  }
  return out.join('\n\n');
}

/** The same draft with every suppression comment turned into an ordinary HTML comment of the same length (which the engine does not read). */
function withPlainComments(commented: string): string {
  return commented.replaceAll('assessment-lint-', 'ordinary-notes--');
}

/** Medians in ms of full lints of the three versions of a draft, and the number of comment lines. */
export interface SuppressionTimes {
  /** The draft as generated. */
  plain: number;
  /** The same draft with ordinary HTML comments where the suppression comments stand: the cost of the extra lines alone. */
  comments: number;
  /** The draft with the suppression comments. */
  suppressed: number;
  /** Suppression comment lines read (enable comments included). */
  lines: number;
}

/**
 * A full lint of a draft with `count` suppressions against the same draft
 * without them and with ordinary comments in their place, timed in turn so
 * all three see the same machine load. The last comparison isolates the cost of
 * reading suppressions and matching findings to them from that of parsing the
 * extra lines.
 */
export function measureSuppressions(text: string, count: number, runs: number): SuppressionTimes {
  const commented = withSuppressions(text, count);
  const { pack } = new Linter().configFor(undefined);
  const lintOf = (draft: string) => () => lint(new AssessmentDocument(draft, 'markdown', { cache: new ChunkCache(), classifier: pack.classifier }), pack);
  const variants = [lintOf(text), lintOf(withPlainComments(commented)), lintOf(commented)];
  for (const variant of variants) variant();
  const times: number[][] = [[], [], []];
  for (let run = 0; run < runs; run++) variants.forEach((variant, index) => times[index].push(timeOnce(variant)));
  const lines = new AssessmentDocument(commented, 'markdown', { classifier: pack.classifier }).directives.length;
  return { plain: median(times[0]), comments: median(times[1]), suppressed: median(times[2]), lines };
}

function timeOnce(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
