import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { caseload } from './audit-fixtures.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import { REPO_ROOT, runCli, TempFolder } from './helpers.js';

/** Screenshots are kept here for a person to look at (ignored by git). */
const OUTPUT = path.join(REPO_ROOT, 'test', 'output');

describe('audit HTML report in headless Chromium', function () {
  this.timeout(120_000);
  let folder: TempFolder;
  let profile: string;
  let context: BrowserContext;
  let page: Page;
  let html: string;
  const problems: string[] = [];
  const requests: string[] = [];

  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing; run 'node scripts/ensure-debian-packages.mjs chromium' as root`);
    folder = await caseload();
    folder.write({ 'caseload/odd names/a&b <draft> "1".md': '# Report\n\n## Offence analysis\n\nHe said it was out of character.\n' });
    const run = await runCli(['audit', 'caseload', '--out', 'report.html'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    html = readFileSync(folder.path('report.html'), 'utf8');
    profile = mkdtempSync(path.join(tmpdir(), 'assessment-lint-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(folder.path('report.html')).href, { waitUntil: 'load' });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    folder?.remove();
  });

  it('opens with no console errors and makes no request but for the file itself', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [pathToFileURL(folder.path('report.html')).href]);
    assert.ok(!/<script|<link|@import|url\(/i.test(html), 'nothing loads from elsewhere');
  });

  it('draws both charts as images with a name and a text alternative', async () => {
    for (const id of ['chart-pass-rate', 'chart-gaps']) {
      const chart = page.locator(`svg#${id}`);
      assert.equal(await chart.getAttribute('role'), 'img');
      const box = await chart.boundingBox();
      assert.ok(box && box.width > 300 && box.height > 100, `${id} is drawn (${JSON.stringify(box)})`);
      const description = await page.locator(`#${id}-desc`).textContent();
      assert.ok(description && description.length > 20, `${id} has a text alternative`);
    }
    const rules = await page.locator('#rules-table tbody tr').count();
    assert.equal(await page.locator('svg#chart-pass-rate .rule-bar').count(), rules, 'one bar per rule');
    assert.equal(await page.locator('svg#chart-pass-rate .published-mark').count(), 2, 'the two published figures are marked');
    assert.match((await page.locator('#chart-pass-rate-desc').textContent()) ?? '', /domestic-abuse-enquiry: .*inspectorate figure 51%/);
    assert.ok((await page.locator('svg#chart-gaps .gap-bar').count()) >= 2);
  });

  it('uses headings and table markup a screen reader can navigate', async () => {
    assert.equal(await page.locator('h1').count(), 1);
    assert.deepEqual(await page.locator('h2').allTextContents(), ['Summary', 'Pass rate per rule', 'Suppressions', 'Gaps per draft', 'Drafts', 'Files skipped', 'Inspectorate figures', 'How to read these figures']);
    for (const table of await page.locator('table').all()) {
      assert.equal(await table.locator('caption').count(), 1, 'every table has a caption');
      assert.ok((await table.locator('thead th[scope="col"]').count()) >= 2, 'column headers have scope');
      assert.equal(await table.locator('tbody th[scope="row"]').count(), await table.locator('tbody tr').count(), 'every row has a row header');
    }
  });

  it('shows file names as text, lists skipped files, links published figures to their sources', async () => {
    assert.equal(await page.locator('#documents-table th', { hasText: 'a&b <draft> "1".md' }).count(), 1);
    assert.equal(await page.locator('#skipped-table tbody tr').count(), 2);
    assert.ok((await page.locator('section[aria-labelledby="figures"] a[href^="https://www.communitycare.co.uk/"]').count()) >= 1);
    assert.ok(!html.includes('out of character'), 'no draft text without --snippets');
  });

  it('lays out for print and keeps screenshots for review', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'audit-report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const fontSize = await page.evaluate<string>('getComputedStyle(document.body).fontSize');
    assert.equal(fontSize, '13.3333px', 'print styles apply (10pt body text)');
    await page.screenshot({ path: path.join(OUTPUT, 'audit-report-print.png'), fullPage: true });
    assert.ok(existsSync(path.join(OUTPUT, 'audit-report.png')));
  });
});
