import type { BenchmarkRow, FigureRef, Finding } from '../model/index.ts';

const ref = (row: BenchmarkRow, value: number): FigureRef => ({
  region_id: row.region_id,
  region: row.region,
  value,
  source: row.source,
});

/**
 * Patterns across regions that the national summary states in words, each with the figures it
 * rests on so that every sentence can cite them.
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
    extremes((r) => r.baseline_pct, 'lowest-baseline', 'highest-baseline', false);
    extremes((r) => r.baseline_gap_pp, 'lowest-gap', 'highest-gap', true);
    extremes((r) => (r.kind === 'increase' ? r.change_pp : null), 'smallest-uplift', 'largest-uplift', false);

    const withGap = group.filter((r) => r.baseline_gap_pp !== null);
    const below = withGap.filter((r) => (r.baseline_gap_pp as number) < 0);
    if (below.length > 0) {
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
