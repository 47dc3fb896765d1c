import {
  type BenchmarkRow,
  type FigureAt,
  type GlanceRow,
  MEASURE_IDS,
  type NationalReference,
  periodEnd,
  type RegionalFigures,
  type RegionId,
} from '../model/index.ts';
import { citation } from './comparator.ts';
import { measureFact } from './facts.ts';
import { ratedRow } from './rating.ts';
import { round } from './stats.ts';
import { targetStatus } from './status.ts';

export interface GlanceInput {
  rows: readonly BenchmarkRow[];
  reference: NationalReference;
  regional: RegionalFigures | null;
  /** The report date, YYYY-MM-DD: what has "passed" is decided on it, never on the clock. */
  date: string;
}

/**
 * One region's first page: a row per measure with its value, comparator, peers (the other regions,
 * like periods only), rank with ties, rating, target and status, and the change since its previous
 * update. Every figure is a benchmark row's, a cited national or regional figure, or the difference
 * of two of them.
 */
export function glanceRows(input: GlanceInput, regionId: RegionId, edition: number): GlanceRow[] {
  return MEASURE_IDS.flatMap((m) =>
    input.rows
      .filter((r) => r.region_id === regionId && r.edition === edition && r.measure === m)
      .map((r) => glanceRow(input, r)),
  );
}

export function glanceRow(input: GlanceInput, r: BenchmarkRow): GlanceRow {
  const fact = measureFact(r);
  const sameMeasure = (x: BenchmarkRow) => x.measure === r.measure && x.region_id === r.region_id;
  const earlier = input.rows.find((x) => sameMeasure(x) && x.edition === r.edition - 1) ?? null;
  const later = input.rows.find((x) => sameMeasure(x) && x.edition === r.edition + 1) ?? null;
  const others = input.rows.filter(
    (x) => x.edition === r.edition && x.measure === r.measure && x.region_id !== r.region_id,
  );
  return {
    region_id: r.region_id,
    region: r.region,
    edition: r.edition,
    measure: r.measure,
    value: r.baseline_pct,
    period: r.baseline_period,
    source: r.source,
    comparison: fact.comparison,
    noComparison: fact.noComparison,
    peers:
      r.baseline_period !== null &&
      r.peer_baseline_n > 0 &&
      r.peer_baseline_min !== null &&
      r.peer_baseline_median !== null &&
      r.peer_baseline_max !== null
        ? {
            n: r.peer_baseline_n,
            min: r.peer_baseline_min,
            median: r.peer_baseline_median,
            max: r.peer_baseline_max,
            period: r.baseline_period,
          }
        : null,
    otherPeriods: others.filter(
      (x) => x.baseline_pct !== null && x.baseline_period !== null && x.baseline_period !== r.baseline_period,
    ).length,
    rank: fact.rank,
    rated: ratedRow(r),
    target: {
      kind:
        r.kind === 'maintain'
          ? 'maintain'
          : r.kind === 'continue-increase'
            ? 'continue-increase'
            : 'increase',
      value: r.kind === 'maintain' ? r.baseline_pct : r.target_pct,
      date: r.target_date,
    },
    status: targetStatus(r, input.date, later, input.regional, input.reference),
    previous: earlier
      ? {
          edition: earlier.edition,
          value: figureOf(earlier),
          // A change across a series break is no change: attainment says why (its reasons).
          change:
            r.attainment_reasons.some((x) => x.code === 'attainment-after-break') ||
            earlier.baseline_pct === null ||
            r.baseline_pct === null ||
            earlier.baseline_period === null ||
            r.baseline_period === null
              ? null
              : round(r.baseline_pct - earlier.baseline_pct),
          why: r.attainment_reasons.filter((x) => x.code !== 'attainment-outturn'),
          target: targetStatus(earlier, input.date, r, input.regional, input.reference),
        }
      : null,
    trend: trendOf(input, r),
  };
}

function figureOf(r: BenchmarkRow): FigureAt | null {
  return r.baseline_pct !== null && r.baseline_period !== null
    ? { value: r.baseline_pct, period: r.baseline_period, source: r.source }
    : null;
}

/**
 * Each update's dated baseline and each official regional figure for the measure, oldest first:
 * the pack's trend table and its trend chart (src/charts/specs/trend.ts) read the same figures.
 */
export function trendOf(input: Pick<GlanceInput, 'rows' | 'regional'>, r: BenchmarkRow): GlanceRow['trend'] {
  const updates = input.rows
    .filter((x) => x.region_id === r.region_id && x.measure === r.measure && x.edition <= r.edition)
    .flatMap((x) => {
      const f = figureOf(x);
      return f ? [{ ...f, from: 'update' as const }] : [];
    });
  const official = (input.regional?.figures ?? [])
    .filter((f) => f.region === r.region_id && f.measure === r.measure && f.value !== null)
    .map((f) => ({
      value: f.value as number,
      period: f.period,
      source: citation(f.source),
      from: 'official' as const,
    }));
  return [...updates, ...official].sort(
    (a, b) =>
      (periodEnd(a.period) < periodEnd(b.period) ? -1 : periodEnd(a.period) > periodEnd(b.period) ? 1 : 0) ||
      (a.from < b.from ? 1 : a.from > b.from ? -1 : 0),
  );
}
