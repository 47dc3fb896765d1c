import type { Chart } from './chart.ts';
import { chartCsv } from './csv.ts';
import { renderSvg } from './render.ts';

/** The three files of a chart: the SVG, its Vega-Lite spec, and the data behind it as CSV. */
export async function chartFiles(chart: Chart): Promise<Map<string, string>> {
  const csv = chartCsv(chart);
  return new Map([
    [`charts/${chart.id}.svg`, accessibleSvg(chart, stableIds(chart.id, await renderSvg(chart.spec)))],
    [`charts/${chart.id}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`],
    [`charts/${chart.id}.csv`, csv],
  ]);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Vega's SVG has no accessible name; this gives it one the way WCAG's SVG techniques do: role img,
 * labelled by a <title> (the headline) and a <desc> (every value in words).
 */
export function accessibleSvg(chart: Chart, svg: string): string {
  const open = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  const head = svg
    .slice(0, open)
    .replace('<svg ', `<svg role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" `);
  return `${head}<title id="${chart.id}-title">${escapeXml(chart.title)}</title><desc id="${chart.id}-desc">${escapeXml(chart.description)}</desc>${svg.slice(open)}`;
}

/**
 * Vega numbers gradient and clip ids with a counter that runs across renders, so the same chart
 * drawn twice would differ, and two charts inlined in one page could share an id. Every id is
 * renamed after the chart, in order of appearance.
 */
export function stableIds(prefix: string, svg: string): string {
  const ids = [...new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string))];
  let out = svg;
  ids.forEach((id, i) => {
    const next = `${prefix}-${i}`;
    out = out
      .replaceAll(`id="${id}"`, `id="${next}"`)
      .replaceAll(`url(#${id})`, `url(#${next})`)
      .replaceAll(`href="#${id}"`, `href="#${next}"`);
  });
  return out;
}
