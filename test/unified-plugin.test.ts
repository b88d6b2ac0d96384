import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { retext } from 'retext';
import { remark } from 'remark';
import type { Plugin } from 'unified';
import { VFile } from 'vfile';
import { REPO_ROOT, runCli, runNode as run, TempFolder } from './helpers.js';

/** A finding reduced to what both front ends must agree on. */
type Place = string;

const PLUGIN = path.join(REPO_ROOT, 'dist', 'unified.mjs');
const REMARK_CLI = path.join(REPO_ROOT, 'node_modules', 'remark-cli', 'cli.js');
const JSON_REPORTER = path.join(REPO_ROOT, 'node_modules', 'vfile-reporter-json', 'index.js');

// The bundled test is CommonJS; the plugin is an ES module, so it is imported at run time.
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: Plugin<[Record<string, unknown>?]> }>;

async function loadPlugin() {
  return (await importModule(pathToFileURL(PLUGIN).href)).default;
}

/** What `check --format json` found, as `file line:column-endLine:endColumn rule` strings. */
async function checkPlaces(args: string[], cwd: string): Promise<Place[]> {
  const result = await runCli(['check', ...args, '--format', 'json'], cwd);
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  const reports = JSON.parse(result.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number }> }>;
  return reports.flatMap((report) => report.messages.map((m) => `${report.filePath} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}`)).sort();
}

/** A folder where `assessment-lint` is installed as a package, as a team's docs repository would have it. */
function workspace(files: Record<string, string> = {}): TempFolder {
  const folder = new TempFolder(files);
  mkdirSync(folder.path('node_modules'), { recursive: true });
  symlinkSync(REPO_ROOT, folder.path('node_modules/assessment-lint'), 'dir');
  return folder;
}

