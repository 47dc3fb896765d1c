import { capital, count, list, pct } from '../format/index.ts';
import type { BenchmarkRow } from '../model/index.ts';

/** "national figure" or "peer median", as the comparator is named in titles. */
export function comparatorName(row: Pick<BenchmarkRow, 'comparator_kind'>): string {
  return row.comparator_kind === 'peer-median' ? 'peer median' : 'national figure';
}

/**
 * The finding a measure's chart leads with: how many regions target less than the comparator,
 * or, when none does, the level they share or that every target is at or above it.
 */
export function measureHeadline(rows: readonly BenchmarkRow[]): string {
  const levels = rows.filter((r) => r.kind === 'increase' && r.target_pct !== null);
  if (levels.length === 0) {
    const continuing = rows.filter((r) => r.kind === 'continue-increase').length;
    const holding = rows.filter((r) => r.kind === 'maintain').length;
    const parts = [
      continuing > 0 ? `${count(continuing)} ${continuing === 1 ? 'aims' : 'aim'} to keep increasing` : '',
      holding > 0 ? `${count(holding)} to hold ${holding === 1 ? 'its' : 'their'} level` : '',
    ].filter((p) => p !== '');
    return `No region sets a level to reach: ${list(parts)}`;
  }
  const compared = levels.filter((r) => r.comparator_pct !== null);
  const below = compared.filter((r) => (r.target_pct as number) < (r.comparator_pct as number));
  const name = compared[0] ? comparatorName(compared[0]) : 'comparator';
  if (below.length > 0) {
    return `${capital(count(below.length))} of ${count(compared.length)} regions target less than the ${name}`;
  }
  const shared = new Set(levels.map((r) => r.target_pct));
  if (levels.length > 1 && shared.size === 1) {
    const all =
      levels.length === rows.length
        ? `All ${count(levels.length)} regions`
        : `${capital(count(levels.length))} regions`;
    return `${all} aim for ${pct(levels[0]?.target_pct ?? null)}${compared.length ? `, above the ${name}` : ''}`;
  }
  if (compared.length > 0) return `Every target is at or above the ${name}`;
  return `Targets range from ${pct(Math.min(...levels.map((r) => r.target_pct as number)))} to ${pct(Math.max(...levels.map((r) => r.target_pct as number)))}`;
}
