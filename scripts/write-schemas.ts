import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { auditJsonSchema } from '../cli/audit/audit-schema.js';
import { configJsonSchema, packJsonSchema, schemaText } from '../rules/packs/json-schema.js';

/**
 * Writes schemas/pack.schema.json, schemas/config.schema.json and
 * schemas/audit.schema.json from the loader's and the audit's own schemas
 * (run by esbuild.mjs after each build outside CI). With `--check`, writes
 * nothing and fails when a file is out of date.
 */
function main(argv: string[]): number {
  const root = path.resolve(__dirname, '..');
  const check = argv.includes('--check');
  const outputs = [
    ['schemas/pack.schema.json', schemaText(packJsonSchema())],
    ['schemas/config.schema.json', schemaText(configJsonSchema())],
    ['schemas/audit.schema.json', schemaText(auditJsonSchema())],
  ] as const;
  let stale = 0;
  for (const [name, text] of outputs) {
    const file = path.join(root, name);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    if (check) {
      console.error(`${name} is out of date with the pack schema; run 'node esbuild.mjs' and commit it`);
      stale++;
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${name}`);
    }
  }
  return stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
