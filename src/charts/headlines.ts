import { capital, count, month, comparatorName as nameOfComparator, pct, period } from '../format/index.ts';
import { type BenchmarkRow, dueMonth, performanceYearOf } from '../model/index.ts';
import { allOf, distinct, orList } from './words.ts';

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

/** "the national figure for the year to March 2024" (or for each period the targets use). */
function nationalFor(compared: readonly BenchmarkRow[]): string {
  return `the national figure for ${orList(
    distinct(compared.map((r) => r.target_comparator_period))
      .sort()
      .map(period),
  )}`;
}

/**
 * The finding a measure's chart leads with. Targets are compared only with the national figure for
 * the period in which they fall due (`target_comparator_pct`), and the headline names that period;
 * a median of baselines is never a comparator for a target. Where no target can be compared, the
 * headline states the levels and says so.
 */
export function measureHeadline(rows: readonly BenchmarkRow[]): string {
  const levels = rows.filter(isLevel);
  if (levels.length === 0) {
    const continuing = rows.filter((r) => r.kind === 'continue-increase').length;
    const holding = rows.filter((r) => r.kind === 'maintain').length;
    const parts = [
      continuing > 0 ? `${count(continuing)} ${continuing === 1 ? 'aims' : 'aim'} to keep increasing` : '',
      holding > 0
        ? `${count(holding)} ${continuing > 0 ? '' : holding === 1 ? 'aims ' : 'aim '}to hold ${holding === 1 ? 'its level' : 'their levels'}`
        : '',
    ].filter((p) => p !== '');
    if (rows.length === 1) {
      const only = rows[0] as BenchmarkRow;
      const aim =
        only.kind === 'continue-increase'
          ? ': it aims to keep increasing'
          : only.kind === 'maintain'
            ? ': it aims to hold its level'
            : '';
      return `${only.region} sets no higher level to reach${aim}`;
    }
    return parts.length > 0
      ? `No region sets a higher level to reach: ${parts.join(' and ')}`
      : 'No region sets a level to reach';
  }
  const compared = levels.filter(hasTargetComparator);
  const targets = levels.map((r) => r.target_pct as number);
  const shared = levels.length > 1 && new Set(targets).size === 1;
  const whoAll =
    levels.length === rows.length
      ? allOf(levels.length, 'regions')
      : `${capital(count(levels.length))} regions`;

  if (compared.length === 0) {
    const none = levels.length === 1 ? 'it' : 'them';
    const stated =
      levels.length === 1
        ? `${(levels[0] as BenchmarkRow).region} aims for ${pct(targets[0] ?? null)}`
        : shared
          ? `${whoAll} aim for ${pct(targets[0] ?? null)}`
          : `Targets range from ${pct(Math.min(...targets))} to ${pct(Math.max(...targets))}`;
    return `${stated}; there is no national figure to compare ${none} with`;
  }

  const against = nationalFor(compared);
  const below = compared.filter((r) => (r.target_pct as number) < (r.target_comparator_pct as number));
  const allCompared = compared.length === rows.length;
  if (below.length > 0) {
    if (compared.length === 1) return `${(below[0] as BenchmarkRow).region} targets less than ${against}`;
    if (below.length === compared.length)
      return `${allCompared ? allOf(compared.length, 'regions') : `${capital(count(below.length))} regions`} target less than ${against}`;
    return `${capital(count(below.length))} of ${allCompared ? '' : 'the '}${count(compared.length)} regions ${allCompared ? '' : 'with a figure to compare '}${below.length === 1 ? 'targets' : 'target'} less than ${against}`;
  }
  const strictly = compared.every((r) => (r.target_pct as number) > (r.target_comparator_pct as number));
  const side = strictly ? 'above' : 'at or above';
  if (shared) {
    const lone = distinct(compared.map((r) => r.target_comparator_pct)).length === 1;
    return `${whoAll} aim for ${pct(targets[0] ?? null)}${compared.length === levels.length && lone ? `, ${side} ${against}` : ''}`;
  }
  if (compared.length === 1) return `${(compared[0] as BenchmarkRow).region}'s target is ${side} ${against}`;
  const subject =
    compared.length === levels.length
      ? `${allOf(compared.length, 'targets')} are`
      : `${allOf(compared.length, 'targets')} with a comparable national figure are`;
  return `${subject} ${side} ${against}`;
}

/**
 * The comparisons a measure's chart draws, in words for its subtitle: what each comparator line
 * is, its period, and where a single month is compared with a performance year, that it is.
 */
export function comparatorSentences(rows: readonly BenchmarkRow[]): string[] {
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
    const n = rows.filter((r) => r.baseline_pct !== null && r.baseline_period === p).length;
    const what =
      kind === 'run-median'
        ? `median baseline of the ${count(n)} regions in this run measured for ${period(p)}, ${pct(Number(value))} (no national figure is published)`
        : `national figure for ${period(p)}, ${pct(Number(value))}`;
    const mixed = distinct(mine.map((r) => r.baseline_period)).filter(
      (bp) => bp.includes('/') !== p.includes('/'),
    );
    sentences.push(
      `Dashed line: ${what}, with which the ${mine.length === 1 ? `baseline of ${mine[0]?.region} is` : 'baselines are'} compared${mixed.length > 0 ? `; the figure is for a ${p.includes('/') ? 'performance year' : 'single month'}, the ${mine.length === 1 ? 'baseline' : 'baselines'} for ${periodsOf(mixed)}` : ''}.`,
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
    const due = mine.every(isForDuePeriod);
    const dates = distinct(mine.map((r) => r.target_date))
      .sort()
      .map(month);
    const who = mine.length === 1 ? `the target of ${mine[0]?.region}` : 'the targets';
    sentences.push(
      `Dotted line: national figure for ${period(p)}, ${pct(Number(value))}, with which ${who} due by ${orList(dates)} ${mine.length === 1 ? 'is' : 'are'} compared${
        due
          ? p.includes('/')
            ? `; the figure is for a performance year, ${mine.length === 1 ? 'the target' : 'each target'} for a single month`
            : ''
          : `, as no national figure is published for when ${mine.length === 1 ? 'it falls' : 'they fall'} due`
      }.`,
    );
  }
  const uncompared = levels.filter((r) => !hasTargetComparator(r));
  if (uncompared.length > 0 && targetLines.length > 0) {
    sentences.push(
      uncompared.length === 1
        ? `The target of ${uncompared[0]?.region}, due by ${month(uncompared[0]?.target_date ?? null)}, has no comparable national figure.`
        : `${capital(count(uncompared.length))} targets have no comparable national figure.`,
    );
  }
  return sentences;
}

const periodsOf = (ps: readonly string[]) => orList([...ps].sort().map(period));
