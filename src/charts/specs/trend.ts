import type { TopLevelSpec } from 'vega-lite';
import { pct } from '../../format/index.ts';
import { trendOf } from '../../metrics/glance.ts';
import { round } from '../../metrics/stats.ts';
import { type MeasureId, measureById, periodEnd } from '../../model/index.ts';
import type { Chart, ChartContext } from '../chart.ts';
import { COLOURS } from '../theme.ts';
import { isYearPeriod, unitsSentence } from '../words.ts';
import { columnsOf, frame, paddedDomain, withHalo } from './common.ts';

/** The table's columns, in order; their headers are in templates/text/chart-trend-labels.hbs. */
const TREND_COLUMNS = ['who', 'figure_period', 'value_pct', 'series', 'source'] as const;
/** The series' names, in templates/text/chart-trend-key.hbs. */
const KEY_NAMES = ['national', 'months', 'years'] as const;
/** The plot's height in pixels: a sparkline beside the measure's text. */
const HEIGHT = 70;

/** One plotted figure: whose, for which period, and the line it belongs to. */
export interface TrendPoint {
  who: 'region' | 'national';
  period: string;
  value: number;
  kind: 'month' | 'year';
  source: string;
  /** The line the point is drawn on: who, kind of period and the stretch between series breaks. */
  series: string;
}

/**
 * The lines of a region's trend: the region's figures and the national ones, each cut by the kind
 * of period (a single month and a performance year are different statistics, so never joined) and
 * at every series break (the reference's breaks, and a national figure marked not comparable with
 * earlier ones).
 */
export function trendPoints(ctx: ChartContext, measure: MeasureId): TrendPoint[] {
  const region = ctx.highlight;
  const row = ctx.benchmarks.rows.find(
    (r) => r.edition === ctx.edition && r.measure === measure && r.region_id === region,
  );
  if (!row || !ctx.reference) return [];
  const own = trendOf({ rows: ctx.benchmarks.rows, regional: ctx.regional ?? null }, row).map((f) => ({
    who: 'region' as const,
    period: f.period,
    value: f.value,
    source: f.source,
    fresh: false,
  }));
  const national = ctx.reference.figures
    .filter((f) => f.measure === measure && f.value !== null)
    .map((f) => ({
      who: 'national' as const,
      period: f.period,
      value: f.value as number,
      source: `${f.source.publisher}, ${f.source.title} (${f.source.published})`,
      fresh: !f.comparable_with_earlier,
    }));
  const breaks = ctx.reference.series_breaks.filter((b) => b.measure === measure).map((b) => b.from);
  const points: TrendPoint[] = [];
  for (const who of ['region', 'national'] as const) {
    for (const kind of ['month', 'year'] as const) {
      const line = [...own, ...national]
        .filter((p) => p.who === who && (isYearPeriod(p.period) ? 'year' : 'month') === kind)
        .sort((a, b) =>
          periodEnd(a.period) < periodEnd(b.period) ? -1 : periodEnd(a.period) > periodEnd(b.period) ? 1 : 0,
        );
      let stretch = 0;
      line.forEach((p, i) => {
        const before = line[i - 1];
        const broken =
          before !== undefined &&
          (p.fresh || breaks.some((from) => periodEnd(before.period) < from && periodEnd(p.period) >= from));
        if (broken) stretch++;
        const { fresh: _, ...point } = p;
        points.push({ ...point, kind, series: `${who}-${kind}-${stretch}` });
      });
    }
  }
  return points;
}

/**
 * A measure's figures over time in a regional pack: a small line chart of the region's figures and
 * the national ones. Null where the region has fewer than two figures: one point is no trend.
 */
