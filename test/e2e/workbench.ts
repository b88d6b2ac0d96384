import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../chromium.js';
import { waitFor } from './processes.js';

/** Longest wait for the first diagnostic after a page load (the extension host starts, then the language server). */
export const FIRST_DIAGNOSTIC_TIMEOUT_MS = 60_000;
/** Longest wait for any other UI reaction. */
const UI_TIMEOUT_MS = 15_000;
const MAX_LIST_STEPS = 20;

const SELECTORS = {
  workbench: '.monaco-workbench',
  quickInput: '.quick-input-widget input',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  activeEditor: '.editor-group-container.active .monaco-editor',
  squiggle: '.view-overlays [class*="squiggly-"]',
  problemsRow: '.markers-panel .monaco-list-row',
  hover: '.monaco-hover:visible',
  actionRow: '.action-widget .monaco-list-row.action',
  focusedActionRow: '.action-widget .monaco-list-row.action.focused',
  restrictedBanner: '.monaco-workbench .part.banner',
  lightBulb: '.lightBulbWidget:visible, [class*="gutter-lightbulb"]:visible',
};

/** One row of the Problems panel. */
export interface ProblemRow {
  /** The file name (as the panel shows it). */
  file: string;
  severity: 'Error' | 'Warning' | 'Info' | 'Hint';
  /** The diagnostic's code: the rule id. */
  code: string;
  message: string;
  line: number;
  column: number;
}

/** What a hover shows: its text and its links. */
export interface HoverContent {
  text: string;
  links: Array<{ text: string; href: string }>;
}

/** One row of a tree view: its label and description. */
export interface TreeRow {
  label: string;
  description: string;
}

const ATTRIBUTE_SPECIAL = /["\\]/g;
const REGEXP_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const SQUIGGLE_SEVERITY = /squiggly-(\w+)/;
const PROBLEM_SEVERITY = /^(Error|Warning|Info|Hint):/;
const PROBLEM_POSITION = /Ln (\d+), Col (\d+)/;
const NO_BREAK_SPACES = /\u00a0/g;

function escapeAttribute(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, '\\$&');
}

function escapeRegExp(value: string): string {
  return value.replace(REGEXP_SPECIAL, '\\$&');
}

