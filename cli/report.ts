import path from 'node:path';
import type { LintMessage } from '../rules/core/contracts.js';
import type { CoverageStatus } from '../rules/core/contracts.js';
import type { SuppressedMessage, SuppressionStatus } from '../rules/core/engine.js';
import type { LineIndex } from '../rules/core/line-index.js';
import type { HeaderField } from '../rules/core/header-fields.js';
import type { ParagraphMap } from '../rules/io/read-docx.js';

/** A message with one-based line and column positions, as command-line formats print them. */
export interface PositionedMessage extends LintMessage {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The flagged words, for kinds that flag words (a phrase, wording in the wrong section), when short and on one line. */
  quote?: string;
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
  /** The same with the mention that counted and the mentions set aside, only when the job asks to explain (JSON, `explain`). */
  coverageDetail?: CoverageDetail[];
  /** Ids of the rules that ran on the file (not switched off for it), including the engine's suppression check. */
  rulesRun?: string[];
  /** The fields the draft states about itself (author, team, report type…), read only when the job asks for them (audit). */
  header?: HeaderField[];
  /** The kinds of the draft's sections, read only when the job asks for them (audit). */
  sectionKinds?: string[];
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

/** Words of a draft as reports place them: one-based positions, the words, and the sentence they stand in. */
export interface PlacedWords {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  words: string;
  sentence: string;
}

/** A mention a coverage rule did not count: where, which concept, why (`reason`, and `because` in words) and the cue that decided it. */
export interface SetAsideDetail extends PlacedWords {
  concept: string;
  reason: string;
  because: string;
  cue?: string;
}

/** One coverage rule's verdict on a draft with its evidence, as `check --format json` and `explain` give it. */
export interface CoverageDetail {
  ruleId: string;
  status: CoverageStatus;
  /** The mention that made the rule pass. */
  evidence?: PlacedWords;
  setAside: SetAsideDetail[];
}

/** The rules that ran, for formats that describe them (SARIF). */
export interface RuleSummary {
  id: string;
  message: string;
  docsUrl?: string;
  severity: string;
  /** The pack's explanation of the rule (Markdown), where it gives one. */
  explanation?: string;
}

/** One pack that produced a report: its name and version, where it came from and, when the configuration is locked, the lock file's hash. */
export interface PackProvenance {
  name: string;
  version: string;
  /** `core` for the built-in pack, else the pack file relative to the working folder. */
  source: string;
  /** The configuration file that named it, relative to the working folder; absent for the built-in pack alone. */
  config?: string;
  /** sha256 of the `.assessment-lint.lock` beside that configuration, when there is one. */
  lockSha256?: string;
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

/** The rule kinds whose messages point at words in the draft, which terminal output quotes. */
const QUOTED_KINDS: ReadonlySet<string> = new Set(['flag-phrase', 'forbid-in-section']);

/** The longest flagged text that is quoted; longer spans are a passage, not words. */
const MAX_QUOTE_LENGTH = 80;

/** The words a message flags, when its kind flags words and they are short and on one line. */
export function flaggedWords(message: LintMessage, text: string): string | undefined {
  if (!QUOTED_KINDS.has(message.kind) || message.end - message.start > MAX_QUOTE_LENGTH) return undefined;
  const words = text.slice(message.start, message.end);
  return words.includes('\n') || words.trim() === '' ? undefined : words;
}

/** A path relative to the working folder with forward slashes, for reports. */
export function relativePath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}
