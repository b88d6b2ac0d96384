import { Linter } from '../rules/linter.js';
import { writeLock } from '../rules/packs/lock.js';
import { displayPath } from './load-pack-argument.js';
import { UsageError } from './usage-error.js';

/**
 * `assessment-lint pack lock`: writes `.assessment-lint.lock` beside the
 * configuration, recording each pack's name, version and file hashes, so a
 * later change to a shared pack is noticed.
 */
export function runPackLock(options: { config?: string }): number {
  const resolved = new Linter({ configFile: options.config }).configFor(undefined);
  if (!resolved.file) throw new UsageError(`no .assessment-lint.yaml here or above; run 'assessment-lint init' first, or give --config FILE`);
  const file = writeLock(resolved.layers, resolved.folder);
  const packs = resolved.layers.map((layer) => `${layer.pack.name}@${layer.pack.version}`).join(', ');
  process.stdout.write(`wrote ${displayPath(file)}: ${packs}\n`);
  return 0;
}
