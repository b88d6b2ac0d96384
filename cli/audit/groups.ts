import type { FileReport, RuleSummary } from '../report.js';
import type { DraftFacts } from './draft-fields.js';
import type { PublishedFigure } from './published-figures.js';
import { summarise } from './summarise.js';

/** What --group-by can split the caseload by: header facts or the drafts' folders. */
export const GROUP_BY = ['author', 'team', 'folder'] as const;
/** One of the ways to group the caseload. */
export type GroupBy = (typeof GROUP_BY)[number];

/** The name of the group of drafts that do not state the fact grouped by. */
export const NOT_STATED = '(not stated)';

/** One rule within one group: where it applied, how many drafts passed, the pass rate. */
export interface GroupRule {
  id: string;
  applicable: number;
  passing: number;
  failing: number;
  passRate: number | null;
}

/** One group of drafts (one author, team or folder) and its pass rate per rule. */
export interface GroupRow {
  name: string;
  /** Linted drafts in the group. */
  drafts: number;
  /** Drafts in the group with at least one gap. */
  withGaps: number;
  rules: GroupRule[];
}

/** The caseload split by author, team or folder. */
export interface Grouping {
  by: GroupBy;
  groups: GroupRow[];
}

/** The group a draft falls in: its author, team or folder; drafts that state no author or team share one group. */
export function groupName(facts: DraftFacts, by: GroupBy): string {
  return (by === 'folder' ? facts.folder : facts[by]) ?? NOT_STATED;
}

/**
 * Splits the linted drafts by author, team or folder and works out each
 * group's numbers as the whole audit's are worked out. Names that differ only
 * in case are one group (shown as first written); groups are in name order,
 * the drafts stating nothing last.
 */
export function groupBreakdown(input: { reports: FileReport[]; rules: RuleSummary[]; figures: Record<string, PublishedFigure>; tool: { name: string; version: string }; groupBy?: GroupBy }, documents: Array<{ facts: DraftFacts; skipped?: string }>, ruleIds: string[]): Grouping {
  const by = input.groupBy!;
  const members = new Map<string, { name: string; reports: FileReport[] }>();
  documents.forEach((row, index) => {
    if (row.skipped) return;
    const name = groupName(row.facts, by);
    const key = name.toLocaleLowerCase('en-GB');
    const group = members.get(key) ?? { name, reports: [] };
    group.reports.push(input.reports[index]);
    members.set(key, group);
  });
  const ordered = [...members.values()].sort((a, b) => Number(a.name === NOT_STATED) - Number(b.name === NOT_STATED) || a.name.localeCompare(b.name, 'en-GB'));
  const groups = ordered.map(({ name, reports }): GroupRow => {
    const summary = summarise(reports, input.rules, input.figures, input.tool);
    const byId = new Map(summary.rules.map((rule) => [rule.id, rule]));
    return {
      name,
      drafts: summary.totals.linted,
      withGaps: summary.totals.withGaps,
      rules: ruleIds.map((id) => {
        const rule = byId.get(id);
        return { id, applicable: rule?.applicable ?? 0, passing: rule?.passing ?? 0, failing: rule?.failing ?? 0, passRate: rule?.passRate ?? null };
      }),
    };
  });
  return { by, groups };
}
