import type { PlannedSuppression } from './suppressions.js';

/** The suppressions of one rule id, sorted for lookups in logarithmic time. */
interface RuleSuppressions {
  /** Sorted by first covered line. */
  byStart: PlannedSuppression[];
  /** For each prefix of `byStart`, the entry that covers furthest down. */
  furthest: PlannedSuppression[];
  /** Sorted by the line the comment stands on. */
  byComment: PlannedSuppression[];
}

/** Index of the first entry whose key is greater than `value` in a sorted list. */
function upperBound<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(items[middle]) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The accepted suppression comments of a draft, indexed by rule id: which one
 * covers a line, and which stands within a stretch of lines. Built in
 * O(n log n), each lookup O(log n), so a draft with thousands of comments
 * lints as fast as one with a few.
 */
export class SuppressionIndex {
  private readonly rules = new Map<string, RuleSuppressions>();

  constructor(accepted: readonly PlannedSuppression[]) {
    const grouped = new Map<string, PlannedSuppression[]>();
    for (const entry of accepted) {
      for (const id of new Set(entry.record.ruleIds)) {
        let list = grouped.get(id);
        if (!list) grouped.set(id, (list = []));
        list.push(entry);
      }
    }
    for (const [id, list] of grouped) {
      const byComment = list;
      const byStart = [...list].sort((a, b) => a.firstLine - b.firstLine || a.record.line - b.record.line);
      const furthest: PlannedSuppression[] = [];
      for (const entry of byStart) {
        const best = furthest[furthest.length - 1];
        furthest.push(best && best.lastLine >= entry.lastLine ? best : entry);
      }
      this.rules.set(id, { byStart, furthest, byComment });
    }
  }

  /** A comment for the rule that covers the line (the one reaching furthest down when several do). */
  covering(ruleId: string, line: number): PlannedSuppression | undefined {
    const rule = this.rules.get(ruleId);
    if (!rule) return undefined;
    const count = upperBound(rule.byStart, line, (entry) => entry.firstLine);
    const best = count > 0 ? rule.furthest[count - 1] : undefined;
    return best && best.lastLine >= line ? best : undefined;
  }

  /** The first comment for the rule that stands on one of the lines `first` to `last`. */
  standingWithin(ruleId: string, first: number, last: number): PlannedSuppression | undefined {
    const rule = this.rules.get(ruleId);
    if (!rule || last < first) return undefined;
    const index = upperBound(rule.byComment, first - 1, (entry) => entry.record.line);
    const entry = rule.byComment[index];
    return entry && entry.record.line <= last ? entry : undefined;
  }
}
