import { createHash } from 'node:crypto';
import type { ConceptDefinition } from '../core/matcher.js';
import type { CompiledPack, CompiledRule } from './compile.js';

/** One rule as locked: a hash of its whole resolved definition, and of each part, so a change can be named. */
export interface LockedRule {
  /** sha256 of the resolved definition: kind, severity, stages, message, explanation, options, web docs link and the terms of the concepts it uses. */
  hash: string;
  kind: string;
  severity: string;
  /** Short hashes of the message, the options, and the other wording (explanation, docs link, dated stages). */
  message: string;
  options: string;
  other: string;
  /** Short hash of each concept the rule uses, by concept name. */
  concepts: Record<string, string>;
}

/** What changed in one rule between the lock and now. */
export interface RuleChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
  /** For a changed rule, what changed, in words ("severity warning → error", "terms of 'alcohol'"). */
  details: string[];
}

function hashOf(value: unknown, length = 64): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, length);
}

/** JSON with object keys sorted, so the same definition always hashes the same. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, entry]) => entry !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, entry]) => `${JSON.stringify(key)}:${stableJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The concepts a rule's options name, in the order they are named, without repeats. */
function conceptsOf(rule: CompiledRule): string[] {
  return [...new Set(rule.kind.references(rule.options as never).concepts)];
}

function lockRule(rule: CompiledRule, concepts: Map<string, ConceptDefinition>): LockedRule {
  // Local docs pages are hashed as files of their pack; a file link differs from machine to machine, so only web links count here.
  const docs = rule.docsUrl && !rule.docsUrl.startsWith('file:') ? rule.docsUrl : undefined;
  const other = { explanation: rule.explanation, docs, stages: rule.stages };
  const used = Object.fromEntries(conceptsOf(rule).map((name) => {
    const concept = concepts.get(name);
    return [name, { match: concept?.match ?? [], exclude: concept?.exclude ?? [] }];
  }));
  return {
    hash: hashOf({ kind: rule.kind.name, severity: rule.severity, message: rule.message, options: rule.options, other, concepts: used }),
    kind: rule.kind.name,
    severity: rule.severity,
    message: hashOf(rule.message, 12),
    options: hashOf(rule.options, 12),
    other: hashOf(other, 12),
    concepts: Object.fromEntries(Object.entries(used).map(([name, terms]) => [name, hashOf(terms, 12)])),
  };
}

/** The per-rule hashes of a compiled pack, by rule id. */
export function lockRules(pack: CompiledPack): Record<string, LockedRule> {
  return Object.fromEntries(pack.rules.map((rule) => [rule.id, lockRule(rule, pack.concepts)]));
}

/** The rules added, removed or changed between a lock's rules and the current ones, in id order. */
export function ruleChanges(before: Record<string, LockedRule>, now: Record<string, LockedRule>): RuleChange[] {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(now)])].sort();
  const changes: RuleChange[] = [];
  for (const id of ids) {
    const old = before[id];
    const current = now[id];
    if (!old) changes.push({ id, change: 'added', details: [] });
    else if (!current) changes.push({ id, change: 'removed', details: [] });
    else if (old.hash !== current.hash) changes.push({ id, change: 'changed', details: describeChange(old, current) });
  }
  return changes;
}

function describeChange(old: LockedRule, current: LockedRule): string[] {
  const details: string[] = [];
  if (old.kind !== current.kind) details.push(`kind ${old.kind} → ${current.kind}`);
  if (old.severity !== current.severity) details.push(`severity ${old.severity} → ${current.severity}`);
  if (old.message !== current.message) details.push('message');
  if (old.options !== current.options) details.push('options');
  const names = [...new Set([...Object.keys(old.concepts ?? {}), ...Object.keys(current.concepts ?? {})])].sort();
  const terms = names.filter((name) => old.concepts?.[name] !== current.concepts?.[name]);
  if (terms.length > 0) details.push(`terms of ${terms.map((name) => `'${name}'`).join(', ')}`);
  if (old.other !== current.other) details.push('explanation, docs link or dated severities');
  return details.length > 0 ? details : ['definition'];
}

/** A rule change in words: "'alcohol' added", "'drugs' changed (severity warning → error; terms of 'drug')". */
export function describeRuleChange(change: RuleChange): string {
  return change.change === 'changed' ? `'${change.id}' changed (${change.details.join('; ')})` : `'${change.id}' ${change.change}`;
}
