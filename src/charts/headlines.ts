import { comparatorName as nameOfComparator } from '../format/index.ts';
import { type BenchmarkRow, dueMonth, performanceYearOf } from '../model/index.ts';
import type { ChartWords } from './chart.ts';
import { mixedNote, tenseOf } from './tense.ts';
import { distinct, isYearPeriod } from './words.ts';

/** The comparator's name, as every sentence gives it. */
export const comparatorName = (row: Pick<BenchmarkRow, 'comparator_kind'>): string =>
  nameOfComparator(row.comparator_kind);

/** A level to reach: an increase target with a target level. */
export const isLevel = (r: BenchmarkRow) => r.kind === 'increase' && r.target_pct !== null;

/** A target that has a national figure to be compared with (never a median of baselines). */
export const hasTargetComparator = (r: BenchmarkRow) =>
  r.target_comparator_pct !== null && r.target_comparator_period !== null;

/**
 * Whether the figure a target is compared with is for the period in which the target falls due
 * (the month before its target month, or the performance year holding that month), rather than the
 * baseline's figure used because none is published for then.
 */
export function isForDuePeriod(r: BenchmarkRow): boolean {
  if (r.target_date === null || r.target_comparator_period === null) return false;
  const due = dueMonth(r.target_date);
  return r.target_comparator_period === due || r.target_comparator_period === performanceYearOf(due);
}

/** The periods of the national figures the targets are compared with, in order: the template names them. */
const figurePeriods = (compared: readonly BenchmarkRow[]) =>
  distinct(compared.map((r) => r.target_comparator_period)).sort();

/**
 * The finding a measure's chart leads with. Targets are compared only with the national figure for
 * the period in which they fall due (`target_comparator_pct`), and the headline names that period;
 * a median of baselines is never a comparator for a target. Where no target can be compared, the
 * headline states the levels and says so. Each case is one template, chart-dumbbell-<case>.hbs,
 * given the counts, regions, levels and periods it needs, and `past` where every dated target it
 * speaks of has fallen due on the report date `date`; where only some have, it says so after.
 */
export function measureHeadline(rows: readonly BenchmarkRow[], words: ChartWords, date?: string): string {
  const levels = rows.filter(isLevel);
  // The targets spoken of: the levels where there are any, else every row's aim.
  const tense = tenseOf(levels.length > 0 ? levels : rows, date);
  return `${headlineOf(rows, { past: tense.past }, words)}${mixedNote(tense, words)}`;
}

function headlineOf(rows: readonly BenchmarkRow[], tense: { past: boolean }, words: ChartWords): string {
  const levels = rows.filter(isLevel);
  if (levels.length === 0) {
    const continuing = rows.filter((r) => r.kind === 'continue-increase').length;
    const holding = rows.filter((r) => r.kind === 'maintain').length;
    if (rows.length === 1) {
      const only = rows[0] as BenchmarkRow;
      return words.text('chart-dumbbell-one-no-level', {
        region: only.region,
        continuing: only.kind === 'continue-increase',
        holding: only.kind === 'maintain',
        ...tense,
      });
    }
    return words.text('chart-dumbbell-no-level', { continuing, holding, ...tense });
  }
  const compared = levels.filter(hasTargetComparator);
  const targets = levels.map((r) => r.target_pct as number);
  const who = {
    n: levels.length,
    every: levels.length === rows.length,
    shared: levels.length > 1 && new Set(targets).size === 1,
    target: targets[0] as number,
    ...tense,
  };

  if (compared.length === 0) {
    return words.text('chart-dumbbell-not-compared', {
      ...who,
      region: levels.length === 1 ? (levels[0] as BenchmarkRow).region : null,
      low: Math.min(...targets),
      high: Math.max(...targets),
    });
  }

  const periods = figurePeriods(compared);
  const below = compared.filter((r) => (r.target_pct as number) < (r.target_comparator_pct as number));
  if (below.length > 0) {
    return words.text('chart-dumbbell-below', {
      region: compared.length === 1 ? (below[0] as BenchmarkRow).region : null,
      below: below.length,
      compared: compared.length,
      allBelow: below.length === compared.length,
      every: compared.length === rows.length,
      periods,
      ...tense,
    });
  }
  return words.text('chart-dumbbell-at-or-above', {
    ...who,
    region: !who.shared && compared.length === 1 ? (compared[0] as BenchmarkRow).region : null,
    compared: compared.length,
    allLevels: compared.length === levels.length,
    strictly: compared.every((r) => (r.target_pct as number) > (r.target_comparator_pct as number)),
    // The figure is said after a shared level only where it is one figure for every target.
    sayFigure:
      compared.length === levels.length &&
      distinct(compared.map((r) => r.target_comparator_pct)).length === 1,
    periods,
  });
}

/**
 * The comparisons a measure's chart draws, in words for its subtitle: what each comparator line
 * is, its period, and where a single month is compared with a performance year, that it is.
 */
export function comparatorSentences(rows: readonly BenchmarkRow[], words: ChartWords): string[] {
  const sentences: string[] = [];
  const baselineLines = distinct(
    rows.map((r) =>
      r.comparator_pct !== null
        ? `${r.comparator_kind}|${r.comparator_period ?? ''}|${r.comparator_pct}`
        : null,
    ),
  );
  for (const key of baselineLines) {
    const [kind, p, value] = key.split('|') as [string, string, string];
    const mine = rows.filter(
      (r) =>
        r.comparator_kind === kind && (r.comparator_period ?? '') === p && String(r.comparator_pct) === value,
    );
    sentences.push(
      words.text('chart-dumbbell-baseline-line', {
        median: kind === 'run-median',
        n: rows.filter((r) => r.baseline_pct !== null && r.baseline_period === p).length,
        period: p,
        value: Number(value),
        region: mine.length === 1 ? (mine[0] as BenchmarkRow).region : null,
        figureYear: isYearPeriod(p),
        // Baseline periods of the other kind than the figure's, said where they are compared.
        mixed: distinct(mine.map((r) => r.baseline_period))
          .filter((bp) => isYearPeriod(bp) !== isYearPeriod(p))
          .sort(),
      }),
    );
  }
  const levels = rows.filter(isLevel);
  const targetLines = distinct(
    levels.map((r) =>
      hasTargetComparator(r) ? `${r.target_comparator_period}|${r.target_comparator_pct}` : null,
    ),
  );
  for (const key of targetLines) {
    const [p, value] = key.split('|') as [string, string];
    const mine = levels.filter(
      (r) => r.target_comparator_period === p && String(r.target_comparator_pct) === value,
    );
    sentences.push(
      words.text('chart-dumbbell-target-line', {
        period: p,
        value: Number(value),
        region: mine.length === 1 ? (mine[0] as BenchmarkRow).region : null,
        dates: distinct(mine.map((r) => r.target_date)).sort(),
        due: mine.every(isForDuePeriod),
        figureYear: isYearPeriod(p),
      }),
    );
  }
  const uncompared = levels.filter((r) => !hasTargetComparator(r));
  if (uncompared.length > 0 && targetLines.length > 0) {
    const one = uncompared.length === 1 ? (uncompared[0] as BenchmarkRow) : null;
    sentences.push(
      words.text('chart-dumbbell-uncompared', {
        n: uncompared.length,
        region: one?.region ?? null,
        date: one?.target_date ?? null,
      }),
    );
  }
  return sentences;
}
