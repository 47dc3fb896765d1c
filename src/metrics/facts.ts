import {
  type BenchmarkRow,
  type Comparison,
  MEASURE_IDS,
  type MeasureFact,
  type MeasureId,
  type MeasureSummary,
  measureById,
  type Rank,
  type RegionId,
  type Thing,
} from '../model/index.ts';

/**
 * The facts a report states, each under a stated rule (README, "Metrics"):
 * - a rank is among the regions of this run measured for the same period, carries its ties, and
 *   is never "1 of 1";
 * - a level with no date has no comparison and no rank;
 * - a baseline is compared with its comparator, a target with the national figure for the period
 *   it falls due in (never with a median of baselines), and a comparison of periods of different
 *   kinds carries a note that says so;
 * - "largest step" is the maximum planned change among the region's own targets set at a level the
 *   other regions do not all share (a shared level makes the step a mirror of the start), ties included;
 * - "best position" is the first rank on the measure's polarity, ties included, and the widest lead
 *   over a national figure for a period of the same kind, never where the region is alone;
 * - "lowest in the run" is the last rank, ties included, on the measure's own polarity.
 * Views and templates word these facts; they neither choose nor compute.
 */

const rankOf = (rank: number | null, of: number | null, ties: number | null): Rank | null =>
  rank !== null && of !== null && of >= 2 ? { rank, of, ties: ties ?? 1 } : null;

/** Competition ranks put tied regions at the first of their places (1, 2, 2, 4): the last share `of`'s place. */
export const isLast = (r: Rank) => r.rank + r.ties - 1 === r.of;

function baselineComparison(r: BenchmarkRow): Comparison | null {
  if (r.comparator_pct === null || r.comparator_kind === 'none' || r.comparator_period === null) return null;
  return {
    kind: r.comparator_kind,
    value: r.comparator_pct,
    period: r.comparator_period,
    source: r.comparator_source,
    reasons: r.comparator_reasons,
  };
}

function targetComparison(r: BenchmarkRow): Comparison | null {
  if (r.target_comparator_pct === null || r.target_comparator_period === null) return null;
  return {
    kind: 'national',
    value: r.target_comparator_pct,
    period: r.target_comparator_period,
    source: r.target_comparator_source,
    reasons: r.target_comparator_reasons,
  };
}

/** Everything the reports may say about one region's target on one measure. */
export function measureFact(r: BenchmarkRow): MeasureFact {
  const comparison = baselineComparison(r);
  const aim: MeasureFact['aim'] =
    r.kind === 'increase' && r.target_pct !== null && r.change_pp !== null
      ? {
          kind: 'increase',
          target: r.target_pct,
          date: r.target_date,
          change: r.change_pp,
          perYear: r.pp_per_year,
          months: r.months_to_target,
          headroom: r.headroom_closure_pct,
          rank: rankOf(r.ambition_rank, r.ambition_rank_of, r.ambition_rank_ties),
          comparison: targetComparison(r),
          gap: targetComparison(r) ? r.target_gap_pp : null,
          sharedLevel:
            r.peer_target_n > 0 && r.peer_target_min === r.target_pct && r.peer_target_max === r.target_pct,
          noComparison: targetComparison(r) ? [] : r.target_comparator_reasons,
          band: r.ambition_band === 'holding' ? null : r.ambition_band,
        }
      : { kind: r.kind === 'maintain' ? 'maintain' : 'continue-increase' };
  return {
    region_id: r.region_id,
    region: r.region,
    edition: r.edition,
    measure: r.measure,
    source: r.source,
    baseline: r.baseline_pct,
    baselinePeriod: r.baseline_period,
    comparison,
    gap: comparison ? r.baseline_gap_pp : null,
    noComparison: comparison ? [] : r.comparator_reasons,
    rank:
      r.baseline_period === null ? null : rankOf(r.baseline_rank, r.baseline_rank_of, r.baseline_rank_ties),
    aim,
  };
}

/** One region's facts for one edition, in the measures' order. */
export function regionFacts(
  rows: readonly BenchmarkRow[],
  regionId: RegionId,
  edition: number,
): MeasureFact[] {
  return MEASURE_IDS.flatMap((m) =>
    rows.filter((r) => r.region_id === regionId && r.edition === edition && r.measure === m).map(measureFact),
  );
}

