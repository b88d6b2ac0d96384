import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ALCOHOL_SENTENCE, cliFindings, DRAFT_MD, DRAFT_TXT, tempWorkspace, type CliFinding } from './drafts.js';
import { OUTPUT, REPO_ROOT, SERVER } from './paths.js';
import { ensureDebianPackages, PREPARE_TIMEOUT_MS } from './prepare.js';
import { ProcessGroup } from './processes.js';

const LUA_SCRIPT = path.join(REPO_ROOT, 'test', 'e2e', 'neovim-check.lua');
const WAIT_MS = 15_000;
const NEOVIM_SEVERITIES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** A diagnostic as the Lua script reports it from `vim.diagnostic.get`. */
interface NeovimDiagnostic {
  code: string;
  source: string;
  severity: number;
  line: number;
  column: number;
}

/** What the Lua script writes: the diagnostics before and after its edit, and what went wrong. */
interface NeovimResult {
  before: NeovimDiagnostic[];
  after: NeovimDiagnostic[];
  errors: string[];
}

/** A draft, the filetype Neovim gives it, and the line after which the edit adds an alcohol sentence. */
interface NeovimCase {
  file: string;
  text: string;
  filetype: string;
  insertAfterLine: number;
}

const CASES: NeovimCase[] = [
  { file: 'draft.md', text: DRAFT_MD, filetype: 'markdown', insertAfterLine: 9 },
  { file: 'draft.txt', text: DRAFT_TXT, filetype: 'text', insertAfterLine: 7 },
];

function comparable(diagnostics: NeovimDiagnostic[]): CliFinding[] {
  return diagnostics.map(({ code, severity, line, column }) => ({ ruleId: code, severity: NEOVIM_SEVERITIES[severity], line, column }));
}

function sorted(findings: CliFinding[]): CliFinding[] {
  return [...findings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

/** Runs the Lua script in headless Neovim, in its own process group, and returns what it wrote. */
async function runNeovim(folder: string, draft: NeovimCase): Promise<NeovimResult> {
  const resultFile = path.join(folder, `${draft.file}.result.json`);
  const state = path.join(folder, 'nvim-state');
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(state, 'config'),
    XDG_CACHE_HOME: path.join(state, 'cache'),
    XDG_STATE_HOME: path.join(state, 'state'),
    XDG_DATA_HOME: path.join(state, 'data'),
    E2E_SERVER: SERVER,
    E2E_ROOT: folder,
    E2E_FILE: path.join(folder, draft.file),
    E2E_FILETYPE: draft.filetype,
    E2E_INSERT_AFTER_LINE: String(draft.insertAfterLine),
    E2E_INSERT_TEXT: ALCOHOL_SENTENCE,
    E2E_CLEARED_RULE: 'alcohol',
    E2E_KEPT_RULE: 'uncritical-language',
    E2E_RESULT: resultFile,
    E2E_TIMEOUT_MS: String(WAIT_MS),
    PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}`,
  };
  const logFile = path.join(folder, `${draft.file}.nvim.log`);
  const nvim = new ProcessGroup('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA_SCRIPT}`], { cwd: folder, env, logFile });
  try {
    const code = await nvim.wait(3 * WAIT_MS);
    if (!existsSync(resultFile)) assert.fail(`nvim exited with ${code} and wrote no result:\n${readFileSync(logFile, 'utf8')}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as NeovimResult;
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(path.join(OUTPUT, `neovim-${draft.file}.json`), JSON.stringify(result, null, 2));
    assert.deepEqual(result.errors, [], `Neovim: ${result.errors.join('; ')}`);
    assert.equal(code, 0, `nvim exited with ${code}:\n${readFileSync(logFile, 'utf8')}`);
    return result;
  } finally {
    await nvim.stop();
  }
}

describe('Neovim 0.7 with the language server over stdio', function () {
  this.timeout(4 * WAIT_MS);
  let folder: string;

  before(async function () {
    this.timeout(PREPARE_TIMEOUT_MS);
    await ensureDebianPackages();
    folder = tempWorkspace('neovim', Object.fromEntries(CASES.map((draft) => [draft.file, draft.text])));
  });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  for (const draft of CASES) {
    it(`reports diagnostics with rule ids for a ${draft.filetype} draft (${draft.file}) and updates them after an edit`, async () => {
      const result = await runNeovim(folder, draft);
      const expectedBefore = cliFindings(path.join(folder, draft.file));
      assert.ok(expectedBefore.some((finding) => finding.ruleId === 'alcohol'), 'the draft should leave alcohol unassessed');
      assert.deepEqual(sorted(comparable(result.before)), sorted(expectedBefore));
      assert.ok(result.before.every((diagnostic) => diagnostic.source === 'assessment-lint'));

      const lines = draft.text.split('\n');
      lines.splice(draft.insertAfterLine, 0, ALCOHOL_SENTENCE);
      const edited = path.join(folder, `edited-${draft.file}`);
      writeFileSync(edited, lines.join('\n'));
      const expectedAfter = cliFindings(edited);
      assert.ok(!expectedAfter.some((finding) => finding.ruleId === 'alcohol'));
      assert.deepEqual(sorted(comparable(result.after)), sorted(expectedAfter));
    });
  }
});
