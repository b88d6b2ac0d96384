import type { CompiledPack, CompiledRule } from '../packs/compile.js';
import type { CoverageStatus, LintMessage, Severity, SeveritySetting } from './contracts.js';
import type { AssessmentDocument } from './document.js';
import type { Span } from './line-index.js';
import { suppressedRanges, type SuppressedRange } from './suppressions.js';

/** The engine's own rule: suppression comments must give a reason and name known rules. */
export const SUPPRESSION_RULE = 'suppression-reason';

/** Settings that change which rules run and how seriously, on top of the pack. */
export interface LintSettings {
  /** Severity overrides by rule id (from configuration and editor settings). */
  severities?: Record<string, SeveritySetting>;
  /** The day staged rules are judged by (default: today). */
  today?: Date;
}

/** A message a suppression comment switched off, with the comment's reason. */
export interface SuppressedMessage {
  message: LintMessage;
  reason?: string;
  directive: Span;
}

/** Whether each coverage rule's topic is present, and where. */
export interface CoverageEntry {
  ruleId: string;
  status: CoverageStatus;
  evidence?: Span;
  message: string;
}

/** Everything a lint run found in one draft. */
export interface LintResult {
  messages: LintMessage[];
  suppressed: SuppressedMessage[];
  coverage: CoverageEntry[];
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

function compareMessages(a: LintMessage, b: LintMessage): number {
  return a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);
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
  const knownIds = new Set([...pack.rules.map((rule) => rule.id), SUPPRESSION_RULE]);
  const ranges = suppressedRanges(document.directives, document.text, document.lines);
  const suppressionSeverity = settings.severities?.[SUPPRESSION_RULE] ?? 'warning';
  if (suppressionSeverity !== 'off') messages.push(...directiveProblems(document, knownIds, suppressionSeverity));
  const kept: LintMessage[] = [];
  const suppressed: SuppressedMessage[] = [];
  const seen = new Set<string>();
  for (const message of messages.sort(compareMessages)) {
    const key = `${message.ruleId}:${message.start}:${message.end}:${message.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range = message.ruleId === SUPPRESSION_RULE ? undefined : coveringRange(ranges, message, document);
    if (range) suppressed.push({ message, reason: range.reason, directive: range.directive.span });
    else kept.push(message);
  }
  document.forgetMentions();
  return { messages: kept, suppressed, coverage };
}

function coveringRange(ranges: SuppressedRange[], message: LintMessage, document: AssessmentDocument): SuppressedRange | undefined {
  const line = document.lines.positionAt(message.start).line;
  return ranges.find((range) => line >= range.firstLine && line <= range.lastLine && (range.ruleIds.length === 0 || range.ruleIds.includes(message.ruleId)));
}

function directiveProblems(document: AssessmentDocument, knownIds: Set<string>, severity: Severity): LintMessage[] {
  const problems: LintMessage[] = [];
  const stamp = (span: Span, message: string): LintMessage => ({
    ruleId: SUPPRESSION_RULE,
    kind: 'engine',
    severity,
    message,
    start: span.start,
    end: span.end,
    pack: 'engine',
  });
  for (const directive of document.directives) {
    for (const id of directive.ruleIds) {
      if (!knownIds.has(id)) problems.push(stamp(directive.span, `This suppression names '${id}', which is not a rule in the active packs; correct the id or remove the comment.`));
    }
    if (directive.verb !== 'enable' && !directive.reason) {
      problems.push(stamp(directive.span, "This suppression gives no reason; add one after ' -- ' so a reviewer knows why the check does not apply."));
    }
  }
  return problems;
}