/** +1 where higher is better, −1 where lower is: a gap times this is positive when the region is better placed. */
const better = (f: MeasureFact) => (measureById(f.measure).polarity === 'higher-is-better' ? 1 : -1);

/** How many "things to know" a pack states at most: a director reads them on the first pages. */
export const THINGS_LIMIT = 5;

/**
 * "Things to know", by priority: the widest gap below a national figure; the region's best
 * position (the measures on which it starts first of the run, and its widest lead over a national
 * figure for a period of the same kind); earlier targets reached; levels stated with no date; the
 * measures on which the region starts lowest of the run; targets that would still fall short of
 * the national figure; the largest planned step; targets with no comparable national figure. The
 * first `limit` that hold are stated; a kind that does not hold is left out, never forced.
 */
export function thingsToKnow(
  facts: readonly MeasureFact[],
  attained: { reached: number; checked: number; previous: number } | null,
  limit = THINGS_LIMIT,
): Thing[] {
  const first = facts[0];
  if (!first) return [];
  const about = { region_id: first.region_id, region: first.region, edition: first.edition };
  const things: Thing[] = [];
  const national = facts.filter((f) => f.comparison?.kind === 'national' && f.gap !== null);
  const signedGap = (f: MeasureFact) => (f.gap as number) * better(f);

  const behind = national.filter((f) => signedGap(f) < 0).sort((a, b) => signedGap(a) - signedGap(b))[0];
  if (behind) things.push({ kind: 'widest-national-gap', ...about, fact: behind });

  // A region alone on a measure's period has no rank (rankOf) and so no best position on it; a lead
  // over a national figure for a period of another kind is not a like-for-like lead.
  const highest = facts.filter(
    (f) => f.rank !== null && (better(f) > 0 ? f.rank.rank === 1 : isLast(f.rank)),
  );
  const lead =
    national
      .filter(
        (f) =>
          f.rank !== null &&
          signedGap(f) > 0 &&
          !(f.comparison as Comparison).reasons.some((r) => r.code === 'other-kind-used'),
      )
      .sort((a, b) => signedGap(b) - signedGap(a))[0] ?? null;
  if (highest.length > 0 || lead) things.push({ kind: 'best-position', ...about, highest, lead });

  if (attained && attained.checked > 0) things.push({ kind: 'attainment', ...about, ...attained });

  const undated = facts.filter((f) => f.baseline !== null && f.baselinePeriod === null);
  if (undated.length > 0) things.push({ kind: 'undated-level', ...about, facts: undated });

  const lowest = facts.filter((f) => f.rank !== null && (better(f) > 0 ? isLast(f.rank) : f.rank.rank === 1));
  if (lowest.length > 0) things.push({ kind: 'lowest-in-run', ...about, facts: lowest });

  const short = facts.filter((f) => f.aim.kind === 'increase' && f.aim.band === 'below-comparator');
  if (short.length > 0) things.push({ kind: 'target-short-of-national', ...about, facts: short });

  // A step to a level every region shares only mirrors the start: the largest step is looked for
  // among the targets whose level is the region's own choice.
  const steps = facts.flatMap((f) =>
    f.aim.kind === 'increase' && !f.aim.sharedLevel ? [{ f, change: f.aim.change }] : [],
  );
  if (steps.length >= 2) {
    const max = Math.max(...steps.map((s) => s.change));
    things.push({
      kind: 'largest-step',
      ...about,
      change: max,
      measures: steps
        .filter((s) => s.change === max)
        .map((s) => ({ measure: s.f.measure, value: s.change, source: s.f.source })),
      of: steps.length,
    });
  }

  // A target on a measure that has national figures, with none comparable when it falls due.
  const blind = facts.filter(
    (f) => f.aim.kind === 'increase' && f.aim.comparison === null && f.comparison?.kind === 'national',
  );
  if (blind.length > 0) things.push({ kind: 'target-not-comparable', ...about, facts: blind });

  return things.slice(0, limit);
}

/**
 * One measure across the regions of an edition: the range of baselines for the period most share
 * (an undated level and other periods left out, and counted), how many start below a national
 * figure (never below a run median), the target levels with how many stay below the national
 * figure for when they fall due, and the largest and smallest steps with every region at each.
 */
