import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Chart, chartFiles, regionalCharts, renderSvg } from '../../src/charts/index.ts';
import { trendChart, trendPoints } from '../../src/charts/specs/trend.ts';
import { type ReportInput, regionalPdf, regionalView, renderPdf } from '../../src/render/index.ts';
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
    // The region's are single months: the national single months are drawn, its years are not.
    const national = ctx.reference.figures
      .filter((f) => f.measure === 'employment-6w' && f.value !== null && !f.period.includes('/'))
      .map((f) => f.value);
    expect(national.length).toBeGreaterThan(0);
    expect(chart.subtitle).toMatch(/national figures for performance years are not drawn/);
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
  });

  it("draws a region's months and years as lines of their own, and says so", () => {
    // A fixture official regional figure for a performance year, beside the region's months.
    const national = ctx.reference.figures.find((f) => f.measure === 'employment-6w');
    if (!national) throw new Error('the seeds reference has no employment-6w figure');
    const mixed = {
      ...ctx,
      regional: {
        version: 'fixture',
        description: 'a fixture for the tests, not a published figure',
        figures: [{ ...national, region: 'north-east' as const, period: '2023-04/2024-03', value: 18 }],
      },
    };
    const chart = trendChart(mixed, 'employment-6w', 'x') as Chart;
    const own = rowsOf(chart).filter((r) => r.who === 'region');
    expect(own.map((r) => r.kind).sort()).toEqual(['month', 'month', 'year']);
    const year = own.find((r) => r.kind === 'year');
    expect(own.filter((r) => r.series === year?.series)).toHaveLength(1);
    expect(chart.subtitle).toMatch(/never joined/);
    // National figures of both kinds are drawn now, each kind on its own line.
    expect(
      new Set(
        rowsOf(chart)
          .filter((r) => r.who === 'national')
          .map((r) => r.kind),
      ).size,
    ).toBe(2);
    // The headline compares the last figure's own line: a year alone is not compared with months.
    expect(chart.title).toMatch(/not comparable/);
  });

  it("draws the national years beside the region's months where the nation has no months", () => {
    const kinds = ctx.reference.figures
      .filter((f) => f.measure === 'settled-accommodation-3m' && f.value !== null)
      .map((f) => (f.period.includes('/') ? 'year' : 'month'));
    expect(new Set(kinds)).toEqual(new Set(['year']));
    const chart = trendChart(ctx, 'settled-accommodation-3m', 'x') as Chart;
    const rows = rowsOf(chart);
    expect(new Set(rows.filter((r) => r.who === 'region').map((r) => r.kind))).toEqual(new Set(['month']));
    expect(new Set(rows.filter((r) => r.who === 'national').map((r) => r.kind))).toEqual(new Set(['year']));
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

// The golden folders are what the build writes (test/build/golden.test.ts holds them to it).
describe('trend charts in the golden packs', () => {
  const output = join(import.meta.dirname, '..', 'output');
  const pack = (name: string, region: string) =>
    readFileSync(join(output, name, 'regions', region, 'pack.html'), 'utf8');

  it('two editions: every measure of the pack has its trend chart, with the trend table as its data', () => {
    const html = pack('two-editions', 'north-east');
    for (const m of [
      'employment-6w',
      'employment-6m',
      'housed-first-night',
      'settled-accommodation-3m',
      'sexual-offence-interventions',
    ]) {
      const at = html.indexOf(`id="figure-north-east-${m}-trend"`);
      expect(at, m).toBeGreaterThan(-1);
      expect(readdirSync(join(output, 'two-editions', 'charts'))).toContain(`north-east-${m}-trend.vl.json`);
    }
  });

  it('seeds: one edition each, so no pack has a trend chart', () => {
    for (const region of readdirSync(join(output, 'seeds', 'regions')))
      expect(pack('seeds', region)).not.toMatch(/-trend"/);
    expect(readdirSync(join(output, 'seeds', 'charts')).some((f) => f.includes('-trend'))).toBe(false);
  });
});

describe('trend charts in a pack', () => {
  it('sit in the measure section, HTML view and PDF alike, the PDF figure with the headline as alternate text', async () => {
    const charts = new Map<string, { chart: Chart; svg: string }>();
    for (const chart of regionalCharts(ctx, 'north-east')) {
      const svg = (await chartFiles(chart)).get(`charts/${chart.id}.svg`);
      if (svg === undefined) throw new Error(`no SVG for chart ${chart.id}`);
      charts.set(chart.id, { chart, svg });
    }
    const input: ReportInput = {
      edition: 2024,
      plans,
      benchmarks: ctx.benchmarks,
      charts,
      diagnostics: [],
      reference: ctx.reference,
      date: '2025-07-31',
    };
    const view = regionalView(input, 'north-east', TEMPLATES);
    const section = view.sections.find((s) => s.id === 'employment-6w');
    const trend = section?.charts.find((c) => c.id === 'north-east-employment-6w-trend');
    expect(trend).toBeDefined();
    // The trend table is the chart's data table, not printed a second time beside it.
    expect(trend?.table.caption).toMatch(/employed 6 weeks/i);
    expect(section?.tables).toEqual([]);
    const definition = regionalPdf(view);
    const alts: string[] = [];
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) {
        for (const item of v) visit(item);
        return;
      }
      if (v === null || typeof v !== 'object') return;
      const node = v as Record<string, unknown>;
      if (typeof node.svg === 'string' && typeof node.alt === 'string') alts.push(node.alt);
      for (const value of Object.values(node)) visit(value);
    };
    visit(definition);
    expect(alts.some((a) => a.startsWith(trend?.title ?? '?') && a.includes(trend?.description ?? '?'))).toBe(
      true,
    );
    const pdf = await renderPdf(definition);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
