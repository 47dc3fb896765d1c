/** Small, exact statistics over the handful of regions in a run. */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Population standard deviation: the regions in a run are the whole population, not a sample. */
export function populationSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) ** 2, 0) / values.length);
}

/**
 * Standard competition ranking, highest first: ties share the rank and the next rank skips
 * (1, 2, 2, 4), so "2nd of 4" means one region did better.
 */
export function competitionRank(value: number, all: readonly number[]): number {
  return 1 + all.filter((v) => v > value).length;
}

/** Rounds metric values for publication; inputs are whole or one-decimal percentages. */
export function round(n: number | null, places = 4): number | null {
  if (n === null || !Number.isFinite(n)) return null;
  const f = 10 ** places;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
}
