import { parseArgs } from 'node:util';
import packageJson from '../package.json';
import { ConfigurationError } from '../rules/packs/problems.js';
import { runAudit } from './audit/audit-command.js';
import { FORMATS, runCheck, type Format } from './check.js';
import { isLintWorker, runLintWorker } from './lint-pool.js';
import { runInit } from './init-command.js';
import { runPack } from './pack-command.js';
import { runRules } from './rules-command.js';
import { runExplain } from './explain-draft.js';
import { UsageError } from './usage-error.js';

const HELP = `assessment-lint ${packageJson.version}: checks probation assessment drafts for the gaps inspectors find.

Usage:
  assessment-lint check [paths, folders or globs...] [options]
  assessment-lint audit [folders, files or globs...] [--out FILE|FOLDER] [--format html|json|csv] [options]
                                          caseload audit: pass rate per rule beside the inspectorate's figures
  assessment-lint explain DRAFT [--rule ID]
                                          each topic's state, the sentence that counted and the mentions set aside, with why
  assessment-lint rules [--pack PACK] [--config FILE] [--explain RULE-ID | --terms CONCEPT | --vocabulary LIST]
  assessment-lint pack test [FILE]        run every rule's examples (the configuration's packs by default)
  assessment-lint pack validate FILE      print every problem in a pack or configuration as file:line:column
  assessment-lint pack lock [--check]     record the packs' versions, file and rule hashes in .assessment-lint.lock;
                                          with --check, write nothing and exit 1 when the packs differ from it
  assessment-lint init [FOLDER]           write a starter .assessment-lint.yaml and team pack
  assessment-lint --version | --help

check options:
  --pack PACK          use a rule pack as well as the configuration's: a file, a folder or an
                       npm package name (repeatable)
  --config FILE        use this configuration instead of the nearest .assessment-lint.yaml
  --format NAME        stylish (default), json, sarif, junit or github
  --output FILE        write the report to a file instead of standard output
  --max-warnings N     exit 1 when there are more than N warnings
  --quiet              report errors only
  --frozen-lock        exit 1, before linting, when the packs differ from .assessment-lint.lock (for CI)

audit options (and --pack, --config as for check):
  --out FILE           write the report to FILE (.html, .json or .csv: the format follows the extension
                       unless --format is given); with CSV, a folder gets one file per table
  --format NAME        html (default), json or csv
  --table NAME         one CSV table: rules, drafts, suppressions or groups (to standard output or --out)
  --group-by NAME      pass rates per author, team (read from the drafts' headers) or folder
  --compare FILE       show changes since a previous 'audit --format json' output
  --type KIND          only drafts whose report type names KIND, or with a section of kind KIND
  --sort ORDER         list rules in pack order (rule, default) or by pass rate, lowest first (rate)
  --docs-base-url URL  link each rule to URL/<rule-id>.md (or URL with {id} replaced)
  --snippets           quote a short snippet of each finding (the report otherwise holds no draft text)
  --max-warnings N     exit 1 when the caseload has more than N warnings

Drafts are .md, .markdown, .txt and .docx files; in a Word draft, the line of a
finding is the paragraph number and the column counts characters in that paragraph.

Exit codes: 0 nothing failed; 1 an error-severity finding, or more warnings than
--max-warnings, or (with --frozen-lock) packs that differ from the lock; 2 a
usage, configuration or pack problem. pack test exits 1 when an example fails;
pack validate exits 2 when the file has problems; pack lock --check exits 1
when the packs differ from the lock, and pack lock exits 2 when it cannot write it.
`;

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      pack: { type: 'string', multiple: true, default: [] },
      config: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      snippets: { type: 'boolean', default: false },
      table: { type: 'string' },
      'group-by': { type: 'string' },
      compare: { type: 'string' },
      type: { type: 'string' },
      sort: { type: 'string' },
      'docs-base-url': { type: 'string' },
      output: { type: 'string', short: 'o' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      'frozen-lock': { type: 'boolean', default: false },
      explain: { type: 'string' },
      rule: { type: 'string' },
      terms: { type: 'string' },
      vocabulary: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
}

/** The number given to --max-warnings, if any; a usage problem unless it is a whole number. */
function warningLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0 || value.trim() === '') throw new UsageError(`--max-warnings takes a whole number, not '${value}'`);
  return limit;
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parse(argv);
    } catch (error) {
      throw new UsageError(`${(error as Error).message}; run 'assessment-lint --help' for usage`);
    }
    const { values, positionals } = parsed;
    if (values.version) {
      process.stdout.write(`${packageJson.version}\n`);
      return 0;
    }
    const [command, ...paths] = positionals;
    if (values.help || !command) {
      process.stdout.write(HELP);
      return command || values.help ? 0 : 2;
    }
    if (command === 'rules') return runRules({ packs: values.pack ?? [], config: values.config, explain: values.explain, terms: values.terms, vocabulary: values.vocabulary });
    if (command === 'pack') return runPack(paths, { packs: values.pack ?? [], config: values.config, check: values.check });
    if (command === 'init') return runInit(paths[0]);
    if (command === 'explain') return await runExplain({ paths, packs: values.pack ?? [], config: values.config, rule: values.rule });
    const maxWarnings = warningLimit(values['max-warnings']);
    if (command === 'audit') {
      const out = values.out ?? values.output;
      return await runAudit({
        paths,
        packs: values.pack ?? [],
        config: values.config,
        out,
        format: values.format,
        snippets: values.snippets ?? false,
        maxWarnings,
        groupBy: values['group-by'],
        compare: values.compare,
        type: values.type,
        sort: values.sort,
        docsBaseUrl: values['docs-base-url'],
        table: values.table,
        version: packageJson.version,
      });
    }
    if (command !== 'check') throw new UsageError(`unknown command '${command}'; use check, audit, explain, rules, pack or init (see --help)`);
    const format = (values.format ?? 'stylish') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}'; use one of ${FORMATS.join(', ')}`);
    return await runCheck({ paths, packs: values.pack ?? [], config: values.config, format, output: values.output, maxWarnings, quiet: values.quiet ?? false, frozenLock: values['frozen-lock'], version: packageJson.version });
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`assessment-lint: configuration problem:\n${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`assessment-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

/** Ends the run quietly when whatever reads standard output stops reading (`rules --explain X | head -1`): nothing is left to tell it. */
function exitQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
}

if (isLintWorker()) runLintWorker();
else if (require.main === module) {
  exitQuietlyWhenOutputCloses();
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: Error) => {
      process.stderr.write(`assessment-lint: unexpected failure: ${error.stack ?? error.message}\nPlease report this with the command you ran.\n`);
      process.exitCode = 2;
    },
  );
}