describe('unified plugin (assessment-lint/unified)', function () {
  this.timeout(60000);

  describe('with remark-cli', () => {
    let folder: TempFolder;
    before(() => {
      folder = workspace({ '.remarkrc.json': JSON.stringify({ plugins: ['assessment-lint/unified'] }) });
      cpSync(path.join(REPO_ROOT, 'examples'), folder.path('examples'), { recursive: true });
    });
    after(() => folder.remove());

    it('reports the same findings as check on the example drafts, with configuration found per file', async () => {
      const result = await run([REMARK_CLI, 'examples', '--report', JSON_REPORTER, '--no-color'], folder.root);
      assert.equal(result.code, 0, result.stderr);
      const files = JSON.parse(result.stderr) as Array<{ path: string; messages: Array<{ ruleId: string; source: string; place: { start: { line: number; column: number }; end: { line: number; column: number } }; url?: string }> }>;
      const fromRemark = files
        .flatMap((file) => file.messages.map((m) => {
          assert.equal(m.source, 'assessment-lint');
          assert.match(m.url ?? '', /\.md|https?:/, `${m.ruleId} has a docs link`);
          return `${file.path} ${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column} ${m.ruleId}`;
        }))
        .sort();
      const fromCheck = (await checkPlaces(['examples'], folder.root)).filter((place) => place.split(' ')[0].endsWith('.md'));
      assert.ok(fromCheck.length > 5, 'the examples have findings to compare');
      assert.ok(fromRemark.some((place) => place.startsWith('examples/team-pack/')), "the team pack's configuration applies to its drafts");
      assert.deepEqual(fromRemark, fromCheck);
    });

    it('fails with --frail on warnings, and passes without it when nothing is an error', async () => {
      const frail = await run([REMARK_CLI, 'examples/short-format-weak.md', '--frail', '--quiet'], folder.root);
      assert.equal(frail.code, 1, frail.stderr);
      const lenient = await run([REMARK_CLI, 'examples/short-format-weak.md', '--quiet'], folder.root);
      assert.equal(lenient.code, 0, lenient.stderr);
      assert.match(lenient.stderr, /warning.*alcohol/);
    });
  });

  it('is not shipped in the VS Code extension, whose bundles stay as they were', () => {
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n').map((line) => line.trim());
    assert.equal(ignore.find((line) => line && !line.startsWith('#')), '**', 'the extension ships only what .vscodeignore lists');
    assert.ok(!ignore.some((line) => /^!dist\/(unified|\*)/.test(line)), 'the plugin bundle is not listed');
    for (const bundle of ['client.js', 'server.js']) assert.ok(!readFileSync(path.join(REPO_ROOT, 'dist', bundle), 'utf8').includes('MESSAGE_SOURCE'), `${bundle} does not contain the plugin`);
  });

  describe('in a unified pipeline', () => {
    it('lints a plain-text draft with retext as check does', async () => {
      const plugin = await loadPlugin();
      const draftPath = path.join(REPO_ROOT, 'examples', 'oral-report-record.txt');
      const file = await retext().use(plugin).process(new VFile({ path: draftPath, value: readFileSync(draftPath, 'utf8'), cwd: REPO_ROOT }));
      const fromRetext = file.messages.map((m) => `examples/oral-report-record.txt ${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : ''} ${m.ruleId}`).sort();
      assert.ok(fromRetext.length > 0);
      assert.deepEqual(fromRetext, await checkPlaces(['examples/oral-report-record.txt'], REPO_ROOT));
    });

    it('marks errors fatal, carries the docs link, and gives actual and expected for a replacement', async () => {
      const folder = new TempFolder({
        'pack.yaml': [
          'name: wording',
          'version: 1.0.0',
          'engine: ">=0.1.0"',
          'terms:',
          '  offender-label: ["offender"]',
          'rules:',
          '  person-first:',
          '    kind: flag-phrase',
          '    severity: error',
          '    message: Write "the person on probation".',
          '    docs: https://example.org/person-first',
          '    options: { phrases: offender-label, replacements: [the person on probation] }',
        ].join('\n'),
        '.assessment-lint.yaml': 'packs: [./pack.yaml]\n',
        'draft.md': '# Offence analysis\n\nThe 😀 offender said he was sorry.\n',
      });
      try {
        const plugin = await loadPlugin();
        const file = await remark().use(plugin).process(new VFile({ path: folder.path('draft.md'), value: readFileSync(folder.path('draft.md'), 'utf8') }));
        const message = file.messages.find((m) => m.ruleId === 'person-first');
        assert.ok(message, file.messages.map(String).join('\n'));
        assert.equal(message.fatal, true);
        assert.equal(message.source, 'assessment-lint');
        assert.equal(message.url, 'https://example.org/person-first');
        assert.equal(message.actual, 'offender');
        assert.deepEqual(message.expected, ['the person on probation']);
        // Columns count UTF-16 code units, as unist does: the emoji before the word is two.
        assert.deepEqual(message.place && 'start' in message.place ? message.place.start : undefined, { line: 3, column: 8, offset: 27 });
      } finally {
        folder.remove();
      }
    });

    it('honours suppression comments and options passed to the plugin', async () => {
      const plugin = await loadPlugin();
      const text = '## Offender assessment\n\n<!-- assessment-lint-disable-next-line uncritical-language -- quoting the letter from his employer -->\nHis employer writes that it was out of character.\n';
      const lint = async (options?: Record<string, unknown>) =>
        (await remark().use(plugin, options).process(new VFile({ path: path.join(REPO_ROOT, 'draft.md'), value: text }))).messages.map((m) => m.ruleId);
      const found = await lint();
      assert.ok(found.includes('alcohol'), found.join(', '));
      assert.ok(!found.includes('uncritical-language'), 'the suppressed finding is not reported');
      assert.ok(!(await lint({ rules: { alcohol: 'off' } })).includes('alcohol'), 'a severity option switches a rule off');
    });

    it('reports a broken configuration as a fatal message naming the file, without throwing', async () => {
      const folder = new TempFolder({ '.assessment-lint.yaml': 'rules:\n  alcohol: loud\n', 'draft.md': '# Draft\n' });
      try {
        const plugin = await loadPlugin();
        const file = await remark().use(plugin).process(new VFile({ path: folder.path('draft.md'), value: '# Draft\n' }));
        assert.equal(file.messages.length, 1);
        assert.equal(file.messages[0].fatal, true);
        assert.match(file.messages[0].reason, /\.assessment-lint\.yaml:2/);
      } finally {
        folder.remove();
      }
    });
  });
});
