import {
  type BenchmarkRow,
  cite,
  dueMonth,
  type MeasureId,
  monthsBetween,
  type NationalReference,
  type Plan,
  periodEnd,
  type Target,
} from '../model/index.ts';
import { type Comparator, chooseComparator, chooseTargetComparator } from './comparator.ts';
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
        .map((target) => ({ plan, target, source: cite(plan.source, target.line) })),
    ),
  );
}

const delta = (t: Target): number | null =>
  t.baselinePct !== null && t.targetPct !== null ? t.targetPct - t.baselinePct : null;

/**
 * Every metric of the design for one region × measure × edition. `group` is the entries of the
 * same measure and edition (the region itself included), from which ranks, z-scores, the peer
 * statistics (the other regions only) and any run-median comparator come.
 */
export function benchmarkRow(
  entry: Entry,
  group: readonly Entry[],
  reference: NationalReference,
): BenchmarkRow {
  const { plan, target: t } = entry;
  const B = t.baselinePct;
  const T = t.kind === 'continue-increase' ? null : t.targetPct;
  // Only a level to reach plans a step: holding a level is no step of size zero.
  const D = t.kind === 'increase' ? delta(t) : null;
  // Like with like: a baseline is ranked and summarised only among baselines measured for the same
  // period. A level stated with no date ("maintain … at 38%") is no baseline of any period, so it
  // is in no statistic, and no other region's statistic either.
  const alike = group.filter(
    (e) =>
      e.target.baselinePct !== null &&
      e.target.baselinePeriod !== null &&
      e.target.baselinePeriod === t.baselinePeriod,
  );
  const bValues = alike.map((e) => e.target.baselinePct as number);
  const peerB = alike.filter((e) => e !== entry).map((e) => e.target.baselinePct as number);
  // Steps are compared like with like: from the same baseline period to the same target month.
  const levels = group.filter(
    (e) =>
      e.target.kind === 'increase' &&
      delta(e.target) !== null &&
      e.target.baselinePeriod === t.baselinePeriod &&
      e.target.targetMonth === t.targetMonth,
  );
  const dValues = levels.map((e) => delta(e.target) as number);
  const peerT = levels.filter((e) => e !== entry).map((e) => e.target.targetPct as number);
  const ownRanked = B !== null && t.baselinePeriod !== null && bValues.length >= 2;
  // Where every region aims for one level, each step is that level less the baseline: ranking the
  // steps would only rank the starts again, backwards, and read as ambition. No rank then.
  const oneLevel = new Set(levels.map((e) => e.target.targetPct)).size === 1;
  const ownAmbition = t.kind === 'increase' && D !== null && dValues.length >= 2 && !oneLevel;

  const comparator: Comparator = chooseComparator(
    reference,
    t.measure,
    t.baselinePeriod,
    alike.map((e) => ({
      value: e.target.baselinePct as number,
      period: e.target.baselinePeriod,
      source: e.source,
    })),
  );
  const N = comparator.pct;
  // A target is compared only where it sets a level to reach, and never from an undated baseline.
  const targetComparator =
    T === null || t.kind !== 'increase' || t.baselinePeriod === null
      ? null
      : chooseTargetComparator(reference, t.measure, t.baselinePeriod, t.targetMonth, comparator);
  const NT = targetComparator?.pct ?? null;

  const m =
    t.baselinePeriod !== null && t.targetMonth !== null
      ? monthsBetween(periodEnd(t.baselinePeriod), dueMonth(t.targetMonth))
      : null;
  const sd = populationSd(bValues);
  const z =
    ownRanked && bValues.length >= 3 && sd !== null && sd > 0
      ? ((B as number) - (mean(bValues) as number)) / sd
      : null;

  const band: BenchmarkRow['ambition_band'] =
    t.kind === 'maintain' || t.kind === 'continue-increase'
      ? 'holding'
      : T === null
        ? null
        : NT !== null && T < NT
          ? 'below-comparator'
          : peerB.length > 0 && peerB.every((b) => T > b)
            ? 'beyond-best-peer'
            : NT !== null
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
    comparator_reasons: comparator.reasons,
    baseline_gap_pp: B !== null && N !== null ? round(B - N) : null,
    target_comparator_pct: NT,
    target_comparator_period: targetComparator?.period ?? null,
    target_comparator_source: targetComparator?.source ?? '',
    target_comparator_reasons: targetComparator?.reasons ?? [],
    target_gap_pp: T !== null && NT !== null ? round(T - NT) : null,
    change_pp: round(D),
    relative_uplift_pct: D !== null && B !== null && B > 0 ? round((D / B) * 100) : null,
    headroom_closure_pct: D !== null && B !== null && B < 100 ? round((D / (100 - B)) * 100) : null,
    // Against a national figure only, and only where one is comparable when the target falls due.
    national_gap_closure_pct:
      D !== null && B !== null && N !== null && B < N && comparator.kind === 'national' && NT !== null
        ? round((D / (N - B)) * 100)
        : null,
    months_to_target: D !== null ? m : null,
    pp_per_year: D !== null && m !== null && m > 0 ? round((D / m) * 12) : null,
    baseline_rank: ownRanked ? competitionRank(B as number, bValues) : null,
    baseline_rank_of: ownRanked ? bValues.length : null,
    baseline_rank_ties: ownRanked ? bValues.filter((v) => v === B).length : null,
    ambition_rank: ownAmbition ? competitionRank(D as number, dValues) : null,
    ambition_rank_of: ownAmbition ? dValues.length : null,
    ambition_rank_ties: ownAmbition ? dValues.filter((v) => v === D).length : null,
    baseline_z: round(z),
    peer_baseline_n: peerB.length,
    peer_baseline_min: peerB.length ? Math.min(...peerB) : null,
    peer_baseline_median: round(median(peerB)),
    peer_baseline_max: peerB.length ? Math.max(...peerB) : null,
    peer_target_n: peerT.length,
    peer_target_min: peerT.length ? Math.min(...peerT) : null,
    peer_target_median: round(median(peerT)),
    peer_target_max: peerT.length ? Math.max(...peerT) : null,
    ambition_band: band,
    prior_target_pct: null,
    outturn_pct: null,
    attained: null,
    progress_ratio: null,
    progress_band: null,
    attainment_reasons: [],
    source: entry.source,
  };
}
