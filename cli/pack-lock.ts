import path from 'node:path';
import type { ResolvedConfig } from '../rules/config/workspace-config.js';
import { Linter } from '../rules/linter.js';
import { compareWithLock, describeRuleChanges, LOCK_FILE_NAME, LockWriteError, matchesLock, writeLock } from '../rules/packs/lock.js';
import { describeVersionMismatch, versionMismatch } from '../rules/packs/versions.js';
import { displayPath } from './load-pack-argument.js';
import { UsageError } from './usage-error.js';

/** Options of `pack lock`: the configuration to lock, and whether only to compare with the lock. */
export interface PackLockOptions {
  config?: string;
  check?: boolean;
}

/**
 * `assessment-lint pack lock`: writes `.assessment-lint.lock` beside the
 * configuration, recording each pack's name, version and file hashes and a
 * hash of each rule, so a later change to a shared pack is noticed. With
 * `--check` it writes nothing and exits 1 when the packs differ from the lock.
 */
export function runPackLock(options: PackLockOptions): number {
  const resolved = new Linter({ configFile: options.config }).configFor(undefined);
  if (!resolved.file) throw new UsageError(`no .assessment-lint.yaml here or above; run 'assessment-lint init' first, or give --config FILE`);
  for (const layer of resolved.layers) {
    const mismatch = versionMismatch(layer);
    if (mismatch) process.stderr.write(`assessment-lint: warning: ${describeVersionMismatch(mismatch, displayPath)}\n`);
  }
  if (options.check) {
    const code = checkLock(resolved, (line) => process.stdout.write(`${line}\n`));
    if (code === 0) process.stdout.write(`${displayPath(path.join(resolved.folder, LOCK_FILE_NAME))} matches the packs in use\n`);
    return code;
  }
  let file: string;
  try {
    file = writeLock(resolved.layers, resolved.folder, resolved.pack);
  } catch (error) {
    if (!(error instanceof LockWriteError)) throw error;
    process.stderr.write(`assessment-lint: cannot write ${displayPath(error.file)}: ${error.reason}; the lock was not changed\n`);
    return 2;
  }
  const packs = resolved.layers.map((layer) => `${layer.pack.name}@${layer.pack.version}`).join(', ');
  process.stdout.write(`wrote ${displayPath(file)}: ${packs}\n`);
  return 0;
}

/**
 * Compares a resolved configuration's packs with its lock and prints each
 * difference (packs, then the rules that changed) through `print`; returns 0
 * when they match, 1 when they differ or there is no lock to compare with.
 */
export function checkLock(resolved: ResolvedConfig, print: (line: string) => void): number {
  const comparison = compareWithLock(resolved.layers, resolved.folder, resolved.pack);
  if (comparison.unusable) {
    print(comparison.unusable);
    return 1;
  }
  for (const entry of comparison.packs) print(entry.message);
  const rules = describeRuleChanges(comparison);
  if (rules) print(rules);
  if (matchesLock(comparison)) return 0;
  print(`the packs differ from ${LOCK_FILE_NAME}; if the change is meant, run 'assessment-lint pack lock' and commit the lock`);
  return 1;
}
