import { UsageError } from '../usage-error.js';
import type { FileReport } from '../report.js';
import { draftFacts } from './draft-fields.js';

const NOT_WORD = /[^\p{L}\p{N}]+/u;

function words(text: string): string[] {
  return text.toLocaleLowerCase('en-GB').split(NOT_WORD).filter(Boolean);
}

/** True when `inner` occurs in `outer` as a run of whole words. */
function containsWords(outer: string[], inner: string[]): boolean {
  if (inner.length === 0) return false;
  for (let start = 0; start + inner.length <= outer.length; start++) if (inner.every((word, index) => outer[start + index] === word)) return true;
  return false;
}

/**
 * True when a linted draft is of the kind --type names: its report type
 * (a "Report type:" field or front matter `type:`) contains the kind's words
 * ("psr" matches "Short format PSR"), or it has a section of that kind
 * ("risk-of-harm" matches a draft with a risk of harm section).
 */
export function isOfType(report: FileReport, kind: string): boolean {
  if (report.skipped) return false;
  const wanted = words(kind);
  const type = draftFacts(report).type;
  if (type !== undefined && containsWords(words(type), wanted)) return true;
  return (report.sectionKinds ?? []).some((section) => words(section).join(' ') === wanted.join(' '));
}

/** The linted drafts of the kind --type names; a usage problem listing the types and section kinds found when none is. */
export function filterByType(reports: FileReport[], kind: string): FileReport[] {
  const kept = reports.filter((report) => isOfType(report, kind));
  if (kept.length > 0) return kept;
  const types = [...new Set(reports.map((report) => draftFacts(report).type).filter((type): type is string => type !== undefined))].sort();
  const sections = [...new Set(reports.flatMap((report) => report.sectionKinds ?? []))].sort();
  throw new UsageError(
    `--type ${kind}: no draft states that report type or has a section of that kind; ` +
      `report types stated: ${types.length > 0 ? types.map((type) => `'${type}'`).join(', ') : 'none'}; section kinds found: ${sections.length > 0 ? sections.join(', ') : 'none'}`,
  );
}
