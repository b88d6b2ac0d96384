import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { caseload } from './audit-fixtures.js';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.js';
import type { AuditReport } from '../cli/audit/audit-report.js';
import { REPO_ROOT, runCli, TempFolder, type CliRun } from './helpers.js';

function parsedAudit(run: CliRun): AuditReport {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as AuditReport;
}

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
    mkdirSync(folder.path('reports'));
    // A previous audit to compare with: the same caseload before the odd-names draft was added.
    assert.equal((await runCli(['audit', 'caseload', '--out', 'reports/previous.json'], folder.root)).code, 0);
    folder.write({ 'caseload/odd names/a&b <draft> "1".md': '# Report\n\n## Offence analysis\n\nHe said it was out of character.\n' });
    const run = await runCli(['audit', 'caseload', '--out', 'reports/report.html', '--docs-base-url', 'https://example.org/assessment-lint/docs/rules/', '--group-by', 'folder', '--compare', 'reports/previous.json'], folder.root);
    assert.equal(run.code, 0, run.stderr);
    html = readFileSync(folder.path('reports/report.html'), 'utf8');
    profile = mkdtempSync(path.join(tmpdir(), 'assessment-lint-chromium-'));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1100, height: 900 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(folder.path('reports/report.html')).href, { waitUntil: 'load' });
  });

  after(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    folder?.remove();
  });

  it('opens with no console errors and makes no request but for the file itself', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(requests, [pathToFileURL(folder.path('reports/report.html')).href]);
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
    assert.deepEqual(await page.locator('h2').allTextContents(), [
      'Summary',
      'Changes since ' + new Date().toISOString().slice(0, 10),
      'Pass rate per rule',
      'By folder',
      'Suppressions',
      'Gaps per draft',
      'Drafts',
      'Findings by draft',
      'Files skipped',
      'Inspectorate figures',
      'Packs used',
      'How to read these figures',
      'Appendix: the rules',
    ]);
    for (const table of await page.locator('table').all()) {
      assert.equal(await table.locator('caption').count(), 1, 'every table has a caption');
      assert.ok((await table.locator('thead th[scope="col"]').count()) >= 2, 'column headers have scope');
      assert.equal(await table.locator('tbody th[scope="row"]').count(), await table.locator('tbody tr').count(), 'every row has a row header');
    }
  });

  it('shows file names as text, lists skipped files, links published figures to their sources', async () => {
    assert.equal(await page.locator('#documents-table th', { hasText: 'a&b <draft> "1".md' }).count(), 1);
    assert.equal(await page.locator('#skipped-table tbody tr').count(), 2);
    const figureLinks = page.locator('section[aria-labelledby="figures"] a');
    assert.ok((await figureLinks.count()) >= 1);
    for (const href of await figureLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) assert.match(href ?? '', /^https:\/\/www\.justiceinspectorates\.gov\.uk\/hmiprobation\//, "figures cite the inspectorate's own publication");
    assert.match((await page.locator('section[aria-labelledby="figures"]').textContent()) ?? '', /HM Inspectorate of Probation, Annual report .*\(September 2023\)/);
    assert.equal(await page.locator('#findings q').count(), 0, 'no quoted draft text without --snippets');
  });

  it('lists each finding with its line and message under a link to the draft that works from where the report is saved', async () => {
    const headings = page.locator('section.drill-down h3 a');
    assert.ok((await headings.count()) >= 4);
    for (const link of await headings.all()) {
      const target = new URL((await link.getAttribute('href'))!, page.url());
      assert.equal(target.protocol, 'file:');
      assert.ok(existsSync(fileURLToPath(target)), `${target.href} is the draft`);
      assert.ok(fileURLToPath(target).startsWith(folder.path('caseload')), 'links lead from reports/ back to caseload/');
    }
    const weak = page.locator('section.drill-down h3', { hasText: 'caseload/examples/short-format-weak.md' });
    const rows = page.locator(`#findings-table-${(await weak.getAttribute('id'))!.slice('draft-'.length)} tbody tr`);
    const audit = parsedAudit(await runCli(['audit', 'caseload', '--format', 'json'], folder.root));
    const details = audit.documents.find((row) => row.file === 'caseload/examples/short-format-weak.md')!.details;
    assert.equal(await rows.count(), details.length);
    assert.deepEqual(await rows.first().locator('td').allTextContents(), [String(details[0].line), details[0].message]);
  });

  it('links every rule to its entry in the appendix, with the explanation bundled and the page under --docs-base-url', async () => {
    const anchors = await page.evaluate<string[]>(`[...document.querySelectorAll('a[href^="#"]')].map((link) => link.getAttribute('href').slice(1))`);
    assert.ok(anchors.length > 20);
    for (const id of new Set(anchors)) assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `#${id} has a target`);
    const entry = page.locator('#rule-domestic-abuse-enquiry');
    assert.match((await entry.textContent()) ?? '', /police/i);
    assert.equal(await entry.locator('a').getAttribute('href'), 'https://example.org/assessment-lint/docs/rules/domestic-abuse-enquiry.md');
    assert.ok(!html.includes('href="file:'), 'no link to a file on this computer but the drafts themselves');
  });

  it('shows the groups and the changes since the previous audit', async () => {
    assert.deepEqual(await page.locator('section.groups h3').evaluateAll((headings) => headings.map((heading) => heading.firstChild?.textContent?.trim())), ['caseload', 'caseload/examples', 'caseload/examples/team-pack/drafts', 'caseload/odd names']);
    assert.match((await page.locator('section[aria-labelledby="changes"]').textContent()) ?? '', /New in this audit: caseload\/odd names\/a&b <draft> "1"\.md\./);
    assert.equal(await page.locator('#changes-table tbody tr').count(), await page.locator('#rules-table tbody tr').count());
    assert.deepEqual(await page.locator('#groups-matrix thead th').allTextContents(), ['Rule', 'caseload', 'caseload/examples', 'caseload/examples/team-pack/drafts', 'caseload/odd names']);
    const first = await page.locator('#group-table-1 tbody tr').first().locator('td').last().textContent();
    assert.equal(await page.locator('#groups-matrix tbody tr').first().locator('td').first().textContent(), first, "the side-by-side table gives each group's own rates");
  });

  it('names the packs, versions and sources that produced it', async () => {
    const rows = await page.locator('#packs-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent)));
    assert.ok(rows.some((row) => row[0] === 'core' && row[2] === 'core'), JSON.stringify(rows));
    assert.ok(rows.some((row) => row[0] === '@kent-pdu/assessment-pack' && row[1] === '2.1.0' && row[2] === 'caseload/examples/team-pack/pack.yaml' && row[3] === 'caseload/examples/team-pack/.assessment-lint.yaml'), JSON.stringify(rows));
  });

  it('lays out for print and keeps screenshots for review', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'audit-report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const fontSize = await page.evaluate<string>('getComputedStyle(document.body).fontSize');
    assert.equal(fontSize, '13.3333px', 'print styles apply (10pt body text)');
    const styles = await page.evaluate<Record<string, string>>(`({
      thead: getComputedStyle(document.querySelector('thead')).display,
      row: getComputedStyle(document.querySelector('tbody tr')).breakInside,
      h2: getComputedStyle(document.querySelector('h2')).breakAfter,
      h3: getComputedStyle(document.querySelector('h3')).breakAfter,
      caption: getComputedStyle(document.querySelector('caption')).breakAfter,
    })`);
    assert.deepEqual(styles, { thead: 'table-header-group', row: 'avoid', h2: 'avoid', h3: 'avoid', caption: 'avoid' }, 'headers repeat on each page; headings and rows are not split from what follows');
    await page.screenshot({ path: path.join(OUTPUT, 'audit-report-print.png'), fullPage: true });
    assert.ok(existsSync(path.join(OUTPUT, 'audit-report.png')));
  });

  it('prints on A4 pages', async () => {
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((match) => [Math.round(Number(match[1])), Math.round(Number(match[2]))]);
    assert.ok(boxes.length >= 2, `the report runs to several pages (${boxes.length})`);
    assert.ok(boxes.every(([width, height]) => width === 595 && height === 842), `every page is A4 (595 × 842 pt): ${JSON.stringify(boxes)}`);
  });
});
