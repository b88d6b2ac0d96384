import { Linter } from '../rules/linter.js';
import { runExamples, type ExampleFailure } from '../rules/packs/run-examples.js';
import { displayPath, loadPackArgument } from './load-pack-argument.js';

/** How `pack test` finds the pack: a file or folder, or the working folder's configuration. */
export interface PackTestOptions {
  file?: string;
  config?: string;
  packs: string[];
}

function quote(snippet: string): string {
  const flat = snippet.replace(/\s*\n\s*/g, ' ⏎ ');
  return JSON.stringify(flat.length > 160 ? flat.slice(0, 159) + '…' : flat);
}

function describe(failure: ExampleFailure): string {
  const where = `${displayPath(failure.file)}:${failure.line}:${failure.column}`;
  const number = failure.index + 1;
  const what =
    failure.expected === 'warn'
      ? `warn example ${number} did not make the rule fire`
      : `pass example ${number} made the rule fire (${failure.messages.length} message${failure.messages.length === 1 ? '' : 's'})`;
  return `${where}: ${failure.ruleId}: ${what}\n    ${quote(failure.snippet)}\n`;
}

/**
 * `assessment-lint pack test [FILE]`: runs every rule's examples (warn
 * snippets must fire, pass snippets must not) and prints each failure with
 * its rule id, place and snippet. Returns 1 when any example fails.
 */
export function runPackTest(options: PackTestOptions): number {
  const { pack, layers } = options.file
    ? loadPackArgument(options.file)
    : (() => {
        const resolved = new Linter({ configFile: options.config, extraPacks: options.packs }).configFor(undefined);
        return { pack: resolved.pack, layers: resolved.layers };
      })();
  const stoppedBefore = pack.matcher.stoppedEarly;
  const report = runExamples(pack, layers);
  for (const failure of report.failures) process.stdout.write(describe(failure));
  const stopped = pack.matcher.stoppedEarly - stoppedBefore;
  if (stopped > 0) {
    process.stdout.write(
      `warning: on the examples, matching gave up early ${stopped} time${stopped === 1 ? '' : 's'} because some terms combine gaps, prefixes and alternatives in too many ways, so matches there may be missed; split such terms into simpler ones (docs/packs.md, "Terms")\n`,
    );
  }
  for (const id of report.untested) process.stdout.write(`note: rule '${id}' has no examples; add examples: {warn: [...], pass: [...]} so changes to it can be tested\n`);
  const packs = layers.map((layer) => `${layer.pack.name}@${layer.pack.version}`).join(', ');
  const summary = `${report.rules} rules, ${report.examples} examples (${packs}): ${report.failures.length === 0 ? 'all passed' : `${report.failures.length} failed`}\n`;
  process.stdout.write(summary);
  return report.failures.length > 0 ? 1 : 0;
}
