/**
 * Custom messages between the Assessment Lint client and server, and the
 * payload diagnostics carry back to code actions. Types and constants only.
 */
import { RequestType, type Position, type Range, type TextDocumentIdentifier } from 'vscode-languageserver-protocol';

/** The `source` of every diagnostic, and the server's name in logs. */
export const DIAGNOSTIC_SOURCE = 'assessment-lint';

/** The code action kind that applies every safe fix in a draft. */
export const FIX_ALL_KIND = 'source.fixAll.assessment-lint';

/** A fix carried on a diagnostic, in editor positions. */
export type FixData =
  /** Replace the diagnostic's range with one of the alternatives. */
  | { type: 'replace'; range: Range; replacements: string[] }
  /** Insert a skeleton paragraph (already padded with the blank lines it needs). */
  | { type: 'insert'; position: Position; text: string; sectionTitle?: string };

/** Where a suppression comment for a diagnostic goes. */
export interface SuppressionData {
  /** The line the comment is inserted before: the diagnostic's first line, or for a missing topic the line below its section's heading. */
  line: number;
  /** Where on the line the comment goes (default 0); set with `lineBreakBefore` when it goes after the draft's last line. */
  character?: number;
  /** True when the comment follows the last line of the draft, so it starts with a line break. */
  lineBreakBefore?: boolean;
  /** The indentation of that line, repeated on the comment. */
  indent: string;
  /** The line break the document uses. */
  eol: string;
}

/** The typed payload of every Assessment Lint diagnostic, read back by code actions. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the diagnostic was computed for. */
  version: number;
  format: 'markdown' | 'plaintext';
  fix?: FixData;
  /** Absent for messages that cannot be suppressed (the suppression checks themselves). */
  suppression?: SuppressionData;
}

/** Whether a coverage rule's topic is present in a draft. */
export type CoverageStatus = 'addressed' | 'missing' | 'not-applicable';

/** One coverage rule's state in a draft. */
export interface CoverageItem {
  ruleId: string;
  status: CoverageStatus;
  /** The rule's message: what the draft should address. */
  message: string;
  /** Where the topic is addressed, or where the gap is reported; absent when not applicable. */
  range?: Range;
  /** The words that made the rule pass, when it passed. */
  counted?: { range: Range; words: string };
  /** Mentions the rule saw but did not count, each with why in words ("about someone else"), at most a dozen. */
  setAside?: Array<{ range: Range; words: string; because: string }>;
}

/** The checklist of a draft: each coverage rule and its state. */
export interface CoverageResult {
  uri: string;
  version: number;
  /** False when the draft is not linted (disabled, excluded or not a draft). */
  enabled: boolean;
  pack: { name: string; version: string };
  /** How many findings the draft has (what the status bar shows). */
  gaps: number;
  items: CoverageItem[];
}

/** `assessmentLint/coverage`: the checklist of an open draft. */
export const CoverageRequest = new RequestType<{ textDocument: TextDocumentIdentifier }, CoverageResult | null, void>('assessmentLint/coverage');

/** One file of a workspace lint that could not be linted. */
export interface SkippedFile {
  uri: string;
  reason: string;
}

/** `assessmentLint/lintFiles`: lint files from disk and publish their diagnostics (the client sends the workspace in batches). */
export const LintFilesRequest = new RequestType<{ uris: string[] }, { linted: number; gaps: number; skipped: SkippedFile[] }, void>('assessmentLint/lintFiles');

/** Why one rule has the severity it has for a draft. */
export interface RuleSeverityExplanation {
  ruleId: string;
  severity: string;
  because: string;
}

/** The configuration that applies to a draft, and why. */
export interface EffectiveConfiguration {
  uri: string;
  configFile?: string;
  packs: Array<{ name: string; version: string; file: string }>;
  rules: RuleSeverityExplanation[];
  /** Configuration problems in force (the draft is linted with the last good configuration). */
  problems: string[];
  /** The same, written out as Markdown for display. */
  markdown: string;
}

/** `assessmentLint/effectiveConfiguration`: which packs, rules and severities apply to a draft and why. */
export const EffectiveConfigurationRequest = new RequestType<{ textDocument: TextDocumentIdentifier }, EffectiveConfiguration | null, void>(
  'assessmentLint/effectiveConfiguration',
);

/** `assessmentLint/reportTemplate`: the headings and prompts of a pre-sentence report, in a draft's format. */
export const ReportTemplateRequest = new RequestType<{ format: 'markdown' | 'plaintext' }, { text: string }, void>('assessmentLint/reportTemplate');
