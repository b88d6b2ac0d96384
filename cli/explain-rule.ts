import { Document, isCollection, isMap, isScalar, type Node, type Pair } from 'yaml';
import { effectiveSeverity } from '../rules/core/engine.js';
import type { ResolvedConfig } from '../rules/config/workspace-config.js';
import { ENGINE_ORIGIN } from '../rules/packs/engine-rules.js';
import { CORE_PACK } from '../rules/packs/load-pack.js';
import { displayPath } from './load-pack-argument.js';
import { UsageError } from './usage-error.js';
import { didYouMean } from '../rules/packs/schema-messages.js';

function originName(file: string | undefined): string {
  if (!file) return 'unknown';
  return file === CORE_PACK ? 'core (built in)' : displayPath(file);
}

function annotate(pair: Pair, origin: string): void {
  const value = pair.value as Node | null;
  if (isCollection(value)) value.flow = true;
  if (isScalar(value) || isCollection(value)) value.comment = ` from ${origin}`;
}

/**
 * `assessment-lint rules --explain ID`: prints a rule as the active packs
 * resolve it, each field (and each option) marked with the pack file that set
 * it, and the severity it has today with what decided it.
 */
export function explainRule(resolved: ResolvedConfig, id: string, today = new Date()): string {
  const rules = [...resolved.pack.rules, ...resolved.pack.engineRules];
  const rule = rules.find((candidate) => candidate.id === id);
  if (!rule) {
    const known = rules.map((candidate) => candidate.id);
    throw new UsageError(`'${id}' is not a rule in the active packs.${didYouMean(id, known)} Rules: ${known.join(', ')}`);
  }
  const definition = {
    kind: rule.kind.name,
    severity: rule.severity,
    message: rule.message,
    ...(rule.explanation ? { explanation: rule.explanation } : {}),
    ...(rule.docsUrl ? { docs: rule.docsUrl } : {}),
    options: rule.options,
    ...(rule.stages.length > 0 ? { from: rule.stages } : {}),
    examples: rule.examples,
  };
  const document = new Document(definition);
  for (const item of (document.contents as { items: Pair[] }).items) {
    const key = String((item.key as { value: unknown }).value);
    if (key === 'options' && isMap(item.value)) {
      for (const option of item.value.items) annotate(option as Pair, originName(rule.origins[`options.${(option.key as { value: unknown }).value}`] ?? rule.origins.options));
    } else if (key === 'examples' && isMap(item.value)) {
      (item.key as Node).commentBefore = ` examples from ${originName(rule.origins.examples)}`;
    } else annotate(item, originName(rule.origins[key] ?? rule.origins.kind));
  }
  const configured = resolved.config.rules?.[id];
  const today_ = effectiveSeverity(rule, { today, severities: configured ? { [id]: configured } : {} });
  const reason = configured
    ? `set under rules: in ${displayPath(resolved.file ?? '')}`
    : rule.stages.some((stage) => stage.date <= today.toISOString().slice(0, 10))
      ? 'by its from: dates'
      : rule.origins.severity === ENGINE_ORIGIN
        ? `by ${ENGINE_ORIGIN}`
        : 'by the pack';
  const overrides = (resolved.config.overrides ?? []).filter((override) => id in override.rules).map((override) => [override.files].flat().join(', '));
  const lines = [
    `Rule ${id}: ${rule.kind.name} (${rule.kind.description})`,
    `First defined by pack ${rule.pack}; packs in order: ${resolved.pack.layers.map((layer) => `${layer.name}@${layer.version}`).join(', ')}`,
    `Severity today: ${today_} (${reason})${overrides.length > 0 ? `; per-file overrides for ${overrides.join('; ')}` : ''}`,
    '',
    document.toString({ lineWidth: 0 }),
  ];
  return lines.join('\n');
}
