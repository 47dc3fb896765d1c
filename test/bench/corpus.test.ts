import { describe, expect, it } from 'vitest';
import { corpus } from '../../src/bench/corpus.ts';
import { ingest } from '../../src/ingest/index.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

describe('the benchmark corpus', () => {
  it('120 documents read without errors as twelve regions over ten editions', () => {
    const docs = corpus(SEEDS_DIR, 120);
    const { plans, diagnostics } = ingest([...docs].map(([file, bytes]) => ({ file, bytes })));
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(plans).toHaveLength(120);
    expect(new Set(plans.map((p) => p.region.id)).size).toBe(12);
    expect([...new Set(plans.map((p) => p.edition))].sort()).toEqual([
      2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032,
    ]);
    expect(
      plans.every(
        (p) => p.sections.flatMap((s) => s.targets).filter((t) => t.measure !== 'qualitative').length === 5,
      ),
    ).toBe(true);
  });
});
