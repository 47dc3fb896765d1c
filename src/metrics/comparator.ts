import { periodLong } from '../format/index.ts';
import {
  type Citation,
  dueMonth,
  type MeasureId,
  type NationalFigure,
  type NationalReference,
  performanceYearOf,
  periodEnd,
} from '../model/index.ts';
import { median } from './stats.ts';

export interface Comparator {
  pct: number | null;
  kind: 'national' | 'run-median' | 'none';
  period: string | null;
  source: string;
  note: string;
}

export interface PeerBaseline {
  value: number;
  period: string | null;
  source: string;
}

/** "2023-03" → "March 2023"; "2022-04/2023-03" → "the performance year April 2022 to March 2023". */
export const describePeriod = periodLong;

export function citation(source: Citation): string {
  return `${source.publisher}, ${source.title} (${source.published})${source.url ? `, ${source.url}` : ''}`;
}

const isYear = (period: string) => period.includes('/');

/** Which side of the measure's series breaks a period ends on: figures on different sides never meet. */
function sideOfBreaks(reference: NationalReference, measure: MeasureId, period: string): number {
  const end = periodEnd(period);
  return reference.series_breaks.filter((b) => b.measure === measure && b.from <= end).length;
}

/**
 * The comparator for a baseline, as the design orders it: a national figure for the same kind of
 * period; else the other kind ending in the same month, with the mismatch stated; never a figure
 * from across a series break; where there is no national figure, the median baseline of at least
 * three regions of the edition measured for the same period; else none.
 */
export function chooseComparator(
  reference: NationalReference,
  measure: MeasureId,
  baselinePeriod: string | null,
  peers: readonly PeerBaseline[],
): Comparator {
  const notes: string[] = [];
  if (baselinePeriod === null) {
    return {
      pct: null,
      kind: 'none',
      period: null,
      source: '',
      note: 'the document states no date for this level, so neither a national figure nor a peer median can be matched to it',
    };
  }
  const candidates = reference.figures.filter(
    (f) => f.measure === measure && periodEnd(f.period) === periodEnd(baselinePeriod),
  );
  const sameKind = candidates.find((f) => isYear(f.period) === isYear(baselinePeriod));
  const otherKind = candidates.find((f) => isYear(f.period) !== isYear(baselinePeriod));
  const across = (f: NationalFigure) =>
    sideOfBreaks(reference, measure, f.period) !== sideOfBreaks(reference, measure, baselinePeriod);
  for (const figure of [sameKind, otherKind]) {
    if (!figure) continue;
    if (
      figure.value === null ||
      across(figure) ||
      (!figure.comparable_with_earlier && sideOfBreaks(reference, measure, baselinePeriod) === 0)
    ) {
      notes.push(
        `the national figure for ${describePeriod(figure.period)} is not comparable (break in the series)`,
      );
      continue;
    }
    if (figure !== sameKind) {
      notes.push(
        `no national figure for ${describePeriod(baselinePeriod)} itself; compared with ${describePeriod(figure.period)} instead`,
      );
    }
    return {
      pct: figure.value,
      kind: 'national',
      period: figure.period,
      source: citation(figure.source),
      note: notes.join('; '),
    };
  }
  if (candidates.length === 0) notes.push(`no national figure for ${describePeriod(baselinePeriod)}`);
  // Only baselines measured over the same period are pooled: like with like, as for national figures.
  const alike = peers.filter((p) => p.period === baselinePeriod);
  if (alike.length >= 3) {
    const pct = median(alike.map((p) => p.value));
    notes.push(
      `median baseline of all ${alike.length} regions in this run measured for ${describePeriod(baselinePeriod)}`,
    );
    return {
      pct,
      kind: 'run-median',
      period: baselinePeriod,
      source: `median of ${alike.map((p) => p.source).join(', ')}`,
      note: notes.join('; '),
    };
  }
  notes.push(
    `fewer than three regions with a baseline for ${describePeriod(baselinePeriod)} (${alike.length}), so no peer median either`,
  );
  return { pct: null, kind: 'none', period: null, source: '', note: notes.join('; ') };
}

/**
 * What a target level is compared with: the national figure for the period in which it falls due
 * (the month before its target month, as a single month or the performance year holding it: the
 * same kind as the baseline first), never a figure across a series break or one that is not
 * published. Where there is none, the baseline's national comparator, and the note says so; a
 * median of baselines is never a comparator for a target.
 */
export function chooseTargetComparator(
  reference: NationalReference,
  measure: MeasureId,
  baselinePeriod: string | null,
  targetMonth: string | null,
  baseline: Comparator,
): Comparator {
  const none = (note: string): Comparator => ({ pct: null, kind: 'none', period: null, source: '', note });
  if (targetMonth === null) return none('the target has no date');
  const due = dueMonth(targetMonth);
  const year = performanceYearOf(due);
  const baselineIsYear = baselinePeriod !== null && isYear(baselinePeriod);
  const order = baselineIsYear ? [year, due] : [due, year];
  for (const period of order) {
    const figure = reference.figures.find((f) => f.measure === measure && f.period === period);
    if (!figure || figure.value === null) continue;
    const kindNote =
      baselinePeriod !== null && isYear(period) !== baselineIsYear
        ? `regional figures for ${baselineIsYear ? 'performance years' : 'single months'}, against a national figure for ${isYear(period) ? 'a performance year' : 'a single month'}`
        : '';
    return {
      pct: figure.value,
      kind: 'national',
      period,
      source: citation(figure.source),
      note: kindNote,
    };
  }
  if (!reference.figures.some((f) => f.measure === measure))
    return none(
      'no national figure is published for this measure, and a target is never compared with a median of baselines',
    );
  const missing = `no national figure is published for ${describePeriod(year)}, when the target falls due`;
  if (baseline.kind !== 'national' || baseline.pct === null) {
    return none(`${missing}, and a target is not compared with a median of baselines`);
  }
  const crossed = reference.series_breaks.find(
    (b) =>
      b.measure === measure &&
      baseline.period !== null &&
      b.from > periodEnd(baseline.period) &&
      b.from <= due,
  );
  if (crossed) {
    return none(
      `the target falls due in ${describePeriod(due)}, after the national series broke in ${describePeriod(crossed.from)}, so no national figure for then is comparable with its baseline's`,
    );
  }
  return {
    ...baseline,
    note: `${missing}; compared with the figure for ${describePeriod(baseline.period as string)}, the baseline's period, instead`,
  };
}
