import { isPathReference, isUrl, pathEscape } from './pack-root.js';
import type { PositionedFile, Problem } from './problems.js';
import { engineProblems } from './versions.js';

/**
 * Checks a pack beyond its shape: the engine range it needs, and that every
 * path it gives (`extends`, `docs`) stays inside its own folder. `folder` is
 * undefined for the built-in pack, which gives no paths.
 */
export function policyProblems(source: PositionedFile, value: Record<string, unknown>, folder: string | undefined): Problem[] {
  const problems = engineProblems(source, value.engine);
  if (folder === undefined) return problems;
  const report = (segments: Array<string | number>, message: string, ruleId?: string) =>
    problems.push({ file: source.file, ...source.positionOf(segments), message, ruleId });
  const bases = value.extends;
  const list = Array.isArray(bases) ? bases : [bases];
  list.forEach((base, index) => {
    if (typeof base !== 'string' || !isPathReference(base)) return;
    const escape = pathEscape(source.file, folder, base);
    if (escape) report(Array.isArray(bases) ? ['extends', index] : ['extends'], `extends: ${escape}`);
  });
  const rules = value.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, entry] of Object.entries(rules as Record<string, unknown>)) {
      const docs = entry && typeof entry === 'object' ? (entry as { docs?: unknown }).docs : undefined;
      if (typeof docs !== 'string' || isUrl(docs)) continue;
      const escape = pathEscape(source.file, folder, docs);
      if (escape) report(['rules', id, 'docs'], `docs: ${escape}`, id);
    }
  }
  return problems;
}
