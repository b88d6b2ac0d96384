import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { DocumentFormat } from '../rules/core/chunks.js';
import type { Fix, LintMessage, Severity } from '../rules/core/contracts.js';
import type { AssessmentDocument } from '../rules/core/document.js';
import type { LineIndex, Span } from '../rules/core/line-index.js';
import { DIAGNOSTIC_SOURCE, type DiagnosticData, type FixData, type SuppressionData } from './shared/protocol.js';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const LEADING_WHITESPACE = /^[ \t]*/;
const LINE_BREAK = '\n';
const ANY_LINE_BREAK = /\r\n|\r|\n/;

/** The editor range of a span of UTF-16 offsets. */
export function rangeOf(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

/** The line break a draft uses (CRLF when it has any, else LF). */
function lineBreakOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : LINE_BREAK;
}

function trailingBreaks(text: string): number {
  let count = 0;
  for (let i = text.length - 1; i >= 0 && (text[i] === '\n' || text[i] === '\r' || text[i] === ' ' || text[i] === '\t'); i--) if (text[i] === '\n') count++;
  return count;
}

function leadingBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length && (text[i] === '\n' || text[i] === '\r' || text[i] === ' ' || text[i] === '\t'); i++) if (text[i] === '\n') count++;
  return count;
}

/**
 * The text to insert so a skeleton lands as a paragraph of its own: blank lines
 * before and after it as needed, in the draft's line breaks.
 */
export function paragraphInsertion(text: string, offset: number, body: string): string {
  const eol = lineBreakOf(text);
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  const lead = before.trim() === '' ? 0 : Math.max(0, 2 - trailingBreaks(before));
  const trail = after.trim() === '' ? Math.max(0, 1 - leadingBreaks(after)) : Math.max(0, 2 - leadingBreaks(after));
  const content = body.trim().split(ANY_LINE_BREAK).join(eol);
  return eol.repeat(lead) + content + eol.repeat(trail);
}

function fixData(fix: Fix | undefined, document: AssessmentDocument): FixData | undefined {
  if (!fix) return undefined;
  if (fix.type === 'replace') return { type: 'replace', range: rangeOf(document.lines, fix.span), replacements: [...fix.replacements] };
  return { type: 'insert', position: document.lines.positionAt(fix.offset), text: paragraphInsertion(document.text, fix.offset, fix.text), sectionTitle: fix.sectionTitle };
}

/** Where the engine says a suppression comment for the message works: before the line it names, or after the last line when that is past the end. */
function suppressionData(message: LintMessage, document: AssessmentDocument): SuppressionData | undefined {
  if (message.suppressAt === undefined) return undefined;
  const lines = document.lines;
  const eol = lineBreakOf(document.text);
  if (message.suppressAt >= lines.lineCount) {
    const last = lines.lineCount - 1;
    return { line: last, character: lines.lineEnd(last) - lines.lineStart(last), indent: '', eol, lineBreakBefore: true };
  }
  const line = message.suppressAt;
  const content = document.text.slice(lines.lineStart(line), lines.lineEnd(line));
  return { line, indent: LEADING_WHITESPACE.exec(content)?.[0] ?? '', eol };
}

/** The draft a message belongs to, as the editor knows it. */
export interface DiagnosticTarget {
  uri: string;
  version: number;
  format: DocumentFormat;
  document: AssessmentDocument;
}

/**
 * Converts a lint message to an LSP diagnostic: rule id as code, docs page as
 * code description, related places, and the typed data code actions read back.
 */
export function toDiagnostic(message: LintMessage, target: DiagnosticTarget): Diagnostic {
  const lines = target.document.lines;
  const data: DiagnosticData = {
    ruleId: message.ruleId,
    version: target.version,
    format: target.format,
    fix: fixData(message.fix, target.document),
    suppression: suppressionData(message, target.document),
  };
  return {
    range: rangeOf(lines, message),
    severity: SEVERITIES[message.severity],
    code: message.ruleId,
    codeDescription: message.docsUrl ? { href: message.docsUrl } : undefined,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
    relatedInformation: message.related?.map((place) => ({ location: { uri: target.uri, range: rangeOf(lines, place.span) }, message: place.message })),
    data,
  };
}

/** Reads a diagnostic's data back, or undefined when it is not an Assessment Lint payload. */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || !data || typeof data !== 'object') return undefined;
  if (typeof data.ruleId !== 'string' || typeof data.version !== 'number' || (data.format !== 'markdown' && data.format !== 'plaintext')) return undefined;
  return data as DiagnosticData;
}
