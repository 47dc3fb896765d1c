import { type BenchmarkRow, measureById, type Rated, type Rating } from '../model/index.ts';

/**
 * "Similar" is within this many percentage points of the comparator, either way. The updates give
 * whole percentages, so a region's figure may be up to half a point from its unrounded value; a
 * gap of a point or less is within what the published precision can tell apart from none.
 */
export const SIMILAR_PP = 1;

/** A gap (value − comparator) rated on the measure's polarity: never on "higher" alone. */
export function rate(gap: number, polarity: 'higher-is-better' | 'lower-is-better'): Rating {
  if (Math.abs(gap) <= SIMILAR_PP) return 'similar';
  const ahead = polarity === 'higher-is-better' ? gap > 0 : gap < 0;
  return ahead ? 'better' : 'worse';
}

/**
 * A benchmark row's baseline rated against the national figure; none without one or without a gap.
 * A run median is no comparator to rate against: it includes the region itself, and half of any run
 * is below it (README, Metrics), so a measure with no national figure is ranked, not rated.
 */
export function ratedRow(r: BenchmarkRow): Rated | null {
  if (r.baseline_gap_pp === null || r.comparator_kind !== 'national' || r.baseline_period === null)
    return null;
  return {
    rating: rate(r.baseline_gap_pp, measureById(r.measure).polarity),
    gap: r.baseline_gap_pp,
    against: r.comparator_kind,
  };
}
