import path from 'node:path';
import type { LintMessage } from '../rules/core/contracts.js';
import type { CoverageStatus } from '../rules/core/contracts.js';
import type { SuppressedMessage, SuppressionStatus } from '../rules/core/engine.js';
import type { LineIndex } from '../rules/core/line-index.js';
import type { ParagraphMap } from '../rules/io/read-docx.js';

/** A message with one-based line and column positions, as command-line formats print them. */
export interface PositionedMessage extends LintMessage {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What the CLI found in one file: messages, suppressed messages, or why the file was skipped. */
export interface FileReport {
  /** Absolute path. */
  file: string;
  /** Path relative to the working folder, with forward slashes. */
  relative: string;
  messages: PositionedMessage[];
  suppressed: Array<SuppressedMessage & { line: number }>;
  /** Every suppression comment (but `enable`) and what became of it; absent for a skipped file. */
  suppressions?: SuppressionEntry[];
  /** Set when the file could not be linted (binary, unreadable, too large). */
  skipped?: string;
  /** Whether each coverage rule applied and was met (for the audit's "documents where it applies"). */
  coverage?: Array<{ ruleId: string; status: CoverageStatus }>;
  /** Ids of the rules that ran on the file (not switched off for it), including the engine's suppression check. */
  rulesRun?: string[];
}

/** One suppression comment as reports give it: one-based line (paragraph in a Word draft), the rules named, the reason, what became of it and how many findings it silenced (in all, and by rule). */
export interface SuppressionEntry {
  line: number;
  ruleIds: string[];
  reason: string | null;
  status: SuppressionStatus;
  silenced: number;
  silencedByRule: Record<string, number>;
}

/** The rules that ran, for formats that describe them (SARIF). */
export interface RuleSummary {
  id: string;
  message: string;
  docsUrl?: string;
  severity: string;
}

/** Adds one-based positions to a message (UTF-16 columns, as editors count); for a Word draft, lines are paragraph numbers. */
export function positionMessage(message: LintMessage, lines: LineIndex, paragraphs?: ParagraphMap): PositionedMessage {
  const start = lineAndColumn(lines, message.start, paragraphs);
  const end = lineAndColumn(lines, message.end, paragraphs);
  return { ...message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The one-based line and column of an offset; for a Word draft, the paragraph number and the column in that paragraph. */
export function lineAndColumn(lines: LineIndex, offset: number, paragraphs?: ParagraphMap): { line: number; column: number } {
  const position = lines.positionAt(offset);
  return paragraphs ? paragraphs.at(position.line, position.character) : { line: position.line + 1, column: position.character + 1 };
}

/** A path relative to the working folder with forward slashes, for reports. */
export function relativePath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}
