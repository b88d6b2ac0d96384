import type { LintMessage, Severity, SeveritySetting } from './contracts.js';
import type { AssessmentDocument } from './document.js';
import { engineProblem, ENGINE_PACK, SUPPRESSION_RULE, UNUSED_SUPPRESSION_RULE, type ReasonPolicy } from './engine-rules.js';
import type { Span } from './line-index.js';
import { SuppressionIndex } from './suppression-index.js';
import { TopicScopes } from './suppression-scopes.js';
import { planSuppressions, type EnableProblem, type PlannedSuppression, type SuppressionRecord } from './suppressions.js';

/** A message a suppression comment switched off, with the comment's reason. */
export interface SuppressedMessage {
  message: LintMessage;
  reason?: string;
  directive: Span;
}

/** What the engine needs to match findings to suppression comments. */
export interface SuppressionInput {
  document: AssessmentDocument;
  /** The pack's findings, sorted and without repeats. */
  messages: LintMessage[];
  /** Rules whose findings are topic findings (coverage rules): suppressible from their section or the top of the draft. */
  topicRules: ReadonlySet<string>;
  /** Every rule id a comment may name. */
  knownIds: ReadonlySet<string>;
  policy: ReasonPolicy;
  /** The severities of the engine's own rules for this draft. */
  severities: { reason: SeveritySetting; unused: SeveritySetting };
}

/** Findings kept and silenced, every suppression comment with what became of it, and the engine's messages about the comments. */
export interface SuppressionOutcome {
  kept: LintMessage[];
  suppressed: SuppressedMessage[];
  suppressions: SuppressionRecord[];
  problems: LintMessage[];
}

function list(ids: string[]): string {
  return ids.map((id) => `'${id}'`).join(', ');
}

function reasonProblems(planned: PlannedSuppression[], enableProblems: EnableProblem[], policy: ReasonPolicy): Array<{ span: Span; text: string }> {
  const problems: Array<{ span: Span; text: string }> = [];
  for (const { record, problem, unknownIds } of planned) {
    if (!problem) continue;
    const values = {
      verb: record.verb,
      ids: list(unknownIds),
      is: unknownIds.length === 1 ? 'is' : 'are',
      reason: record.reason ?? '',
      words: policy.words,
      letters: policy.letters,
      enable: `assessment-lint-enable ${record.ruleIds.join(', ')}`,
    };
    problems.push({ span: record.span, text: engineProblem(SUPPRESSION_RULE, problem, values) });
  }
  for (const { directive, problem, ids } of enableProblems) {
    if (problem === 'unknown-enable') problems.push({ span: directive.span, text: engineProblem(SUPPRESSION_RULE, problem, { ids: list(ids), is: ids.length === 1 ? 'is' : 'are' }) });
  }
  return problems;
}

function unusedProblems(planned: PlannedSuppression[], enableProblems: EnableProblem[]): Array<{ span: Span; text: string }> {
  const problems: Array<{ span: Span; text: string }> = [];
  for (const { record, problem } of planned) {
    if (problem) continue;
    const idle = [...new Set(record.ruleIds)].filter((id) => !record.silencedByRule[id]);
    if (idle.length === 0) continue;
    const key = record.silenced === 0 ? 'unused' : idle.length === 1 ? 'partly-unused-one' : 'partly-unused-many';
    problems.push({ span: record.span, text: engineProblem(UNUSED_SUPPRESSION_RULE, key, { ids: list(idle) }) });
  }
  for (const { directive, problem } of enableProblems) if (problem === 'enable-unused') problems.push({ span: directive.span, text: engineProblem(UNUSED_SUPPRESSION_RULE, problem) });
  return problems;
}

/**
 * Matches findings to the draft's suppression comments. An ordinary finding is
 * silenced by an accepted comment covering its line; a topic finding also by
 * one standing anywhere in its section or at the top of the draft. Refused
 * comments (no rule, unknown rule, no real reason, never closed) silence
 * nothing. Each kept finding learns where a new comment for it would work.
 */
export function applySuppressions(input: SuppressionInput): SuppressionOutcome {
  const { document, messages, topicRules, knownIds, policy, severities } = input;
  const { planned, enableProblems } = planSuppressions(document.directives, document.text, document.lines, knownIds, policy);
  const index = new SuppressionIndex(planned.filter((entry) => !entry.problem));
  const scopes = topicRules.size > 0 ? new TopicScopes(document) : undefined;
  const kept: LintMessage[] = [];
  const suppressed: SuppressedMessage[] = [];
  for (const message of messages) {
    const line = document.lines.positionAt(message.start).line;
    const topic = scopes && topicRules.has(message.ruleId);
    let entry = index.covering(message.ruleId, line);
    if (!entry && topic) for (const stretch of scopes.stretchesFor(message.start)) entry ??= index.standingWithin(message.ruleId, stretch.first, stretch.last);
    if (!entry) {
      kept.push({ ...message, suppressAt: topic ? scopes.commentLine(message.start) : line });
      continue;
    }
    const record = entry.record;
    record.silenced++;
    record.silencedByRule[message.ruleId] = (record.silencedByRule[message.ruleId] ?? 0) + 1;
    if (record.status === 'unused') record.status = 'effective';
    suppressed.push({ message, reason: record.reason, directive: record.span });
  }
  const stamp = (ruleId: string, severity: Severity) => (problem: { span: Span; text: string }): LintMessage => ({
    ruleId,
    kind: 'engine',
    severity,
    message: problem.text,
    start: problem.span.start,
    end: problem.span.end,
    pack: ENGINE_PACK,
  });
  const problems: LintMessage[] = [];
  if (severities.reason !== 'off') problems.push(...reasonProblems(planned, enableProblems, policy).map(stamp(SUPPRESSION_RULE, severities.reason)));
  if (severities.unused !== 'off') problems.push(...unusedProblems(planned, enableProblems).map(stamp(UNUSED_SUPPRESSION_RULE, severities.unused)));
  return { kept, suppressed, suppressions: planned.map((entry) => entry.record), problems };
}
