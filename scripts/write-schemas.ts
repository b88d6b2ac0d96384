import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditJsonSchema } from '../cli/audit/audit-schema.js';
import { configJsonSchema, packJsonSchema, schemaText } from '../rules/packs/json-schema.js';
import { compilePacks } from '../rules/packs/compile.js';
import { CORE_PACK, loadPackFile } from '../rules/packs/load-pack.js';
import { EXAMPLES_MARK, examplesDocs, PAGE_MARK, pageDocs, RULE_TABLE_MARK, ruleTable, VOCABULARY_DOCS_MARK, vocabularyDocs } from '../rules/packs/vocabulary-docs.js';

/**
 * Writes schemas/pack.schema.json, schemas/config.schema.json and
 * schemas/audit.schema.json from the loader's and the audit's own schemas,
 * and docs/packs.md's tables of built-in concepts and section wordings, the
 * README's rule table and the rule pages' examples from the built-in pack
 * (run by esbuild.mjs after each build outside CI). With `--check`, writes
 * nothing and fails when a file is out of date.
 */
function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..');
  const check = argv.includes('--check');
  const packsDoc = readFileSync(path.join(root, 'docs', 'packs.md'), 'utf8');
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const core = compilePacks([loadPackFile(CORE_PACK)]);
  const outputs = [
    ['schemas/pack.schema.json', schemaText(packJsonSchema())],
    ['schemas/config.schema.json', schemaText(configJsonSchema())],
    ['schemas/audit.schema.json', schemaText(auditJsonSchema())],
    ['docs/packs.md', packsDoc.replace(VOCABULARY_DOCS_MARK, () => vocabularyDocs(core))],
    ['README.md', readme.replace(RULE_TABLE_MARK, () => ruleTable(core))],
    ...core.rules.map((rule) => {
      const page = `docs/rules/${rule.id}.md`;
      return [page, readFileSync(path.join(root, page), 'utf8').replace(PAGE_MARK, () => pageDocs(rule)).replace(EXAMPLES_MARK, () => examplesDocs(rule))] as const;
    }),
  ];
  let stale = 0;
  for (const [name, text] of outputs) {
    const file = path.join(root, name);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    if (check) {
      console.error(`${name} is out of date with the pack schema or the built-in pack; run 'node esbuild.mjs' and commit it`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${name}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
