import { Linter } from '../rules/linter.js';
import { explainRule } from './explain-rule.js';
import { showList, showTerms } from './show-vocabulary.js';

/** Lists the active rules for the working folder's configuration (id, kind, severity and message, one line each), or explains one rule. */
export function runRules(options: { packs: string[]; config?: string; explain?: string; terms?: string; vocabulary?: string }): number {
  const linter = new Linter({ configFile: options.config, extraPacks: options.packs });
  const resolved = linter.configFor(undefined);
  for (const warning of resolved.warnings) process.stderr.write(`assessment-lint: warning: ${warning.message}\n`);
  if (options.explain !== undefined) {
    process.stdout.write(explainRule(resolved, options.explain));
    return 0;
  }
  if (options.terms !== undefined) {
    process.stdout.write(showTerms(resolved.pack, options.terms));
    return 0;
  }
  if (options.vocabulary !== undefined) {
    process.stdout.write(showList(resolved.pack, options.vocabulary));
    return 0;
  }
  const severities = resolved.config.rules ?? {};
  const rows = [...resolved.pack.rules, ...resolved.pack.engineRules].map((rule) => [rule.id, rule.kind.name, severities[rule.id] ?? rule.severity, rule.message]);
  const idWidth = Math.max(...rows.map((row) => row[0].length));
  const kindWidth = Math.max(...rows.map((row) => row[1].length));
  const packs = resolved.pack.layers.map((layer) => `${layer.name}@${layer.version}`).join(', ');
  process.stdout.write(`Packs: ${packs}${resolved.file ? ` (from ${resolved.file})` : ''}\n`);
  for (const [id, kind, severity, message] of rows) {
    const summary = message.length > 90 ? message.slice(0, 89) + '…' : message;
    process.stdout.write(`${id.padEnd(idWidth)}  ${kind.padEnd(kindWidth)}  ${severity.padEnd(7)}  ${summary}\n`);
  }
  return 0;
}
