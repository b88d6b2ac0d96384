import { escapeHtml as e } from './escape.js';
import type { AuditSummary, RuleRow } from './summarise.js';

/** Colours chosen for contrast on white and in greyscale print: dark blue bars, dark orange published marks. */
const BAR = '#1f4e79';
const MARK = '#b45309';
const INK = '#1a1a1a';
const MUTED = '#595959';
const GRID = '#d0d0d0';

const WIDTH = 840;

/** Opens an accessible SVG chart: role img, named by its title and described by its text alternative. */
function svgOpen(id: string, height: number, title: string, description: string): string {
  return (
    `<svg class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${id}-title ${id}-desc" xmlns="http://www.w3.org/2000/svg" font-family="system-ui, -apple-system, 'Segoe UI', Arial, sans-serif" font-size="13">` +
    `<title id="${id}-title">${e(title)}</title><desc id="${id}-desc">${e(description)}</desc>`
  );
}

/** Rule ids longer than this are cut in the chart's label column (the full id is in the bar's title and the table). */
const LABEL_CHARACTERS = 26;

function shortLabel(id: string): string {
  return id.length > LABEL_CHARACTERS ? `${id.slice(0, LABEL_CHARACTERS - 1)}…` : id;
}

function rateText(row: RuleRow): string {
  return row.passRate === null ? 'applies to no draft' : `${row.passRate}% (${row.passing} of ${row.applicable})`;
}

/** The value printed after a bar: the rate, and the published figure so the comparison does not rest on colour. */
function valueText(row: RuleRow): string {
  return `${rateText(row)}${row.published ? ` · inspectorate ${row.published.percent}%` : ''}`;
}

/** A text alternative for the pass-rate chart: every rule's rate and, where published, the inspectorate's figure. */
export function passRateDescription(rules: RuleRow[]): string {
  return rules.map((row) => `${row.id}: ${rateText(row)} pass${row.published ? `; inspectorate figure ${row.published.percent}%` : ''}.`).join(' ');
}

/** Horizontal bars of the pass rate per rule, with the inspectorate's published figure marked where one exists. */
export function passRateChart(rules: RuleRow[]): string {
  const label = 190;
  const plot = 360;
  const top = 64;
  const rowHeight = 30;
  const bar = 16;
  const height = top + rules.length * rowHeight + 12;
  const x = (percentage: number) => label + (percentage / 100) * plot;
  const parts = [svgOpen('chart-pass-rate', height, 'Pass rate per rule', passRateDescription(rules))];
  parts.push(
    `<g aria-hidden="true"><rect x="${label}" y="8" width="14" height="14" fill="${BAR}"/><text x="${label + 20}" y="20" fill="${INK}">Pass rate in this caseload</text>` +
      `<line x1="${label + 230}" y1="6" x2="${label + 230}" y2="24" stroke="${MARK}" stroke-width="3"/><polygon points="${label + 224},6 ${label + 236},6 ${label + 230},13" fill="${MARK}"/><text x="${label + 242}" y="20" fill="${INK}">Inspectorate figure</text></g>`,
  );
  parts.push('<g aria-hidden="true">');
  for (const tick of [0, 25, 50, 75, 100]) {
    parts.push(`<line x1="${x(tick)}" y1="${top - 8}" x2="${x(tick)}" y2="${height - 8}" stroke="${GRID}"/><text x="${x(tick)}" y="${top - 14}" text-anchor="middle" fill="${MUTED}">${tick}%</text>`);
  }
  parts.push('</g>');
  rules.forEach((row, index) => {
    const y = top + index * rowHeight;
    parts.push(`<g class="rule-bar" data-rule="${e(row.id)}"><title>${e(`${row.id}: ${rateText(row)} pass`)}</title>`);
    parts.push(`<text x="${label - 10}" y="${y + bar - 3}" text-anchor="end" fill="${INK}">${e(shortLabel(row.id))}</text>`);
    if (row.passRate === null) {
      parts.push(`<text x="${label + 6}" y="${y + bar - 3}" fill="${MUTED}" font-style="italic">applies to no draft</text>`);
    } else {
      parts.push(`<rect x="${label}" y="${y}" width="${Math.max((row.passRate / 100) * plot, 1)}" height="${bar}" fill="${BAR}"/>`);
      parts.push(`<text x="${label + plot + 10}" y="${y + bar - 3}" fill="${INK}">${e(valueText(row))}</text>`);
    }
    parts.push('</g>');
    if (row.published) {
      const mark = x(row.published.percent);
      parts.push(
        `<g class="published-mark" data-rule="${e(row.id)}"><title>${e(`Inspectorate figure for ${row.id}: ${row.published.percent}%`)}</title>` +
          `<line x1="${mark}" y1="${y - 5}" x2="${mark}" y2="${y + bar + 5}" stroke="#fff" stroke-width="6"/><line x1="${mark}" y1="${y - 5}" x2="${mark}" y2="${y + bar + 5}" stroke="${MARK}" stroke-width="3"/><polygon points="${mark - 6},${y - 6} ${mark + 6},${y - 6} ${mark},${y + 1}" fill="${MARK}"/></g>`,
      );
    }
  });
  parts.push('</svg>');
  return parts.join('');
}

