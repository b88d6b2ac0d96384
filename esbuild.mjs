// Bundles the client, server, CLI and test suites into dist/ (CommonJS, Node 20).
// Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const IMPORT_META_SHIM = "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;";

// YAML data files are bundled as their text (for error positions) and as parsed data (for a fast start).
const yamlData = {
  name: 'yaml-data',
  setup(build) {
    build.onLoad({ filter: /\.ya?ml$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const data = JSON.stringify(JSON.stringify(parseYaml(text)));
      return { contents: `export default ${JSON.stringify(text)};\nexport const data = JSON.parse(${data});\n`, loader: 'js' };
    });
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  plugins: [yamlData],
  logLevel: 'warning',
  legalComments: 'none',
  // Some ESM dependencies read import.meta.url; give the CommonJS bundle an equivalent.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: IMPORT_META_SHIM },
};

const testEntries = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name}`);

const builds = [
  { entryPoints: { client: 'client/extension.ts' }, external: ['vscode'] },
  { entryPoints: { server: 'server/main.ts' } },
  { entryPoints: { cli: 'cli/main.ts' }, banner: { js: `#!/usr/bin/env node\n${IMPORT_META_SHIM}` } },
  { entryPoints: { eval: 'test/eval/eval.ts' } },
  { entryPoints: { bench: 'bench/run.ts' }, external: ['@textlint/*', 'textlint-rule-*'] },
  // playwright-core locates its own files at run time, so tests load it from node_modules.
  { entryPoints: testEntries, outdir: 'dist/test', outbase: 'test', external: ['playwright-core'] },
  { entryPoints: { 'write-schemas': 'scripts/write-schemas.ts' } },
  // The unified plugin (`assessment-lint/unified`) is an ES module, as unified's plugins are; CommonJS
  // dependencies inside it get a real `require` for Node's built-in modules.
  {
    entryPoints: { unified: 'unified/plugin.ts' },
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    define: {},
    banner: {
      js: [
        "import { createRequire as createRequireForBundle } from 'node:module';",
        "import { fileURLToPath as fileURLToPathForBundle } from 'node:url';",
        'const require = createRequireForBundle(import.meta.url);',
        'const __filename = fileURLToPathForBundle(import.meta.url);',
        "const __dirname = fileURLToPathForBundle(new URL('.', import.meta.url));",
      ].join('\n'),
    },
  },
  // The editor tests (npm run test:e2e) run apart from the unit suites.
  { entryPoints: readdirSync('test/e2e').filter((name) => name.endsWith('.test.ts')).map((name) => `test/e2e/${name}`), outdir: 'dist/e2e', outbase: 'test/e2e', external: ['playwright-core'] },
]
  .map((options) => ({ outdir: 'dist', ...shared, ...options }))
  // A part of the product not written yet has no entry file; build the rest.
  .filter((options) => (Array.isArray(options.entryPoints) ? options.entryPoints.length > 0 : Object.values(options.entryPoints).every(existsSync)));

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // The pack and configuration JSON Schemas come from the loader's own schemas. CI leaves the committed
  // files alone, so the schema test fails there when a change to the schemas was committed without them.
  if (!process.env.CI) execFileSync(process.execPath, ['dist/write-schemas.js'], { stdio: 'inherit' });
}
