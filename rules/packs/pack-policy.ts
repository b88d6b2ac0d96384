import { isPathReference, isUrl, linkEscape, notRegularFile, pathEscape } from './pack-root.js';
import type { PositionedFile, Problem } from './problems.js';
import { engineProblems } from './versions.js';

/**
 * Checks a pack beyond its shape: the engine range it needs, that every path
 * it gives (`extends`, `docs`) stays inside its own folder, also through
 * symbolic links, and that a `docs` link is an https address or such a path.
 * `folder` is undefined for the built-in pack, which gives no paths.
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
      if (typeof docs !== 'string') continue;
      const page = docs.split('#')[0];
      const problem = isUrl(docs) ? urlProblem(docs) : (pathEscape(source.file, folder, docs) ?? linkEscape(source.file, folder, page) ?? notRegularFile(folder, page));
      if (problem) report(['rules', id, 'docs'], `docs: ${problem}`, id);
    }
  }
  return problems;
}

/** Why a `docs` address may not be used (any scheme but https, which an editor might run or open as a local file), or undefined. */
export function urlProblem(docs: string): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(docs);
  } catch {
    url = undefined;
  }
  if (url?.protocol === 'https:' && url.hostname !== '') return undefined;
  const scheme = docs.slice(0, docs.indexOf(':') + 1);
  return `'${docs.length > 60 ? `${docs.slice(0, 57)}…` : docs}' is not allowed: a docs link must be an https:// address or a path inside the pack's folder such as ./docs/rule.md (${scheme === 'https:' ? 'this address does not parse' : `${scheme} links are refused`})`;
}
