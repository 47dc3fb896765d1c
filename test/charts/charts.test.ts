import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type Chart,
  chartFiles,
  contrast,
  DATA_COLOURS,
  nationalCharts,
  regionalCharts,
  renderSvg,
} from '../../src/charts/index.ts';
import type { Benchmarks, Plan } from '../../src/model/index.ts';
import { benchmarksOf, northEastLater, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { oneRegionTexts, twelveRegionTexts } from '../helpers/regions.ts';
import { overlaps, textBoxes } from '../helpers/svg.ts';
import { TEMPLATES } from '../helpers/views.ts';

// The schema vega-lite ships; its package exports do not expose the file, so it is read from disk.
const schema = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'node_modules', 'vega-lite', 'build', 'vega-lite-schema.json'),
    'utf8',
  ),
);
// The schema names formats ajv does not ship: colours are checked here; URIs (for data URLs, which
// our specs never have) are accepted. Declaring them keeps ajv from warning fifty times.
const ajv = new Ajv({
  allErrors: true,
  strict: false,
  formats: {
    uri: true,
    'uri-reference': true,
    'color-hex': /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/,
  },
});
const validate = ajv.compile(schema);

function run(texts: Record<string, string>): { plans: Plan[]; benchmarks: Benchmarks } {
  return { plans: plansFrom(texts), benchmarks: benchmarksOf(texts).benchmarks };
}
const chartsFor = (texts: Record<string, string>) => {
  const { plans, benchmarks } = run(texts);
  const ctx = { edition: 2023, words: TEMPLATES, plans, benchmarks };
  return [...nationalCharts(ctx), ...plans.flatMap((p) => regionalCharts(ctx, p.region.id))];
};

const seeds = run(seedTexts());
const seedCtx = { edition: 2023, words: TEMPLATES, plans: seeds.plans, benchmarks: seeds.benchmarks };
const national = nationalCharts(seedCtx);
const northEast = regionalCharts(seedCtx, 'north-east');
const byId = (charts: Chart[], id: string) => {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};

