import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { runtimeSpec, shapeStats } from '../../src/charts/compile.ts';
import { compileSpec, nationalCharts, regionalCharts, renderSvg } from '../../src/charts/index.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { twelveRegionTexts } from '../helpers/regions.ts';

const direct = (spec: TopLevelSpec) => JSON.stringify(vega.parse(compileSpec(spec)));
const cached = (spec: TopLevelSpec) => JSON.stringify(runtimeSpec(spec));
const counting = <T>(run: () => T): [T, typeof shapeStats] => {
  const before = { ...shapeStats };
  const result = run();
  return [
    result,
    {
      parsed: shapeStats.parsed - before.parsed,
      reused: shapeStats.reused - before.reused,
      alone: shapeStats.alone - before.alone,
    },
  ];
};

const bar = (extra: Record<string, unknown>): TopLevelSpec =>
  ({
    title: { text: ['A headline'], subtitle: ['What is plotted'] },
    description: 'Two bars.',
    data: {
      values: [
        { region: 'North East', value: 3 },
        { region: 'Wales', value: 5 },
      ],
    },
    mark: 'bar',
    encoding: {
      x: { field: 'region', type: 'nominal' },
      y: { field: 'value', type: 'quantitative' },
    },
    ...extra,
  }) as TopLevelSpec;

describe('each chart shape is compiled and parsed once', () => {
  it('every chart of a twelve-region run parses exactly as compiling it on its own would', () => {
    const texts = twelveRegionTexts();
    const ctx = { edition: 2023, plans: plansFrom(texts), benchmarks: benchmarksOf(texts).benchmarks };
    const charts = [...nationalCharts(ctx), ...ctx.plans.flatMap((p) => regionalCharts(ctx, p.region.id))];
    const [specs, stats] = counting(() => charts.map((c) => cached(c.spec)));
    charts.forEach((chart, i) => {
      expect(specs[i], chart.id).toBe(direct(chart.spec));
    });
    // Twelve regions share each regional shape: far fewer compilations than charts.
    expect(stats.alone).toBe(0);
    expect(stats.parsed + stats.reused).toBe(charts.length);
    expect(stats.parsed).toBeLessThan(charts.length / 4);
  });

  it("one region's chart compiled from another's shape keeps its own headline, data and highlight", async () => {
    const texts = seedTexts();
    const ctx = { edition: 2023, plans: plansFrom(texts), benchmarks: benchmarksOf(texts).benchmarks };
    const chart = (region: string, id: string) => {
      const found = regionalCharts(ctx, region as never).find((c) => c.id === `${region}-${id}`);
      if (!found) throw new Error(`no chart ${region}-${id}`);
      return found;
    };
    const secondFromFirst = async (id: string) => {
      await renderSvg(chart('north-east', id).spec);
      const before = shapeStats.reused;
      const svg = await renderSvg(chart('south-west', id).spec);
      expect(shapeStats.reused - before).toBe(1);
      return svg;
    };
    // A measure's chart: the same headline in every region, the region's own name in bold.
    const dumbbell = await secondFromFirst('employment-6w');
    expect(dumbbell).toMatch(/font-weight="bold"[^>]*>South West</);
    expect(dumbbell).not.toMatch(/font-weight="bold"[^>]*>North East</);
    // The spine chart: a headline naming the region, and the region's own values.
    const spine = await secondFromFirst('spine');
    const own = chart('south-west', 'spine');
    expect(own.title).toMatch(/^South West/);
    expect(spine).toContain(`>${own.title.split(' ').slice(0, 4).join(' ')}`);
    expect(spine).not.toContain('North East');
    expect(spine).toContain(String(own.table.rows[0]?.baseline_pct));
  });

  it('charts differing only in headline, data and parameter values share a shape', () => {
    const a = bar({ params: [{ name: 'highlighted', value: 'Wales' }] });
    const b = bar({
      title: { text: ['Another headline, "quoted"'], subtitle: ['Line one', 'line two'] },
      description: 'Other bars \\ with a backslash.',
      data: { values: [{ region: 'London', value: 7 }] },
      params: [{ name: 'highlighted', value: 'London' }],
    });
    cached(a);
    const [spec, stats] = counting(() => cached(b));
    expect(stats).toEqual({ parsed: 0, reused: 1, alone: 0 });
    expect(spec).toBe(direct(b));
  });

  it('a title given as an expression, or a selection, is compiled into the shape, not put back as text', () => {
    const expr = bar({ title: { text: { expr: "'Computed ' + 'title'" } } });
    expect(cached(expr)).toBe(direct(expr));
    const selection = bar({ params: [{ name: 'pick', select: 'point', value: [{ region: 'Wales' }] }] });
    expect(cached(selection)).toBe(direct(selection));
  });

  it('a spec that already holds the placeholder mark is compiled on its own', () => {
    const odd = bar({ description: 'A \uffffslot0\uffff in the text' });
    const [spec, stats] = counting(() => cached(odd));
    expect(stats.alone).toBe(1);
    expect(spec).toBe(direct(odd));
  });

  it('a chart whose shape does not compile fails with its own description in the message', () => {
    // Vega-Lite drops a shape encoding on bars with a warning, which the tool treats as an error.
    const broken = bar({
      description: 'The broken one.',
      encoding: { x: { field: 'region', type: 'nominal' }, shape: { field: 'region', type: 'nominal' } },
    });
    expect(() => runtimeSpec(broken)).toThrow(/"The broken one\.".*shape dropped/);
  });
});
