import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { corePack } from '../helpers.js';
import { CodeServer, installExtension } from './code-server.js';
import { ALCOHOL_AT, cliFindings, DRAFT_MD, GAPS_MD, GAPS_MISSING, tempWorkspace, UNCRITICAL_AT, type CliFinding } from './drafts.js';
import { OUTPUT, REPO_ROOT } from './paths.js';
import { ensureDebianPackages, prepareCodeServer, PREPARE_TIMEOUT_MS } from './prepare.js';
import { removeOnExit, run, waitFor } from './processes.js';
import { FIRST_DIAGNOSTIC_TIMEOUT_MS, Workbench, type ProblemRow } from './workbench.js';

const STEP_TIMEOUT_MS = 90_000;
const CHANGE_TIMEOUT_MS = 15_000;
const SUPPRESSION_REASON = 'quoting his own words to the court';
const TEAM_CONFIG = 'packs: [core]\n';
const CONFIG_EDIT = 'rules: {alcohol: off}';
const PROBLEMS_SEVERITY: Record<string, ProblemRow['severity']> = { error: 'Error', warning: 'Warning', info: 'Info' };
const NOT_FILE_NAME = /[^a-z0-9]+/gi;
const EDGE_HYPHENS = /^-|-$/g;
const MARKDOWN_EMPHASIS = /[*_`]/g;
const RESTRICTED_MODE = /Restricted Mode/;
const NO_GAPS = /\b0 of \d+ missing/;

/** The drafts of the trusted workspace: one per step, so that one step's edits never change another's expectations. */
const TRUSTED_FILES = {
  'draft.md': DRAFT_MD,
  'fix.md': DRAFT_MD,
  'suppress.md': DRAFT_MD,
  'gaps.md': GAPS_MD,
  'team/.assessment-lint.yaml': TEAM_CONFIG,
  'team/team-draft.md': DRAFT_MD,
};

/** The Problems panel rows the command line's findings in a workspace file should produce (hints are not listed there). */
function expectedRows(workspace: string, file: string): ProblemRow[] {
  return cliFindings(path.join(workspace, file))
    .filter((finding) => finding.severity !== 'hint')
    .map((finding: CliFinding) => ({ file: path.basename(file), severity: PROBLEMS_SEVERITY[finding.severity], code: finding.ruleId, message: '', line: finding.line, column: finding.column }));
}

function summary(rows: ProblemRow[]): string[] {
  return rows.map((row) => `${row.file}:${row.line}:${row.column} ${row.severity} ${row.code}`).sort();
}

function rulesOf(rows: ProblemRow[], file: string): string[] {
  return rows.filter((row) => row.file === file).map((row) => row.code).sort();
}

/** Waits until the Problems panel lists exactly the rule ids `codes` for `file`. */
async function waitForRules(workbench: Workbench, file: string, codes: string[], timeoutMs = CHANGE_TIMEOUT_MS): Promise<ProblemRow[]> {
  const expected = [...codes].sort();
  let last: string[] = [];
  await workbench.showProblems();
  try {
    return await waitFor(`Problems panel to list ${expected.join(', ')} for ${file}`, timeoutMs, async () => {
      const rows = await workbench.problems();
      last = rulesOf(rows, file);
      return JSON.stringify(last) === JSON.stringify(expected) && rows;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}; it listed: ${last.join(', ') || 'nothing'}`);
  }
}

function screenshotName(index: number, title: string, state: string | undefined): string {
  const slug = title.replace(NOT_FILE_NAME, '-').replace(EDGE_HYPHENS, '').toLowerCase().slice(0, 60);
  return path.join(OUTPUT, `${String(index).padStart(2, '0')}-${slug}-${state === 'passed' ? 'passed' : 'failed'}.png`);
}

