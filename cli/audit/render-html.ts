import { gapChart, passRateChart } from './charts.js';
import { escapeHtml as e } from './escape.js';
import { AUDIT_CSS } from './html-style.js';
import type { AuditDocument, AuditReport, AuditRule } from './audit-report.js';
import { comparisonSection, draftHref, drillDownSection, groupsSection, packsSection, ruleLink, rulesAppendix, type HtmlLinks } from './html-sections.js';
import { describeSuppression } from './summarise.js';

/** Allows inline styles only: the report loads nothing, runs no script and makes no network request. */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function totals(summary: AuditReport): string {
  const items: Array<[string, number]> = [
    ['Drafts checked', summary.totals.linted],
    ['Drafts with gaps', summary.totals.withGaps],
    ['Findings', summary.totals.findings],
    ['Suppressed findings', summary.totals.suppressed],
    ['Suppressions without a reason', summary.totals.unreasoned],
    ['Files skipped', summary.totals.skipped],
  ];
  return `<dl class="totals">${items.map(([term, value]) => `<div><dt>${e(term)}</dt><dd>${value}</dd></div>`).join('')}</dl>`;
}

function publishedCell(row: AuditRule): string {
  if (!row.published) return '<td class="num"><span class="none">none published</span></td>';
  return `<td class="num"><a href="#figure-${e(row.id)}">${row.published.percent}%</a></td>`;
}

