import { readFileSync } from 'node:fs';
import { Value } from '@sinclair/typebox/value';
import { parseDocument } from 'yaml';
import { UsageError } from '../usage-error.js';
import type { AuditReport } from './audit-report.js';
import { AuditSchema } from './audit-schema.js';

/** One rule's pass rate in the previous audit and in this one. */
export interface RuleChange {
  id: string;
  before: number | null;
  after: number | null;
  /** Percentage points, now minus then (one decimal); null when either rate is null. */
  change: number | null;
}

/** A draft in both audits whose gaps changed: the rules it fails now and did not, and those it no longer fails. */
export interface DraftChange {
  file: string;
  gained: string[];
  lost: string[];
}

/** This audit against a previous one (--compare): pass rates then and now, and the drafts that got better or worse. */
export interface Comparison {
  previous: { file: string; date: string; tool: { name: string; version: string }; linted: number };
  rules: RuleChange[];
  drafts: DraftChange[];
  /** Drafts only in this audit. */
  added: string[];
  /** Drafts only in the previous audit. */
  removed: string[];
}

const JSON_POSITION = /at position (\d+)/;
const UNEXPECTED_END = /Unexpected end of JSON input/;

/** Where a character offset falls in a text, as one-based line and column. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** Where JSON.parse gave up, as line:column, from its message or else from the YAML parser (JSON is YAML); undefined when neither says. */
function errorPlace(text: string, message: string): string | undefined {
  const at = JSON_POSITION.exec(message);
  if (at) return lineColumn(text, Number(at[1]));
  if (UNEXPECTED_END.test(message)) return lineColumn(text, text.length);
  const place = parseDocument(text).errors.find((error) => error.linePos)?.linePos?.[0];
  return place ? `${place.line}:${place.col}` : undefined;
}

/**
 * Reads a previous `audit --format json` output for --compare. A file that
 * cannot be read, is not JSON or does not fit schemas/audit.schema.json is a
 * usage problem (exit 2) with a message naming the file and what is wrong.
 */
export function readPreviousAudit(file: string): AuditReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--compare: cannot read '${file}' (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give the JSON an earlier 'assessment-lint audit --format json' wrote`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const place = errorPlace(text, (error as Error).message);
    throw new UsageError(`--compare: ${file}${place ? `:${place}` : ''}: not JSON (${(error as Error).message}); give the JSON an earlier 'assessment-lint audit --format json' wrote`);
  }
  if (!Value.Check(AuditSchema, data)) {
    const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
    const first = Value.Errors(AuditSchema, data).First();
    const what = version === undefined ? 'it has no schemaVersion' : `${first?.path || '/'}: ${first?.message ?? 'does not fit'}`;
    throw new UsageError(`--compare: ${file} is not an audit JSON of schemaVersion ${AuditSchema.properties.schemaVersion.const} (${what}); write one with 'assessment-lint audit --format json --out FILE'`);
  }
  return data as AuditReport;
}

function change(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : Math.round((after - before) * 10) / 10;
}

/** Compares this audit with a previous one: each current rule's rate then and now, and the gaps each draft gained or lost. */
export function compareAudits(previous: AuditReport, current: AuditReport, file: string): Comparison {
  const rates = new Map(previous.rules.map((rule) => [rule.id, rule.passRate]));
  const rules = current.rules.map((rule): RuleChange => {
    const before = rates.get(rule.id) ?? null;
    return { id: rule.id, before, after: rule.passRate, change: change(before, rule.passRate) };
  });
  const linted = (report: AuditReport) => new Map(report.documents.filter((row) => !row.skipped).map((row) => [row.file, row.gaps]));
  const then = linted(previous);
  const now = linted(current);
  const drafts: DraftChange[] = [];
  for (const [name, gaps] of now) {
    const earlier = then.get(name);
    if (!earlier) continue;
    const gained = gaps.filter((id) => !earlier.includes(id));
    const lost = earlier.filter((id) => !gaps.includes(id));
    if (gained.length > 0 || lost.length > 0) drafts.push({ file: name, gained, lost });
  }
  return {
    previous: { file, date: previous.date, tool: previous.tool, linted: previous.totals.linted },
    rules,
    drafts,
    added: [...now.keys()].filter((name) => !then.has(name)),
    removed: [...then.keys()].filter((name) => !now.has(name)),
  };
}
