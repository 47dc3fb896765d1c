import type { BenchmarkRow, FigureRef, Finding } from '../model/index.ts';

const ref = (row: BenchmarkRow, value: number): FigureRef => ({
  region_id: row.region_id,
  region: row.region,
  value,
  source: row.source,
});

/**
 * Patterns across regions that the national summary states in words, each with the figures it
 * rests on so that every sentence can cite them. Baselines are compared only with baselines for
 * the same period (a level with no date is in none); "below the comparator" is stated only against
 * a national figure, because half of any run lies below its own median.
 */
export function findings(rows: readonly BenchmarkRow[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, BenchmarkRow[]>();
  for (const row of rows)
    groups.set(`${row.edition} ${row.measure}`, [
      ...(groups.get(`${row.edition} ${row.measure}`) ?? []),
      row,
    ]);

  for (const group of groups.values()) {
    const first = group[0] as BenchmarkRow;
    const base = { edition: first.edition, measure: first.measure };

    const byTarget = new Map<number, BenchmarkRow[]>();
    for (const row of group) {
      if (row.target_pct === null || row.kind !== 'increase') continue;
      byTarget.set(row.target_pct, [...(byTarget.get(row.target_pct) ?? []), row]);
    }
    const withTarget = group.filter((r) => r.target_pct !== null && r.kind === 'increase').length;
    for (const [level, shared] of [...byTarget.entries()].sort(([a], [b]) => b - a)) {
      if (shared.length < 2) continue;
      out.push({
        kind: 'shared-target-level',
        ...base,
        value: level,
        comparator: null,
        figures: shared.map((r) => ref(r, level)),
        of: withTarget,
      });
    }

    const extremes = (
      pick: (r: BenchmarkRow) => number | null,
      low: Finding['kind'],
      high: Finding['kind'],
      withComparator: boolean,
    ) => {
      const valued = group.filter((r) => pick(r) !== null);
      if (valued.length < 2) return;
      const values = valued.map((r) => pick(r) as number);
      for (const [kind, value] of [
        [low, Math.min(...values)],
        [high, Math.max(...values)],
      ] as const) {
        const at = valued.filter((r) => pick(r) === value);
        out.push({
          kind,
          ...base,
          value,
          comparator: withComparator ? comparatorOf(at[0] as BenchmarkRow) : null,
          figures: at.map((r) => ref(r, value)),
          of: valued.length,
        });
      }
    };
    // The baselines of the period most regions share: like with like, never an undated level.
    const period = sharedPeriod(group);
    const alike = (r: BenchmarkRow) => period !== null && r.baseline_period === period;
    extremes((r) => (alike(r) ? r.baseline_pct : null), 'lowest-baseline', 'highest-baseline', false);
    extremes(
      (r) => (alike(r) && r.comparator_kind === 'national' ? r.baseline_gap_pp : null),
      'lowest-gap',
      'highest-gap',
      true,
    );
    extremes((r) => (r.kind === 'increase' ? r.change_pp : null), 'smallest-uplift', 'largest-uplift', false);

    const withGap = group.filter(
      (r) => r.baseline_gap_pp !== null && r.comparator_kind === 'national' && alike(r),
    );
    const below = withGap.filter((r) => (r.baseline_gap_pp as number) < 0);
    // One comparator per sentence: the figure the first of them is compared with, and only the
    // regions compared with that same figure.
    const same = withGap.filter(
      (r) =>
        r.comparator_pct === withGap[0]?.comparator_pct &&
        r.comparator_period === withGap[0]?.comparator_period,
    );
    if (below.length > 0 && same.length === withGap.length) {
      out.push({
        kind: 'below-comparator',
        ...base,
        value: (below[0] as BenchmarkRow).comparator_pct,
        comparator: comparatorOf(below[0] as BenchmarkRow),
        figures: below.map((r) => ref(r, r.baseline_pct as number)),
        of: withGap.length,
      });
    }
  }
  return out;
}

function comparatorOf(row: BenchmarkRow): Finding['comparator'] {
  return row.comparator_pct === null
    ? null
    : {
        pct: row.comparator_pct,
        kind: row.comparator_kind,
        period: row.comparator_period,
        source: row.comparator_source,
      };
}

/** The baseline period most rows share (the earliest of equals), or null when none has a date. */
function sharedPeriod(rows: readonly BenchmarkRow[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.baseline_period) counts.set(r.baseline_period, (counts.get(r.baseline_period) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))[0]?.[0] ?? null;
}
