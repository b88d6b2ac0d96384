import { runPackLock } from './pack-lock.js';
import { runPackTest } from './pack-test.js';
import { runPackValidate } from './pack-validate.js';
import { UsageError } from './usage-error.js';

/** `assessment-lint pack test|validate|lock [--check]`: the tools for writing and sharing rule packs. */
export function runPack(args: string[], options: { packs: string[]; config?: string; check?: boolean }): number {
  const [subcommand, file, ...rest] = args;
  if (rest.length > 0) throw new UsageError(`pack ${subcommand} takes at most one file; got ${args.slice(1).join(' ')}`);
  switch (subcommand) {
    case 'test':
      return runPackTest({ file, config: options.config, packs: options.packs });
    case 'validate':
      if (!file) throw new UsageError('pack validate needs a FILE: a pack file or folder, or a configuration');
      return runPackValidate(file);
    case 'lock':
      if (file) throw new UsageError('pack lock takes no file; it locks the configuration found here (or --config FILE)');
      return runPackLock({ config: options.config, check: options.check });
    default:
      throw new UsageError(`unknown pack command '${subcommand ?? ''}'; use pack test [FILE], pack validate FILE or pack lock`);
  }
}