/** A text alternative for the gap histogram. */
export function gapDescription(distribution: AuditSummary['gapDistribution']): string {
  return distribution.map((bin) => `${bin.gaps} gap${bin.gaps === 1 ? '' : 's'}: ${bin.documents} draft${bin.documents === 1 ? '' : 's'}.`).join(' ');
}

/** Columns of how many drafts have 0, 1, 2… gaps (rules they fail). */
export function gapChart(distribution: AuditSummary['gapDistribution']): string {
  const left = 64;
  const right = 16;
  const top = 24;
  const bottom = 56;
  const height = 300;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const most = Math.max(1, ...distribution.map((bin) => bin.documents));
  const step = Math.max(1, Math.ceil(most / 5));
  const ceiling = Math.ceil(most / step) * step;
  const y = (count: number) => top + plotHeight - (count / ceiling) * plotHeight;
  const slot = plotWidth / Math.max(distribution.length, 1);
  const barWidth = Math.min(64, slot * 0.7);
  const parts = [svgOpen('chart-gaps', height, 'Gaps per draft', gapDescription(distribution))];
  parts.push('<g aria-hidden="true">');
  for (let tick = 0; tick <= ceiling; tick += step) {
    parts.push(`<line x1="${left}" y1="${y(tick)}" x2="${WIDTH - right}" y2="${y(tick)}" stroke="${GRID}"/><text x="${left - 8}" y="${y(tick) + 4}" text-anchor="end" fill="${MUTED}">${tick}</text>`);
  }
  parts.push(`<text x="${left + plotWidth / 2}" y="${height - 10}" text-anchor="middle" fill="${INK}">Gaps (rules failed) in a draft</text>`);
  parts.push(`<text transform="translate(16 ${top + plotHeight / 2}) rotate(-90)" text-anchor="middle" fill="${INK}">Drafts</text>`);
  parts.push('</g>');
  distribution.forEach((bin, index) => {
    const centre = left + slot * index + slot / 2;
    parts.push(`<g class="gap-bar" data-gaps="${bin.gaps}"><title>${e(`${bin.gaps} gap${bin.gaps === 1 ? '' : 's'}: ${bin.documents} draft${bin.documents === 1 ? '' : 's'}`)}</title>`);
    parts.push(`<rect x="${centre - barWidth / 2}" y="${y(bin.documents)}" width="${barWidth}" height="${top + plotHeight - y(bin.documents)}" fill="${BAR}"/>`);
    parts.push(`<text x="${centre}" y="${y(bin.documents) - 6}" text-anchor="middle" fill="${INK}">${bin.documents}</text>`);
    parts.push(`<text x="${centre}" y="${top + plotHeight + 20}" text-anchor="middle" fill="${INK}">${bin.gaps}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('');
}
