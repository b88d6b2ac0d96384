import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { generateDraft } from './generate-draft.js';
import { measureCliThroughput, type CliThroughput } from './measure-cli.js';
import { measureEdits, measureFloorAndLint } from './measure-core.js';
import { measureMemory, measureReady, measureRoundTrip } from './measure-lsp.js';
import { measureTextlint } from './measure-peer.js';
import { measureHostile, type HostileResults } from './measure-hostile.js';
import { measureSuppressions, type SuppressionTimes } from './measure-suppressions.js';
import { isBenchLintThread, lintOnEveryCore, lintSlice, PARALLEL_FLAG } from './measure-parallel.js';

/** The targets from the performance issue, checked by this benchmark (not by unit tests). */
const TARGETS = {
  fullLintToFloor: 1.2,
  editMedian10k: 5,
  editP90_10k: 10,
  editP90_50k: 10,
  fullLint50k: 150,
  roundTripP90_10k: 15,
  cliPerSecond: 125,
  cliShareOfLimit: 0.85,
  rssMegabytes: 150,
  readyMs: 300,
  hostileCliMs: 1_000,
  hostileWaitMs: 100,
  suppressionsToComments: 1.5,
};

/** How many suppression comments the suppression case adds to a 10,000-word draft. */
const SUPPRESSION_COMMENTS = 10_000;

const SIZES = [2_000, 10_000, 50_000];
const root = path.resolve(__dirname, '..');
const fast = process.argv.includes('--quick');
/** `--hostile` measures only the hostile drafts and updates their part of bench/results.json. */
const hostileOnly = process.argv.includes('--hostile');
const resultsFile = path.join(root, 'bench', 'results.json');

function printHostile(hostile: HostileResults): Array<[string, boolean]> {
  const format = (value: number, digits = 1) => value.toFixed(digits).padStart(8);
  console.log(`\nHostile drafts: CLI wall time and the longest wait of a request on another draft while the server checks each, as ratios to a normal 2,000-word draft (CLI ${hostile.normal.cliMs.toFixed(0)} ms, wait ${hostile.normal.waitMs.toFixed(1)} ms)`);
  console.log('  CLI ms  CLI/normal   wait ms  wait/normal  vs a normal draft of its size (CLI, wait)  case');
  for (const row of hostile.cases) {
    const same = row.sameSize ? `${format(row.sameSize.cliRatio, 2)}x ${format(row.sameSize.waitRatio, 2)}x` : ''.padStart(19);
    console.log(`${format(row.cliMs, 0)}  ${format(row.cliToNormal, 2)}x  ${format(row.waitMs)}  ${format(row.waitToNormal, 2)}x    ${same}                        ${row.name}`);
  }
  return [
    [`every hostile draft checked by the CLI in < ${TARGETS.hostileCliMs} ms`, hostile.cases.every((row) => row.cliMs < TARGETS.hostileCliMs)],
    [`no request on another draft waits > ${TARGETS.hostileWaitMs} ms while a hostile draft is checked`, hostile.cases.every((row) => row.waitMs <= TARGETS.hostileWaitMs)],
  ];
}

