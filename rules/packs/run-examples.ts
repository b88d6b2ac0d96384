import { AssessmentDocument } from '../core/document.js';
import { lint } from '../core/engine.js';
import type { CompiledPack, CompiledRule } from './compile.js';
import type { LoadedPack } from './load-pack.js';

/** An example that did not behave: a warn snippet the rule missed, or a pass snippet it fired on. */
export interface ExampleFailure {
  ruleId: string;
  expected: 'warn' | 'pass';
  /** Zero-based position of the snippet in its list. */
  index: number;
  snippet: string;
  /** Where the snippet is written: the pack file (or `core`), one-based line and column. */
  file: string;
  line: number;
  column: number;
  /** For a pass snippet: the messages the rule gave. */
  messages: string[];
}

/** What running a compiled pack's examples found. */
export interface ExampleReport {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
  /** Rules that carry no examples. */
  untested: string[];
}

/** Runs one rule, forced on, on one Markdown snippet and returns its messages. */
function fire(rule: CompiledRule, pack: CompiledPack, snippet: string): string[] {
  const document = new AssessmentDocument(snippet, 'markdown', { lexicon: pack.lexicon, classifier: pack.classifier });
  const result = lint(document, { ...pack, rules: [rule] }, { severities: { [rule.id]: 'warning' } });
  return result.messages.filter((message) => message.ruleId === rule.id).map((message) => message.message);
}

/**
 * Runs every rule's examples: each `warn` snippet must make the rule fire and
 * each `pass` snippet must not. Rules are forced on, so examples of a rule that
 * is off or staged for later still run.
 */
export function runExamples(pack: CompiledPack, layers: LoadedPack[]): ExampleReport {
  const report: ExampleReport = { rules: pack.rules.length, examples: 0, failures: [], untested: [] };
  for (const rule of pack.rules) {
    const lists = { warn: rule.examples.warn, pass: rule.examples.pass };
    if (lists.warn.length + lists.pass.length === 0) report.untested.push(rule.id);
    const origin = layers.find((layer) => layer.file === rule.origins.examples);
    for (const expected of ['warn', 'pass'] as const) {
      lists[expected].forEach((snippet, index) => {
        report.examples++;
        const messages = fire(rule, pack, snippet);
        if ((expected === 'warn') === messages.length > 0) return;
        const at = origin?.source.positionOf(['rules', rule.id, 'examples', expected, index]) ?? { line: 1, column: 1 };
        report.failures.push({ ruleId: rule.id, expected, index, snippet, file: origin?.file ?? rule.origins.examples ?? rule.pack, ...at, messages });
      });
    }
  }
  return report;
}
