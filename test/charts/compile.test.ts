import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { shapeStats } from '../../src/charts/compile.ts';
import { stableIds } from '../../src/charts/files.ts';
import { compileSpec, nationalCharts, regionalCharts, renderSvg } from '../../src/charts/index.ts';
import type { RegionId } from '../../src/model/index.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { twelveRegionTexts } from '../helpers/regions.ts';
import { TEMPLATES } from '../helpers/views.ts';

/** The chart compiled, parsed and drawn on its own, with nothing shared with any other chart. */
async function alone(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compileSpec(spec)), { renderer: 'none' });
  try {
    return stableIds('chart', await view.toSVG());
  } finally {
    view.finalize();
  }
}
/** The chart drawn as the tool draws it: a View of its shape, its own rows and texts bound in. */
const bound = async (spec: TopLevelSpec) => stableIds('chart', await renderSvg(spec));

const counting = async <T>(run: () => Promise<T>): Promise<[T, typeof shapeStats]> => {
  const before = { ...shapeStats };
  const result = await run();
  return [
    result,
    {
      parsed: shapeStats.parsed - before.parsed,
      reused: shapeStats.reused - before.reused,
      alone: shapeStats.alone - before.alone,
    },
  ];
};

/** A top-level spec of one mark. */
type UnitChart = Extract<TopLevelSpec, { mark: unknown }>;

const bar = (extra: Partial<UnitChart>): UnitChart => ({
  title: { text: ['A headline'], subtitle: ['What is plotted'] },
  description: 'Two bars.',
  datasets: {
    rows: [
      { region: 'North East', value: 3 },
      { region: 'Wales', value: 5 },
    ],
  },
  data: { name: 'rows' },
  mark: 'bar',
  encoding: {
    x: { field: 'region', type: 'nominal' },
    y: { field: 'value', type: 'quantitative' },
    color: {
      condition: { test: 'datum.region === highlighted', value: 'black' },
      value: 'grey',
    },
  },
  params: [{ name: 'highlighted', value: 'Wales' }],
  ...extra,
});

