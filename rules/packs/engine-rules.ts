import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SeveritySetting } from '../core/contracts.js';
import { ENGINE_KIND, ENGINE_PACK, ENGINE_RULE_IDS, ENGINE_RULE_SEVERITY, engineRuleMessage } from '../core/engine-rules.js';
import type { CompiledRule, Stage } from './compile.js';
import { installRoot } from './install-root.js';
import type { LoadedPack } from './load-pack.js';
import type { Problem } from './problems.js';
import type { RuleFields } from './schema.js';

/** The fields a pack may set on one of the engine's rules. */
const SETTABLE: ReadonlySet<string> = new Set(['severity', 'from']);

/** The origin of an engine rule's field that no pack sets (for `rules --explain`). */
export const ENGINE_ORIGIN = `the ${ENGINE_PACK}`;

const ENGINE_ORIGINS: Readonly<Record<string, string>> = Object.fromEntries(['kind', 'severity', 'message', 'docs', 'options', 'examples'].map((field) => [field, ENGINE_ORIGIN]));

/** What the layers of a chain set on the engine's rules, gathered as they are read. */
export interface EngineRuleSettings {
  severity: Map<string, SeveritySetting>;
  stages: Map<string, Stage[]>;
  origins: Map<string, Record<string, string>>;
}

/** Nothing set yet. */
export function engineRuleSettings(): EngineRuleSettings {
  return { severity: new Map(), stages: new Map(), origins: new Map() };
}

/** True for the ids of the engine's own rules. */
export function isEngineRule(id: string): boolean {
  return ENGINE_RULE_IDS.includes(id);
}

/** Takes a pack's entry for an engine rule: its severity and dated stages may be set, nothing else (the engine checks the rule itself). */
export function takeEngineRuleEntry(id: string, fields: RuleFields, layer: LoadedPack, settings: EngineRuleSettings, problems: Problem[]): void {
  const refused = Object.keys(fields).filter((key) => !SETTABLE.has(key));
  if (refused.length > 0) {
    const message = `'${id}' is checked by the engine itself: a pack may set only its severity (and from:), not ${refused.join(', ')}`;
    problems.push({ file: layer.file, ...layer.source.positionOf(['rules', id, refused[0]], true), ruleId: id, message });
    return;
  }
  const origins = settings.origins.get(id) ?? {};
  if (fields.severity) settings.severity.set(id, fields.severity);
  if (fields.from) settings.stages.set(id, [...fields.from].sort((a, b) => a.date.localeCompare(b.date)));
  for (const key of Object.keys(fields)) origins[key] = layer.file;
  settings.origins.set(id, origins);
}

/** The engine's rules as compiled rules, with the severities the packs gave them. */
export function compileEngineRules(settings: EngineRuleSettings): CompiledRule[] {
  const root = installRoot();
  return ENGINE_RULE_IDS.map((id) => ({
    id,
    kind: ENGINE_KIND,
    severity: settings.severity.get(id) ?? ENGINE_RULE_SEVERITY,
    message: engineRuleMessage(id),
    docsUrl: root ? pathToFileURL(path.join(root, 'docs', 'rules', `${id}.md`)).href : undefined,
    options: {},
    page: {},
    pack: ENGINE_PACK,
    examples: { warn: [], pass: [] },
    stages: settings.stages.get(id) ?? [],
    origins: { ...ENGINE_ORIGINS, ...settings.origins.get(id) },
  }));
}
