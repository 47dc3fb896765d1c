import {
  type Citation,
  dueMonth,
  isYearPeriod,
  type MeasureId,
  type NationalFigure,
  type NationalReference,
  performanceYearOf,
  periodEnd,
  type Reason,
  type Reasons,
} from '../model/index.ts';
import { median } from './stats.ts';

export interface Comparator {
  pct: number | null;
  kind: 'national' | 'run-median' | 'none';
  period: string | null;
  source: string;
  /** Why it is this comparator or none, as codes: templates/text/reason-*.hbs word them. */
  reasons: Reasons;
}

export interface PeerBaseline {
  value: number;
  period: string | null;
  source: string;
}

export function citation(source: Citation): string {
  return `${source.publisher}, ${source.title} (${source.published})${source.url ? `, ${source.url}` : ''}`;
}

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
  const reasons: Reason[] = [];
  if (baselinePeriod === null) {
    return { pct: null, kind: 'none', period: null, source: '', reasons: [{ code: 'baseline-undated' }] };
  }
  const candidates = reference.figures.filter(
    (f) => f.measure === measure && periodEnd(f.period) === periodEnd(baselinePeriod),
  );
  const sameKind = candidates.find((f) => isYearPeriod(f.period) === isYearPeriod(baselinePeriod));
  const otherKind = candidates.find((f) => isYearPeriod(f.period) !== isYearPeriod(baselinePeriod));
  const across = (f: NationalFigure) =>
    sideOfBreaks(reference, measure, f.period) !== sideOfBreaks(reference, measure, baselinePeriod);
  for (const figure of [sameKind, otherKind]) {
    if (!figure) continue;
    if (
      figure.value === null ||
      across(figure) ||
      (!figure.comparable_with_earlier && sideOfBreaks(reference, measure, baselinePeriod) === 0)
    ) {
      reasons.push({ code: 'national-not-comparable', period: figure.period });
      continue;
    }
    if (figure !== sameKind) {
      reasons.push({ code: 'other-kind-used', period: baselinePeriod, used: figure.period });
    }
    return {
      pct: figure.value,
      kind: 'national',
      period: figure.period,
      source: citation(figure.source),
      reasons,
    };
  }
  if (candidates.length === 0) reasons.push({ code: 'no-national-figure', period: baselinePeriod });
  // Only baselines measured over the same period are pooled: like with like, as for national figures.
  const alike = peers.filter((p) => p.period === baselinePeriod);
  if (alike.length >= 3) {
    const pct = median(alike.map((p) => p.value));
    reasons.push({ code: 'run-median-used', period: baselinePeriod, n: alike.length });
    return {
      pct,
      kind: 'run-median',
      period: baselinePeriod,
      source: `median of ${alike.map((p) => p.source).join(', ')}`,
      reasons,
    };
  }
  reasons.push({ code: 'too-few-peers', period: baselinePeriod, n: alike.length });
  return { pct: null, kind: 'none', period: null, source: '', reasons };
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
  const none = (reason: Reason): Comparator => ({
    pct: null,
    kind: 'none',
    period: null,
    source: '',
    reasons: [reason],
  });
  if (targetMonth === null) return none({ code: 'target-undated' });
  const due = dueMonth(targetMonth);
  const year = performanceYearOf(due);
  const baselineIsYear = baselinePeriod !== null && isYearPeriod(baselinePeriod);
  const order = baselineIsYear ? [year, due] : [due, year];
  for (const period of order) {
    const figure = reference.figures.find((f) => f.measure === measure && f.period === period);
    if (!figure || figure.value === null) continue;
    const kinds: Reasons =
      baselinePeriod !== null && isYearPeriod(period) !== baselineIsYear
        ? [{ code: 'target-kind-mismatch', baselineYear: baselineIsYear, figureYear: isYearPeriod(period) }]
        : [];
    return {
      pct: figure.value,
      kind: 'national',
      period,
      source: citation(figure.source),
      reasons: kinds,
    };
  }
  if (!reference.figures.some((f) => f.measure === measure))
    return none({ code: 'target-no-national-series' });
  if (baseline.kind !== 'national' || baseline.pct === null) {
    return none({ code: 'target-not-published', period: year });
  }
  const crossed = reference.series_breaks.find(
    (b) =>
      b.measure === measure &&
      baseline.period !== null &&
      b.from > periodEnd(baseline.period) &&
      b.from <= due,
  );
  if (crossed) {
    return none({ code: 'target-after-break', due, broke: crossed.from });
  }
  return {
    ...baseline,
    reasons: [{ code: 'target-baseline-figure-used', period: year, used: baseline.period as string }],
  };
}
