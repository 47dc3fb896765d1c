import type { TopLevelSpec } from 'vega-lite';
import { capital, count, signed } from '../../format/index.ts';
import { MEASURES } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { emptyChart, frame, twoLines } from './common.ts';

/** Regions × measures, diverging colour on the baseline gap, the value printed in every cell. */
export function heatmapChart(ctx: ChartContext, id: string): Chart {
  const rows = rowsOf(ctx);
  const measureLabel = new Map(MEASURES.map((m) => [m.id, m.short]));
  const table = {
    columns: [
      { key: 'region', label: 'Region' },
      { key: 'measure', label: 'Measure' },
      { key: 'baseline_pct', label: 'Baseline (%)' },
      { key: 'comparator_pct', label: 'Comparator (%)' },
      { key: 'comparator_kind', label: 'Compared with' },
      { key: 'baseline_gap_pp', label: 'Gap (percentage points)' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({
      region: r.region,
      measure: measureLabel.get(r.measure) ?? r.measure,
      baseline_pct: r.baseline_pct,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      baseline_gap_pp: r.baseline_gap_pp,
      source: r.source,
    })),
  };
  const withGap = rows.filter((r) => r.baseline_gap_pp !== null);
  if (withGap.length === 0) {
    return emptyChart(
      id,
      'heatmap',
      {
        title: 'No baseline can be compared',
        subtitle: `Baseline gaps, ${ctx.edition} updates`,
        description: 'No baseline in this run has a national figure or peer median to compare with.',
      },
      table,
    );
  }
  const below = withGap.filter((r) => (r.baseline_gap_pp as number) < 0).length;
  const title =
    below === 0
      ? 'Every baseline is at or above its comparator'
      : `${capital(count(below))} of ${count(withGap.length)} baselines are below their comparator`;
  const subtitle = `Baseline minus comparator, percentage points (national figure; peer median for sexual offence interventions), ${ctx.edition} updates. Blue: above; orange: below.`;
  const extent = Math.max(5, ...withGap.map((r) => Math.abs(r.baseline_gap_pp as number)));
  const measureOrder = MEASURES.map((m) => m.short).filter((l) =>
    rows.some((r) => measureLabel.get(r.measure) === l),
  );
  const regions = [...new Set(rows.map((r) => r.region))];
  const data = rows.map((r) => ({
    region: r.region,
    measure: measureLabel.get(r.measure) ?? r.measure,
    gap: r.baseline_gap_pp,
    label: r.baseline_gap_pp === null ? 'no comparator' : signed(r.baseline_gap_pp),
    strong: r.baseline_gap_pp !== null && Math.abs(r.baseline_gap_pp) > extent * 0.55,
    mine: ctx.highlight !== null && r.region_id === ctx.highlight,
  }));
  const description = `${title}. ${subtitle} ${data.map((d) => `${d.region}, ${d.measure}: ${d.label}.`).join(' ')}`;
  const heading = { title, subtitle, description };
  // Column headers on two lines, growing upwards from the cells rather than into them.
  const headers = Object.fromEntries(measureOrder.map((l) => [l, twoLines(l)]));
  const x = {
    field: 'measure',
    type: 'nominal' as const,
    sort: measureOrder,
    title: null,
    axis: {
      orient: 'top' as const,
      labelAngle: 0,
      labelBaseline: 'line-bottom' as const,
      labelLineHeight: 13,
      ticks: false,
      domain: false,
      labelPadding: 12,
      labelExpr: `${JSON.stringify(headers)}[datum.label]`,
    },
  };
  const y = {
    field: 'region',
    type: 'nominal' as const,
    sort: regions,
    title: null,
    axis: { ticks: false, domain: false },
  };
  const spec = {
    ...frame(heading),
    width: { step: 92 },
    height: { step: 28 },
    data: { values: data },
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            condition: { test: 'datum.gap === null', value: '#f3f2f1' },
            field: 'gap',
            type: 'quantitative',
            scale: { scheme: 'blueorange', reverse: true, domain: [-extent, extent] },
            title: 'Gap (pp)',
            legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 220 },
          },
        },
      },
      {
        mark: { type: 'rect', fill: null, strokeWidth: 3 },
        encoding: { stroke: { condition: { test: 'datum.mine', value: '#0b0c0c' }, value: null } },
      },
      {
        mark: { type: 'text', fontSize: 12, fontStyle: { expr: "datum.gap === null ? 'italic' : 'normal'" } },
        encoding: {
          text: { field: 'label' },
          color: { condition: { test: 'datum.strong', value: 'white' }, value: '#0b0c0c' },
        },
      },
    ],
  } as TopLevelSpec;
  return { id, kind: 'heatmap', ...heading, empty: false, spec, table };
}