export function trendChart(ctx: ChartContext, measure: MeasureId, id: string): Chart | null {
  const all = trendPoints(ctx, measure);
  const own = all.filter((p) => p.who === 'region');
  if (own.length < 2) return null;
  // National figures of the kinds of period the region has, where there are any: a sparkline of
  // months beside performance years would set unlike figures side by side. Where the nation has
  // only the other kind, that is drawn, a line of its own. The subtitle says which are left out.
  const ownKinds = new Set(own.map((p) => p.kind));
  const nationalKinds = new Set(all.filter((p) => p.who === 'national').map((p) => p.kind));
  const drawn = [...nationalKinds].some((k) => ownKinds.has(k))
    ? ownKinds
    : new Set([...ownKinds, ...nationalKinds]);
  const points = all.filter((p) => drawn.has(p.kind));
  const leftOut = new Set(all.filter((p) => !drawn.has(p.kind)).map((p) => p.kind));
  const region = ctx.benchmarks.rows.find((r) => r.region_id === ctx.highlight)?.region ?? '';
  const label = measureById(measure).label;
  const key = ctx.words.terms('chart-trend-key', { region }, KEY_NAMES);
  const whoName = (p: TrendPoint) => (p.who === 'region' ? region : key.national);
  const kindName = (p: TrendPoint) => (p.kind === 'month' ? key.months : key.years);
  const table = {
    columns: columnsOf(TREND_COLUMNS, ctx.words.terms('chart-trend-labels', { region }, TREND_COLUMNS)),
    rows: points.map((p) => ({
      who: whoName(p),
      figure_period: p.period,
      value_pct: p.value,
      series: kindName(p),
      source: p.source,
    })),
  };
  // The headline compares like with like: the first and last figures of the region's latest line.
  const last = own[own.length - 1] as TrendPoint;
  const line = own.filter((p) => p.series === last.series);
  const first = line[0] as TrendPoint;
  const joined = line.length > 1;
  const title = ctx.words.text('chart-trend-headline', {
    region,
    measure: label,
    from: first,
    to: last,
    joined,
    rose: joined && last.value > first.value,
    fell: joined && last.value < first.value,
    same: joined && last.value === first.value,
    n: own.length,
  });
  const kinds = new Set(points.map((p) => p.kind));
  const stretches = (who: TrendPoint['who'], kind: TrendPoint['kind']) =>
    new Set(points.filter((p) => p.who === who && p.kind === kind).map((p) => p.series)).size;
  const subtitle = [
    ctx.words.text('chart-trend-plotted', {
      region,
      national: points.some((p) => p.who === 'national'),
      mixed: kinds.size > 1,
      months: kinds.has('month'),
      years: kinds.has('year'),
      leftOutMonths: leftOut.has('month'),
      leftOutYears: leftOut.has('year'),
      broken: (['region', 'national'] as const).some((w) =>
        (['month', 'year'] as const).some((k) => stretches(w, k) > 1),
      ),
    }),
    unitsSentence([measure], ctx.words),
  ].join(' ');
  const description = `${title}. ${subtitle} ${points
    .map((p) => ctx.words.text('chart-trend-row', { who: whoName(p), period: p.period, value: p.value }))
    .join(' ')}`;
  const heading = { title, subtitle, description };
  const ends = new Set(
    [...new Set(points.map((p) => p.series))].flatMap((s) => {
      const line = points.filter((p) => p.series === s);
      return [line[0], line[line.length - 1]];
    }),
  );
  const domain = paddedDomain(points.map((p) => p.value));
  const data = points.map((p) => ({
    who: p.who,
    series: p.series,
    kind: p.kind,
    // Plotted at the month the period ends (a year's figure at its last month), as a UTC time:
    // rows bound at run time are not parsed, and UTC keeps the axis the same in every time zone.
    at: atMonth(periodEnd(p.period)),
    value: p.value,
    // Each kind of label in a field of its own, empty elsewhere: a filtered layer with no rows
    // (a measure with no national figure) would leave Vega an empty extent.
    ownLabel: ends.has(p) && p.who === 'region' ? pct(p.value) : '',
    nationalLabel: ends.has(p) && p.who === 'national' ? pct(p.value) : '',
    // A label goes on the side away from the other line's nearest figure, so the two never meet:
    // 10 pixels above or 12 below the point, in the y scale's units.
    labelAt: round(p.value + ((above(p, points) ? 10 : -12) * (domain[1] - domain[0])) / HEIGHT),
  }));
  const x = {
    field: 'at',
    type: 'temporal' as const,
    title: null,
    scale: { type: 'utc' as const },
    // Ticks at the months figures are for, not at the turn of the year.
    axis: {
      format: '%b %Y',
      values: [...new Set(data.map((d) => d.at))].sort((a, b) => a - b),
      labelOverlap: true,
      grid: false,
      labelFlush: true,
      // Clear of the labels set below the lowest points.
      offset: 6,
    },
  };
  const y = {
    field: 'value',
    type: 'quantitative' as const,
    title: null,
    scale: { domain, nice: false },
    axis: null,
  };
  const colour = {
    field: 'who',
    type: 'nominal' as const,
    scale: { domain: ['region', 'national'], range: [COLOURS.highlight, COLOURS.baseline] },
    legend: null,
  };
  const spec: TopLevelSpec = {
    ...frame(heading),
    // Bound at run time into the chart's shape (compile.ts).
    datasets: { rows: data },
    data: { name: 'rows' },
    width: 280,
    height: HEIGHT,
    encoding: { x, y },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          detail: { field: 'series', type: 'nominal' },
          color: colour,
          strokeDash: {
            field: 'who',
            type: 'nominal',
            scale: {
              domain: ['region', 'national'],
              range: [
                [1, 0],
                [4, 3],
              ],
            },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 40, opacity: 1 },
        encoding: {
          color: colour,
          shape: {
            field: 'kind',
            type: 'nominal',
            scale: { domain: ['month', 'year'], range: ['circle', 'square'] },
            legend: null,
          },
        },
      },
      // Each label above or below its point (labelAt), away from the other line.
      ...withHalo({
        mark: { type: 'text', fontSize: 11, fontWeight: 'bold', color: COLOURS.highlight },
        encoding: {
          text: { field: 'ownLabel' },
          y: { ...y, field: 'labelAt' },
        },
      }),
      ...withHalo({
        mark: { type: 'text', fontSize: 11, color: COLOURS.baseline },
        encoding: {
          text: { field: 'nationalLabel' },
          y: { ...y, field: 'labelAt' },
        },
      }),
    ],
  };
  return { id, kind: 'trend', ...heading, empty: false, spec, table };
}

/** "2024-03" → the first instant of March 2024, UTC, in milliseconds. */
function atMonth(month: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Date.UTC(y, m - 1, 1);
}

/** Whether a point's label goes above it: it is the higher of itself and the other line's nearest figure. */
function above(p: TrendPoint, points: readonly TrendPoint[]): boolean {
  const end = atMonth(periodEnd(p.period));
  const others = points
    .filter((o) => o.who !== p.who)
    .map((o) => ({ o, gap: Math.abs(atMonth(periodEnd(o.period)) - end) }))
    .sort((a, b) => a.gap - b.gap);
  const nearest = others[0]?.o;
  if (!nearest) return true;
  return p.value > nearest.value || (p.value === nearest.value && p.who === 'region');
}
