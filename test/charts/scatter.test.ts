import { describe, expect, it } from 'vitest';
import { type Chart, nationalCharts, renderSvg } from '../../src/charts/index.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { textBoxes } from '../helpers/svg.ts';
import { TEMPLATES } from '../helpers/views.ts';

const texts = seedTexts();
const ctx = {
  edition: 2023,
  words: TEMPLATES,
  plans: plansFrom(texts),
  benchmarks: benchmarksOf(texts).benchmarks,
};
const scatter = nationalCharts(ctx).find((c) => c.id === 'national-ambition-scatter') as Chart;
const datasets = scatter.spec.datasets as Record<string, Array<Record<string, unknown>>>;

describe('the ambition scatter marks a target due in a different month from the rest of its panel', () => {
  it("East of England's July 2024 target among April ones: a diamond, its label names the month", async () => {
    // Panel 0 is employed 6 weeks after release, where only East of England's target is due by July 2024.
    const points = datasets.panel_0_points ?? [];
    expect(points.filter((p) => p.other)).toEqual([{ baseline: 16, change: 4, mine: false, other: true }]);
    const labels = Object.entries(datasets)
      .filter(([k]) => /^panel_\d+_(left|center|right)$/.test(k))
      .flatMap(([, rows]) => rows.map((r) => r.text));
    expect(labels).toContain('East of England (due July 2024)');
    // Only the odd one out is marked: every other point in every panel is a plain circle.
    const marked = Object.entries(datasets)
      .filter(([k]) => k.endsWith('_points'))
      .flatMap(([, rows]) => rows.filter((r) => r.other));
    expect(marked).toHaveLength(1);
    expect(labels.filter((t) => String(t).includes('(due '))).toHaveLength(1);
    expect(scatter.subtitle).toContain(
      'A diamond marks a target due in a different month from the rest of its panel, its step not compared with theirs: East of England on employed 6 weeks after release, due by July 2024 (the others by April 2024).',
    );
    expect(scatter.description).toContain('baseline 16%, change +4 pp (due July 2024).');
    const svg = await renderSvg(scatter.spec);
    expect(textBoxes(svg).some((b) => b.text === 'East of England (due July 2024)')).toBe(true);
  });

  it('where every target of a panel is due the same month, nothing is marked', () => {
    const sameMonth = {
      ...ctx,
      benchmarks: {
        ...ctx.benchmarks,
        rows: ctx.benchmarks.rows.map((r) =>
          r.target_date === '2024-07' ? { ...r, target_date: '2024-04' } : r,
        ),
      },
    };
    const chart = nationalCharts(sameMonth).find((c) => c.id === 'national-ambition-scatter') as Chart;
    const all = Object.values(chart.spec.datasets as Record<string, Array<Record<string, unknown>>>).flat();
    expect(all.filter((r) => r.other)).toEqual([]);
    expect(chart.subtitle).not.toContain('diamond');
  });
});
