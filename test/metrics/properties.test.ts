import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competitionRank, computeBenchmarks } from '../../src/metrics/index.ts';
import { type Plan, REGIONS } from '../../src/model/index.ts';
import { reference } from '../helpers/metrics.ts';

/** A minimal valid plan with one housed-first-night target: enough to exercise the metrics. */
function plan(index: number, baseline: number, change: number): Plan {
  const region = REGIONS[index] ?? REGIONS[0];
  if (!region) throw new Error('no region');
  return {
    source: { file: `${region.id}.txt`, sha256: '0'.repeat(64), format: 'text' },
    region: { id: region.id, name: region.name },
    title: null,
    planPeriod: null,
    edition: 2023,
    editionInferred: false,
    directors: [],
    nationalStatements: [],
    sections: [
      {
        id: 'family-accommodation',
        heading: 'Family, accommodation and readjustment to society progress',
        line: 1,
        repeatLines: [],
        paragraphs: [],
        commitments: [],
        progress: [],
        opportunities: [],
        otherItems: [],
        targets: [
          {
            theme: 'family-accommodation',
            measure: 'housed-first-night',
            kind: 'increase',
            baselinePct: baseline,
            baselinePeriod: '2023-03',
            changePp: change,
            targetPct: Math.min(100, baseline + change),
            targetMonth: '2024-04',
            sentence: 'synthetic',
            line: 2,
          },
        ],
      },
    ],
  };
}

const runs = fc.array(
  fc.record({ baseline: fc.integer({ min: 0, max: 95 }), change: fc.integer({ min: 1, max: 5 }) }),
  { minLength: 1, maxLength: 12 },
);
const ref = reference();
const rowsOf = (targets: Array<{ baseline: number; change: number }>) =>
  computeBenchmarks(
    targets.map((t, i) => plan(i, t.baseline, t.change)),
    ref,
  ).benchmarks.rows;

describe('metric properties over any run of 1 to 12 regions', () => {
  it('ranks are a permutation with ties: sorted, they are standard competition ranks', () => {
    fc.assert(
      fc.property(runs, (targets) => {
        const rows = rowsOf(targets);
        const byValue = [...rows].sort((a, b) => (b.baseline_pct as number) - (a.baseline_pct as number));
        // No rank among fewer than two: "1st of 1" says nothing.
        if (rows.length < 2) {
          expect(rows.every((r) => r.baseline_rank === null)).toBe(true);
          return;
        }
        byValue.forEach((row, i) => {
          const firstEqual = byValue.findIndex((r) => r.baseline_pct === row.baseline_pct);
          expect(row.baseline_rank).toBe(firstEqual + 1);
          expect(row.baseline_rank).toBeLessThanOrEqual(i + 1);
          expect(row.baseline_rank_ties).toBe(
            byValue.filter((r) => r.baseline_pct === row.baseline_pct).length,
          );
        });
        expect(rows.filter((r) => r.baseline_rank === 1).length).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('z-scores sum to zero', () => {
    fc.assert(
      fc.property(runs, (targets) => {
        const zs = rowsOf(targets).map((r) => r.baseline_z);
        const varied = targets.length >= 3 && new Set(targets.map((t) => t.baseline)).size > 1;
        // Present exactly when there are three regions and some spread; then they balance out.
        expect(zs.every((z) => (z === null) === !varied)).toBe(true);
        const sum = zs.reduce<number>((a, z) => a + (z ?? 0), 0);
        expect(Math.abs(sum)).toBeLessThan(1e-3);
      }),
    );
  });

  it("changing one region's baseline changes no other region's own gap", () => {
    fc.assert(
      fc.property(runs, fc.nat(), fc.integer({ min: 0, max: 95 }), (targets, pick, newBaseline) => {
        const changed = pick % targets.length;
        const before = rowsOf(targets);
        const after = rowsOf(targets.map((t, i) => (i === changed ? { ...t, baseline: newBaseline } : t)));
        before.forEach((row, i) => {
          if (i !== changed) expect(after[i]?.baseline_gap_pp).toBe(row.baseline_gap_pp);
        });
      }),
    );
  });

  it('competition rank: 1, 2, 2, 4', () => {
    expect([9, 7, 7, 3].map((v) => competitionRank(v, [9, 7, 7, 3]))).toEqual([1, 2, 2, 4]);
  });
});
