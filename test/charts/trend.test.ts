import { describe, expect, it } from 'vitest';
import { type Chart, regionalCharts, renderSvg } from '../../src/charts/index.ts';
import { trendChart, trendPoints } from '../../src/charts/specs/trend.ts';
import { benchmarksOf, northEastLater, plansFrom, reference, seedTexts } from '../helpers/metrics.ts';
import { TEMPLATES } from '../helpers/views.ts';

// North East's 2024 update is a fixture written for the tests (northEastLater): its baselines are
// not published figures. The national figures are the seeds' national-figures.json.
const texts = {
  ...seedTexts(),
  'ne-2024.txt': northEastLater(2024, { 'from 14% in': 17, 'from 84% in': 86, 'from 74% in': 81 }),
};
const plans = plansFrom(texts);
const ctx = {
  edition: 2024,
  words: TEMPLATES,
  plans: plans.filter((p) => p.edition === 2024),
  benchmarks: benchmarksOf(texts).benchmarks,
  reference: reference(),
  regional: null,
  highlight: 'north-east' as const,
};

type Row = {
  who: string;
  series: string;
  kind: string;
  at: number;
  value: number;
  ownLabel: string;
  nationalLabel: string;
};
const rowsOf = (chart: Chart) => (chart.spec as unknown as { datasets: { rows: Row[] } }).datasets.rows;

describe('trend chart', () => {
  const chart = trendChart(ctx, 'employment-6w', 'north-east-employment-6w-trend') as Chart;

  it("plots the region's figures and the national ones, each a figure the inputs give", () => {
    expect(chart).not.toBeNull();
    const rows = rowsOf(chart);
    const own = rows.filter((r) => r.who === 'region').map((r) => r.value);
    expect(own).toEqual([14, 17]);
    const national = ctx.reference.figures
      .filter((f) => f.measure === 'employment-6w' && f.value !== null)
      .map((f) => f.value);
    expect(
      rows
        .filter((r) => r.who === 'national')
        .map((r) => r.value)
        .sort(),
    ).toEqual([...national].sort());
    // The chart's table holds every plotted figure with its period and source.
    expect(chart.table.rows).toHaveLength(rows.length);
    expect(chart.table.rows.every((r) => typeof r.source === 'string' && r.source !== '')).toBe(true);
  });

  it('never joins a month to a performance year: each line holds one kind of period', () => {
    const points = trendPoints(ctx, 'employment-6w');
    expect(new Set(points.map((p) => p.kind))).toEqual(new Set(['month', 'year']));
    for (const series of new Set(points.map((p) => p.series))) {
      const line = points.filter((p) => p.series === series);
      expect(new Set(line.map((p) => p.kind)).size).toBe(1);
      expect(new Set(line.map((p) => p.who)).size).toBe(1);
    }
    // The lines are drawn by series: a line mark that joined by anything else could join kinds.
    const line = (
      chart.spec as { layer: { mark: { type: string }; encoding?: { detail?: { field: string } } }[] }
    ).layer.find((l) => l.mark.type === 'line');
    expect(line?.encoding?.detail?.field).toBe('series');
    expect(chart.subtitle).toMatch(/never joined/);
  });

  it('cuts a line at a series break', () => {
    const template = ctx.reference.series_breaks[0];
    if (!template) throw new Error('the seeds reference has no series break to copy');
    // A break for the test: January 2024 falls between the region's two baselines.
    const broken = {
      ...ctx,
      reference: {
        ...ctx.reference,
        series_breaks: [{ ...template, measure: 'employment-6w' as const, from: '2024-01' }],
      },
    };
    const own = trendPoints(broken, 'employment-6w').filter((p) => p.who === 'region');
    expect(own.map((p) => p.period)).toEqual(['2023-03', '2024-03']);
    expect(own[0]?.series).not.toBe(own[1]?.series);
    const chart = trendChart(broken, 'employment-6w', 'x') as Chart;
    expect(chart.title).toMatch(/not comparable/);
  });

  it('labels the first and last figure of each line, and no other', () => {
    const rows = rowsOf(chart);
    for (const series of new Set(rows.map((r) => r.series))) {
      const line = rows.filter((r) => r.series === series).sort((a, b) => a.at - b.at);
      line.forEach((r, i) => {
        expect(r.ownLabel !== '' || r.nationalLabel !== '').toBe(i === 0 || i === line.length - 1);
        expect(r.ownLabel === '' || r.nationalLabel === '').toBe(true);
      });
    }
  });

  it('states the change in its headline', () => {
    expect(chart.title).toBe(
      'North East, employed 6 weeks after release: rose from 14% in March 2023 to 17% in March 2024',
    );
  });

  it('renders to an SVG whose description names every figure', async () => {
    const svg = await renderSvg(chart.spec);
    expect(svg).toContain('<svg');
    for (const r of rowsOf(chart)) expect(chart.description).toContain(`${r.value}%`);
  });

  it('draws a measure with no national figure: the region alone', async () => {
    const alone = trendChart(ctx, 'sexual-offence-interventions', 'x') as Chart;
    expect(rowsOf(alone).every((r) => r.who === 'region')).toBe(true);
    expect(alone.subtitle).not.toMatch(/dashed/);
    expect(await renderSvg(alone.spec)).toContain('<svg');
  });

  it('is not built for a region with one figure: a single edition gains no chart', () => {
    const seeds = plansFrom(seedTexts());
    const one = { ...ctx, edition: 2023, plans: seeds, benchmarks: benchmarksOf(seedTexts()).benchmarks };
    expect(trendChart(one, 'employment-6w', 'x')).toBeNull();
    const ids = regionalCharts(one, 'north-east').map((c) => c.id);
    expect(ids.some((id) => id.endsWith('-trend'))).toBe(false);
    expect(regionalCharts(ctx, 'north-east').some((c) => c.id === 'north-east-employment-6w-trend')).toBe(
      true,
    );
  });
});
