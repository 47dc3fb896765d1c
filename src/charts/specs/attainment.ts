import type { TopLevelSpec } from 'vega-lite';
import { MEASURES } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { COLOURS } from '../theme.ts';
import { distinct, unitOf, unitsSentence } from '../words.ts';
import { columnsOf, emptyChart, frame, paddedDomain } from './common.ts';

/** The table's columns, in order; their headers are in templates/text/chart-attainment-labels.hbs. */
const ATTAINMENT_COLUMNS = [
  'region',
  'measure',
  'unit',
  'prior_target_pct',
  'outturn_pct',
  'attained',
  'progress_band',
  'source',
] as const;

/** The previous edition's targets against what was reached (this edition's baselines). */
export function attainmentChart(ctx: ChartContext, id: string): Chart {
  const rows = rowsOf(ctx).filter(
    (r) => r.attained !== null && (ctx.highlight === null || r.region_id === ctx.highlight),
  );
  const label = (m: string) => MEASURES.find((d) => d.id === m)?.label ?? m;
  const editions = { edition: ctx.edition, previous: ctx.edition - 1 };
  const table = {
    columns: columnsOf(
      ATTAINMENT_COLUMNS,
      ctx.words.terms('chart-attainment-labels', editions, ATTAINMENT_COLUMNS),
    ),
    rows: rows.map((r) => ({
      region: r.region,
      measure: label(r.measure),
      unit: unitOf(r.measure),
      prior_target_pct: r.prior_target_pct,
      outturn_pct: r.outturn_pct,
      attained: r.attained,
      progress_band: r.progress_band,
      source: r.source,
    })),
  };
  if (rows.length === 0) {
    return emptyChart(
      id,
      'attainment',
      {
        title: ctx.words.text('chart-attainment-empty-title', editions),
        subtitle: ctx.words.text('chart-attainment-empty-subtitle', editions),
        description: ctx.words.text('chart-attainment-empty-description', editions),
      },
      table,
    );
  }
  const attained = rows.filter((r) => r.attained).length;
  const title = ctx.words.text('chart-attainment-headline', {
    attained,
    total: rows.length,
    one: rows.length === 1,
    // "none of the three earlier targets was reached", "two of the three … were".
    several: attained > 1,
  });
  const subtitle = [
    ctx.words.text('chart-attainment-plotted', {
      ...editions,
      periods: distinct(rows.map((r) => r.baseline_period)).sort(),
    }),
    unitsSentence(
      rows.map((r) => r.measure),
      ctx.words,
    ),
  ].join(' ');
  const data = rows.map((r) => ({
    item: ctx.highlight ? label(r.measure) : `${r.region} — ${label(r.measure)}`,
    prior: r.prior_target_pct,
    outturn: r.outturn_pct,
    verdict: ctx.words.text('chart-attainment-verdict', {
      attained: r.attained,
      band: r.progress_band ? r.progress_band.replace('-', ' ') : null,
    }),
    attained: r.attained,
  }));
  const x = {
    type: 'quantitative' as const,
    scale: {
      domain: paddedDomain(
        rows.flatMap((r) => [r.prior_target_pct, r.outturn_pct]).filter((v): v is number => v !== null),
        4,
      ),
      nice: false,
    },
    title:
      distinct(rows.map((r) => unitOf(r.measure))).length === 1
        ? unitOf((rows[0] as (typeof rows)[number]).measure)
        : '%',
  };
  const description = `${title}. ${subtitle} ${data.map((d) => ctx.words.text('chart-attainment-row', d)).join(' ')}`;
  const heading = { title, subtitle, description };
  // Verdicts in a column of their own, beside the dots, so they never run off the plot.
  const y = {
    field: 'item',
    type: 'nominal' as const,
    title: null,
    sort: null,
    axis: { ticks: false, domain: false },
  };
  const spec: TopLevelSpec = {
    ...frame(heading),
    // Bound at run time into the chart's shape (compile.ts).
    datasets: { rows: data },
    data: { name: 'rows' },
    spacing: 8,
    // One row per item on both sides: the verdict must sit on its own row.
    resolve: { scale: { y: 'shared' } },
    hconcat: [
      {
        width: 200,
        height: { step: 26 },
        encoding: { y },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 2, color: '#b1b4b6' },
            encoding: { x: { field: 'prior', ...x }, x2: { field: 'outturn' } },
          },
          {
            mark: { type: 'point', shape: 'diamond', filled: true, size: 100, color: COLOURS.baseline },
            encoding: { x: { field: 'prior', ...x } },
          },
          {
            mark: { type: 'point', filled: true, size: 90 },
            encoding: {
              x: { field: 'outturn', ...x },
              color: {
                condition: { test: 'datum.attained', value: COLOURS.attained },
                value: COLOURS.missed,
              },
            },
          },
        ],
      },
      {
        width: 160,
        height: { step: 26 },
        mark: { type: 'text', align: 'left', fontSize: 11, fontWeight: 'bold' },
        encoding: {
          y: { ...y, axis: null },
          x: { value: 0 },
          text: { field: 'verdict' },
          color: { condition: { test: 'datum.attained', value: COLOURS.attained }, value: '#a04000' },
        },
      },
    ],
  };
  return { id, kind: 'attainment', ...heading, empty: false, spec, table };
}
