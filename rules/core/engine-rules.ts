import { Type } from '@sinclair/typebox';
import type { RuleKind, SeveritySetting } from './contracts.js';
import { data as suppressionData } from './suppressions.yaml';

/** The engine's rule about suppression comments: a rule id, a real reason, and a closed disable. */
export const SUPPRESSION_RULE = 'suppression-reason';

/** The engine's rule about suppression comments that silence nothing. */
export const UNUSED_SUPPRESSION_RULE = 'unused-suppression';

/** The rules the engine itself checks (not built from a rule kind); a pack or configuration may set their severity. */
export const ENGINE_RULE_IDS: readonly string[] = [SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE];

/** The pack name engine rules and their messages carry. */
export const ENGINE_PACK = 'engine';

/** How long a suppression's reason must be for the suppression to count. */
export interface ReasonPolicy {
  /** When false, a suppression without a reason still silences its finding. */
  requireReason: boolean;
  /** Fewest words a reason may have. */
  words: number;
  /** Fewest letters or digits a reason may have. */
  letters: number;
}

interface EngineRuleData {
  message: string;
  problems: Record<string, string>;
}

interface SuppressionData {
  reason: { words: number; letters: number };
  rules: Record<string, EngineRuleData>;
}

const DATA = suppressionData as SuppressionData;

/** The reason policy when a configuration says nothing (see suppressions.yaml). */
export const DEFAULT_REASON_POLICY: Readonly<ReasonPolicy> = { requireReason: true, words: DATA.reason.words, letters: DATA.reason.letters };

/** The one-sentence description of an engine rule, for `rules` listings and the audit. */
export function engineRuleMessage(id: string): string {
  return DATA.rules[id].message;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The text of one problem an engine rule reports, with its placeholders filled in. */
export function engineProblem(id: string, problem: string, values: Record<string, string | number> = {}): string {
  return DATA.rules[id].problems[problem].replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The severity engine rules have unless a pack or configuration sets another. */
export const ENGINE_RULE_SEVERITY: SeveritySetting = 'warning';

/** The rule kind engine rules are listed under; it finds nothing itself (the engine reports for it), and packs cannot use it. */
export const ENGINE_KIND: RuleKind = {
  name: 'engine',
  description: 'Checked by the engine itself, on the suppression comments of a draft.',
  options: Type.Object({}, { additionalProperties: false }),
  references: () => ({ concepts: [], sections: [] }),
  check: () => ({ findings: [] }),
};
