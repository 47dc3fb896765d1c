import { type MeasureId, measureById } from '../model/index.ts';
import type { ChartWords } from './chart.ts';

// The facts chart text is worded from are computed here and in each spec; the words themselves
// are in templates/text/chart-*.hbs.

/** Distinct values, in first-seen order, nulls left out. */
export function distinct<T>(values: readonly (T | null | undefined)[]): T[] {
  return [...new Set(values.filter((v): v is T => v !== null && v !== undefined))];
}

/** A performance year ("2022-04/2023-03") rather than a single month. */
export { isYearPeriod } from '../model/index.ts';

/** The unit of a measure's percentages, from the measure registry: "% of prison leavers". */
export const unitOf = (measure: MeasureId) => measureById(measure).unit;

/**
 * One sentence naming the unit of each measure shown, for charts where one axis carries several
 * (templates/text/chart-units.hbs): "Percentages are of prison leavers; for sexual offence
 * interventions completed, of interventions completed." The unit most measures share first, then
 * each exception with its measures.
 */
export function unitsSentence(measures: readonly MeasureId[], words: ChartWords): string {
  const units = distinct(measures.map(unitOf));
  if (units.length === 0) return '';
  const bare = (u: string) => u.replace(/^%\s*/, '');
  const counts = units.map((u) => ({ u, n: measures.filter((m) => unitOf(m) === u).length }));
  counts.sort((a, b) => b.n - a.n);
  const [main, ...rest] = counts as [{ u: string; n: number }, ...{ u: string; n: number }[]];
  return words.text('chart-units', {
    unit: bare(main.u),
    exceptions: rest.map(({ u }) => ({
      unit: bare(u),
      measures: distinct(measures.filter((m) => unitOf(m) === u)).map((m) =>
        measureById(m).label.toLowerCase(),
      ),
    })),
  });
}
