import type { CompiledPack, CompiledRule } from '../packs/compile.js';
import { applySuppressions, type SuppressedMessage } from './apply-suppressions.js';
import type { Coverage, LintMessage, SeveritySetting } from './contracts.js';
import type { AssessmentDocument } from './document.js';
import { DEFAULT_REASON_POLICY, SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE, type ReasonPolicy } from './engine-rules.js';
import type { SuppressionRecord } from './suppressions.js';

export { SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE } from './engine-rules.js';
export type { SuppressedMessage } from './apply-suppressions.js';
export type { SuppressionRecord, SuppressionStatus } from './suppressions.js';

/** Settings that change which rules run and how seriously, on top of the pack. */
export interface LintSettings {
  /** Severity overrides by rule id (from configuration and editor settings). */
  severities?: Record<string, SeveritySetting>;
  /** The day staged rules are judged by (default: today). */
  today?: Date;
  /** What a suppression's reason must be for it to count (from the configuration's `suppressions:`); defaults from suppressions.yaml. */
  suppressions?: Partial<ReasonPolicy>;
}

/** Whether each coverage rule's topic is present, and where. */
export interface CoverageEntry extends Coverage {
  ruleId: string;
  message: string;
}

/** Everything a lint run found in one draft. */
export interface LintResult {
  messages: LintMessage[];
  suppressed: SuppressedMessage[];
  /** Every suppression comment in the draft (but `enable`), in order, with what became of it. */
  suppressions: SuppressionRecord[];
  coverage: CoverageEntry[];
  /** Rules that need the whole draft and were not judged, because checking stopped part-way; absent when the draft was checked to its end. */
  unjudged?: string[];
}

/** The severity a rule has today: staged steps first, then configuration overrides. */
export function effectiveSeverity(rule: CompiledRule, settings: LintSettings): SeveritySetting {
  const override = settings.severities?.[rule.id];
  if (override) return override;
  const today = (settings.today ?? new Date()).toISOString().slice(0, 10);
  let severity = rule.severity;
  for (const stage of rule.stages) if (stage.date <= today) severity = stage.severity;
  return severity;
}

// Rule ids are lower-case letters, digits and hyphens, which code-unit order sorts as the locale would, without loading collation data on the first lint.
function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * Runs a compiled pack's enabled rules on a draft, stamps each finding with
 * rule id, severity, pack and docs link, applies suppression comments, then
 * sorts and de-duplicates.
 */
export function lint(document: AssessmentDocument, pack: CompiledPack, settings: LintSettings = {}): LintResult {
  return runToEnd(lintSteps(document, pack, settings));
}

/** Runs a generator of steps to its end and returns its result. */
export function runToEnd<Result>(steps: Generator<unknown, Result>): Result {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same run as `lint`, as steps: it pauses after each rule, so a caller can yield to other work between rules or stop. */
export function* lintSteps(document: AssessmentDocument, pack: CompiledPack, settings: LintSettings = {}): Generator<void, LintResult> {
  const messages: LintMessage[] = [];
  const coverage: CoverageEntry[] = [];
  for (const rule of pack.rules) {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') continue;
    yield;
    const outcome = rule.kind.check({ document, options: rule.options, matcher: pack.matcher });
    if (outcome.coverage) coverage.push({ ruleId: rule.id, ...outcome.coverage, message: rule.message });
    for (const finding of outcome.findings) {
      messages.push({
        ruleId: rule.id,
        kind: rule.kind.name,
        severity,
        message: finding.message ?? rule.message,
        start: finding.span.start,
        end: finding.span.end,
        pack: rule.pack,
        docsUrl: rule.docsUrl,
        related: finding.related,
        fix: finding.fix,
      });
    }
  }
  const kept: LintMessage[] = [];
  const seen = new Set<string>();
  for (const message of messages.sort(compareMessages)) {
    const key = `${message.ruleId}:${message.start}:${message.end}:${message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(message);
  }
  const engineRule = (id: string) => pack.engineRules.find((rule) => rule.id === id);
  const reasonRule = engineRule(SUPPRESSION_RULE);
  const unusedRule = engineRule(UNUSED_SUPPRESSION_RULE);
  const outcome = applySuppressions({
    document,
    messages: kept,
    topicRules: new Set(coverage.map((entry) => entry.ruleId)),
    knownIds: new Set([...pack.rules, ...pack.engineRules].map((rule) => rule.id)),
    policy: { ...DEFAULT_REASON_POLICY, ...definedOnly(settings.suppressions) },
    severities: { reason: reasonRule ? effectiveSeverity(reasonRule, settings) : 'off', unused: unusedRule ? effectiveSeverity(unusedRule, settings) : 'off' },
  });
  const docs = new Map(pack.engineRules.map((rule) => [rule.id, rule.docsUrl]));
  for (const problem of outcome.problems) problem.docsUrl = docs.get(problem.ruleId);
  document.forgetMentions();
  return { messages: [...outcome.kept, ...outcome.problems].sort(compareMessages), suppressed: outcome.suppressed, suppressions: outcome.suppressions, coverage };
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
