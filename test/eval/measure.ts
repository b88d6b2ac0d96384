import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readDraft } from '../../rules/io/read-draft.js';
import { Linter } from '../../rules/linter.js';
import { compilePacks } from '../../rules/packs/compile.js';
import { CORE_PACK, loadPackFile } from '../../rules/packs/load-pack.js';

const measuredRules = compilePacks([loadPackFile(CORE_PACK)]).rules.filter((rule) => rule.page.floor !== undefined);

/** The rule ids the corpus is labelled for: the built-in rules whose file gives a floor (`page: { floor }`). */
export const MEASURED_RULES: readonly string[] = measuredRules.map((rule) => rule.id);

/** Each measured rule's floor: the F1 under which `npm run eval` fails. */
export const RULE_FLOORS: Readonly<Record<string, number>> = Object.fromEntries(measuredRules.map((rule) => [rule.id, rule.page.floor!]));

/** One labelled draft. */
export interface Label {
  quality: 'strong' | 'mediocre' | 'weak';
  warn: string[];
  /** Rules the draft was not labelled for (a set written for fewer rules): neither counted right nor wrong. */
  unlabelled?: string[];
  notes?: string;
}

/** Counts and scores for one rule (or the micro average). */
export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The outcome of linting the labelled corpus. */
export interface Measurement {
  documents: number;
  perRule: Record<string, Score>;
  micro: Score;
  /** Drafts labelled strong that got any message at all, with the rule ids. */
  strongWithWarnings: Array<{ file: string; rules: string[] }>;
  /** Micro-averaged scores for each corpus folder (each set of drafts written separately). */
  bySet: Record<string, Score>;
  /** Each disagreement with the labels, for finding what to fix. */
  mistakes: Array<{ file: string; ruleId: string; kind: 'false alarm' | 'miss' }>;
}

function score(truePositives: number, falsePositives: number, falseNegatives: number): Score {
  const precision = truePositives + falsePositives === 0 ? 1 : truePositives / (truePositives + falsePositives);
  const recall = truePositives + falseNegatives === 0 ? 1 : truePositives / (truePositives + falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, falsePositives, falseNegatives, precision, recall, f1 };
}

/** Reads the labels file of a corpus folder. */
export function readLabels(corpus: string): Record<string, Label> {
  return parseYaml(readFileSync(path.join(corpus, 'labels.yaml'), 'utf8')) as Record<string, Label>;
}

/** Lints every labelled draft through the same path as the CLI (read, then Linter) and scores the rules against the labels. */
export function measure(corpus: string): Measurement {
  const labels = readLabels(corpus);
  const linter = new Linter();
  const counts = Object.fromEntries(MEASURED_RULES.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const strongWithWarnings: Measurement['strongWithWarnings'] = [];
  const mistakes: Measurement['mistakes'] = [];
  const sets: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const [file, label] of Object.entries(labels)) {
    const set = (sets[file.split('/')[0]] ??= { tp: 0, fp: 0, fn: 0 });
    const draft = readDraft(path.join(corpus, file));
    if (!draft.ok) throw new Error(`${file} ${draft.reason}`);
    const { result } = linter.lintText(draft.text, draft.format, path.join(corpus, file));
    const unlabelled = new Set(label.unlabelled ?? []);
    const fired = new Set(result.messages.map((message) => message.ruleId).filter((id) => !unlabelled.has(id)));
    if (label.quality === 'strong' && fired.size > 0) strongWithWarnings.push({ file, rules: [...fired] });
    for (const id of MEASURED_RULES) {
      if (unlabelled.has(id)) continue;
      const expected = label.warn.includes(id);
      const actual = fired.has(id);
      if (expected && actual) {
        counts[id].tp++;
        set.tp++;
      } else if (actual) {
        counts[id].fp++;
        set.fp++;
        mistakes.push({ file, ruleId: id, kind: 'false alarm' });
      } else if (expected) {
        counts[id].fn++;
        set.fn++;
        mistakes.push({ file, ruleId: id, kind: 'miss' });
      }
    }
  }
  const perRule = Object.fromEntries(MEASURED_RULES.map((id) => [id, score(counts[id].tp, counts[id].fp, counts[id].fn)]));
  const total = Object.values(counts).reduce((sum, c) => ({ tp: sum.tp + c.tp, fp: sum.fp + c.fp, fn: sum.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const bySet = Object.fromEntries(Object.entries(sets).map(([name, c]) => [name, score(c.tp, c.fp, c.fn)]));
  return { documents: Object.keys(labels).length, perRule, micro: score(total.tp, total.fp, total.fn), bySet, strongWithWarnings, mistakes };
}
