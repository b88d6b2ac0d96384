import path from 'node:path';
import type { SeveritySetting } from '../core/contracts.js';
import { ENGINE_ORIGIN } from '../packs/engine-rules.js';
import { overrideMatches, type ResolvedConfig } from './workspace-config.js';

/** The severity one rule has for a draft, and the setting it comes from. */
export interface SeverityReason {
  ruleId: string;
  severity: SeveritySetting;
  because: string;
}

/**
 * Explains each rule's severity for a draft in the order the engine applies
 * them: editor or command-line overrides, then the configuration's per-file
 * overrides and rules, then the pack's dated stages and its own severity.
 */
export function explainSeverities(
  resolved: ResolvedConfig,
  filePath: string | undefined,
  overrides: Record<string, SeveritySetting> = {},
  overridesName = 'editor settings',
  today: Date = new Date(),
): SeverityReason[] {
  const fromConfig = configSeverities(resolved, filePath);
  const day = today.toISOString().slice(0, 10);
  const reasons: SeverityReason[] = [];
  const explain = (ruleId: string, packSeverity: SeveritySetting, packReason: string) => {
    const override = overrides[ruleId];
    if (override) reasons.push({ ruleId, severity: override, because: `set in ${overridesName}` });
    else if (fromConfig[ruleId]) reasons.push({ ruleId, ...fromConfig[ruleId] });
    else reasons.push({ ruleId, severity: packSeverity, because: packReason });
  };
  for (const rule of [...resolved.pack.rules, ...resolved.pack.engineRules]) {
    const stage = rule.stages.filter((step) => step.date <= day).pop();
    const origin = rule.origins.severity ?? rule.pack;
    if (stage) explain(rule.id, stage.severity, `staged in pack ${origin} from ${stage.date}`);
    else if (rule.origins.severity === ENGINE_ORIGIN) explain(rule.id, rule.severity, 'the engine default (it checks suppression comments)');
    else explain(rule.id, rule.severity, `the default of pack ${origin}`);
  }
  return reasons;
}

function configSeverities(resolved: ResolvedConfig, filePath: string | undefined): Record<string, { severity: SeveritySetting; because: string }> {
  const where = resolved.file ?? 'the configuration';
  const result: Record<string, { severity: SeveritySetting; because: string }> = {};
  for (const [id, severity] of Object.entries(resolved.config.rules ?? {})) result[id] = { severity, because: `rules in ${where}` };
  if (!filePath) return result;
  const relative = path.relative(resolved.folder, path.resolve(filePath)).split(path.sep).join('/');
  (resolved.config.overrides ?? []).forEach((override, index) => {
    const globs = Array.isArray(override.files) ? override.files : [override.files];
    if (!overrideMatches(override.files, relative)) return;
    for (const [id, severity] of Object.entries(override.rules)) {
      result[id] = { severity, because: `overrides[${index}] (files: ${globs.join(', ')}) in ${where}` };
    }
  });
  return result;
}
