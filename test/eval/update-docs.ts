import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MEASURED_RULES, type Measurement, type Score } from './measure.js';

/** A figures block: the opening marker, then either a closing marker after it or nothing (a block not filled in yet). */
const README_MARK = /<!-- eval-figures -->(?:[\s\S]*?<!-- \/eval-figures -->)?/;
const PAGE_MARK = /<!-- figures -->(?:[\s\S]*?<!-- \/figures -->)?/;

function pct(value: number): string {
  return value.toFixed(2);
}

function row(name: string, score: Score): string {
  return `| ${name} | ${pct(score.precision)} | ${pct(score.recall)} | ${pct(score.f1)} | ${score.truePositives} | ${score.falsePositives} | ${score.falseNegatives} |`;
}

/** Writes the current figures into the README's table and each rule's docs page, between their markers. */
export function updateDocs(root: string, result: Measurement, heldOut?: { name: string; result: Measurement }): void {
  const date = new Date().toISOString().slice(0, 10);
  const table = [
    `Figures from \`npm run eval\` on ${date}, over ${result.documents} labelled drafts${heldOut ? ` (of which ${heldOut.result.documents} in the held-out set \`${heldOut.name}\`, written separately and first measured before any tuning on it)` : ''}:`,
    '',
    '| rule | precision | recall | F1 | TP | FP | FN |',
    '|---|---|---|---|---|---|---|',
    ...MEASURED_RULES.map((id) => row(`\`${id}\``, result.perRule[id])),
    row('**micro average**', result.micro),
    '',
    `Strong drafts with any message: ${result.strongWithWarnings.length}.`,
  ].join('\n');
  const readmePath = path.join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  writeFileSync(readmePath, readme.replace(README_MARK, `<!-- eval-figures -->\n${table}\n<!-- /eval-figures -->`));
  for (const id of MEASURED_RULES) {
    const pagePath = path.join(root, 'docs', 'rules', `${id}.md`);
    const page = readFileSync(pagePath, 'utf8');
    const score = result.perRule[id];
    const text = [
      '## Measured quality',
      '',
      `On the labelled corpus (${result.documents} drafts, \`npm run eval\`, ${date}): precision ${pct(score.precision)}, recall ${pct(score.recall)}, F1 ${pct(score.f1)} (${score.truePositives} correct warnings, ${score.falsePositives} false alarms, ${score.falseNegatives} misses).`,
    ].join('\n');
    writeFileSync(pagePath, page.replace(PAGE_MARK, `<!-- figures -->\n${text}\n<!-- /figures -->`));
  }
}
