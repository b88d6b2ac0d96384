import path from 'node:path';
import type { AuditDocument, AuditReport, AuditRule } from './audit-report.js';
import { escapeHtml as e } from './escape.js';
import { explanationHtml } from './explanation-html.js';
import type { GroupBy } from './groups.js';

/** Where the HTML report is written and how it links out: file links are relative to its folder. */
export interface HtmlLinks {
  /** The folder the report is written to (absolute). */
  reportFolder: string;
  /** The working folder the drafts' paths are relative to (absolute). */
  cwd: string;
  /** --docs-base-url: rule pages are linked under it. */
  docsBaseUrl?: string;
}

const WEB_ADDRESS = /^https?:\/\//i;
const ID_PLACEHOLDER = /\{id\}/g;
const TRAILING_SLASHES = /\/+$/;

/** The in-page anchor of a rule's entry in the report's appendix. */
export function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

/**
 * A rule's page outside the report, or undefined: with --docs-base-url, that
 * address with `{id}` replaced by the rule id (or `/<id>.md` added when it has
 * no `{id}`); without it, the rule's own link when it is a web address (a link
 * to a file on this computer would not work once the report is shared).
 */
export function ruleDocsHref(rule: Pick<AuditRule, 'id' | 'docsUrl'>, docsBaseUrl: string | undefined): string | undefined {
  if (docsBaseUrl) return docsBaseUrl.includes('{id}') ? docsBaseUrl.replace(ID_PLACEHOLDER, encodeURIComponent(rule.id)) : `${docsBaseUrl.replace(TRAILING_SLASHES, '')}/${encodeURIComponent(rule.id)}.md`;
  return rule.docsUrl && WEB_ADDRESS.test(rule.docsUrl) ? rule.docsUrl : undefined;
}

/** A link to a draft relative to the report's folder, each path segment percent-encoded. */
export function draftHref(file: string, links: HtmlLinks): string {
  const relative = path.relative(links.reportFolder, path.resolve(links.cwd, file));
  return relative.split(path.sep).map(encodeURIComponent).join('/');
}

/** A rule id linked to its entry in the appendix. */
export function ruleLink(id: string): string {
  return `<a href="#${e(ruleAnchor(id))}"><code>${e(id)}</code></a>`;
}

function rate(value: number | null): string {
  return value === null ? '<span class="none">n/a</span>' : `${value}%`;
}

function signed(value: number | null): string {
  if (value === null) return '<span class="none">n/a</span>';
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
}

