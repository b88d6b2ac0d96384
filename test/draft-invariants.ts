import assert from 'node:assert/strict';
import type { LineIndex, Span } from '../rules/core/line-index.js';
import type { LintedDraft } from '../rules/linter.js';

/** True when an offset falls between the `\r` and `\n` of a CRLF line break (no position names it). */
export function insideLineBreak(text: string, offset: number): boolean {
  return offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10;
}

/** Asserts a span is a well-formed range of the text. */
export function assertSpanInside(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets ${span.start}-${span.end} are not integers`);
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${what}: ${span.start}-${span.end} is not inside a text of ${text.length} characters`);
}

/** Asserts an offset survives offset → line/character → offset (it may not split a CRLF line break). */
export function assertRoundTrip(lines: LineIndex, text: string, offset: number, what: string): void {
  assert.ok(!insideLineBreak(text, offset), `${what}: offset ${offset} splits a CRLF line break`);
  const position = lines.positionAt(offset);
  assert.ok(position.line >= 0 && position.line < lines.lineCount && position.character >= 0, `${what}: position ${JSON.stringify(position)} is outside the document`);
  assert.equal(lines.offsetAt(position), offset, `${what}: offset ${offset} → ${JSON.stringify(position)} does not map back`);
}

/**
 * The invariants every lint must keep, whatever the draft: every message,
 * related place, fix, suppression, coverage evidence, section and unit lies
 * inside the document, and every message boundary round-trips through the line index.
 */
export function assertLintInvariants(text: string, linted: LintedDraft): void {
  const { document, result } = linted;
  assert.equal(document.text, text);
  const lines = document.lines;
  for (const message of [...result.messages, ...result.suppressed.map((entry) => entry.message)]) {
    const what = `${message.ruleId} message`;
    assertSpanInside(text, message, what);
    assertRoundTrip(lines, text, message.start, what);
    assertRoundTrip(lines, text, message.end, what);
    assert.ok(message.message.length > 0, `${what} has text`);
    for (const place of message.related ?? []) assertSpanInside(text, place.span, `${what}, related place`);
    if (message.fix?.type === 'replace') assertSpanInside(text, message.fix.span, `${what}, fix`);
    if (message.fix?.type === 'insert') assertSpanInside(text, { start: message.fix.offset, end: message.fix.offset }, `${what}, insertion`);
    if (message.suppressAt !== undefined) assert.ok(message.suppressAt >= 0 && message.suppressAt <= lines.lineCount, `${what}: suppression line ${message.suppressAt} is outside the document`);
  }
  for (const entry of result.suppressed) assertSpanInside(text, entry.directive, 'suppression comment');
  for (const entry of result.suppressions) {
    assertSpanInside(text, entry.span, `suppression comment on line ${entry.line + 1}`);
    assert.equal(entry.silenced, Object.values(entry.silencedByRule).reduce((sum, count) => sum + count, 0), `suppression comment on line ${entry.line + 1}: counts agree`);
    assert.equal(entry.status === 'effective', entry.silenced > 0, `suppression comment on line ${entry.line + 1}: status ${entry.status} with ${entry.silenced} silenced`);
  }
  assert.equal(result.suppressions.reduce((sum, entry) => sum + entry.silenced, 0), result.suppressed.length, 'every silenced finding is credited to one comment');
  for (const entry of result.coverage) if (entry.evidence) assertSpanInside(text, entry.evidence, `${entry.ruleId} evidence`);
  for (const section of document.sections) {
    assertSpanInside(text, section, `section '${section.title}'`);
    if (section.heading) assertSpanInside(text, section.heading, `heading '${section.title}'`);
  }
  for (const unit of document.units) assertSpanInside(text, unit, `${unit.unit.kind} unit`);
}
