import {
  type BenchmarkRow,
  measureById,
  type NationalReference,
  periodEnd,
  type Reason,
} from '../model/index.ts';
import { round } from './stats.ts';

type Attainment = Pick<
  BenchmarkRow,
  'prior_target_pct' | 'outturn_pct' | 'attained' | 'progress_ratio' | 'progress_band' | 'attainment_reasons'
>;

/**
 * The earlier edition's target checked against the later edition's baseline (the outturn), the
 * observed-versus-required method of progress reports such as Open SDG's, in percentage points.
 */
export function attainment(
  earlier: BenchmarkRow,
  later: BenchmarkRow,
  reference: NationalReference,
): Attainment {
  const none = (reason: Reason): Attainment => ({
    prior_target_pct: null,
    outturn_pct: null,
    attained: null,
    progress_ratio: null,
    progress_band: null,
    attainment_reasons: [reason],
  });
  const outturn = later.baseline_pct;
  const earlierB = earlier.baseline_pct;
  if (outturn === null || earlierB === null) return none({ code: 'attainment-no-baseline' });
  if (earlier.baseline_period && later.baseline_period) {
    const from = periodEnd(earlier.baseline_period);
    const to = periodEnd(later.baseline_period);
    const crossed = reference.series_breaks.find(
      (b) => b.measure === later.measure && b.from > from && b.from <= to,
    );
    if (crossed) {
      return none({
        code: 'attainment-after-break',
        broke: crossed.from,
        description: crossed.description,
        earlier: earlier.edition,
        later: later.edition,
      });
    }
  }
  const outturnOf = (above: number | null): Reason[] => [
    {
      code: 'attainment-outturn',
      earlier: earlier.edition,
      later: later.edition,
      period: later.baseline_period,
      source: earlier.source,
      above,
    },
  ];
  const note = outturnOf(null);
  // Reached means at or beyond the level in the measure's better direction (every measure so far is
  // higher-is-better; a rate of failure would be met by going down).
  const higher = measureById(later.measure).polarity === 'higher-is-better';
  const atOrBeyond = (level: number) => (higher ? outturn >= level : outturn <= level);
  const beyond = (level: number) => (higher ? outturn > level : outturn < level);
  switch (earlier.kind) {
    case 'increase': {
      const T = earlier.target_pct as number;
      // The band is decided on the published ratio, so 3.6 / 6 (0.59999… in binary) reads as the 0.6 it is.
      const ratio = round((outturn - earlierB) / (T - earlierB)) as number;
      const band =
        ratio >= 0.95
          ? 'on-track'
          : ratio >= 0.6
            ? 'needs-acceleration'
            : ratio >= 0
              ? 'limited'
              : 'deterioration';
      return {
        prior_target_pct: T,
        outturn_pct: outturn,
        attained: atOrBeyond(T),
        progress_ratio: ratio,
        progress_band: band,
        attainment_reasons: note,
      };
    }
    case 'maintain':
      return {
        prior_target_pct: earlierB,
        outturn_pct: outturn,
        attained: atOrBeyond(earlierB),
        progress_ratio: null,
        progress_band: null,
        attainment_reasons: note,
      };
    case 'continue-increase':
      return {
        prior_target_pct: null,
        outturn_pct: outturn,
        attained: beyond(earlierB),
        progress_ratio: null,
        progress_band: null,
        attainment_reasons: outturnOf(earlierB),
      };
    default:
      return none({ code: 'attainment-qualitative' });
  }
}