/** A VS Code workbench served by code-server, driven in headless Chromium through playwright-core. */
export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /** Starts Chromium with a throwaway profile under `profile` (its XDG folders too, so nothing lands in the home folder). */
  static async launch(profile: string): Promise<Workbench> {
    for (const folder of ['chromium', 'xdg-config', 'xdg-cache']) mkdirSync(path.join(profile, folder), { recursive: true });
    const context = await chromium.launchPersistentContext(path.join(profile, 'chromium'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1400, height: 900 },
      env: { ...process.env, XDG_CONFIG_HOME: path.join(profile, 'xdg-config'), XDG_CACHE_HOME: path.join(profile, 'xdg-cache') },
    });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = context.pages()[0] ?? (await context.newPage());
    return new Workbench(context, page);
  }

  /** Loads the workbench at `url` and waits for the Explorer to list `firstFile`. */
  async open(url: string, firstFile: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForSelector(SELECTORS.workbench, { timeout: FIRST_DIAGNOSTIC_TIMEOUT_MS });
    await this.page.waitForSelector(`.explorer-folders-view .monaco-list-row[aria-label^="${escapeAttribute(firstFile)}"]`, { timeout: FIRST_DIAGNOSTIC_TIMEOUT_MS });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its tab to be active. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    await this.page.keyboard.press('Control+P');
    await this.page.fill(SELECTORS.quickInput, relativePath);
    // The first row right after Ctrl+P can be a recently opened entry: wait for the row of this file.
    const row = this.page.locator(`${SELECTORS.quickInputRow}[aria-label*="${escapeAttribute(name)}"]`).filter({ hasText: path.dirname(relativePath) === '.' ? name : path.dirname(relativePath) });
    await row.first().click();
    await this.page.waitForSelector(`.tabs-container .tab.active[aria-label^="${escapeAttribute(name)}"]`);
    // Keys typed before the editor has focus go elsewhere.
    await this.page.waitForSelector(`${SELECTORS.activeEditor}.focused`);
  }

  /** Closes every editor (View: Close All Editors); the language server then clears their diagnostics. */
  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
    await this.page.waitForSelector('.tabs-container .tab', { state: 'detached' });
  }

  /** The active editor. */
  get editor(): Locator {
    return this.page.locator(SELECTORS.activeEditor).first();
  }

  /** The severities of the squiggles drawn in the active editor (`warning`, `info`, …), in document order of their overlay. */
  async squiggles(): Promise<string[]> {
    const classes = await this.editor.locator(SELECTORS.squiggle).evaluateAll((elements) => elements.map((element) => element.className));
    return classes.map((name) => SQUIGGLE_SEVERITY.exec(name)?.[1] ?? name);
  }

  /** Waits until the active editor shows `text` (as rendered: only the visible lines). */
  async waitForText(text: string): Promise<void> {
    const lines = this.editor.locator('.view-lines');
    await waitFor(`the editor to show "${text}"`, UI_TIMEOUT_MS, async () => ((await lines.textContent()) ?? '').replace(NO_BREAK_SPACES, ' ').includes(text));
  }

  /** Waits until some text is selected in the active editor (a snippet placeholder, for instance). */
  async waitForSelection(): Promise<void> {
    await this.editor.locator('.selected-text').first().waitFor();
  }

  /** Moves the cursor of the active editor to a 1-based line and column with Go to Line (Ctrl+G). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    await this.page.waitForSelector(SELECTORS.quickInput);
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  }

  /** Saves the active editor (Ctrl+S) and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.page.keyboard.press('Control+S');
    await this.page.waitForSelector('.tabs-container .tab.active:not(.dirty)');
  }

  /** Runs a command from the Command Palette by its full title. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.page.fill(SELECTORS.quickInput, `>${title}`);
    const label = this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
    await this.page.locator(SELECTORS.quickInputRow).filter({ has: label }).first().click();
    await this.page.waitForSelector('.quick-input-widget', { state: 'hidden' });
  }

  /** Opens the Problems panel (Ctrl+Shift+M) unless it is already showing. */
  async showProblems(): Promise<void> {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.waitForSelector('.markers-panel', { state: 'visible' });
  }

  /** The rows of the Problems panel, each with the file it belongs to. */
  async problems(): Promise<ProblemRow[]> {
    const rows = await this.page.locator(SELECTORS.problemsRow).evaluateAll((elements) =>
      elements.map((element) => ({
        aria: element.getAttribute('aria-label') ?? '',
        resource: element.querySelector('.resource-label-container .label-name')?.textContent ?? null,
        message: element.querySelector('.marker-message')?.textContent ?? '',
        code: element.querySelector('.marker-code')?.textContent ?? '',
        position: element.querySelector('.marker-line')?.textContent ?? '',
      })),
    );
    const problems: ProblemRow[] = [];
    let file = '';
    for (const row of rows) {
      if (row.resource !== null) {
        file = row.resource;
        continue;
      }
      const severity = PROBLEM_SEVERITY.exec(row.aria)?.[1] as ProblemRow['severity'] | undefined;
      const position = PROBLEM_POSITION.exec(row.position);
      if (!severity || !position) continue;
      problems.push({ file, severity, code: row.code, message: row.message, line: Number(position[1]), column: Number(position[2]) });
    }
    return problems;
  }

  /** The status bar's problem counts, as its accessible label says them (for example `Warnings: 1, Infos: 1`). */
  async statusProblems(): Promise<string> {
    return (await this.page.locator('[id="status.problems"]').getAttribute('aria-label')) ?? '';
  }

  /** Hovers the centre of the first squiggle of a severity in the active editor and returns what the hover shows. */
  async hoverSquiggle(severity: string): Promise<HoverContent> {
    const squiggle = this.editor.locator(`.view-overlays .squiggly-${severity}`).first();
    const box = await squiggle.boundingBox();
    if (!box) throw new Error(`no ${severity} squiggle is visible`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = this.page.locator(SELECTORS.hover).filter({ hasText: 'Assessment Lint' }).first();
    await hover.waitFor();
    const text = await hover.innerText();
    const links = await hover.locator('a').evaluateAll((anchors) => anchors.map((anchor) => ({ text: anchor.textContent ?? '', href: anchor.getAttribute('data-href') || anchor.getAttribute('href') || '' })));
    await this.page.mouse.move(0, 0);
    return { text, links };
  }

  /** Opens Quick Fix (Ctrl+.) at the cursor, selects the action whose title starts with `title` with the keyboard and applies it. */
  async applyQuickFix(title: string): Promise<void> {
    // Ctrl+. pressed while the editor is still settling after a cursor move can be cancelled ("No code actions
    // available"); as a writer would, wait for the light bulb that says fixes are there.
    await this.page.waitForSelector(`${SELECTORS.activeEditor}.focused`);
    await this.editor.locator(SELECTORS.lightBulb).first().waitFor();
    await this.page.keyboard.press('Control+.');
    await this.page.locator(SELECTORS.actionRow).first().waitFor();
    const titles = await this.page.locator(SELECTORS.actionRow).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
    if (!titles.some((candidate) => candidate.startsWith(title))) throw new Error(`no quick fix "${title}…"; offered: ${titles.join(' | ')}`);
    // The action list sits under a pointer block, so it is driven with the keyboard.
    for (let step = 0; step < MAX_LIST_STEPS; step++) {
      const focused = await this.page.locator(SELECTORS.focusedActionRow).getAttribute('aria-label');
      if (focused?.startsWith(title)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
    await this.page.waitForSelector('.action-widget', { state: 'hidden' });
  }

  /** The rows of a view in the side bar, found by its title, once at least `minimum` are shown. */
  async viewRows(title: string, minimum: number): Promise<TreeRow[]> {
    const pane = this.page.locator('.pane').filter({ has: this.page.locator(`.pane-header[aria-label^="${escapeAttribute(title)}"]`) });
    const rows = pane.locator('.monaco-list-row');
    await rows.nth(Math.max(0, minimum - 1)).waitFor();
    return rows.evaluateAll((elements) =>
      elements.map((element) => ({
        label: element.querySelector('.label-name')?.textContent ?? '',
        description: element.querySelector('.label-description')?.textContent ?? '',
      })),
    );
  }

  /** The header of a view in the side bar (its title and description, as its accessible label says them). */
  async viewHeader(title: string): Promise<string> {
    return (await this.page.locator(`.pane-header[aria-label^="${escapeAttribute(title)}"]`).getAttribute('aria-label')) ?? '';
  }

  /** The text of the whole status bar. */
  async statusBarText(): Promise<string> {
    return this.page.locator('.part.statusbar').innerText();
  }

  /** The Restricted Mode banner's text, or '' when none is shown. */
  async restrictedModeBanner(): Promise<string> {
    const banner = this.page.locator(SELECTORS.restrictedBanner);
    return (await banner.isVisible()) ? await banner.innerText() : '';
  }

  /** Saves a screenshot of the whole window. */
  async screenshot(file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, timeout: UI_TIMEOUT_MS });
  }

  /** Closes the browser (and its process group). */
  async close(): Promise<void> {
    await this.context.close();
  }
}
