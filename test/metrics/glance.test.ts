import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRegionalFigures } from '../../src/ingest/regional-figures.ts';
import {
  competitionRank,
  glanceRows,
  hasPassed,
  rate,
  SIMILAR_PP,
  targetStatus,
} from '../../src/metrics/index.ts';
import type { RegionalFigures } from '../../src/model/index.ts';
import { benchmarksOf, northEastLater, reference, rowOf, seedTexts } from '../helpers/metrics.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'regional-figures', 'regional-figures.json');
const fixture = (): RegionalFigures => {
  const read = readRegionalFigures(readFileSync(FIXTURE, 'utf8'));
  if (!read.ok) throw new Error(JSON.stringify(read.diagnostics));
  return read.figures;
};

describe('rating against the comparator', () => {
  it('follows the polarity: a gap above is better where higher is better, worse where lower is', () => {
    expect(rate(5.4, 'higher-is-better')).toBe('better');
    expect(rate(-5.4, 'higher-is-better')).toBe('worse');
    expect(rate(5.4, 'lower-is-better')).toBe('worse');
    expect(rate(-5.4, 'lower-is-better')).toBe('better');
  });

  it(`is similar within ${SIMILAR_PP} point either way, and only there`, () => {
    for (const polarity of ['higher-is-better', 'lower-is-better'] as const) {
      expect(rate(SIMILAR_PP, polarity)).toBe('similar');
      expect(rate(-SIMILAR_PP, polarity)).toBe('similar');
      expect(rate(0, polarity)).toBe('similar');
      expect(rate(SIMILAR_PP + 0.1, polarity)).not.toBe('similar');
      expect(rate(-SIMILAR_PP - 0.1, polarity)).not.toBe('similar');
    }
  });

  it('property: swapping the polarity swaps better and worse and keeps similar', () => {
    const swap = { better: 'worse', worse: 'better', similar: 'similar' } as const;
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (gap) => {
        expect(rate(gap, 'lower-is-better')).toBe(swap[rate(gap, 'higher-is-better')]);
      }),
    );
  });
});

describe('the glance rows of the seeds', () => {
  const { benchmarks } = benchmarksOf(seedTexts());
  const input = { rows: benchmarks.rows, reference: reference(), regional: null, date: '2025-07-31' };

  it('rates every row from its gap against the national figure and the polarity, never a level with no date nor against a run median', () => {
    let unrated = 0;
    for (const region of [
      'north-east',
      'south-west',
      'east-of-england',
      'yorkshire-and-the-humber',
    ] as const) {
      for (const g of glanceRows(input, region, 2023)) {
        const row = rowOf(benchmarks.rows, region, g.measure);
        const national = row.comparator_kind === 'national';
        if (row.baseline_period === null || row.baseline_gap_pp === null || !national) {
          expect(g.rated).toBeNull();
          unrated += row.comparator_kind === 'run-median' ? 1 : 0;
        } else expect(g.rated?.rating).toBe(rate(row.baseline_gap_pp, 'higher-is-better'));
      }
    }
    // Sexual offence interventions have no national figure: all four compared with the run median.
    expect(unrated).toBe(4);
  });

  it('gives the peers without the region itself, and the rank with ties', () => {
    // Housed on the first night, March 2023: North East 84, Yorkshire 81, East of England 81, South West 85.
    const yorkshire = glanceRows(input, 'yorkshire-and-the-humber', 2023).find(
      (g) => g.measure === 'housed-first-night',
    );
    expect(yorkshire?.peers).toEqual({ n: 3, min: 81, median: 84, max: 85, period: '2023-03' });
    expect(yorkshire?.rank).toEqual({ rank: 3, of: 4, ties: 2 });
  });

  it('gives a level with no date no peers, no rank and no rating, and counts it nowhere else', () => {
    const sw = glanceRows(input, 'south-west', 2023).find((g) => g.measure === 'employment-6m');
    expect(sw).toMatchObject({ value: 38, period: null, peers: null, rank: null, rated: null });
    const ne = glanceRows(input, 'north-east', 2023).find((g) => g.measure === 'employment-6m');
    expect(ne?.peers?.n).toBe(2);
  });

  it('says a target due by April 2024 has passed on 31 July 2025, with no outturn and the national movement as context', () => {
    const ne = glanceRows(input, 'north-east', 2023).find((g) => g.measure === 'employment-6w');
    // Baseline March 2023, due March 2024: no national single month for March 2024, so the
    // performance years ending in those months, 17.4% to 19.3%.
    expect(ne?.status).toEqual({
      kind: 'no-outturn',
      date: '2024-04',
      why: [],
      national: {
        from: expect.objectContaining({ value: 17.4, period: '2022-04/2023-03' }),
        to: expect.objectContaining({ value: 19.3, period: '2023-04/2024-03' }),
        change: 1.9,
      },
    });
  });

  it('says "due" before the target month, and passed from its first day', () => {
    expect(hasPassed('2024-04', '2024-03-31')).toBe(false);
    expect(hasPassed('2024-04', '2024-04-01')).toBe(true);
    const ne = glanceRows({ ...input, date: '2024-03-31' }, 'north-east', 2023);
    // North East dates four of its targets: the comparison below is never of two empty lists.
    expect(ne.filter((g) => g.target.date !== null)).toHaveLength(4);
    expect(ne.filter((g) => g.target.date !== null).map((g) => g.status)).toEqual(
      ne.filter((g) => g.target.date !== null).map(() => ({ kind: 'due', date: '2024-04' })),
    );
  });

  it('uses official regional figures where the input has them: met, not met, and none for others', () => {
    const rows = glanceRows({ ...input, regional: fixture() }, 'north-east', 2023);
    const status = (m: string) => rows.find((g) => g.measure === m)?.status;
    // Fixture: 19% in March 2024 against a target of 18%; 85% in the year to March 2024 against 90%.
    expect(status('employment-6w')).toMatchObject({ kind: 'met', target: 18, from: 'official' });
    expect(status('employment-6w')).toMatchObject({ outturn: { value: 19, period: '2024-03' } });
    expect(status('housed-first-night')).toMatchObject({ kind: 'not-met', target: 90, from: 'official' });
    expect(status('settled-accommodation-3m')).toMatchObject({ kind: 'no-outturn' });
    // Never another region's figure.
    const yorkshire = glanceRows({ ...input, regional: fixture() }, 'yorkshire-and-the-humber', 2023);
    expect(yorkshire.every((g) => g.status.kind !== 'met' && g.status.kind !== 'not-met')).toBe(true);
  });
});

