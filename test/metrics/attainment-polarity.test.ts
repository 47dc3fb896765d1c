import { describe, expect, it, vi } from 'vitest';
import { attainment } from '../../src/metrics/attainment.ts';
import { benchmarksOf, northEastLater, reference, rowOf, seedTexts } from '../helpers/metrics.ts';

// Every published measure is higher-is-better. To test the other direction, this file's registry
// says (a fixture, not a fact) that sexual offence interventions are a measure where lower is better.
vi.mock('../../src/model/measures.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/model/measures.ts')>();
  return {
    ...real,
    measureById: (id: Parameters<typeof real.measureById>[0]) => {
      const m = real.measureById(id);
      return id === 'sexual-offence-interventions' ? { ...m, polarity: 'lower-is-better' } : m;
    },
  };
});

describe('attainment follows the measure’s polarity', () => {
  // North East 2023: sexual offence interventions 66% → 70%; the 2024 fixture gives 64%.
  const later = northEastLater(2024, { 'from 66% in': 64, 'from 14% in': 17 });
  const { benchmarks } = benchmarksOf({ ...seedTexts(), 'north-east-2024.txt': later });
  const pair = (measure: string) =>
    attainment(
      rowOf(benchmarks.rows, 'north-east', measure, 2023),
      rowOf(benchmarks.rows, 'north-east', measure, 2024),
      reference(),
    );

  it('where lower is better, an outturn below the level is reached', () => {
    expect(pair('sexual-offence-interventions')).toMatchObject({ outturn_pct: 64, attained: true });
  });

  it('where higher is better, as before: 17% short of 18% is not reached', () => {
    expect(pair('employment-6w')).toMatchObject({ outturn_pct: 17, attained: false });
  });
});