describe('each chart shape is compiled and parsed once', () => {
  it('every chart of a twelve-region run draws exactly as it does compiled on its own', async () => {
    const texts = twelveRegionTexts();
    const ctx = {
      edition: 2023,
      words: TEMPLATES,
      plans: plansFrom(texts),
      benchmarks: benchmarksOf(texts).benchmarks,
    };
    const charts = [...nationalCharts(ctx), ...ctx.plans.flatMap((p) => regionalCharts(ctx, p.region.id))];
    const [svgs, stats] = await counting(async () => {
      const out: string[] = [];
      for (const chart of charts) out.push(await bound(chart.spec));
      return out;
    });
    for (const [i, chart] of charts.entries()) expect(svgs[i], chart.id).toBe(await alone(chart.spec));
    // Twelve regions share each regional shape: far fewer compilations than charts.
    expect(stats.alone).toBe(0);
    expect(stats.parsed + stats.reused).toBe(charts.length);
    expect(stats.parsed).toBeLessThan(charts.length / 4);
  });

  it("one region's chart drawn from another's shape keeps its own headline, data and highlight", async () => {
    const texts = seedTexts();
    const ctx = {
      edition: 2023,
      words: TEMPLATES,
      plans: plansFrom(texts),
      benchmarks: benchmarksOf(texts).benchmarks,
    };
    const chart = (region: RegionId, id: string) => {
      const found = regionalCharts(ctx, region).find((c) => c.id === `${region}-${id}`);
      if (!found) throw new Error(`no chart ${region}-${id}`);
      return found;
    };
    const secondFromFirst = async (id: string) => {
      await renderSvg(chart('north-east', id).spec);
      const [svg, stats] = await counting(() => renderSvg(chart('south-west', id).spec));
      expect(stats).toEqual({ parsed: 0, reused: 1, alone: 0 });
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

  it('charts differing only in headline, subtitle, description, rows and parameter values share a shape', async () => {
    const a = bar({});
    const b = bar({
      title: { text: ['Another headline, "quoted"'], subtitle: ['Line one', 'line two'] },
      description: 'Other bars \\ with a backslash.',
      datasets: { rows: [{ region: 'London', value: 7 }] },
      params: [{ name: 'highlighted', value: 'London' }],
    });
    await bound(a);
    const [svg, stats] = await counting(() => bound(b));
    expect(stats).toEqual({ parsed: 0, reused: 1, alone: 0 });
    expect(svg).toBe(await alone(b));
    expect(svg).toContain('>Another headline, "quoted"<');
    expect(svg).toContain('>line two<');
    expect(svg).not.toContain('North East');
    // The bound parameter: London, the one bar, is drawn highlighted.
    expect(svg).toMatch(/fill="black"/);
  });

  it('a chart with no subtitle is not drawn from the shape of one with a subtitle', async () => {
    await bound(bar({}));
    const plain = bar({ title: { text: ['Only a headline'] } });
    const [svg, stats] = await counting(() => bound(plain));
    expect(stats.parsed).toBe(1);
    expect(svg).toBe(await alone(plain));
    // An empty subtitle is no subtitle: it is left in the shape, not bound.
    const empty = bar({ title: { text: ['A headline'], subtitle: [] } });
    expect(await bound(empty)).toBe(await alone(empty));
  });

  it('a title given as an expression is compiled into the shape; a selection, holding rows of its own, alone', async () => {
    const expr = bar({ title: { text: { expr: "'Computed ' + 'title'" } } });
    expect(await bound(expr)).toBe(await alone(expr));
    const pick = (region: string) =>
      bar({
        params: [
          { name: 'highlighted', value: 'Wales' },
          { name: 'pick', select: 'point', value: [{ region }] },
        ],
      });
    await bound(pick('Wales'));
    const [svg, stats] = await counting(() => bound(pick('North East')));
    expect(stats).toEqual({ parsed: 0, reused: 0, alone: 1 });
    expect(svg).toBe(await alone(pick('North East')));
  });

  it('a chart with inline rows, or datasets that are not rows, is compiled on its own', async () => {
    const { datasets: _, ...rest } = bar({});
    const inline: TopLevelSpec = { ...rest, data: { values: [{ region: 'Wales', value: 5 }] } };
    const values = bar({
      datasets: { rows: [1, 2, 3] },
      encoding: { x: { field: 'data', type: 'nominal' } },
    });
    for (const spec of [inline, values]) {
      const [svg, stats] = await counting(() => bound(spec));
      expect(stats).toEqual({ parsed: 0, reused: 0, alone: 1 });
      expect(svg).toBe(await alone(spec));
    }
  });

  it('a parameter named as the title signal is not overwritten by the headline', async () => {
    const clash = bar({
      params: [
        { name: 'highlighted', value: 'Wales' },
        { name: 'chart_title', value: 'not a headline' },
      ],
    });
    const [svg, stats] = await counting(() => bound(clash));
    expect(stats.alone).toBe(1);
    expect(svg).toBe(await alone(clash));
  });

  it('drawing a chart writes nothing into its spec: it is published and hashed as it was built', async () => {
    // A calculation and a stack both add fields to the rows they work on.
    const worked = bar({
      transform: [{ calculate: 'datum.value * 2', as: 'double' }],
      encoding: {
        x: { field: 'region', type: 'nominal' },
        y: { field: 'double', type: 'quantitative', stack: 'zero' },
        color: { field: 'region', type: 'nominal' },
      },
    });
    const before = JSON.stringify(worked);
    await bound(worked);
    await bound(worked);
    expect(JSON.stringify(worked)).toBe(before);
  });

  it('a chart whose shape does not compile fails with its own description in the message', async () => {
    // Vega-Lite drops a shape encoding on bars with a warning, which the tool treats as an error.
    const broken = bar({
      description: 'The broken one.',
      encoding: { x: { field: 'region', type: 'nominal' }, shape: { field: 'region', type: 'nominal' } },
    });
    await expect(renderSvg(broken)).rejects.toThrow(/"The broken one\.".*shape dropped/);
  });
});
