/** The audit report's style sheet: readable on screen, and in print (A4, black text, charts kept whole, link targets written out). */
export const AUDIT_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #595959; --rule: #c8c8c8; --band: #f3f5f8; --accent: #1f4e79; --mark: #b45309; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 4px solid var(--accent); }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; color: var(--accent); }
h2 { font-size: 1.35rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p.lede { margin: .25rem 0 1rem; color: var(--muted); }
dl.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; margin: 1rem 0; }
dl.totals div { background: var(--band); border-left: 4px solid var(--accent); padding: .5rem .75rem; }
dl.totals dt { font-size: .85rem; color: var(--muted); }
dl.totals dd { margin: 0; font-size: 1.5rem; font-weight: 600; }
figure { margin: 1rem 0 1.5rem; }
figcaption { font-size: .9rem; color: var(--muted); margin-top: .25rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0 .5rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .4rem .6rem; text-align: left; vertical-align: top; }
thead th { background: var(--band); border-bottom: 2px solid var(--accent); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody th { font-weight: 600; }
tbody th code { white-space: nowrap; }
table.narrow { width: auto; min-width: 18rem; }
code { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .92em; }
.muted { color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
ul.compact { margin: 0; padding-left: 1.1rem; }
q { font-style: italic; }
a { color: var(--accent); }
dl.rules dt { font-weight: 600; margin-top: 1rem; }
dl.rules dd { margin: .25rem 0 0 1.25rem; }
dl.rules dd p { margin: .25rem 0; }
code.hash { font-size: .8em; word-break: break-all; }
h3 .muted { font-weight: normal; font-size: .9em; }
footer { margin-top: 2.5rem; padding-bottom: 2rem; font-size: .9rem; color: var(--muted); border-top: 1px solid var(--rule); }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { font-size: 10pt; }
  header, main, footer { max-width: none; padding: 0; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13pt; }
  h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  section.appendix, section.drill-down { break-before: page; }
  figure, tr, dl.totals div, div.rule-entry { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .table-wrap { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: var(--ink); text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 8pt; word-break: break-all; color: var(--muted); }
}
`;
