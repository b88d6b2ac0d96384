import path from 'node:path';
import { CONFIG_FILE_NAMES, resolveConfig } from '../rules/config/workspace-config.js';
import type { LoadedPack } from '../rules/packs/load-pack.js';
import { ConfigurationError, formatProblem } from '../rules/packs/problems.js';
import { branchingTermWarnings } from '../rules/packs/term-branching.js';
import { describeVersionMismatch, versionMismatch } from '../rules/packs/versions.js';
import { plural } from './formats/stylish.js';
import { displayPath, loadPackArgument } from './load-pack-argument.js';

/** Warnings about packs that load: terms that can make matching give up early (file:line:column), and an npm package and its pack file giving different versions. */
function packWarnings(layers: LoadedPack[]): string[] {
  const warnings: string[] = [];
  for (const layer of layers) {
    for (const problem of branchingTermWarnings(layer)) warnings.push(formatProblem({ ...problem, file: displayPath(problem.file) }));
    const mismatch = versionMismatch(layer);
    if (mismatch) warnings.push(describeVersionMismatch(mismatch, displayPath));
  }
  return warnings;
}

/**
 * `assessment-lint pack validate FILE`: loads a pack (or a configuration) with
 * everything it extends and prints every problem as file:line:column, then
 * any warnings. Returns 2 when there are problems, 0 when the file is valid.
 */
export function runPackValidate(file: string): number {
  try {
    if (CONFIG_FILE_NAMES.includes(path.basename(file))) {
      const resolved = resolveConfig(path.resolve(file), path.dirname(path.resolve(file)));
      process.stdout.write(`${displayPath(file)}: valid configuration (${plural(resolved.pack.rules.length, 'rule')} from ${resolved.layers.map((layer) => layer.pack.name).join(', ')})\n`);
      for (const warning of [...resolved.warnings.map((entry) => entry.message), ...packWarnings(resolved.layers)]) process.stdout.write(`warning: ${warning}\n`);
      return 0;
    }
    const { pack, layers } = loadPackArgument(file);
    process.stdout.write(`${displayPath(file)}: valid pack ${pack.name}@${pack.version} (${plural(pack.rules.length, 'rule')})\n`);
    for (const warning of packWarnings(layers)) process.stdout.write(`warning: ${warning}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) process.stdout.write(formatProblem({ ...problem, file: displayPath(problem.file) }) + '\n');
    process.stdout.write(`${plural(error.problems.length, 'problem')}\n`);
    return 2;
  }
}
