import { describe, expect, it } from 'vitest';
import { benchmarksOf, northEastLater, rowOf, seedTexts } from '../helpers/metrics.ts';
import { replaceOnce, seedText } from '../helpers/seeds.ts';

describe('attainment across editions', () => {
  // North East 2023 targets: 6w 14 → 18, housed 84 → 90, settled 74 → 80, SOI 66 → 70, 6m continue from 16.
  const later = northEastLater(2024, {
    'from 14% in': 17, // (17 − 14) / (18 − 14) = 0.75
    'from 84% in': 86, // (86 − 84) / (90 − 84) = 0.333
    'from 74% in': 81, // (81 − 74) / (80 − 74) = 1.167
    'from 66% in': 64, // (64 − 66) / (70 − 66) = −0.5
    'from 16%, in': 18, // above the earlier 16
  });
  const { benchmarks } = benchmarksOf({ ...seedTexts(), 'north-east-2024.txt': later });
  const row = (measure: string) => rowOf(benchmarks.rows, 'north-east', measure, 2024);

  it('reads the later edition as a second North East plan', () => {
    expect(benchmarks.rows.filter((r) => r.region_id === 'north-east').map((r) => r.edition)).toEqual([
      2023, 2023, 2023, 2023, 2023, 2024, 2024, 2024, 2024, 2024,
    ]);
  });

  it.each([
    ['employment-6w', 18, 17, false, 0.75, 'needs-acceleration'],
    ['housed-first-night', 90, 86, false, 0.3333, 'limited'],
    ['settled-accommodation-3m', 80, 81, true, 1.1667, 'on-track'],
    ['sexual-offence-interventions', 70, 64, false, -0.5, 'deterioration'],
  ])(
    '%s: earlier target %s, outturn %s → attained %s, ratio %s, %s',
    (measure, prior, outturn, attained, ratio, band) => {
      expect(row(measure)).toMatchObject({
        prior_target_pct: prior,
        outturn_pct: outturn,
        attained,
        progress_ratio: ratio,
        progress_band: band,
      });
      expect(row(measure).attainment_reasons).toEqual([
        {
          code: 'attainment-outturn',
          earlier: 2023,
          later: 2024,
          period: '2024-03',
          source: expect.stringMatching(/^north-east-2023\.txt:\d+$/),
          above: null,
        },
      ]);
    },
  );

  it('a continue-to-increase target is attained when the outturn is above the earlier baseline', () => {
    expect(row('employment-6m')).toMatchObject({
      prior_target_pct: null,
      outturn_pct: 18,
      attained: true,
      progress_ratio: null,
      progress_band: null,
    });
  });

  it('a maintain target is attained when the outturn holds the level', () => {
    const sw2024 = seedText('south-west')
      .replace('Annual Update 2023', 'Annual Update 2024')
      .replace('at 38%', 'at 36%')
      .replace(/March 2023/g, 'March 2024');
    const sw = benchmarksOf({ ...seedTexts(), 'sw-2024.txt': sw2024 }).benchmarks;
    expect(rowOf(sw.rows, 'south-west', 'employment-6m', 2024)).toMatchObject({
      prior_target_pct: 38,
      outturn_pct: 36,
      attained: false,
    });
  });

  it('the earlier edition carries no attainment', () => {
    expect(rowOf(benchmarks.rows, 'north-east', 'employment-6w', 2023)).toMatchObject({
      prior_target_pct: null,
      attained: null,
      attainment_reasons: [],
    });
  });

  it('the progress band boundaries: 0.95 is on track, 0.6 needs acceleration, 0 is limited', () => {
    // housed 84 → 90 needs 6: outturns 89.7 (0.95), 87.6 (0.6), 84 (0).
    for (const [outturn, band] of [
      [89.7, 'on-track'],
      [87.6, 'needs-acceleration'],
      [84, 'limited'],
    ] as const) {
      const text = northEastLater(2024, { 'from 84% in': outturn });
      const rows = benchmarksOf({ 'ne-2023.txt': seedText('north-east'), 'ne-2024.txt': text }).benchmarks
        .rows;
      expect(rowOf(rows, 'north-east', 'housed-first-night', 2024).progress_band).toBe(band);
    }
  });
});

describe('a break in the national series', () => {
  const ne2024 = northEastLater(2024, {});
  const ne2025 = northEastLater(2025, {});
  const { benchmarks } = benchmarksOf({ 'ne-2024.txt': ne2024, 'ne-2025.txt': ne2025 });

  it('is never crossed by a comparator: the broken performance year is not used, and the reason is given', () => {
    const r = rowOf(benchmarks.rows, 'north-east', 'employment-6w', 2025);
    expect(r).toMatchObject({ comparator_kind: 'none', comparator_pct: null, baseline_gap_pp: null });
    expect(r.comparator_reasons).toContainEqual({
      code: 'national-not-comparable',
      period: '2024-04/2025-03',
    });
  });

  it('a measure without a break still gets its figure, with the period mismatch stated', () => {
    const r = rowOf(benchmarks.rows, 'north-east', 'housed-first-night', 2025);
    expect(r).toMatchObject({
      comparator_pct: 84,
      comparator_period: '2024-04/2025-03',
      comparator_kind: 'national',
    });
  });

  it('is never crossed by attainment either', () => {
    const r = rowOf(benchmarks.rows, 'north-east', 'employment-6w', 2025);
    expect(r).toMatchObject({ attained: null, progress_ratio: null });
    expect(r.attainment_reasons).toEqual([
      expect.objectContaining({
        code: 'attainment-after-break',
        broke: '2024-05',
        earlier: 2024,
        later: 2025,
      }),
    ]);
    // Housed on the first night has no break: 84 again against the 2024 target of 90 is computed, not attained.
    expect(rowOf(benchmarks.rows, 'north-east', 'housed-first-night', 2025)).toMatchObject({
      attained: false,
      progress_ratio: 0,
      progress_band: 'limited',
    });
  });

  it('with fewer than three regions there is no peer median, and the reports are told why', () => {
    const r = rowOf(benchmarks.rows, 'north-east', 'sexual-offence-interventions', 2025);
    expect(r).toMatchObject({ comparator_kind: 'none', comparator_pct: null, baseline_z: null });
    expect(r.comparator_reasons).toContainEqual({ code: 'too-few-peers', period: '2025-03', n: 1 });
  });
});

describe('national statements from the documents', () => {
  it('documents that disagree give a warning naming both lines', () => {
    const texts = seedTexts();
    texts['south-west-2023.txt'] = replaceOnce(
      texts['south-west-2023.txt'] as string,
      'increased from 15% to 19%',
      'increased from 15% to 21%',
    );
    const { diagnostics, benchmarks } = benchmarksOf(texts);
    expect(diagnostics).toMatchObject([
      { code: 'national-statements-disagree', level: 'warning', file: 'south-west-2023.txt', line: 57 },
    ]);
    expect(diagnostics[0]?.message).toContain('15% to 21% here but 15% to 19% at north-east-2023.txt:53');
    expect(
      benchmarks.national_statements.filter((s) => s.measure === 'employment-6w').map((s) => s.to_pct),
    ).toEqual([19, 21]);
  });
});