async function hostileMain(): Promise<void> {
  const hostile = await measureHostile(path.join(root, 'dist', 'cli.js'), path.join(root, 'dist', 'server.js'));
  const checks = printHostile(hostile);
  console.log('\nTargets:');
  for (const [name, met] of checks) console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}`);
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
  results.hostile = { date: new Date().toISOString(), ...hostile };
  results.targets = { ...(results.targets as Record<string, boolean> | undefined), ...Object.fromEntries(checks) };
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  console.log('\nWrote the hostile part of bench/results.json');
}

/** `--cli`: only the command-line throughput, for working on it. */
const cliOnly = process.argv.includes('--cli');

function describeCli(cli: CliThroughput): string {
  const pinned = cli.oneCoreSlowdown === undefined ? '' : `; pinned to one core (taskset -c 0): ${cli.oneCorePerSecond!.toFixed(0)} per second, so both cores are ${cli.oneCoreSlowdown.toFixed(2)}× one`;
  const everyCore = cli.everyCorePerSecond === undefined ? '' : `; the same lint in this process on all ${cli.cores} cores at once: ${cli.everyCorePerSecond.toFixed(0)} per second (${(cli.everyCorePerSecond / cli.inProcessPerSecond).toFixed(2)}× one core), so CLI / every-core in-process = ${cli.shareOfEveryCore!.toFixed(2)}`;
  return `CLI: ${cli.perSecond.toFixed(0)} drafts of 2,000 words per second (${cli.seconds.toFixed(1)} s in all); the lint in this process, one core: ${cli.inProcessPerSecond.toFixed(0)} per second; CLI / (${cli.cores} cores × in-process) = ${cli.shareOfLimit.toFixed(2)}${everyCore}${pinned}; CPU per draft, all threads: CLI ${cli.cpuPerDraft.cli.toFixed(1)} ms, in-process ${cli.cpuPerDraft.inProcess.toFixed(1)} ms (${cli.cpuPerDraft.ratio.toFixed(2)}×); load average ${loadavg()[0].toFixed(1)} on ${cli.cores} cores`;
}

/** One line on the suppression case: times and ratios. */
function describeSuppressions(result: SuppressionTimes): string {
  return (
    `10,000-word draft with ${SUPPRESSION_COMMENTS.toLocaleString('en-GB')} suppressions (${result.lines.toLocaleString('en-GB')} comment lines): ${result.suppressed.toFixed(1)} ms; ` +
    `${(result.suppressed / result.plain).toFixed(2)}x the draft without them (${result.plain.toFixed(1)} ms), ` +
    `${(result.suppressed / result.comments).toFixed(2)}x the draft with ordinary comments in their place (${result.comments.toFixed(1)} ms)`
  );
}

/** `--suppressions`: only the suppression case. */
function suppressionsOnly(): void {
  console.log(describeSuppressions(measureSuppressions(generateDraft(10_000, 10_000), SUPPRESSION_COMMENTS, fast ? 3 : 9)));
}

async function main(): Promise<void> {
  if (process.argv.includes('--suppressions')) return suppressionsOnly();
  if (cliOnly) {
    console.log(describeCli(measureCliThroughput(path.join(root, 'dist', 'cli.js'), fast ? 200 : 1000, 2_000)));
    return;
  }
  const rows: Array<Record<string, number>> = [];
  for (const words of SIZES) {
    // Short drafts take more runs: a millisecond of noise is a large share of their time.
    const runs = fast ? 3 : Math.max(7, Math.round(60_000 / words));
    const text = generateDraft(words, words);
    const { floor, lint } = measureFloorAndLint(text, runs);
    const edits = measureEdits(text, fast ? 20 : 200);
    const textlint = await measureTextlint(text, words >= 50_000 ? 3 : Math.min(runs, 7));
    rows.push({ words, floor, lint, lintToFloor: lint / floor, editMedian: edits.median, editP90: edits.p90, textlint, lintToTextlint: lint / textlint });
    console.error(`measured ${words} words`);
  }
  const suppressions = measureSuppressions(generateDraft(10_000, 10_000), SUPPRESSION_COMMENTS, fast ? 3 : 9);
  const suppressionRatio = suppressions.suppressed / suppressions.comments;
  console.error('measured suppressions');
  const server = path.join(root, 'dist', 'server.js');
  const ready = await measureReady(server, generateDraft(500, 7), fast ? 3 : 7);
  const roundTrip = await measureRoundTrip(server, generateDraft(10_000, 10_000), fast ? 10 : 40);
  const rss = await measureMemory(server, Array.from({ length: 20 }, (_, index) => generateDraft(10_000, 500 + index)));
  const cli = measureCliThroughput(path.join(root, 'dist', 'cli.js'), fast ? 200 : 1000, 2_000);
  const hostile = await measureHostile(path.join(root, 'dist', 'cli.js'), server);

  const format = (value: number, digits = 1) => value.toFixed(digits).padStart(8);
  console.log('\nPer draft, ms (median of runs); ratios in the same process and run');
  console.log('   words     floor      lint  lint/floor  edit med  edit p90  textlint  lint/textlint');
  for (const row of rows) {
    console.log(`${String(row.words).padStart(8)}  ${format(row.floor)}  ${format(row.lint)}  ${format(row.lintToFloor, 2)}x   ${format(row.editMedian, 2)}  ${format(row.editP90, 2)}  ${format(row.textlint)}  ${format(row.lintToTextlint, 2)}x`);
  }
  console.log(`\n${describeSuppressions(suppressions)}`);
  console.log(`\nLanguage server: ready in ${ready.toFixed(0)} ms; didChange → publishDiagnostics at 10,000 words: median ${roundTrip.median.toFixed(1)} ms, p90 ${roundTrip.p90.toFixed(1)} ms`);
  console.log(`Language server memory with 20 open 10,000-word drafts: ${rss.toFixed(0)} MB RSS`);
  console.log(describeCli(cli));

  const at = (words: number) => rows.find((row) => row.words === words)!;
  const checks: Array<[string, boolean]> = [
    [`full lint ≤ ${TARGETS.fullLintToFloor}× the floor at every size`, rows.every((row) => row.lintToFloor <= TARGETS.fullLintToFloor)],
    [`edit median ≤ ${TARGETS.editMedian10k} ms and p90 ≤ ${TARGETS.editP90_10k} ms at 10,000 words`, at(10_000).editMedian <= TARGETS.editMedian10k && at(10_000).editP90 <= TARGETS.editP90_10k],
    [`edit p90 ≤ ${TARGETS.editP90_50k} ms at 50,000 words`, at(50_000).editP90 <= TARGETS.editP90_50k],
    [`full lint of 50,000 words ≤ ${TARGETS.fullLint50k} ms`, at(50_000).lint <= TARGETS.fullLint50k],
    [`LSP round trip p90 ≤ ${TARGETS.roundTripP90_10k} ms at 10,000 words`, roundTrip.p90 <= TARGETS.roundTripP90_10k],
    [`CLI ≥ ${TARGETS.cliPerSecond} drafts per second`, cli.perSecond >= TARGETS.cliPerSecond],
    [`CLI ≥ ${TARGETS.cliShareOfLimit} × (cores × the in-process lint rate), same run`, cli.shareOfLimit >= TARGETS.cliShareOfLimit],
    [`server RSS ≤ ${TARGETS.rssMegabytes} MB with 20 open drafts`, rss <= TARGETS.rssMegabytes],
    [`server ready ≤ ${TARGETS.readyMs} ms`, ready <= TARGETS.readyMs],
    ...printHostile(hostile),
    [`${SUPPRESSION_COMMENTS.toLocaleString('en-GB')} suppressions ≤ ${TARGETS.suppressionsToComments}× the lint of the same draft with ordinary comments in their place`, suppressionRatio <= TARGETS.suppressionsToComments],
  ];
  console.log('\nTargets:');
  for (const [name, met] of checks) console.log(`  ${met ? 'met    ' : 'MISSED '} ${name}`);
  const results = { date: new Date().toISOString(), node: process.version, sizes: rows, suppressions: { ...suppressions, ratio: suppressionRatio }, ready, roundTrip, rssMegabytes: rss, cli, hostile, targets: Object.fromEntries(checks) };
  writeFileSync(resultsFile, JSON.stringify(results, null, 2) + '\n');
  console.log('\nWrote bench/results.json');
}

if (isBenchLintThread()) lintSlice();
else if (process.argv.includes(PARALLEL_FLAG)) {
  // Run by the CLI measurement in a process of its own: the rate of the in-process lint on every core at once.
  lintOnEveryCore(process.argv[process.argv.indexOf(PARALLEL_FLAG) + 1], __filename).then((perSecond) => console.log(perSecond.toFixed(1)));
} else
  (hostileOnly ? hostileMain() : main()).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
