import path from 'node:path';
import type { LintMessage } from '../rules/core/contracts.js';
import type { SuppressedMessage } from '../rules/core/engine.js';
import type { LineIndex } from '../rules/core/line-index.js';

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
  /** Set when the file could not be linted (binary, unreadable, too large). */
  skipped?: string;
}

/** The rules that ran, for formats that describe them (SARIF). */
export interface RuleSummary {
  id: string;
  message: string;
  docsUrl?: string;
  severity: string;
}

/** Adds one-based positions to a message (UTF-16 columns, as editors count). */
export function positionMessage(message: LintMessage, lines: LineIndex): PositionedMessage {
  const start = lines.positionAt(message.start);
  const end = lines.positionAt(message.end);
  return { ...message, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A path relative to the working folder with forward slashes, for reports. */
export function relativePath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}