export function measureSummary(
  rows: readonly BenchmarkRow[],
  edition: number,
  measure: MeasureId,
): MeasureSummary {
  const own = rows.filter((r) => r.edition === edition && r.measure === measure);
  const dated = own.filter((r) => r.baseline_pct !== null && r.baseline_period !== null);
  const periods = new Map<string, number>();
  for (const r of dated)
    periods.set(r.baseline_period as string, (periods.get(r.baseline_period as string) ?? 0) + 1);
  const period = [...periods.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? null;
  const alike = dated.filter((r) => r.baseline_period === period);
  const extreme = (
    values: readonly { v: number; region: string }[],
    pick: (a: number, b: number) => number,
  ) => {
    const value = values.map((x) => x.v).reduce((a, b) => pick(a, b));
    return { value, regions: values.filter((x) => x.v === value).map((x) => x.region) };
  };
  const comparisons = alike.map(measureFact).map((f) => f.comparison);
  const first = comparisons[0] ?? null;
  const shared =
    first !== null &&
    comparisons.every((c) => c !== null && c.value === first.value && c.period === first.period)
      ? first
      : null;
  const levels = own.filter((r) => r.kind === 'increase' && r.target_pct !== null && r.change_pp !== null);
  const compared = levels.filter((r) => r.target_comparator_pct !== null);
  const targetComparisons = compared
    .map((r) => measureFact(r))
    .map((f) => (f.aim.kind === 'increase' ? f.aim.comparison : null));
  const firstTarget = targetComparisons[0] ?? null;
  const sharedTarget =
    firstTarget !== null &&
    targetComparisons.every(
      (c) =>
        c !== null &&
        c.value === firstTarget.value &&
        c.period === firstTarget.period &&
        JSON.stringify(c.reasons) === JSON.stringify(firstTarget.reasons),
    )
      ? firstTarget
      : null;
  const below = compared.filter((r) => (r.target_pct as number) < (r.target_comparator_pct as number));
  // Steps compared like with like: from the baseline period and to the target month most share.
  const keyOf = (r: BenchmarkRow) => `${r.baseline_period} ${r.target_date}`;
  const keys = new Map<string, number>();
  for (const r of levels) keys.set(keyOf(r), (keys.get(keyOf(r)) ?? 0) + 1);
  const mainKey = [...keys.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0];
  const stepRows = levels.filter((r) => keyOf(r) === mainKey);
  const steps = stepRows.map((r) => ({ v: r.change_pp as number, region: r.region }));
  return {
    edition,
    measure,
    regions: own.length,
    undated: own
      .filter((r) => r.baseline_pct !== null && r.baseline_period === null)
      .map((r) => ({ region: r.region, value: r.baseline_pct as number, source: r.source })),
    baselines:
      period === null
        ? null
        : {
            period,
            n: alike.length,
            low: extreme(
              alike.map((r) => ({ v: r.baseline_pct as number, region: r.region })),
              Math.min,
            ),
            high: extreme(
              alike.map((r) => ({ v: r.baseline_pct as number, region: r.region })),
              Math.max,
            ),
            comparison: shared,
            below:
              shared?.kind === 'national'
                ? alike.filter((r) => (r.baseline_pct as number) < shared.value).length
                : null,
          },
    otherPeriods: dated.length - alike.length,
    levels:
      levels.length === 0
        ? null
        : {
            n: levels.length,
            low: Math.min(...levels.map((r) => r.target_pct as number)),
            high: Math.max(...levels.map((r) => r.target_pct as number)),
            compared: compared.length,
            comparison: sharedTarget,
            below: below.length,
            belowRegions: below.map((r) => r.region),
            belowTargets: below.map((r) => ({ region: r.region, target: r.target_pct as number })),
            notCompared: levels
              .filter((r) => r.target_comparator_pct === null)
              .map((r) => ({ region: r.region, date: r.target_date })),
            steps: {
              date: stepRows[0]?.target_date ?? null,
              n: stepRows.length,
              largest: extreme(steps, Math.max),
              smallest: extreme(steps, Math.min),
              otherDates: levels
                .filter((r) => keyOf(r) !== mainKey)
                .map((r) => ({ region: r.region, date: r.target_date })),
            },
          },
    continuing: own.filter((r) => r.kind === 'continue-increase').map((r) => r.region),
    holding: own.filter((r) => r.kind === 'maintain').map((r) => r.region),
  };
}
