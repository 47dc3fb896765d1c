import { describe, expect, it } from 'vitest';
import { BENCHMARK_COLUMNS } from '../../src/render/data/index.ts';
import { benchmarksOf, rowOf, seedTexts } from '../helpers/metrics.ts';

const { benchmarks, diagnostics } = benchmarksOf(seedTexts());
const row = (region: string, measure: string) => rowOf(benchmarks.rows, region, measure);

describe('benchmark metrics on the four real documents', () => {
  it('North East, housed on the first night: every metric as computed by hand', () => {
    // B 84, T 90, N 86.3 (national, March 2023); the other regions' B: 81, 81, 85; every Δ: 6, 9, 9, 5.
    // The target falls due at the end of March 2024: national 85.7 for the year to March 2024.
    expect(row('north-east', 'housed-first-night')).toMatchObject({
      comparator_pct: 86.3,
      comparator_kind: 'national',
      comparator_period: '2023-03',
      baseline_gap_pp: -2.3, // 84 − 86.3
      target_comparator_pct: 85.7,
      target_comparator_period: '2023-04/2024-03',
      target_gap_pp: 4.3, // 90 − 85.7
      change_pp: 6,
      relative_uplift_pct: 7.1429, // 6 / 84
      headroom_closure_pct: 37.5, // 6 / 16
      national_gap_closure_pct: 260.8696, // 6 / 2.3
      months_to_target: 12, // March 2023 → March 2024, when a target "by April 2024" falls due
      pp_per_year: 6, // 6 / 12 × 12
      baseline_rank: 2,
      baseline_rank_of: 4,
      baseline_rank_ties: 1,
      // Every region aims for 90%: the steps (6, 9, 9, 5) only mirror the starts, and are not ranked.
      ambition_rank: null,
      ambition_rank_of: null,
      ambition_rank_ties: null,
      peer_baseline_n: 3, // a region is not its own peer
      peer_baseline_min: 81,
      peer_baseline_median: 81,
      peer_baseline_max: 85,
      peer_target_n: 3,
      peer_target_median: 90,
      ambition_band: 'beyond-best-peer', // 90 > 85, 81, 81
      source: 'north-east-2023.txt:142',
    });
    expect(row('north-east', 'housed-first-night').comparator_source).toContain(
      'Accommodation on release from custody',
    );
    // z: mean 82.75, population sd √(3.1875) = 1.78536
    expect(row('north-east', 'housed-first-night').baseline_z).toBeCloseTo(
      (84 - 82.75) / Math.sqrt(3.1875),
      4,
    );
  });

  it('East of England, employment six weeks after release: 15 months at 3.2 pp a year, compared with nothing when due', () => {
    expect(row('east-of-england', 'employment-6w')).toMatchObject({
      comparator_pct: 19.4,
      comparator_period: '2023-03',
      months_to_target: 15, // March 2023 → June 2024, when "by July 2024" falls due
      pp_per_year: 3.2, // 4 / 15 × 12
      target_pct: 20,
      // Due after the May 2024 series break: no national figure for then, and March 2023's is
      // across the break; so no target gap and no share of the national gap closed.
      target_comparator_pct: null,
      target_gap_pp: null,
      national_gap_closure_pct: null,
      // Alone in being due in July 2024: no step to rank it against.
      ambition_rank: null,
      ambition_band: 'beyond-best-peer', // 20 > 14, 17, 16
    });
  });

  it('a target below the national figure is banded below-comparator before anything else', () => {
    // North East: 18 < 19.3 (the year to March 2024, when the April 2024 target falls due),
    // although 18 is above every other region's baseline.
    expect(row('north-east', 'employment-6w')).toMatchObject({
      target_comparator_pct: 19.3,
      target_gap_pp: -1.3,
      ambition_band: 'below-comparator',
      // Steps due by April 2024 from March 2023: 4 (NE), 2 (YH), 3 (SW); East of England's +4 is due in July.
      ambition_rank: 1,
      ambition_rank_of: 3,
      ambition_rank_ties: 1,
    });
  });

  it('sexual offence interventions have no national figure: the run median of 66, 49, 54, 69 is 60.0', () => {
    const r = row('north-east', 'sexual-offence-interventions');
    expect(r).toMatchObject({
      comparator_pct: 60,
      comparator_kind: 'run-median',
      // A target is never compared with a median of baselines.
      target_comparator_pct: null,
      target_gap_pp: null,
      comparator_period: '2023-03',
      baseline_gap_pp: 6,
    });
    expect(r.comparator_source).toBe(
      'median of north-east-2023.txt:172, yorkshire-and-the-humber-2023.txt:207, east-of-england-2023.txt:192, south-west-2023.txt:154',
    );
    expect(r.comparator_reasons).toContainEqual({ code: 'no-national-figure', period: '2023-03' });
    // B > N: no national gap to close.
    expect(r.national_gap_closure_pct).toBeNull();
  });

  it('settled accommodation compares a March 2023 baseline with the performance year, and says so', () => {
    const r = row('south-west', 'settled-accommodation-3m');
    expect(r).toMatchObject({
      comparator_pct: 75.6,
      comparator_period: '2022-04/2023-03',
      baseline_gap_pp: -4.6,
    });
    expect(r.comparator_reasons).toEqual([
      { code: 'other-kind-used', period: '2023-03', used: '2022-04/2023-03' },
    ]);
  });

  it('continue-to-increase targets compare their year baseline with the national year and are holding', () => {
    expect(row('east-of-england', 'employment-6m')).toMatchObject({
      kind: 'continue-increase',
      comparator_pct: 25.9,
      comparator_period: '2022-04/2023-03',
      baseline_gap_pp: -1.9,
      target_pct: null,
      change_pp: null,
      months_to_target: null,
      ambition_rank: null,
      ambition_band: 'holding',
    });
  });

  it('an undated "maintain at 38%" has no comparator, and the reason is given', () => {
    const r = row('south-west', 'employment-6m');
    expect(r).toMatchObject({
      kind: 'maintain',
      comparator_kind: 'none',
      comparator_pct: null,
      baseline_gap_pp: null,
      // Holding a level plans no step, and an undated level is compared with nothing.
      change_pp: null,
      relative_uplift_pct: null,
      headroom_closure_pct: null,
      target_comparator_pct: null,
      target_gap_pp: null,
      baseline_rank: null,
      baseline_z: null,
      ambition_rank: null,
      ambition_band: 'holding',
    });
    expect(r.comparator_reasons).toEqual([{ code: 'baseline-undated' }]);
  });

  it('ties share a rank and the next rank skips', () => {
    const ranks = ['north-east', 'yorkshire-and-the-humber', 'east-of-england', 'south-west'].map(
      (r) => row(r, 'housed-first-night').baseline_rank,
    );
    expect(ranks).toEqual([2, 3, 3, 1]);
  });

  it('states the patterns across regions, with the figures they rest on', () => {
    const shared = benchmarks.findings.filter(
      (f) => f.kind === 'shared-target-level' && f.measure === 'housed-first-night',
    );
    expect(shared).toMatchObject([{ value: 90, of: 4 }]);
    expect(shared[0]?.figures.map((f) => f.source)).toEqual([
      'north-east-2023.txt:142',
      'yorkshire-and-the-humber-2023.txt:167',
      'east-of-england-2023.txt:156',
      'south-west-2023.txt:130',
    ]);
    const find = (kind: string, measure: string) =>
      benchmarks.findings.find((f) => f.kind === kind && f.measure === measure);
    expect(find('lowest-baseline', 'employment-6w')?.figures.map((f) => [f.region_id, f.value])).toEqual([
      ['north-east', 14],
    ]);
    expect(
      find('largest-uplift', 'sexual-offence-interventions')?.figures.map((f) => [f.region_id, f.value]),
    ).toEqual([['east-of-england', 22]]);
    expect(
      find('smallest-uplift', 'sexual-offence-interventions')?.figures.map((f) => [f.region_id, f.value]),
    ).toEqual([['south-west', 1]]);
    expect(find('lowest-gap', 'settled-accommodation-3m')).toMatchObject({
      value: -9.6,
      comparator: { pct: 75.6, kind: 'national' },
    });
    expect(find('below-comparator', 'housed-first-night')?.figures).toHaveLength(4);
    // Half of any run is below its own median: that proves nothing and is not a finding.
    expect(find('below-comparator', 'sexual-offence-interventions')).toBeUndefined();
    // South West's undated level has no comparator and so is in no gap finding.
    expect(find('highest-gap', 'employment-6m')?.figures.map((f) => f.region_id)).toEqual([
      'yorkshire-and-the-humber',
    ]);
  });

  it('consolidates the national statements every document repeats, without disagreement', () => {
    expect(diagnostics).toEqual([]);
    expect(
      benchmarks.national_statements.map((s) => [s.measure, s.from_pct, s.to_pct, s.sources.length]),
    ).toEqual([
      ['employment-6w', 15, 19, 4],
      ['employment-6m', 23, 30, 4],
    ]);
  });

  it('has one row per region × quantitative target, and the CSV columns of the design', () => {
    expect(benchmarks.rows).toHaveLength(20);
    expect(BENCHMARK_COLUMNS.slice(0, 8)).toEqual([
      'region_id',
      'edition',
      'measure',
      'baseline_pct',
      'comparator_pct',
      'comparator_kind',
      'comparator_period',
      'comparator_source',
    ]);
    for (const metric of [
      'baseline_gap_pp',
      'target_gap_pp',
      'change_pp',
      'relative_uplift_pct',
      'headroom_closure_pct',
      'national_gap_closure_pct',
      'months_to_target',
      'pp_per_year',
      'baseline_rank',
      'ambition_rank',
      'baseline_z',
      'ambition_band',
      'prior_target_pct',
      'outturn_pct',
      'attained',
      'progress_ratio',
      'progress_band',
    ]) {
      expect(BENCHMARK_COLUMNS).toContain(metric);
    }
  });
});
