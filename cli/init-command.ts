import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import starterConfig from './templates/starter-config.yaml';
import starterPack from './templates/starter-pack.yaml';
import { displayPath } from './load-pack-argument.js';
import { UsageError } from './usage-error.js';

/** The files `init` writes, relative to the folder it runs in. */
export const INIT_FILES: ReadonlyArray<readonly [string, string]> = [
  ['.assessment-lint.yaml', starterConfig],
  [path.join('assessment-pack', 'pack.yaml'), starterPack],
];

/**
 * `assessment-lint init [FOLDER]`: writes a starter `.assessment-lint.yaml`
 * and a team pack skeleton (`assessment-pack/pack.yaml`, one example rule of
 * each kind). Writes nothing when either file already exists.
 */
export function runInit(folder = '.'): number {
  const targets = INIT_FILES.map(([name, text]) => [path.resolve(folder, name), text] as const);
  const existing = targets.filter(([file]) => existsSync(file)).map(([file]) => displayPath(file));
  if (existing.length > 0) throw new UsageError(`${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; init writes nothing over existing files`);
  for (const [file, text] of targets) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
    process.stdout.write(`wrote ${displayPath(file)}\n`);
  }
  process.stdout.write(`Next: edit assessment-pack/pack.yaml, then run 'assessment-lint pack test assessment-pack' and 'assessment-lint check'.\n`);
  return 0;
}