function ruleTable(summary: AuditReport): string {
  const rows = summary.rules.map(
    (row) =>
      `<tr><th scope="row">${ruleLink(row.id)}</th><td class="num">${row.applicable}</td><td class="num">${row.passing}</td><td class="num">${row.failing}</td>` +
      `<td class="num">${row.passRate === null ? '<span class="none">n/a</span>' : `${row.passRate}%`}</td><td class="num">${row.passingBySuppression}</td>${publishedCell(row)}</tr>`,
  );
  return (
    '<div class="table-wrap"><table id="rules-table"><caption>Pass rate per rule, with the inspectorate\'s published figure where there is one</caption>' +
    '<thead><tr><th scope="col">Rule</th><th scope="col" class="num">Drafts where it applies</th><th scope="col" class="num">Pass</th><th scope="col" class="num">Fail</th>' +
    '<th scope="col" class="num">Pass rate</th><th scope="col" class="num">Passing by suppression</th><th scope="col" class="num">Inspectorate figure</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function suppressionTable(summary: AuditReport): string {
  const rows = summary.rules.flatMap((row) =>
    row.suppressions.map((entry) => `<tr><th scope="row"><code>${e(row.id)}</code></th><td>${entry.reason === null ? '<span class="none">no reason given</span>' : e(entry.reason)}</td><td class="num">${entry.findings}</td></tr>`),
  );
  if (rows.length === 0) return '<p class="none">No findings were suppressed.</p>';
  return (
    '<div class="table-wrap"><table id="suppressions-table"><caption>Suppressed findings by rule and the reason given</caption>' +
    `<thead><tr><th scope="col">Rule</th><th scope="col">Reason</th><th scope="col" class="num">Findings</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function distributionTable(summary: AuditReport): string {
  const rows = summary.gapDistribution.map((bin) => `<tr><th scope="row" class="num">${bin.gaps}</th><td class="num">${bin.documents}</td></tr>`);
  return (
    '<div class="table-wrap"><table id="gaps-table" class="narrow"><caption>Drafts by number of gaps</caption>' +
    `<thead><tr><th scope="col" class="num">Gaps</th><th scope="col" class="num">Drafts</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

function list(items: string[]): string {
  return items.length === 0 ? '<span class="none">none</span>' : `<ul class="compact">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function fact(value: string | undefined): string {
  return value === undefined ? '<span class="none">not stated</span>' : e(value);
}

function documentCells(row: AuditDocument): string {
  const gaps = list(row.gaps.map(ruleLink));
  const suppressions = list(
    row.suppressions.map((entry) => {
      const { rule, reason, outcome } = describeSuppression(entry);
      return `<code>${e(rule)}</code> (line ${entry.line}): ${reason === null ? '<span class="none">no reason given</span>' : e(reason)} — ${e(outcome)}`;
    }),
  );
  return `<td>${fact(row.facts.author)}</td><td>${fact(row.facts.team)}</td><td>${fact(row.facts.type)}</td><td class="num">${row.gaps.length}</td><td>${gaps}</td><td>${suppressions}</td>`;
}

function documentTable(summary: AuditReport, links: HtmlLinks): string {
  const linted = summary.documents.filter((row) => !row.skipped);
  if (linted.length === 0) return '<p class="none">No draft could be checked.</p>';
  const rows = linted.map((row) => `<tr><th scope="row"><a href="${e(draftHref(row.file, links))}">${e(row.file)}</a></th>${documentCells(row)}</tr>`);
  return (
    '<div class="table-wrap"><table id="documents-table"><caption>Gaps and suppressions per draft</caption>' +
    `<thead><tr><th scope="col">Draft</th><th scope="col">Author</th><th scope="col">Team</th><th scope="col">Report type</th><th scope="col" class="num">Gaps</th><th scope="col">Rules failed</th><th scope="col">Suppressions</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></div>`
  );
}

function skippedSection(summary: AuditReport): string {
  const skipped = summary.documents.filter((row) => row.skipped);
  if (skipped.length === 0) return '';
  const rows = skipped.map((row) => `<tr><th scope="row">${e(row.file)}</th><td>${e(row.skipped ?? '')}</td></tr>`);
  return (
    '<section aria-labelledby="skipped"><h2 id="skipped">Files skipped</h2><div class="table-wrap"><table id="skipped-table"><caption>Files that could not be checked, and why</caption>' +
    `<thead><tr><th scope="col">File</th><th scope="col">Reason</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function figuresSection(summary: AuditReport): string {
  const withFigures = summary.rules.filter((row) => row.published);
  if (withFigures.length === 0) return '';
  const items = withFigures.map((row) => {
    const figure = row.published!;
    const { source } = figure;
    const cited = `${e(source.publisher)}, <a href="${e(source.url)}"><cite>${e(source.title)}</cite></a> (${e(source.date)})`;
    return `<li id="figure-${e(row.id)}"><code>${e(row.id)}</code>: <strong>${figure.percent}%</strong>. ${e(figure.measure)} (${e(figure.period)}). Source: ${cited}.${source.note ? ` <span class="muted">${e(source.note)}</span>` : ''}</li>`;
  });
  return `<section aria-labelledby="figures"><h2 id="figures">Inspectorate figures</h2><p>HM Inspectorate of Probation's published findings for the same checks, across the cases it inspected:</p><ul>${items.join('')}</ul></section>`;
}

const READING_NOTES = `<section aria-labelledby="reading"><h2 id="reading">How to read these figures</h2><ul>
<li>A rule <strong>applies</strong> to a draft when it ran on it and, for a conditional rule (such as <code>safeguarding-enquiry</code>), the condition held in the draft; a rule without a condition applies to every draft it ran on.</li>
<li>A draft <strong>passes</strong> a rule when <code>assessment-lint check</code> reports nothing for that rule. A finding switched off by a suppression comment does not count against the draft; the <em>Passing by suppression</em> column and the suppressions table show how often that happened and why. A suppression without a real reason switches nothing off, and a draft with one fails the rule it names even when nothing was found; each draft's suppressions are listed with what became of them.</li>
<li>A <strong>gap</strong> is a rule a draft fails. The inspectorate's figures come from its own case samples and judgements; they are shown for comparison, not as a target.</li>
</ul></section>`;

/** Renders the audit as one self-contained HTML page: inline SVG charts, tables with captions and headers, print styles, no scripts. */
export function renderHtml(summary: AuditReport, options: { snippets: boolean; links: HtmlLinks }): string {
  const { totals: count } = summary;
  const privacy = options.snippets
    ? 'It holds file names, the author and team names the drafts state, rule ids, counts, suppression reasons and short snippets of draft text: handle it as you would the drafts.'
    : 'It holds file names, the author and team names the drafts state, rule ids, counts and suppression reasons, and no other draft text.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="generator" content="${e(`${summary.tool.name} ${summary.tool.version}`)}">
<title>Caseload audit, ${e(summary.date)}</title>
<style>${AUDIT_CSS}</style>
</head>
<body>
<header>
<h1>Caseload audit</h1>
<p class="lede">${plural(count.linted, 'draft')} checked on ${e(summary.date)} by ${e(summary.tool.name)} ${e(summary.tool.version)}${count.skipped > 0 ? `; ${plural(count.skipped, 'file')} skipped` : ''}.${summary.filter ? ` Only drafts of type <q>${e(summary.filter.type)}</q>.` : ''}${summary.order === 'rate' ? ' Rules are listed by pass rate, lowest first.' : ''}</p>
</header>
<main>
<section aria-labelledby="summary"><h2 id="summary">Summary</h2>${totals(summary)}</section>
${comparisonSection(summary)}
<section aria-labelledby="pass-rates"><h2 id="pass-rates">Pass rate per rule</h2>
<figure>${passRateChart(summary.rules)}<figcaption>Bars: the share of drafts where each rule applies that pass it. Orange marks: the inspectorate's published figure for the same check. The table below gives the same numbers.</figcaption></figure>
${ruleTable(summary)}
</section>
${groupsSection(summary)}
<section aria-labelledby="suppressions"><h2 id="suppressions">Suppressions</h2>${suppressionTable(summary)}</section>
<section aria-labelledby="gaps"><h2 id="gaps">Gaps per draft</h2>
<figure>${gapChart(summary.gapDistribution)}<figcaption>How many drafts fail no rule, one rule, two rules and so on. The table below gives the same numbers.</figcaption></figure>
${distributionTable(summary)}
</section>
<section aria-labelledby="documents"><h2 id="documents">Drafts</h2>${documentTable(summary, options.links)}</section>
${drillDownSection(summary, options.links, options.snippets)}
${skippedSection(summary)}
${figuresSection(summary)}
${packsSection(summary)}
${READING_NOTES}
${rulesAppendix(summary, options.links)}
</main>
<footer><p>Generated on this computer; nothing was sent anywhere. ${privacy}</p></footer>
</body>
</html>
`;
}
