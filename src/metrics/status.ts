import {
  type BenchmarkRow,
  dueMonth,
  type FigureAt,
  isYearPeriod,
  type MeasureId,
  measureById,
  type NationalReference,
  performanceYearOf,
  periodEnd,
  type RegionalFigures,
  type TargetStatus,
} from '../model/index.ts';
import { citation } from './comparator.ts';
import { round } from './stats.ts';

/** Whether a target "by April 2024" has come on the report date (YYYY-MM-DD): from April 2024 on. */
export const hasPassed = (targetMonth: string, reportDate: string) => reportDate.slice(0, 7) >= targetMonth;

/** The level an outturn must reach for the target to count as met, and whether it must pass it. */
function bar(r: BenchmarkRow): { level: number; strictly: boolean } | null {
  if (r.kind === 'increase' && r.target_pct !== null) return { level: r.target_pct, strictly: false };
  if (r.kind === 'maintain' && r.baseline_pct !== null) return { level: r.baseline_pct, strictly: false };
  if (r.kind === 'continue-increase' && r.baseline_pct !== null)
    return { level: r.baseline_pct, strictly: true };
  return null;
}

function meets(measure: MeasureId, outturn: number, level: number, strictly: boolean): boolean {
  const higher = measureById(measure).polarity === 'higher-is-better';
  if (strictly) return higher ? outturn > level : outturn < level;
  return higher ? outturn >= level : outturn <= level;
}

/** Series breaks of the measure between two months: figures on either side are never compared. */
const broken = (reference: NationalReference, measure: MeasureId, from: string, to: string) =>
  reference.series_breaks.find((b) => b.measure === measure && b.from > from && b.from <= to);

/**
 * The national movement from the baseline to when the target falls due, of like periods (two
 * single months, or two performance years), never across a series break: context for a target
 * with no outturn, never the region's result.
 */
export function nationalMovement(
  reference: NationalReference,
  measure: MeasureId,
  baselinePeriod: string,
  due: string,
): { from: FigureAt; to: FigureAt; change: number } | null {
  const end = periodEnd(baselinePeriod);
  const pairs: Array<[string, string]> = isYearPeriod(baselinePeriod)
    ? [[baselinePeriod, performanceYearOf(due)]]
    : [
        [end, due],
        [performanceYearOf(end), performanceYearOf(due)],
      ];
  for (const [a, b] of pairs) {
    // The same span as the target's: from the baseline's month to the month it falls due.
    if (a === b || periodEnd(a) !== end || periodEnd(b) !== due) continue;
    const from = reference.figures.find((f) => f.measure === measure && f.period === a);
    const to = reference.figures.find((f) => f.measure === measure && f.period === b);
    if (from?.value == null || to?.value == null) continue;
    if (broken(reference, measure, periodEnd(a), periodEnd(b)) || !to.comparable_with_earlier) continue;
    return {
      from: { value: from.value, period: a, source: citation(from.source) },
      to: { value: to.value, period: b, source: citation(to.source) },
      change: round(to.value - from.value) as number,
    };
  }
  return null;
}

/**
 * Where a target stands on the report date, by the first that applies:
 * - no date to fall due (continue to increase, a level held with none): met or not met where a
 *   later update gives the outturn, else undated;
 * - its month has not come: due;
 * - (1) the region's own later update gives the outturn (its later baseline, src/metrics/attainment.ts):
 *   met or not met; across a series break, no outturn, with the reason;
 * - (2) an official regional figure for the period it falls due in (regional-figures.json): met or not;
 * - (3) otherwise no outturn yet, with the national movement over the same span as context.
 */
export function targetStatus(
  r: BenchmarkRow,
  reportDate: string,
  later: BenchmarkRow | null,
  regional: RegionalFigures | null,
  reference: NationalReference,
): TargetStatus {
  const date = r.target_date;
  const level = bar(r);
  // "Continue to increase" falls due on no date, but a later update still says whether it did.
  if (date === null) {
    if (later?.attained != null && later.baseline_pct !== null && later.baseline_period !== null && level) {
      return {
        kind: later.attained ? 'met' : 'not-met',
        date,
        target: level.level,
        outturn: { value: later.baseline_pct, period: later.baseline_period, source: later.source },
        from: 'update',
      };
    }
    return { kind: 'undated' };
  }
  if (!hasPassed(date, reportDate)) return { kind: 'due', date };
  if (later && later.baseline_pct !== null && later.baseline_period !== null) {
    if (later.attained !== null && level !== null) {
      return {
        kind: later.attained ? 'met' : 'not-met',
        date,
        target: level.level,
        outturn: { value: later.baseline_pct, period: later.baseline_period, source: later.source },
        from: 'update',
      };
    }
    if (later.attainment_reasons.length > 0)
      return { kind: 'no-outturn', date, why: later.attainment_reasons, national: null };
  }
  const due = dueMonth(date);
  const official = officialOutturn(r, due, regional, reference);
  if (official && level !== null) {
    return {
      kind: meets(r.measure, official.value, level.level, level.strictly) ? 'met' : 'not-met',
      date,
      target: level.level,
      outturn: official,
      from: 'official',
    };
  }
  return {
    kind: 'no-outturn',
    date,
    why: [],
    national: r.baseline_period ? nationalMovement(reference, r.measure, r.baseline_period, due) : null,
  };
}

/**
 * The official regional figure for the period a target falls due in: the single month, or the
 * performance year ending then, the baseline's kind first; none across a series break or where the
 * publication gives no comparable value.
 */
function officialOutturn(
  r: BenchmarkRow,
  due: string,
  regional: RegionalFigures | null,
  reference: NationalReference,
): FigureAt | null {
  if (!regional || r.baseline_period === null) return null;
  const year = performanceYearOf(due);
  const periods = isYearPeriod(r.baseline_period) ? [year, due] : [due, year];
  for (const period of periods) {
    if (periodEnd(period) !== due) continue;
    const f = regional.figures.find(
      (x) => x.region === r.region_id && x.measure === r.measure && x.period === period,
    );
    if (!f || f.value === null) continue;
    if (broken(reference, r.measure, periodEnd(r.baseline_period), due)) continue;
    return { value: f.value, period, source: citation(f.source) };
  }
  return null;
}