function table(id: string, caption: string, head: string[], rows: string[], numeric: boolean[] = []): string {
  const headCells = head.map((label, index) => `<th scope="col"${numeric[index] ? ' class="num"' : ''}>${e(label)}</th>`).join('');
  return `<div class="table-wrap"><table id="${e(id)}"><caption>${e(caption)}</caption><thead><tr>${headCells}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** The packs that produced the report: name, version, where each came from, the configuration and the lock hash. */
export function packsSection(report: AuditReport): string {
  if (report.packs.length === 0) return '';
  const rows = report.packs.map(
    (pack) =>
      `<tr><th scope="row"><code>${e(pack.name)}</code></th><td>${e(pack.version)}</td><td><code>${e(pack.source)}</code></td><td>${pack.config ? `<code>${e(pack.config)}</code>` : '<span class="none">none (built-in pack only)</span>'}</td>` +
      `<td>${pack.lockSha256 ? `<code class="hash">${e(pack.lockSha256)}</code>` : '<span class="none">not locked</span>'}</td></tr>`,
  );
  return (
    '<section aria-labelledby="packs"><h2 id="packs">Packs used</h2><p>The rule packs this audit ran, as found for the drafts checked. A lock hash is the sha256 of the <code>.assessment-lint.lock</code> beside the configuration.</p>' +
    table('packs-table', 'Rule packs, versions and sources', ['Pack', 'Version', 'Source', 'Configuration', 'Lock hash (sha256)'], rows) +
    '</section>'
  );
}

const GROUP_TITLES: Record<GroupBy, string> = { author: 'author', team: 'team', folder: 'folder' };

/** Up to this many groups are also shown side by side, one column each (more would not fit a printed page). */
export const MATRIX_GROUPS = 6;

/** Every group's pass rate per rule side by side, when there are few enough groups to fit. */
function groupMatrix(report: AuditReport): string {
  const grouping = report.grouping!;
  if (grouping.groups.length < 2 || grouping.groups.length > MATRIX_GROUPS) return '';
  const rows = report.rules.map((rule, index) => `<tr><th scope="row">${ruleLink(rule.id)}</th>${grouping.groups.map((group) => `<td class="num">${rate(group.rules[index]?.passRate ?? null)}</td>`).join('')}</tr>`);
  const head = ['Rule', ...grouping.groups.map((group) => group.name)];
  return table('groups-matrix', `Pass rate per rule for each ${GROUP_TITLES[grouping.by]}`, head, rows, head.map((_, index) => index > 0));
}

/** Per-group pass rates (--group-by): side by side when few, and one table per author, team or folder. */
export function groupsSection(report: AuditReport): string {
  const grouping = report.grouping;
  if (!grouping) return '';
  const title = GROUP_TITLES[grouping.by];
  const parts = grouping.groups.map((group, index) => {
    const rows = group.rules.map((rule) => `<tr><th scope="row">${ruleLink(rule.id)}</th><td class="num">${rule.applicable}</td><td class="num">${rule.passing}</td><td class="num">${rule.failing}</td><td class="num">${rate(rule.passRate)}</td></tr>`);
    const heading = `<h3 id="group-${index + 1}">${e(group.name)} <span class="muted">(${group.drafts} draft${group.drafts === 1 ? '' : 's'}, ${group.withGaps} with gaps)</span></h3>`;
    return heading + table(`group-table-${index + 1}`, `Pass rate per rule for ${title} ${group.name}`, ['Rule', 'Drafts where it applies', 'Pass', 'Fail', 'Pass rate'], rows, [false, true, true, true, true]);
  });
  return `<section aria-labelledby="groups" class="groups"><h2 id="groups">By ${e(title)}</h2><p>Drafts grouped by the ${e(title)} ${grouping.by === 'folder' ? 'they are in' : 'their header names'}; drafts that name none are counted together as <q>(not stated)</q>.</p>${groupMatrix(report)}${parts.join('')}</section>`;
}

/** Pass rates then and now and the drafts that gained or lost gaps (--compare). */
export function comparisonSection(report: AuditReport): string {
  const comparison = report.comparison;
  if (!comparison) return '';
  const ruleRows = comparison.rules.map((rule) => `<tr><th scope="row">${ruleLink(rule.id)}</th><td class="num">${rate(rule.before)}</td><td class="num">${rate(rule.after)}</td><td class="num">${signed(rule.change)}</td></tr>`);
  const list = (ids: string[]) => (ids.length === 0 ? '<span class="none">none</span>' : ids.map(ruleLink).join(', '));
  const draftRows = comparison.drafts.map((draft) => `<tr><th scope="row">${e(draft.file)}</th><td>${list(draft.gained)}</td><td>${list(draft.lost)}</td></tr>`);
  const drafts = draftRows.length === 0 ? '<p class="none">No draft in both audits gained or lost a gap.</p>' : table('changed-drafts-table', 'Drafts in both audits whose gaps changed', ['Draft', 'Gaps gained (worse)', 'Gaps lost (better)'], draftRows);
  const names = (files: string[]) => files.map((file) => `<code>${e(file)}</code>`).join(', ');
  const moved = [
    comparison.added.length > 0 ? `<p>New in this audit: ${names(comparison.added)}.</p>` : '',
    comparison.removed.length > 0 ? `<p>In the previous audit only: ${names(comparison.removed)}.</p>` : '',
  ].join('');
  return (
    `<section aria-labelledby="changes"><h2 id="changes">Changes since ${e(comparison.previous.date)}</h2><p>Compared with the audit of ${e(comparison.previous.date)} (<code>${e(comparison.previous.file)}</code>, ${comparison.previous.linted} drafts, ${e(comparison.previous.tool.name)} ${e(comparison.previous.tool.version)}). Change is in percentage points.</p>` +
    table('changes-table', 'Pass rate per rule then and now', ['Rule', 'Then', 'Now', 'Change'], ruleRows, [false, true, true, true]) +
    drafts +
    moved +
    '</section>'
  );
}

function detailRows(row: AuditDocument, snippets: boolean): string[] {
  return row.details.map(
    (detail) =>
      `<tr><th scope="row">${ruleLink(detail.ruleId)}</th><td class="num">${detail.line}</td><td>${e(detail.message)}</td>${snippets ? `<td>${detail.quote ? `<q>${e(detail.quote)}</q>` : '<span class="none">none</span>'}</td>` : ''}</tr>`,
  );
}

/** Every finding of every draft with gaps: rule, line, message, the quoted words with --snippets, and a link to the draft. */
export function drillDownSection(report: AuditReport, links: HtmlLinks, snippets: boolean): string {
  const withGaps = report.documents.filter((row) => !row.skipped && row.details.length > 0);
  if (withGaps.length === 0) return '<section aria-labelledby="findings"><h2 id="findings">Findings by draft</h2><p class="none">No draft has a gap.</p></section>';
  const head = ['Rule', 'Line', 'Finding', ...(snippets ? ['Quoted words'] : [])];
  const parts = withGaps.map((row) => {
    const index = report.documents.indexOf(row) + 1;
    return (
      `<h3 id="draft-${index}"><a href="${e(draftHref(row.file, links))}">${e(row.file)}</a></h3>` +
      table(`findings-table-${index}`, `Findings in ${row.file}`, head, detailRows(row, snippets), [false, true, false, false])
    );
  });
  return `<section aria-labelledby="findings" class="drill-down"><h2 id="findings">Findings by draft</h2><p>Each finding as <code>check</code> reports it, with its line (for a Word draft, the paragraph number). Draft names link to the files, relative to where this report is saved.</p>${parts.join('')}</section>`;
}

/** The appendix: each rule's message and explanation from its pack, with an anchor the tables link to, so the report explains itself when shared. */
export function rulesAppendix(report: AuditReport, links: HtmlLinks): string {
  const entries = report.rules.map((rule) => {
    const href = ruleDocsHref(rule, links.docsBaseUrl);
    return (
      `<div class="rule-entry" id="${e(ruleAnchor(rule.id))}"><dt><code>${e(rule.id)}</code></dt><dd><p><strong>${e(rule.message)}</strong></p>` +
      `${rule.explanation ? explanationHtml(rule.explanation) : ''}${href ? `<p>Full rule page: <a href="${e(href)}">${e(href)}</a></p>` : ''}</dd></div>`
    );
  });
  return `<section aria-labelledby="appendix" class="appendix"><h2 id="appendix">Appendix: the rules</h2><p>What each rule asks for, as its pack explains it.</p><dl class="rules">${entries.join('')}</dl></section>`;
}
