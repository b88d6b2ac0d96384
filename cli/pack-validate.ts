import path from 'node:path';
import { CONFIG_FILE_NAMES, resolveConfig } from '../rules/config/workspace-config.js';
import { ConfigurationError, formatProblem } from '../rules/packs/problems.js';
import { displayPath, loadPackArgument } from './load-pack-argument.js';

/**
 * `assessment-lint pack validate FILE`: loads a pack (or a configuration) with
 * everything it extends and prints every problem as file:line:column. Returns
 * 2 when there are problems, 0 when the file is valid.
 */
export function runPackValidate(file: string): number {
  try {
    if (CONFIG_FILE_NAMES.includes(path.basename(file))) {
      const resolved = resolveConfig(path.resolve(file), path.dirname(path.resolve(file)));
      process.stdout.write(`${displayPath(file)}: valid configuration (${resolved.pack.rules.length} rules from ${resolved.layers.map((layer) => layer.pack.name).join(', ')})\n`);
      for (const warning of resolved.warnings) process.stdout.write(`warning: ${warning.message}\n`);
      return 0;
    }
    const { pack } = loadPackArgument(file);
    process.stdout.write(`${displayPath(file)}: valid pack ${pack.name}@${pack.version} (${pack.rules.length} rules)\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    for (const problem of error.problems) process.stdout.write(formatProblem({ ...problem, file: displayPath(problem.file) }) + '\n');
    process.stdout.write(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}\n`);
    return 2;
  }
}
