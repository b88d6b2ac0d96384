import { explainSeverities } from '../rules/config/explain.js';
import type { ConfigChoice } from './linter-pool.js';
import type { EffectiveConfiguration } from './shared/protocol.js';
import type { AssessmentLintSettings } from './shared/settings.js';

const TABLE_SPECIAL = /\|/g;

function cell(text: string): string {
  return text.replace(TABLE_SPECIAL, '\\|');
}

/** Which packs, rules and severities apply to a draft and why, as data and as Markdown. */
export function effectiveConfiguration(uri: string, choice: ConfigChoice, settings: AssessmentLintSettings, problems: string[]): EffectiveConfiguration {
  const config = choice.config;
  const packs = config.pack.layers.map((layer) => ({ name: layer.name, version: layer.version, file: layer.file }));
  const rules = explainSeverities(config, choice.lookupPath, settings.rules, 'the assessmentLint.rules setting');
  const lines = ['# Assessment Lint: effective configuration', '', `Draft: ${uri}`, ''];
  lines.push(config.file ? `Configuration file: \`${config.file}\`` : 'Configuration file: none found above the draft, so the built-in pack applies.');
  if (settings.packs.length > 0) lines.push('', `Packs added by the assessmentLint.packs setting: ${settings.packs.map((pack) => `\`${pack}\``).join(', ')}`);
  if (!settings.enable) lines.push('', 'Linting is switched off by the assessmentLint.enable setting.');
  if (problems.length > 0) {
    lines.push('', '## Problems', '', 'The configuration below is the last one that loaded; fix these to use the current files.', '');
    for (const problem of problems) lines.push(`- ${problem}`);
  }
  lines.push('', '## Packs', '', 'Later packs override earlier ones.', '', '| Pack | Version | File |', '| --- | --- | --- |');
  for (const pack of packs) lines.push(`| ${cell(pack.name)} | ${cell(pack.version)} | ${cell(pack.file)} |`);
  lines.push('', '## Rules', '', '| Rule | Severity | Why |', '| --- | --- | --- |');
  for (const rule of rules) lines.push(`| ${cell(rule.ruleId)} | ${rule.severity} | ${cell(rule.because)} |`);
  return { uri, configFile: config.file, packs, rules, problems, markdown: lines.join('\n') + '\n' };
}
