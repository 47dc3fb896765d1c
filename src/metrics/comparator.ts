import { periodLong } from '../format/index.ts';
import { periodEnd } from '../ingest/dates.ts';
import type { Citation, MeasureId, NationalFigure, NationalReference } from '../model/index.ts';
import { median } from './stats.ts';

export interface Comparator {
  pct: number | null;
  kind: 'national' | 'peer-median' | 'none';
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
 * three regions of the edition; else none.
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
      `median baseline of the ${alike.length} regions of this edition measured for ${describePeriod(baselinePeriod)}`,
    );
    return {
      pct,
      kind: 'peer-median',
      period: baselinePeriod,
      source: `peer median of ${alike.map((p) => p.source).join(', ')}`,
      note: notes.join('; '),
    };
  }
  notes.push(
    `fewer than three regions with a baseline for ${describePeriod(baselinePeriod)} (${alike.length}), so no peer median either`,
  );
  return { pct: null, kind: 'none', period: null, source: '', note: notes.join('; ') };
}
