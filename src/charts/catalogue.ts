import { MEASURE_IDS, type RegionId } from '../model/index.ts';
import type { Chart, ChartContext } from './chart.ts';
import { attainmentChart } from './specs/attainment.ts';
import { commitmentsChart } from './specs/commitments.ts';
import { dumbbellChart } from './specs/dumbbell.ts';
import { heatmapChart } from './specs/heatmap.ts';
import { scatterChart } from './specs/scatter.ts';
import { spineChart } from './specs/spine.ts';
import { trendChart } from './specs/trend.ts';

const measuresIn = (ctx: ChartContext) =>
  MEASURE_IDS.filter((m) => ctx.benchmarks.rows.some((r) => r.edition === ctx.edition && r.measure === m));

/** The national summary's charts, in the order the report shows them. */
export function nationalCharts(ctx: Omit<ChartContext, 'highlight'>): Chart[] {
  const c: ChartContext = { ...ctx, highlight: null };
  return [
    ...measuresIn(c).map((m) => dumbbellChart(c, m, `national-${m}`)),
    heatmapChart(c, 'national-gap-heatmap'),
    scatterChart(c, 'national-ambition-scatter'),
    commitmentsChart(c, 'national-commitments-progress'),
    attainmentChart(c, 'national-attainment'),
  ];
}

/** A regional pack's charts: the region highlighted among its peers. */
export function regionalCharts(ctx: Omit<ChartContext, 'highlight'>, region: RegionId): Chart[] {
  const c: ChartContext = { ...ctx, highlight: region };
  return [
    spineChart(c, `${region}-spine`),
    ...measuresIn(c)
      .filter((m) =>
        ctx.benchmarks.rows.some(
          (r) => r.edition === ctx.edition && r.measure === m && r.region_id === region,
        ),
      )
      .flatMap((m) => {
        // A trend only where the region has two figures or more: a pack gains no empty charts.
        const trend = trendChart(c, m, `${region}-${m}-trend`);
        return [dumbbellChart(c, m, `${region}-${m}`), ...(trend ? [trend] : [])];
      }),
    commitmentsChart(c, `${region}-commitments-progress`),
    attainmentChart(c, `${region}-attainment`),
  ];
}