describe('VS Code 1.100 (code-server) in headless Chromium', function () {
  this.timeout(STEP_TIMEOUT_MS);
  let profile: string;
  let extensions: string;
  let screenshots = 0;

  before(async function () {
    this.timeout(PREPARE_TIMEOUT_MS);
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    await ensureDebianPackages();
    await prepareCodeServer();
    profile = removeOnExit(mkdtempSync(path.join(tmpdir(), 'assessment-lint-e2e-profile-')));
    const vsix = path.join(profile, 'assessment-lint.vsix');
    await run('npm', ['run', 'package', '--', '--out', vsix], { cwd: REPO_ROOT });
    extensions = await installExtension(vsix, profile);
  });

  after(() => {
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Starts code-server on a workspace and opens it in the browser, stopping everything after the suite whatever happened. */
  function useWorkbench(name: string, files: Record<string, string>, trust: boolean): { workspace: () => string; workbench: () => Workbench } {
    let workspace = '';
    let server: CodeServer | undefined;
    let workbench: Workbench | undefined;
    before(async function () {
      this.timeout(FIRST_DIAGNOSTIC_TIMEOUT_MS * 2);
      workspace = tempWorkspace(name, files);
      server = await CodeServer.start({ profile: mkdtempSync(path.join(profile, `${name}-`)), extensions, trust });
      workbench = await Workbench.launch(path.join(profile, `${name}-browser`));
      await workbench.open(server.urlFor(workspace), 'draft.md');
    });
    afterEach(async function () {
      const test = this.currentTest;
      if (workbench && test) await workbench.screenshot(screenshotName(++screenshots, test.title, test.state)).catch(() => undefined);
    });
    after(async () => {
      try {
        await workbench?.close();
      } finally {
        await server?.stop();
        if (server) copyFileSync(server.logFile, path.join(OUTPUT, `code-server-${name}.log`));
        if (workspace) rmSync(workspace, { recursive: true, force: true });
      }
    });
    return { workspace: () => workspace, workbench: () => workbench! };
  }

  describe('in a trusted workspace', () => {
    const { workspace, workbench } = useWorkbench('trusted', TRUSTED_FILES, false);

    it('1. shows diagnostics as squiggles and in the Problems panel with the expected rule ids and count', async () => {
      const expected = expectedRows(workspace(), 'draft.md');
      assert.deepEqual(expected.map((row) => row.code).sort(), ['alcohol', 'uncritical-language'], 'the draft should produce these findings on the command line');
      await workbench().openFile('draft.md');
      const rows = await waitForRules(workbench(), 'draft.md', expected.map((row) => row.code), FIRST_DIAGNOSTIC_TIMEOUT_MS);
      assert.deepEqual(summary(rows), summary(expected));
      assert.ok(rows.every((row) => row.message.length > 0));
      await waitFor('the status bar to count 1 warning and 1 info', CHANGE_TIMEOUT_MS, async () => (await workbench().statusProblems()) === 'Warnings: 1, Infos: 1');
      const squiggles = await waitFor('both squiggles', CHANGE_TIMEOUT_MS, async () => {
        const drawn = await workbench().squiggles();
        return drawn.length >= 2 && drawn;
      });
      assert.deepEqual([...new Set(squiggles)].sort(), ['info', 'warning']);
    });

    it('2. shows the rule explanation and the docs link on hover', async () => {
      await workbench().openFile('draft.md');
      await waitForRules(workbench(), 'draft.md', ['alcohol', 'uncritical-language']);
      const hover = await workbench().hoverSquiggle('warning');
      const rule = corePack().rules.find((candidate) => candidate.id === 'alcohol')!;
      const firstSentence = rule.explanation!.trim().split('. ')[0].replace(MARKDOWN_EMPHASIS, '');
      assert.match(hover.text, /Assessment Lint: alcohol/);
      assert.ok(hover.text.includes(firstSentence), `the hover should include "${firstSentence}"; it shows:\n${hover.text}`);
      const docs = hover.links.find((link) => link.text === 'Rule documentation');
      assert.ok(docs, `no "Rule documentation" link; links: ${JSON.stringify(hover.links)}`);
      assert.match(docs.href, /\/docs\/rules\/alcohol\.md$/);
    });

    it('3. inserts a missing-topic paragraph with a quick fix and the warning disappears', async () => {
      const rule = corePack().rules.find((candidate) => candidate.id === 'alcohol')!;
      const skeleton = String((rule.options as { skeleton?: string }).skeleton);
      await workbench().closeAllEditors();
      await workbench().openFile('fix.md');
      await waitForRules(workbench(), 'fix.md', ['alcohol', 'uncritical-language'], FIRST_DIAGNOSTIC_TIMEOUT_MS);
      await workbench().goTo(ALCOHOL_AT.line, ALCOHOL_AT.column);
      await workbench().applyQuickFix(`Insert '${skeleton.slice(0, 20)}`);
      await waitForRules(workbench(), 'fix.md', ['uncritical-language']);
      await workbench().save();
      const text = readFileSync(path.join(workspace(), 'fix.md'), 'utf8');
      const at = text.indexOf(skeleton);
      assert.ok(at > text.indexOf('## Offender assessment') && at < text.indexOf('## Sources of information'), `the skeleton should be in the assessment section:\n${text}`);
      assert.deepEqual(await workbench().squiggles(), ['info']);
    });

    it('4. inserts a suppression with a reason with a quick fix and the warning disappears', async () => {
      await workbench().closeAllEditors();
      await workbench().openFile('suppress.md');
      await waitForRules(workbench(), 'suppress.md', ['alcohol', 'uncritical-language'], FIRST_DIAGNOSTIC_TIMEOUT_MS);
      await workbench().goTo(UNCRITICAL_AT.line, UNCRITICAL_AT.column);
      await workbench().applyQuickFix('Suppress uncritical-language here with a reason');
      // The reason is a snippet placeholder, selected: typing replaces it.
      await workbench().waitForText('assessment-lint-disable-next-line uncritical-language -- reason');
      await workbench().waitForSelection();
      await workbench().page.keyboard.type(SUPPRESSION_REASON);
      await workbench().page.keyboard.press('Escape');
      await workbench().save();
      await waitForRules(workbench(), 'suppress.md', ['alcohol']);
      const lines = readFileSync(path.join(workspace(), 'suppress.md'), 'utf8').split('\n');
      assert.equal(lines[UNCRITICAL_AT.line - 1], `<!-- assessment-lint-disable-next-line uncritical-language -- ${SUPPRESSION_REASON} -->`);
      assert.match(lines[UNCRITICAL_AT.line], /out of character/);
      assert.deepEqual(await workbench().squiggles(), ['warning']);
    });

    it('5. lists the gaps of the active draft in the Assessment Checklist view', async () => {
      const expected = cliFindings(path.join(workspace(), 'gaps.md')).map((finding) => finding.ruleId).sort();
      assert.deepEqual(expected, ['alcohol', 'drugs', 'mental-health'], 'the draft should leave these gaps on the command line');
      await workbench().closeAllEditors();
      await workbench().openFile('gaps.md');
      await waitForRules(workbench(), 'gaps.md', expected, FIRST_DIAGNOSTIC_TIMEOUT_MS);
      await waitFor('the status bar to count 3 warnings', CHANGE_TIMEOUT_MS, async () => (await workbench().statusProblems()) === 'Warnings: 3');
      await workbench().runCommand('Assessment Lint: Show Assessment Checklist');
      const rows = await waitFor('the checklist of gaps.md', CHANGE_TIMEOUT_MS, async () => {
        const shown = await workbench().viewRows('Assessment Checklist', GAPS_MISSING.length);
        return shown.filter((row) => row.description === 'missing').length === GAPS_MISSING.length && shown;
      });
      assert.deepEqual(rows.filter((row) => row.description === 'missing').map((row) => row.label), GAPS_MISSING);
      assert.ok(rows.some((row) => row.description === 'addressed'), 'addressed topics are listed too');
      assert.match(await workbench().viewHeader('Assessment Checklist'), new RegExp(`${GAPS_MISSING.length} of \\d+ missing`));
    });

    it('6. removes a rule\'s diagnostics without a reload when .assessment-lint.yaml turns it off', async () => {
      await workbench().closeAllEditors();
      await workbench().openFile('team/team-draft.md');
      await waitForRules(workbench(), 'team-draft.md', ['alcohol', 'uncritical-language'], FIRST_DIAGNOSTIC_TIMEOUT_MS);
      await workbench().openFile('team/.assessment-lint.yaml');
      await workbench().page.keyboard.press('Control+End');
      await workbench().page.keyboard.type(CONFIG_EDIT);
      await workbench().save();
      assert.equal(readFileSync(path.join(workspace(), 'team', '.assessment-lint.yaml'), 'utf8'), `${TEAM_CONFIG}${CONFIG_EDIT}`);
      await waitForRules(workbench(), 'team-draft.md', ['uncritical-language']);
      await workbench().openFile('team/team-draft.md');
      await waitFor('the alcohol squiggle to go', CHANGE_TIMEOUT_MS, async () => JSON.stringify(await workbench().squiggles()) === '["info"]');
      await waitFor('the checklist to count no gap', CHANGE_TIMEOUT_MS, async () => NO_GAPS.test(await workbench().viewHeader('Assessment Checklist')));
    });
  });

  describe('with Workspace Trust on and the folder untrusted (Restricted Mode)', () => {
    const { workspace, workbench } = useWorkbench('untrusted', { 'draft.md': DRAFT_MD }, true);

    it('7. still lints with the built-in pack', async () => {
      await waitFor('the Restricted Mode banner', CHANGE_TIMEOUT_MS, async () => RESTRICTED_MODE.test(await workbench().restrictedModeBanner()));
      const expected = expectedRows(workspace(), 'draft.md');
      await workbench().openFile('draft.md');
      const rows = await waitForRules(workbench(), 'draft.md', expected.map((row) => row.code), FIRST_DIAGNOSTIC_TIMEOUT_MS);
      assert.deepEqual(summary(rows), summary(expected));
      assert.match(await workbench().statusBarText(), /core/);
    });
  });
});