describe('the rating agrees with the ranks and gaps of benchmarks.csv', () => {
  const order = { worse: 0, similar: 1, better: 2 } as const;

  it('property: among regions sharing a comparator, a better rank is never rated lower', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, comparator) => {
          const rated = values.map((v) => ({
            rank: competitionRank(v, values),
            rating: rate(v - comparator, 'higher-is-better'),
          }));
          for (const a of rated)
            for (const b of rated)
              if (a.rank < b.rank) expect(order[a.rating]).toBeGreaterThanOrEqual(order[b.rating]);
        },
      ),
    );
  });

  it("holds for every row of the seeds: the gap's sign and size give the rating, and ranks order it", () => {
    const { benchmarks } = benchmarksOf(seedTexts());
    const input = { rows: benchmarks.rows, reference: reference(), regional: null, date: '2025-07-31' };
    const all = (
      ['north-east', 'south-west', 'east-of-england', 'yorkshire-and-the-humber'] as const
    ).flatMap((r) => glanceRows(input, r, 2023));
    for (const g of all) {
      const row = rowOf(benchmarks.rows, g.region_id, g.measure);
      if (!g.rated) continue;
      expect(g.rated.gap).toBe(row.baseline_gap_pp);
      expect(g.rated.rating === 'similar').toBe(Math.abs(row.baseline_gap_pp as number) <= SIMILAR_PP);
      for (const h of all) {
        if (!h.rated || h.measure !== g.measure || h.rank === null || g.rank === null) continue;
        if (h.comparison?.value !== g.comparison?.value || h.period !== g.period) continue;
        if (g.rank.rank < h.rank.rank)
          expect(order[g.rated.rating]).toBeGreaterThanOrEqual(order[h.rated.rating]);
      }
    }
  });
});

describe('two editions: the earlier targets checked by the later update', () => {
  const later = northEastLater(2024, {
    'from 14% in': 17,
    'from 84% in': 86,
    'from 74% in': 81,
    'from 66% in': 64,
    'from 16%, in': 18,
  });
  const { benchmarks } = benchmarksOf({ ...seedTexts(), 'north-east-2024.txt': later });
  const input = { rows: benchmarks.rows, reference: reference(), regional: null, date: '2025-07-31' };
  const rows = glanceRows(input, 'north-east', 2024);
  const previous = (m: string) => rows.find((g) => g.measure === m)?.previous;

  it('says met or not met from the later baseline, never from the national figures', () => {
    expect(previous('settled-accommodation-3m')?.target).toMatchObject({
      kind: 'met',
      target: 80,
      outturn: { value: 81, period: '2024-03' },
      from: 'update',
    });
    expect(previous('sexual-offence-interventions')?.target).toMatchObject({ kind: 'not-met', target: 70 });
    // "Continue to increase" from 16%, with no date: the later 18% says it did.
    expect(previous('employment-6m')?.target).toMatchObject({ kind: 'met', target: 16, from: 'update' });
    expect(rows.find((g) => g.measure === 'employment-6m')?.status).toEqual({ kind: 'undated' });
  });

  it('gives the change since the previous update, in points, and the later targets "due"', () => {
    expect(previous('housed-first-night')).toMatchObject({ edition: 2023, change: 2 });
    expect(previous('sexual-offence-interventions')).toMatchObject({ change: -2 });
    expect(rows.find((g) => g.measure === 'housed-first-night')?.status).toMatchObject({
      kind: 'no-outturn',
    });
    const early = glanceRows({ ...input, date: '2024-12-01' }, 'north-east', 2024);
    expect(early.find((g) => g.measure === 'housed-first-night')?.status).toEqual({
      kind: 'due',
      date: '2025-04',
    });
  });

  it('a later update across a series break gives no outturn: the reason, not a verdict', () => {
    const row = rowOf(benchmarks.rows, 'north-east', 'employment-6w', 2023);
    const after = { ...rowOf(benchmarks.rows, 'north-east', 'employment-6w', 2024), attained: null };
    after.attainment_reasons = [
      { code: 'attainment-after-break', broke: '2023-06', description: 'x', earlier: 2023, later: 2024 },
    ];
    const status = targetStatus(row, '2025-07-31', after, null, reference());
    expect(status).toMatchObject({ kind: 'no-outturn', national: null });
  });
});
