import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { measure, MEASURED_RULES, RULE_FLOORS, type Score } from './measure.js';
import { updateDocs } from './update-docs.js';

/**
 * `npm run eval`: lints the labelled corpus, prints precision, recall and F1 per
 * rule and the micro average, and fails when any figure is under its floor
 * (each rule's in its file in rules/packs/core/, the micro floor in
 * test/eval/floors.yaml). Held-out drafts in test/heldout/ are scored too, for
 * information only. `--details` lists every disagreement; `--json FILE`
 * writes the figures; `--update-docs` writes them into the README and the rule pages.
 */
function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..');
  const corpus = path.join(root, 'test', 'corpus');
  const floors = parseYaml(readFileSync(path.join(root, 'test', 'eval', 'floors.yaml'), 'utf8')) as { micro: number; strongDraftWarnings: number };
  const result = measure(corpus);
  const rows = [...MEASURED_RULES.map((id) => [id, result.perRule[id]] as const), ['micro average', result.micro] as const];
  const pct = (value: number) => value.toFixed(2);
  const line = (name: string, s: Score) =>
    `${name.padEnd(24)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(6)} ${pct(s.f1).padStart(5)} ${String(s.truePositives).padStart(4)} ${String(s.falsePositives).padStart(4)} ${String(s.falseNegatives).padStart(4)}`;
  console.log(`Labelled corpus: ${result.documents} drafts\n`);
  console.log(`${'rule'.padEnd(24)} precision recall    F1   TP   FP   FN`);
  for (const [name, s] of rows) console.log(line(name, s));
  console.log(`\nBy set: ${Object.entries(result.bySet).map(([name, s]) => `${name} F1 ${pct(s.f1)}`).join(', ')}`);
  console.log(`Strong drafts with any message: ${result.strongWithWarnings.length}`);
  for (const entry of result.strongWithWarnings) console.log(`  ${entry.file}: ${entry.rules.join(', ')}`);
  if (argv.includes('--details')) {
    console.log('\nDisagreements with the labels:');
    for (const mistake of result.mistakes) console.log(`  ${mistake.kind.padEnd(11)} ${mistake.ruleId.padEnd(22)} ${mistake.file}`);
  }
  const heldOut = existsSync(path.join(root, 'test', 'heldout', 'labels.yaml')) ? measure(path.join(root, 'test', 'heldout')) : undefined;
  if (heldOut) {
    console.log(`\nHeld-out drafts (never tuned on; for information, no floors): ${heldOut.documents} drafts\n`);
    console.log(`${'rule'.padEnd(24)} precision recall    F1   TP   FP   FN`);
    for (const [name, s] of [...MEASURED_RULES.map((id) => [id, heldOut.perRule[id]] as const), ['micro average', heldOut.micro] as const]) console.log(line(name, s));
    console.log(`By set: ${Object.entries(heldOut.bySet).map(([name, s]) => `${name} F1 ${pct(s.f1)}`).join(', ')}`);
    console.log(`Strong held-out drafts with any message: ${heldOut.strongWithWarnings.length}`);
  }
  if (argv.includes('--update-docs')) updateDocs(root, result);
  const jsonAt = argv.indexOf('--json');
  if (jsonAt >= 0 && argv[jsonAt + 1]) writeFileSync(argv[jsonAt + 1], JSON.stringify(result, null, 2) + '\n');
  const failures: string[] = [];
  for (const id of MEASURED_RULES) {
    const floor = RULE_FLOORS[id];
    if (result.perRule[id].f1 < floor) failures.push(`${id}: F1 ${pct(result.perRule[id].f1)} is under its floor ${pct(floor)}`);
  }
  if (result.micro.f1 < floors.micro) failures.push(`micro-F1 ${pct(result.micro.f1)} is under its floor ${pct(floors.micro)}`);
  if (result.strongWithWarnings.length > floors.strongDraftWarnings) failures.push(`${result.strongWithWarnings.length} strong drafts have messages (at most ${floors.strongDraftWarnings} allowed)`);
  if (failures.length > 0) {
    console.log(`\nFAILED: ${failures.join('; ')}`);
    return 1;
  }
  console.log('\nAll rules are at or above their floors.');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
