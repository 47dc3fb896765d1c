import { capital, count, list, ordinal, period } from '../format/index.ts';
import { type MeasureId, measureById } from '../model/index.ts';

/**
 * The small pieces of English every chart's text is made of, so that no chart says "no of four",
 * "1 of 1" or "1 items", and a rank always says it is among the regions of this run.
 */

/** "item" or "items" with its number in figures: 1 → "1 progress item". */
export function nItems(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A part of a whole, as the subject of a sentence, never "no of" or "one of one":
 * (14, 15, 'baselines') → "14 of the 15 baselines"; (4, 4) → "all four baselines";
 * (0, 3) → "none of the three baselines"; (1, 1, …, 'baseline') → "the one baseline".
 */
export function partOf(n: number, total: number, many: string, one: string): string {
  if (total === 1) return `the one ${one}`;
  if (n === total) return total === 2 ? `both ${many}` : `all ${count(total)} ${many}`;
  if (n === 0) return total === 2 ? `neither of the two ${many}` : `none of the ${count(total)} ${many}`;
  return `${count(n)} of the ${count(total)} ${many}`;
}

/** "All four regions", "Both regions": never "all two". */
export function allOf(n: number, many: string): string {
  return n === 2 ? `Both ${many}` : `All ${count(n)} ${many}`;
}

/** A sentence opening with `partOf`, the verb agreeing: "14 of the 15 baselines are", "the one baseline is". */
export function partOfIs(n: number, total: number, many: string, one: string): string {
  const subject = partOf(n, total, many, one);
  const singular = total === 1 || n <= 1;
  return `${capital(subject)} ${singular ? 'is' : 'are'}`;
}

/**
 * A competition rank among the regions of this run, ties said as ties:
 * (2, 4, 3) → "joint 2nd of the 4 regions in this run" (`ties`: how many share the rank, 1 for
 * none). Null under two regions: no "1 of 1".
 */
export function rankAmong(rank: number | null, of: number | null, ties: number | null): string | null {
  if (rank === null || of === null || of < 2) return null;
  return `${ties !== null && ties > 1 ? 'joint ' : ''}${ordinal(rank)} of the ${of} regions in this run`;
}

/** "a", "a or b", "a, b or c": periods a comparison may use. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Distinct values, in first-seen order, nulls left out. */
export function distinct<T>(values: readonly (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];
}

export const isYearPeriod = (p: string) => p.includes('/');

/** What kind of period: "a performance year" or "a single month". */
export const periodKind = (p: string) => (isYearPeriod(p) ? 'a performance year' : 'a single month');

/** "March 2023", or "March 2023 and the year to March 2023", for a list of periods. */
export const periods = (ps: readonly string[]) => list([...ps].sort().map(period));

/** The unit of a measure's percentages, from the measure registry: "% of prison leavers". */
export const unitOf = (measure: MeasureId) => measureById(measure).unit;

/**
 * One sentence naming the unit of each measure shown, for charts where one axis carries several:
 * "Percentages are of prison leavers; for sexual offence interventions completed, of interventions
 * completed."
 */
export function unitsSentence(measures: readonly MeasureId[]): string {
  const units = distinct(measures.map(unitOf));
  const bare = (u: string) => u.replace(/^%\s*/, '');
  if (units.length === 0) return '';
  if (units.length === 1) return `Percentages are ${bare(units[0] as string)}.`;
  // The unit most measures share first, then each exception by name.
  const counts = units.map((u) => ({ u, n: measures.filter((m) => unitOf(m) === u).length }));
  counts.sort((a, b) => b.n - a.n);
  const [main, ...rest] = counts as [{ u: string; n: number }, ...{ u: string; n: number }[]];
  const exceptions = rest.map(
    ({ u }) =>
      `for ${list(
        distinct(measures.filter((m) => unitOf(m) === u)).map((m) => measureById(m).label.toLowerCase()),
      )}, ${bare(u)}`,
  );
  return `Percentages are ${bare(main.u)}; ${exceptions.join('; ')}.`;
}
