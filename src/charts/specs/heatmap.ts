import type { TopLevelSpec } from 'vega-lite';
import { MEASURES, type MeasureId, measureById } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { distinct, isYearPeriod } from '../words.ts';
import { columnsOf, emptyChart, frame, twoLines } from './common.ts';

/**
 * A neutral grey outside the diverging scale, for cells whose only comparator is the median of the
 * run's regions: half of any run is below its median, so above or below it says nothing.
 */
export const MEDIAN_CELL = '#b1b4b6';

/** The table's columns, in order; their headers are in templates/text/chart-heatmap-labels.hbs. */
const HEATMAP_COLUMNS = [
  'region',
  'measure',
  'unit',
  'baseline_pct',
  'baseline_period',
  'comparator_pct',
  'comparator_kind',
  'comparator_period',
  'baseline_gap_pp',
  'source',
] as const;

/**
 * Regions × measures, diverging colour on the gap from the national figure, the value printed in
 * every cell. A baseline compared only with the median of the regions in this run is drawn in a
 * neutral grey with the baseline itself printed, never as above or below that median.
 */
export function heatmapChart(ctx: ChartContext, id: string): Chart {
  const rows = rowsOf(ctx);
  const measureLabel = new Map(MEASURES.map((m) => [m.id, m.short]));
  const labels = ctx.words.terms('chart-heatmap-labels', {}, [...HEATMAP_COLUMNS, 'legend']);
  const table = {
    columns: columnsOf(HEATMAP_COLUMNS, labels),
    rows: rows.map((r) => ({
      region: r.region,
      measure: measureLabel.get(r.measure) ?? r.measure,
      unit: measureById(r.measure).unit,
      baseline_pct: r.baseline_pct,
      baseline_period: r.baseline_period,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      comparator_period: r.comparator_period,
      // The chart draws no gap from a median of the run's baselines, so its data holds none.
      baseline_gap_pp: r.comparator_kind === 'national' ? r.baseline_gap_pp : null,
      source: r.source,
    })),
  };
  const withGap = rows.filter((r) => r.baseline_gap_pp !== null);
  if (withGap.length === 0) {
    return emptyChart(
      id,
      'heatmap',
      {
        title: ctx.words.text('chart-heatmap-empty-title', { edition: ctx.edition }),
        subtitle: ctx.words.text('chart-heatmap-empty-subtitle', { edition: ctx.edition }),
        description: ctx.words.text('chart-heatmap-empty-description', { edition: ctx.edition }),
      },
      table,
    );
  }
  // Only gaps from a national figure are counted: a median of the run's baselines has about half of
  // them below it whatever they are, so counting those would prove nothing.
  const national = withGap.filter((r) => r.comparator_kind === 'national');
  const below = national.filter((r) => (r.baseline_gap_pp as number) < 0).length;
  const counted = below === 0 ? national.length : below;
  const title = ctx.words.text('chart-heatmap-headline', {
    compared: national.length,
    below,
    counted,
    several: national.length > 1 && counted > 1,
  });
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
  const subtitle = ctx.words.text('chart-heatmap-plotted', {
    edition: ctx.edition,
    medianMeasures: medianMeasures.map(label),
    mixed: mixed.map((m) => {
      const own = national.filter((x) => x.measure === m);
      return {
        measure: label(m),
        figurePeriod: (own[0] as (typeof national)[number]).comparator_period,
        n: own.length,
        baselinePeriods: distinct(own.map((x) => x.baseline_period)).sort(),
      };
    }),
    periods: distinct(rows.map((r) => r.baseline_period)).sort(),
    national: national.length > 0,
  });
  const extent = Math.max(5, ...national.map((r) => Math.abs(r.baseline_gap_pp as number)));
  const measureOrder = MEASURES.map((m) => m.short).filter((l) =>
    rows.some((r) => measureLabel.get(r.measure) === l),
  );
  const regions = [...new Set(rows.map((r) => r.region))];
  const data = rows.map((r) => {
    const gap = r.comparator_kind === 'national' ? r.baseline_gap_pp : null;
    const median = r.comparator_kind === 'run-median' && r.baseline_pct !== null;
    const label = ctx.words.text('chart-heatmap-cell', {
      hasGap: gap !== null,
      gap,
      median,
      baseline: r.baseline_pct,
      undated: r.baseline_pct !== null && r.baseline_period === null,
    });
    const measure = measureLabel.get(r.measure) ?? r.measure;
    return {
      region: r.region,
      measure,
      gap,
      median,
      label,
      // What a screen reader hears for the cell: the printed value, and for a grey cell what it is.
      aria: ctx.words.text('chart-heatmap-cell-aria', { region: r.region, measure, median, label }),
      strong: gap !== null && Math.abs(gap) > extent * 0.55,
      mine: ctx.highlight !== null && r.region_id === ctx.highlight,
    };
  });
  const description = `${title}. ${subtitle} ${data.map((d) => `${d.aria}.`).join(' ')}`;
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
  const spec: TopLevelSpec = {
    ...frame(heading),
    width: { step: 92 },
    height: { step: 28 },
    // Bound at run time into the chart's shape (compile.ts).
    datasets: { rows: data },
    data: { name: 'rows' },
    encoding: { x, y },
    layer: [
      {
        // Cells with no gap are drawn too, in the colours their conditions give, not left out.
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2, invalid: 'show' },
        encoding: {
          color: {
            condition: [
              { test: 'datum.median', value: MEDIAN_CELL },
              { test: 'datum.gap === null', value: '#f3f2f1' },
            ],
            field: 'gap',
            type: 'quantitative',
            scale: { scheme: 'blueorange', reverse: true, domain: [-extent, extent] },
            title: labels.legend,
            legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 220 },
          },
          description: { field: 'aria' },
        },
      },
      {
        mark: { type: 'rect', fill: null, strokeWidth: 3 },
        encoding: { stroke: { condition: { test: 'datum.mine', value: '#0b0c0c' }, value: null } },
      },
      {
        mark: {
          type: 'text',
          fontSize: 12,
          fontStyle: { expr: "datum.gap === null && !datum.median ? 'italic' : 'normal'" },
        },
        encoding: {
          text: { field: 'label' },
          description: { field: 'aria' },
          color: { condition: { test: 'datum.strong', value: 'white' }, value: '#0b0c0c' },
        },
      },
    ],
  };
  return { id, kind: 'heatmap', ...heading, empty: false, spec, table };
}
