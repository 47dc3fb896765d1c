import { monthsBetween, periodEnd } from '../ingest/dates.ts';
import type { BenchmarkRow, MeasureId, NationalReference, Plan, Target } from '../model/index.ts';
import { type Comparator, chooseComparator } from './comparator.ts';
import { competitionRank, mean, median, populationSd, round } from './stats.ts';

/** A quantitative target with the plan it comes from: the unit every metric is computed for. */
export interface Entry {
  plan: Plan;
  target: Target & { measure: MeasureId };
  source: string;
}

export function entriesOf(plans: readonly Plan[]): Entry[] {
  return plans.flatMap((plan) =>
    plan.sections.flatMap((s) =>
      s.targets
        .filter((t): t is Target & { measure: MeasureId } => t.measure !== 'qualitative')
        .map((target) => ({ plan, target, source: `${plan.source.file}:${target.line}` })),
    ),
  );
}

const delta = (t: Target): number | null =>
  t.baselinePct !== null && t.targetPct !== null ? t.targetPct - t.baselinePct : null;

/**
 * Every metric of the design for one region × measure × edition. `group` is the entries of the
 * same measure and edition (the region's peers, itself included), from which ranks, z-scores,
 * peer statistics and any peer-median comparator come.
 */
export function benchmarkRow(
  entry: Entry,
  group: readonly Entry[],
  reference: NationalReference,
): BenchmarkRow {
  const { plan, target: t } = entry;
  const B = t.baselinePct;
  const T = t.kind === 'continue-increase' ? null : t.targetPct;
  const D = t.kind === 'continue-increase' ? null : delta(t);
  const baselines = group.filter((e) => e.target.baselinePct !== null);
  const bValues = baselines.map((e) => e.target.baselinePct as number);
  const tValues = group
    .map((e) => (e.target.kind === 'continue-increase' ? null : e.target.targetPct))
    .filter((v): v is number => v !== null);
  const dValues = group
    .map((e) => (e.target.kind === 'continue-increase' ? null : delta(e.target)))
    .filter((v): v is number => v !== null);

  const comparator: Comparator = chooseComparator(
    reference,
    t.measure,
    t.baselinePeriod,
    baselines.map((e) => ({
      value: e.target.baselinePct as number,
      period: e.target.baselinePeriod,
      source: e.source,
    })),
  );
  const N = comparator.pct;

  const m =
    t.baselinePeriod !== null && t.targetMonth !== null
      ? monthsBetween(periodEnd(t.baselinePeriod), t.targetMonth)
      : null;
  const sd = populationSd(bValues);
  const z =
    B !== null && bValues.length >= 3 && sd !== null && sd > 0 ? (B - (mean(bValues) as number)) / sd : null;

  const others = baselines.filter((e) => e !== entry).map((e) => e.target.baselinePct as number);
  const band: BenchmarkRow['ambition_band'] =
    t.kind === 'maintain' || t.kind === 'continue-increase'
      ? 'holding'
      : T === null
        ? null
        : N !== null && T < N
          ? 'below-comparator'
          : others.length > 0 && others.every((b) => T > b)
            ? 'beyond-best-peer'
            : N !== null
              ? 'at-or-above-comparator'
              : null;

  return {
    region_id: plan.region.id,
    region: plan.region.name,
    edition: plan.edition,
    measure: t.measure,
    kind: t.kind,
    baseline_pct: B,
    baseline_period: t.baselinePeriod,
    target_pct: T,
    target_date: t.targetMonth,
    comparator_pct: N,
    comparator_kind: comparator.kind,
    comparator_period: comparator.period,
    comparator_source: comparator.source,
    comparator_note: comparator.note,
    baseline_gap_pp: B !== null && N !== null ? round(B - N) : null,
    target_gap_pp: T !== null && N !== null ? round(T - N) : null,
    change_pp: round(D),
    relative_uplift_pct: D !== null && B !== null && B > 0 ? round((D / B) * 100) : null,
    headroom_closure_pct: D !== null && B !== null && B < 100 ? round((D / (100 - B)) * 100) : null,
    national_gap_closure_pct:
      D !== null && B !== null && N !== null && B < N ? round((D / (N - B)) * 100) : null,
    months_to_target: D !== null ? m : null,
    pp_per_year: D !== null && m !== null && m > 0 ? round((D / m) * 12) : null,
    baseline_rank: B !== null ? competitionRank(B, bValues) : null,
    baseline_rank_of: B !== null ? bValues.length : null,
    ambition_rank: D !== null ? competitionRank(D, dValues) : null,
    ambition_rank_of: D !== null ? dValues.length : null,
    baseline_z: round(z),
    peer_baseline_n: bValues.length,
    peer_baseline_min: bValues.length ? Math.min(...bValues) : null,
    peer_baseline_median: round(median(bValues)),
    peer_baseline_max: bValues.length ? Math.max(...bValues) : null,
    peer_target_n: tValues.length,
    peer_target_min: tValues.length ? Math.min(...tValues) : null,
    peer_target_median: round(median(tValues)),
    peer_target_max: tValues.length ? Math.max(...tValues) : null,
    ambition_band: band,
    prior_target_pct: null,
    outturn_pct: null,
    attained: null,
    progress_ratio: null,
    progress_band: null,
    attainment_note: '',
    source: entry.source,
  };
}
