import type { TopLevelSpec } from 'vega-lite';
import { capital } from '../../format/index.ts';
import { MEASURES } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { comparatorName } from '../headlines.ts';
import { distinct, isYearPeriod, unitOf, unitsSentence } from '../words.ts';
import { columnsOf, emptyChart, frame } from './common.ts';
import { centreOf, placed, spineBody, valueLines } from './spine-layout.ts';

/** The table's columns, in order; their headers are in templates/text/chart-spine-labels.hbs. */
const SPINE_COLUMNS = [
  'measure',
  'baseline_pct',
  'target_pct',
  'unit',
  'baseline_period',
  'comparator_pct',
  'comparator_kind',
  'comparator_period',
  'peer_baseline_n',
  'peer_baseline_min',
  'peer_baseline_median',
  'peer_baseline_max',
  'source',
] as const;

/** For each measure: the peers' range and median, the comparator, and the region's baseline and target. */
export function spineChart(ctx: ChartContext, id: string): Chart {
  const region = ctx.highlight;
  const rows = rowsOf(ctx).filter((r) => r.region_id === region);
  const label = (m: string) => MEASURES.find((d) => d.id === m)?.label ?? m;
  const table = {
    columns: columnsOf(SPINE_COLUMNS, ctx.words.terms('chart-spine-labels', {}, SPINE_COLUMNS)),
    rows: rows.map((r) => ({
      measure: label(r.measure),
      baseline_pct: r.baseline_pct,
      target_pct: r.target_pct,
      unit: unitOf(r.measure),
      baseline_period: r.baseline_period,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      comparator_period: r.comparator_period,
      peer_baseline_n: r.peer_baseline_n,
      peer_baseline_min: r.peer_baseline_min,
      peer_baseline_median: r.peer_baseline_median,
      peer_baseline_max: r.peer_baseline_max,
      source: r.source,
    })),
  };
  const name = rows[0]?.region ?? ctx.plans.find((p) => p.region.id === region)?.region.name ?? 'This region';
  if (rows.length === 0) {
    return emptyChart(
      id,
      'spine',
      {
        title: ctx.words.text('chart-spine-empty-title', { name }),
        subtitle: ctx.words.text('chart-spine-empty-subtitle', { edition: ctx.edition }),
        description: ctx.words.text('chart-spine-empty-description', { edition: ctx.edition }),
      },
      table,
    );
  }
  // Only national figures are counted: a median of the run's baselines (the region's own among
  // them) says where the region stands in this run, not whether it is below a standard.
  const compared = rows.filter((r) => r.baseline_gap_pp !== null && r.comparator_kind === 'national');
  const below = compared.filter((r) => (r.baseline_gap_pp as number) < 0);
  // Counted over the measures where its baseline can be compared with a national figure: a measure
  // with a national figure and an undated baseline is not among them.
  const title = ctx.words.text('chart-spine-headline', {
    name,
    compared: compared.length,
    below: below.length,
    one: compared.length === 1,
    someBelow: below.length > 0 && below.length < compared.length,
  });
  const medianRows = rows.filter((r) => r.comparator_kind === 'run-median');
  const mixed = compared.filter(
    (r) =>
      r.baseline_period !== null &&
      r.comparator_period !== null &&
      isYearPeriod(r.baseline_period) !== isYearPeriod(r.comparator_period),
  );
  const subtitle = [
    ctx.words.text('chart-spine-key', {
      name,
      edition: ctx.edition,
      peers: rows.some((r) => r.peer_baseline_n > 0),
      medianMeasures: medianRows.map((r) => label(r.measure).toLowerCase()),
      off: rows.some((r) => centreOf(r).kind === 'none'),
    }),
    ...mixed.map((r) =>
      ctx.words.text('chart-spine-mixed', {
        label: label(r.measure),
        baselinePeriod: r.baseline_period,
        figurePeriod: r.comparator_period,
        figureYear: isYearPeriod(r.comparator_period as string),
      }),
    ),
    ctx.words.text('chart-spine-periods', {
      baselinePeriods: distinct(rows.map((r) => r.baseline_period)).sort(),
      undated: rows.some((r) => r.baseline_pct !== null && r.baseline_period === null),
      dates: distinct(rows.map((r) => r.target_date)).sort(),
    }),
    unitsSentence(
      rows.map((r) => r.measure),
      ctx.words,
    ),
  ].join(' ');
  const data = rows.map((r) => ({
    measure: label(r.measure),
    ...placed(r),
    values: valueLines(r, ctx.words),
    off_label:
      centreOf(r).kind === 'none'
        ? ctx.words.text('chart-spine-off', { value: valueLines(r, ctx.words)[0] })
        : null,
    // The figure the baseline is compared with, named with its period: not the target's.
    summary: ctx.words.text('chart-spine-row', {
      baseline: r.baseline_pct,
      target: r.target_pct,
      moving: r.target_pct !== null && r.target_pct !== r.baseline_pct,
      continuing: r.kind === 'continue-increase',
      holding: r.kind === 'maintain',
      undated: r.baseline_pct !== null && r.baseline_period === null,
      national: r.comparator_kind === 'national' && r.comparator_pct !== null,
      median: r.comparator_kind === 'run-median',
      comparator: comparatorName(r),
      comparatorValue: r.comparator_pct,
      comparatorPeriod: r.comparator_period,
      noPeers: r.peer_baseline_n === 0 || r.peer_baseline_min === null || r.peer_baseline_max === null,
      onePeer: r.peer_baseline_n === 1,
      samePeers: r.peer_baseline_min === r.peer_baseline_max,
      min: r.peer_baseline_min,
      max: r.peer_baseline_max,
    }),
  }));
  const order = MEASURES.map((m) => m.label);
  const description = `${title}. ${data.map((d) => `${d.measure}: ${d.summary}.`).join(' ')}`;
  const heading = { title: capital(title), subtitle, description };
  const spec: TopLevelSpec = { ...frame(heading), ...spineBody(data, order, ctx.words) };
  return { id, kind: 'spine', ...heading, empty: false, spec, table };
}
