import { describe, expect, it } from 'vitest';
import { type Chart, regionalCharts, renderSvg } from '../../src/charts/index.ts';
import { centreOf, LEAST_SPREAD_PP, placed } from '../../src/charts/specs/spine-layout.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { oneRegionTexts, twelveRegionTexts } from '../helpers/regions.ts';
import { overlaps, type TextBox, textBoxes } from '../helpers/svg.ts';
import { TEMPLATES } from '../helpers/views.ts';

function spines(texts: Record<string, string>) {
  const plans = plansFrom(texts);
  const benchmarks = benchmarksOf(texts).benchmarks;
  const ctx = { edition: 2023, words: TEMPLATES, plans, benchmarks };
  return {
    benchmarks,
    charts: plans.map((p) => regionalCharts(ctx, p.region.id).find((c) => c.kind === 'spine') as Chart),
  };
}

const seeds = spines(seedTexts());
const rowsOf = (chart: Chart) =>
  ((chart.spec as unknown as { datasets: { rows: Record<string, unknown>[] } }).datasets.rows ?? []) as Array<
    Record<string, number | null | string | string[]>
  >;

describe('the spine chart: each row scaled around its comparator', () => {
  it('centres every row on its comparator and reaches the strip’s edge with its farthest value', () => {
    const rows = seeds.benchmarks.rows.filter((r) => r.edition === 2023);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      const at = placed(r);
      const xs = [at.x_baseline, at.x_target, at.x_min, at.x_max, at.x_median].filter(
        (v): v is number => v !== null,
      );
      const centre = centreOf(r);
      expect(at.x_centre).toBe(centre.value === null ? null : 0);
      // With nothing to centre on, nothing is placed (see the test of South West below).
      expect(at.off).toBe(centre.value === null);
      if (centre.value === null) {
        expect(xs).toEqual([]);
        continue;
      }
      // Every value within the strip; the farthest at its edge unless the row is within the least spread.
      for (const v of xs) expect(Math.abs(v)).toBeLessThanOrEqual(1);
      const base = centre.value ?? r.baseline_pct ?? r.target_pct ?? 0;
      const farthest = Math.max(
        0,
        ...[r.baseline_pct, r.target_pct, r.peer_baseline_min, r.peer_baseline_max]
          .filter((v): v is number => v !== null)
          .map((v) => Math.abs(v - base)),
      );
      if (farthest >= LEAST_SPREAD_PP) expect(Math.max(...xs.map(Math.abs))).toBeCloseTo(1, 3);
      // Sides are kept: a value below the comparator is drawn left of the centre.
      if (r.baseline_pct !== null && centre.value !== null && at.x_baseline !== null)
        expect(Math.sign(at.x_baseline as number)).toBe(Math.sign(r.baseline_pct - centre.value));
    }
  });

  it('North East: 14% against a national 19.4% is the left edge of its row, not a sliver of 0–100', () => {
    const chart = seeds.charts.find((c) => c.id === 'north-east-spine') as Chart;
    const six = rowsOf(chart).find((r) => r.measure === 'Employed 6 weeks after release');
    expect(six?.x_baseline).toBe(-1);
    expect(six?.values).toEqual(['14% to 18%', 'centre: national 19.4%']);
    const sexual = rowsOf(chart).find((r) => r.measure === 'Sexual offence interventions completed');
    expect(sexual?.values).toEqual(['66% to 70%', 'centre: median of the regions 60%']);
  });

  it('a value with no comparator is not drawn on the centre line: grey, left of the scale, and says why', async () => {
    // South West's 38% on employed 6 months has no date, so no national figure or peers to centre on;
    // centred on itself it sat on the centre line, read as "at the national figure".
    const chart = seeds.charts.find((c) => c.id === 'south-west-spine') as Chart;
    const row = rowsOf(chart).find((r) => r.measure === 'Employed 6 months after release');
    expect(row).toMatchObject({ off: true, x_baseline: null, x_target: null, x_centre: null });
    expect(row?.off_label).toBe('38%, hold: no comparator, so not placed');
    expect(chart.subtitle).toContain("A grey dot left of a row's scale: a value with no comparator");
    // Rows with a comparator are placed as before, with no such note.
    const placedRows = rowsOf(chart).filter((r) => r.measure !== 'Employed 6 months after release');
    for (const r of placedRows) expect(r).toMatchObject({ off: false, off_label: null, x_centre: 0 });
    // Drawn: the note is printed beside the grey dot.
    const svg = await renderSvg(chart.spec);
    expect(textBoxes(svg).some((b) => b.text === '38%, hold: no comparator, so not placed')).toBe(true);
    // A region whose rows all have a comparator says nothing of grey dots.
    const northEast = seeds.charts.find((c) => c.id === 'north-east-spine') as Chart;
    expect(northEast.subtitle).not.toContain('grey dot');
  });

  it('the region is a blue dot and the other regions a grey bar: shape and colour both differ', () => {
    const layers = (
      (seeds.charts[0] as Chart).spec as unknown as { layer: Array<{ mark: Record<string, unknown> }> }
    ).layer;
    const range = layers.find((l) => l.mark.type === 'rule')?.mark;
    const own = layers.find((l) => l.mark.type === 'point' && l.mark.shape === 'circle')?.mark;
    const target = layers.find((l) => l.mark.type === 'point' && l.mark.shape === 'diamond')?.mark;
    expect(range?.color).not.toBe(own?.color);
    expect(own?.filled).toBe(true);
    expect(target?.filled).toBe(false);
    expect(seeds.charts[0]?.subtitle).toMatch(
      /Blue dot: .*'s baseline; open blue diamond: its target; grey bar/,
    );
  });
});

/** Text boxes of a spine with the row labels and values, whose overlaps are what a reader would see. */
async function boxes(chart: Chart): Promise<TextBox[]> {
  return textBoxes(await renderSvg(chart.spec));
}

describe('the spine chart: labels never overlap', () => {
  it.each([
    ['the four seed documents', seedTexts],
    ['twelve regions', twelveRegionTexts],
    ['one region', oneRegionTexts],
  ])('%s: no two labels overlap, and each row prints its values', async (_name, texts) => {
    for (const chart of spines(texts()).charts) {
      const found = await boxes(chart);
      expect({ chart: chart.id, clashes: overlaps(found) }).toEqual({ chart: chart.id, clashes: [] });
      for (const row of rowsOf(chart)) {
        const [value] = row.values as string[];
        expect(found.some((b) => b.text.startsWith(value as string))).toBe(true);
      }
    }
  });
});
