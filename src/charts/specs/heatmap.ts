import type { TopLevelSpec } from 'vega-lite';
import { list, period, signed } from '../../format/index.ts';
import { MEASURES, type MeasureId, measureById } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { distinct, isYearPeriod, partOfIs, periods } from '../words.ts';
import { emptyChart, frame, twoLines } from './common.ts';

/** Regions × measures, diverging colour on the baseline gap, the value printed in every cell. */
export function heatmapChart(ctx: ChartContext, id: string): Chart {
  const rows = rowsOf(ctx);
  const measureLabel = new Map(MEASURES.map((m) => [m.id, m.short]));
  const table = {
    columns: [
      { key: 'region', label: 'Region' },
      { key: 'measure', label: 'Measure' },
      { key: 'unit', label: 'Unit' },
      { key: 'baseline_pct', label: 'Baseline (%)' },
      { key: 'baseline_period', label: 'Baseline period' },
      { key: 'comparator_pct', label: 'Comparator (%)' },
      { key: 'comparator_kind', label: 'Comparator' },
      { key: 'comparator_period', label: 'Comparator period' },
      { key: 'baseline_gap_pp', label: 'Baseline minus comparator (percentage points)' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({
      region: r.region,
      measure: measureLabel.get(r.measure) ?? r.measure,
      unit: measureById(r.measure).unit,
      baseline_pct: r.baseline_pct,
      baseline_period: r.baseline_period,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      comparator_period: r.comparator_period,
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
        description:
          'No baseline in this run has a national figure, or a median of the regions in this run, to compare with.',
      },
      table,
    );
  }
  // Only gaps from a national figure are counted: a median of the run's baselines has about half of
  // them below it whatever they are, so counting those would prove nothing.
  const national = withGap.filter((r) => r.comparator_kind === 'national');
  const below = national.filter((r) => (r.baseline_gap_pp as number) < 0).length;
  const title =
    national.length === 0
      ? 'No baseline has a national figure to compare with'
      : below === 0
        ? `${partOfIs(national.length, national.length, 'baselines with a national figure', 'baseline with a national figure')} at or above it`
        : `${partOfIs(below, national.length, 'baselines with a national figure', 'baseline with a national figure')} below it`;
  const label = (m: MeasureId) => measureById(m).label.toLowerCase();
  const medianMeasures = distinct(
    withGap.filter((r) => r.comparator_kind === 'run-median').map((r) => r.measure),
  );
  const mixed = distinct(
    national
      .filter((r) => r.baseline_period !== null && r.comparator_period !== null)
      .filter(
        (r) => isYearPeriod(r.baseline_period as string) !== isYearPeriod(r.comparator_period as string),
      )
      .map((r) => r.measure),
  );
  const subtitle = [
    `Baseline minus its comparator, percentage points, ${ctx.edition} updates: the national figure for the baseline's period${
      medianMeasures.length > 0
        ? `; for ${list(medianMeasures.map(label))}, which has no national figure, the median baseline of the regions in this run, not counted in the headline`
        : ''
    }.`,
    ...mixed.map((m) => {
      const r = national.find((x) => x.measure === m) as (typeof national)[number];
      const own = national.filter((x) => x.measure === m);
      return `For ${label(m)} the national figure is for ${period(r.comparator_period)}, a performance year, and the ${own.length === 1 ? 'baseline' : 'baselines'} for ${periods(distinct(own.map((x) => x.baseline_period)))}.`;
    }),
    `Baselines are for ${periods(distinct(rows.map((r) => r.baseline_period)))}. Blue: above; orange: below.`,
  ].join(' ');
  const extent = Math.max(5, ...withGap.map((r) => Math.abs(r.baseline_gap_pp as number)));
  const measureOrder = MEASURES.map((m) => m.short).filter((l) =>
    rows.some((r) => measureLabel.get(r.measure) === l),
  );
  const regions = [...new Set(rows.map((r) => r.region))];
  const data = rows.map((r) => ({
    region: r.region,
    measure: measureLabel.get(r.measure) ?? r.measure,
    gap: r.baseline_gap_pp,
    label:
      r.baseline_gap_pp !== null
        ? signed(r.baseline_gap_pp)
        : r.baseline_pct !== null && r.baseline_period === null
          ? 'no date'
          : 'no comparator',
    strong: r.baseline_gap_pp !== null && Math.abs(r.baseline_gap_pp) > extent * 0.55,
    mine: ctx.highlight !== null && r.region_id === ctx.highlight,
  }));
  const description = `${title}. ${subtitle} ${rows
    .map(
      (r, i) =>
        `${r.region}, ${data[i]?.measure}: ${data[i]?.label}${r.comparator_kind === 'run-median' && r.baseline_gap_pp !== null ? ' against the median of the regions in this run' : ''}.`,
    )
    .join(' ')}`;
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
