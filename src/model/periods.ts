// Period arithmetic on ISO months ("2023-03") and twelve-month periods ("2022-04/2023-03"), in one
// place for every stage: the reader dates targets with it, the metrics compare periods with it.

/** The twelve months ending with `month`: "2023-03" → "2022-04/2023-03". */
export function yearEnding(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const startIndex = y * 12 + (m - 1) - 11;
  const start = `${Math.floor(startIndex / 12)}-${String((startIndex % 12) + 1).padStart(2, '0')}`;
  return `${start}/${month}`;
}

/** Last month of a period: the month itself, or the end of a twelve-month period. */
/** A performance year ("2022-04/2023-03") rather than a single month ("2023-03"). */
export const isYearPeriod = (period: string): boolean => period.includes('/');

export function periodEnd(period: string): string {
  const parts = period.split('/');
  return parts[parts.length - 1] ?? period;
}

/** Whole months from `from` to `to` (both YYYY-MM). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** "by April 2024": the target is counted at the end of the month before, March 2024. */
export function dueMonth(targetMonth: string): string {
  const [y, m] = targetMonth.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The performance year (April to March) a month falls in: "2024-03" → "2023-04/2024-03". */
export function performanceYearOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = m >= 4 ? y + 1 : y;
  return `${end - 1}-04/${end}-03`;
}