describe('the chart catalogue on the four real documents', () => {
  it('has the national set and a regional set per region, with unique ids', () => {
    expect(national.map((c) => c.id)).toEqual([
      'national-employment-6w',
      'national-employment-6m',
      'national-housed-first-night',
      'national-settled-accommodation-3m',
      'national-sexual-offence-interventions',
      'national-gap-heatmap',
      'national-ambition-scatter',
      'national-commitments-progress',
      'national-attainment',
    ]);
    expect(northEast.map((c) => c.id)[0]).toBe('north-east-spine');
    const all = [...national, ...seeds.plans.flatMap((p) => regionalCharts(seedCtx, p.region.id))];
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  });

  it.each([...national, ...northEast].map((c) => [c.id, c] as const))(
    '%s validates against the Vega-Lite schema',
    (_, chart) => {
      const ok = validate(chart.spec);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it('titles state the finding, computed from the data', () => {
    expect(byId(national, 'national-employment-6w').title).toBe(
      'Three regions target less than the national figure for the year to March 2024',
    );
    expect(byId(national, 'national-housed-first-night').title).toBe(
      'All four regions aim for 90%, above the national figure for the year to March 2024',
    );
    expect(byId(national, 'national-gap-heatmap').title).toBe(
      '14 of the 15 baselines with a national figure are below it',
    );
    expect(byId(northEast, 'north-east-spine').title).toBe(
      'North East starts below the national figure on all four measures where its baseline can be compared with one',
    );
    expect(byId(national, 'national-attainment')).toMatchObject({
      empty: true,
      title: 'No earlier target can be checked yet',
    });
  });

  it('an SVG holds the regions, the comparator label and the title, and is labelled for screen readers', async () => {
    const chart = byId(national, 'national-housed-first-night');
    const svg = (await chartFiles(chart)).get('charts/national-housed-first-night.svg') as string;
    for (const region of ['North East', 'East of England', 'Yorkshire and the Humber', 'South West'])
      expect(svg).toContain(`>${region}<`);
    expect(svg).toContain('>national figure, March 2023: 86.3% (baselines)<');
    expect(svg).toContain('>national figure, the year to March 2024: 85.7% (targets)<');
    expect(svg).toContain('>All four regions aim for 90%, above the national figure for the year to March');
    expect(svg).toMatch(
      /^<svg role="img" aria-labelledby="national-housed-first-night-title national-housed-first-night-desc"/,
    );
    expect(svg).toContain('<desc id="national-housed-first-night-desc">');
    expect(chart.description).toContain('North East: 84% to 90% by April 2024.');
  });

  it('the CSV behind a chart equals the benchmark values', async () => {
    const chart = byId(national, 'national-employment-6w');
    const csv = (await chartFiles(chart)).get('charts/national-employment-6w.csv') as string;
    const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
    const expected = seeds.benchmarks.rows.filter((r) => r.measure === 'employment-6w');
    expect(
      rows.map((r) => [
        r.region,
        Number(r.baseline_pct),
        Number(r.target_pct),
        Number(r.comparator_pct),
        r.source,
      ]),
    ).toEqual(expected.map((r) => [r.region, r.baseline_pct, r.target_pct, r.comparator_pct, r.source]));
  });

  it('two renders give the same bytes', async () => {
    for (const chart of [byId(national, 'national-ambition-scatter'), byId(northEast, 'north-east-spine')]) {
      expect(await renderSvg(chart.spec)).toBe(await renderSvg(chart.spec));
    }
  });

  it("chart files are the same bytes every time, gradient ids included, and ids are the chart's own", async () => {
    const heatmap = byId(national, 'national-gap-heatmap');
    const first = (await chartFiles(heatmap)).get('charts/national-gap-heatmap.svg') as string;
    const second = (await chartFiles(heatmap)).get('charts/national-gap-heatmap.svg') as string;
    expect(second).toBe(first);
    expect(first).toContain('url(#national-gap-heatmap-');
    expect(
      [...first.matchAll(/\sid="([^"]+)"/g)].every((m) => m[1]?.startsWith('national-gap-heatmap-')),
    ).toBe(true);
  });

  it('the regional variant highlights the region: its data row, and its name in bold on the axis', async () => {
    const chart = byId(northEast, 'north-east-housed-first-night');
    expect(JSON.stringify(chart.spec)).toContain('"mine":true');
    const svg = await renderSvg(chart.spec);
    const label = (name: string) => new RegExp(`<text[^>]*>${name}</text>`).exec(svg)?.[0] ?? '';
    expect(label('North East')).toContain('font-weight="bold"');
    const others = chart.table.rows.map((r) => String(r.region)).filter((r) => r !== 'North East');
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) {
      expect(label(other)).toMatch(/^<text/);
      expect(label(other)).not.toContain('font-weight="bold"');
    }
  });

  it('colours marking data have at least 3:1 contrast with the white background', () => {
    for (const colour of DATA_COLOURS) expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('a spec cannot reach outside: data URLs and files are refused', async () => {
    for (const url of ['file:///etc/passwd', 'https://example.org/data.csv', '../../secrets.json']) {
      const spec: Chart['spec'] = {
        data: { url },
        mark: 'point',
        encoding: { x: { field: 'a', type: 'quantitative' } },
      };
      await expect(renderSvg(spec)).rejects.toThrow('may not read files or URLs');
    }
  });

  it('a chart with no data says so instead of drawing an empty frame', async () => {
    const chart = byId(national, 'national-attainment');
    const svg = await renderSvg(chart.spec);
    expect(svg).toContain('so no earlier target can be checked against what was reached');
    expect(svg).not.toContain('role-axis');
  });
});

describe('attainment, with a later edition', () => {
  it('each verdict is drawn on the row of the target it judges', async () => {
    const texts = {
      ...seedTexts(),
      'ne-2024.txt': northEastLater(2024, {
        'from 14% in': 17,
        'from 84% in': 86,
        'from 74% in': 81,
        'from 66% in': 69,
      }),
    };
    const plans = plansFrom(texts);
    const ctx = {
      edition: 2024,
      words: TEMPLATES,
      plans: plans.filter((p) => p.edition === 2024),
      benchmarks: benchmarksOf(texts).benchmarks,
    };
    const chart = nationalCharts(ctx).find((c) => c.id === 'national-attainment') as Chart;
    expect(chart.empty).toBe(false);
    const boxes = textBoxes(await renderSvg(chart.spec));
    const rowY = (label: string) => boxes.find((b) => b.text === label)?.y1;
    const verdictY = (prefix: string) => boxes.filter((b) => b.text.startsWith(prefix)).map((b) => b.y1);
    // Housed: 86 against a target of 90 is missed; settled: 81 against 80 is reached.
    expect(verdictY('missed (limited)')).toEqual([rowY('North East — Housed on the first night')]);
    expect(verdictY('reached (on track)')).toEqual([rowY('North East — Settled accommodation at 3 months')]);
  });
});

describe('any number of regions', () => {
  it('twelve regions: every chart renders with no overlapping labels', async () => {
    const charts = chartsFor(twelveRegionTexts());
    expect(charts.filter((c) => c.id.startsWith('national-'))).toHaveLength(9);
    for (const chart of charts.filter((c) => c.id.startsWith('national-') || c.id.startsWith('wales-'))) {
      expect(validate(chart.spec)).toBe(true);
      const svg = await renderSvg(chart.spec);
      const clashes = overlaps(textBoxes(svg));
      expect({ chart: chart.id, clashes }).toEqual({ chart: chart.id, clashes: [] });
    }
    const scatter = charts.find((c) => c.id === 'national-ambition-scatter') as Chart;
    expect(scatter.table.rows).toHaveLength(48);
  });

  it('one region: charts render, peer medians and ranks fall away with the reason given', async () => {
    const charts = chartsFor(oneRegionTexts());
    const sexual = charts.find((c) => c.id === 'national-sexual-offence-interventions') as Chart;
    expect(sexual.subtitle).toContain('No comparator is available');
    for (const chart of charts) {
      expect(validate(chart.spec)).toBe(true);
      expect(overlaps(textBoxes(await renderSvg(chart.spec)))).toEqual([]);
    }
  });

  it('a subset of measures: only the measures present get charts', () => {
    const texts = seedTexts();
    for (const file of Object.keys(texts)) {
      texts[file] = (texts[file] as string)
        .split('\n')
        .filter((l) => !/sexual offence interventions completed by/.test(l))
        .join('\n');
    }
    const ids = nationalCharts({ edition: 2023, words: TEMPLATES, ...run(texts) }).map((c) => c.id);
    expect(ids).not.toContain('national-sexual-offence-interventions');
    expect(ids).toContain('national-housed-first-night');
  });
});
