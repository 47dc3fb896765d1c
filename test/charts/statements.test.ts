import { describe, expect, it } from 'vitest';
import { measureHeadline } from '../../src/charts/headlines.ts';
import { type Chart, nationalCharts, regionalCharts } from '../../src/charts/index.ts';
import { attainmentChart } from '../../src/charts/specs/attainment.ts';
import { commitmentsChart } from '../../src/charts/specs/commitments.ts';
import { dumbbellChart } from '../../src/charts/specs/dumbbell.ts';
import { heatmapChart } from '../../src/charts/specs/heatmap.ts';
import { scatterChart } from '../../src/charts/specs/scatter.ts';
import { spineChart } from '../../src/charts/specs/spine.ts';
import { unitsSentence } from '../../src/charts/words.ts';
import type { BenchmarkRow, Plan, RegionId } from '../../src/model/index.ts';
import { contextOf, rowLike } from '../helpers/chart-rows.ts';
import { benchmarksOf, plansFrom, rowOf, seedTexts } from '../helpers/metrics.ts';
import { oneRegionTexts, twelveRegionTexts } from '../helpers/regions.ts';
import { seedText } from '../helpers/seeds.ts';
import { TEMPLATES } from '../helpers/views.ts';

const texts = seedTexts();
const plans = plansFrom(texts);
const { benchmarks } = benchmarksOf(texts);
const ctx = { edition: 2023, words: TEMPLATES, plans, benchmarks };
const rows = benchmarks.rows;
const national = nationalCharts(ctx);
const regional = (region: RegionId) => regionalCharts(ctx, region);
const byId = (charts: Chart[], id: string): Chart => {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};
const measureRows = (measure: string) => rows.filter((r) => r.measure === measure);

/** Every axis title a spec sets, wherever it sits. */
function axisTitles(spec: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, key: string) => {
    if (Array.isArray(node)) for (const n of node) walk(n, key);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if ((key === 'x' || key === 'y') && typeof record.title === 'string') found.push(record.title);
      for (const [k, v] of Object.entries(record)) walk(v, k);
    }
  };
  walk(spec, '');
  return [...new Set(found)];
}

/** The text a reader meets: headline, subtitle, description and the data table's labels. */
const wordsOf = (c: Chart) => [
  c.title,
  c.subtitle,
  c.description,
  ...c.table.columns.map((col) => col.label),
];

describe('rule 1: ties read as ties, and a rank is among the regions of this run', () => {
  it('a region sharing its count of progress items names who shares it, never "joint 2nd … joint fewest"', () => {
    // East of England lists 25; North East, Yorkshire and the Humber and South West 19 each: a
    // competition rank would make them "joint 2nd" of four and also joint last.
    expect(byId(regional('north-east'), 'north-east-commitments-progress').title).toBe(
      'North East lists 19 progress items, as do Yorkshire and the Humber and South West; East of England lists 25',
    );
    expect(
      byId(regional('yorkshire-and-the-humber'), 'yorkshire-and-the-humber-commitments-progress').title,
    ).toBe(
      'Yorkshire and the Humber lists 19 progress items, as do North East and South West; East of England lists 25',
    );
    expect(byId(regional('south-west'), 'south-west-commitments-progress').title).toBe(
      'South West lists 19 progress items, as do North East and Yorkshire and the Humber; East of England lists 25',
    );
    for (const region of ['north-east', 'yorkshire-and-the-humber', 'south-west'] as const) {
      const title = byId(regional(region), `${region}-commitments-progress`).title;
      expect(title).not.toMatch(/joint|\d(st|nd|rd|th)\b|fewest/);
    }
    expect(byId(regional('east-of-england'), 'east-of-england-commitments-progress').title).toBe(
      'East of England lists 25 progress items, the most of the 4 regions in this run',
    );
    expect(byId(national, 'national-commitments-progress').title).toBe(
      'East of England lists the most progress items of the 4 regions in this run (25)',
    );
  });

  it('a tie for most is "joint most" nationally, and names who shares it in the pack', () => {
    const withCopy = {
      ...texts,
      'london-2023.txt': seedText('east-of-england').replaceAll('East of England', 'London'),
    };
    const copyPlans = plansFrom(withCopy);
    const copyCtx = {
      edition: 2023,
      words: TEMPLATES,
      plans: copyPlans,
      benchmarks: benchmarksOf(withCopy).benchmarks,
    };
    expect(commitmentsChart({ ...copyCtx, highlight: null }, 'x').title).toBe(
      'East of England and London list the joint most progress items of the 5 regions in this run (25 each)',
    );
    expect(commitmentsChart({ ...copyCtx, highlight: 'london' }, 'x').title).toBe(
      'London lists 25 progress items, as does East of England; the three others list 19 each',
    );
  });

  it('items are listed, never "reported" as progress, and a single item is singular', () => {
    for (const chart of [...national, ...regional('north-east')].filter((c) => c.kind === 'commitments')) {
      expect(chart.title).not.toMatch(/reports?\b/);
      expect(chart.title).not.toMatch(/most progress\b(?! items)/);
      expect(chart.subtitle).toContain('A count of items is not a measure of progress made.');
    }
    const one: Plan[] = plans.slice(0, 1).map((p) => {
      const first = p.sections.findIndex((s) => s.progress.length > 0);
      return {
        ...p,
        sections: p.sections.map((s, i) => ({ ...s, progress: i === first ? s.progress.slice(0, 1) : [] })),
      };
    });
    const chart = commitmentsChart(
      { edition: 2023, words: TEMPLATES, plans: one, benchmarks, highlight: null },
      'x',
    );
    expect(chart.title).toBe(`${one[0]?.region.name} lists 1 progress item across the four themes`);
  });

  it('with one region there is no rank at all, never "1 of 1"', () => {
    const solo = oneRegionTexts();
    const soloPlans = plansFrom(solo);
    const soloCtx = {
      edition: 2023,
      words: TEMPLATES,
      plans: soloPlans,
      benchmarks: benchmarksOf(solo).benchmarks,
    };
    const charts = [...nationalCharts(soloCtx), ...regionalCharts(soloCtx, 'south-west')];
    for (const text of charts.flatMap(wordsOf)) {
      expect(text).not.toMatch(/\b1(st)? of (the )?1\b/);
      expect(text).not.toMatch(/\bof the 1 regions?\b/);
    }
    expect(byId(charts, 'south-west-employment-6m').title).toBe(
      'South West sets no higher level to reach: it aims to hold its level',
    );
    expect(byId(charts, 'south-west-spine').subtitle).toMatch(
      /South West's baseline; open blue diamond: its target; no other region in this run has a baseline for the same period\./,
    );
    expect(byId(charts, 'national-gap-heatmap').subtitle).toContain(
      'the national figure is for the year to March 2023, a performance year, and the baseline for March 2023.',
    );
    expect(byId(charts, 'south-west-commitments-progress').title).toBe(
      'South West lists 19 progress items across the four themes',
    );
  });

  it("the scatter's data table gives the rank with the number of regions and the ties", () => {
    const scatter = byId(national, 'national-ambition-scatter');
    const labels = scatter.table.columns.map((c) => c.label);
    expect(labels).toContain('Rank of the change among the regions in this run (1 = largest)');
    expect(labels).toContain('Regions sharing this rank');
    const ne = scatter.table.rows.find(
      (r) => r.region === 'North East' && r.measure === 'Employed 6 weeks after release',
    );
    // Steps due by April 2024 from March 2023: NE +4, YH +2, SW +3 (East of England's is due in July).
    expect(ne).toMatchObject({ ambition_rank: 1, ambition_rank_of: 3, ambition_rank_ties: 1 });
  });
});

describe('rule 2: comparisons that prove nothing are not made', () => {
  it('the heatmap counts only baselines with a national figure, and says the median column is not counted', () => {
    const heatmap = byId(national, 'national-gap-heatmap');
    expect(heatmap.title).toBe('14 of the 15 baselines with a national figure are below it');
    expect(heatmap.title).not.toMatch(/comparator/);
    expect(heatmap.subtitle).toContain(
      'Sexual offence interventions completed has no national figure, only the median baseline of the regions in this run, which half of any run is below: its cells are grey, show the baseline itself and are not counted in the headline.',
    );
  });

  it("the heatmap's description gives the baseline of cells with only the run's median, never a gap from it", () => {
    const heatmap = byId(national, 'national-gap-heatmap');
    expect(heatmap.description).toContain(
      'North East, Sexual offence interventions: baseline 66%, no national figure.',
    );
    expect(heatmap.description).not.toMatch(/\+6 against|against the median/);
    expect(heatmap.description).toContain('North East, Housed first night: −2.3.');
    expect(heatmap.description).toContain('South West, Employed at 6 months: no period.');
  });

  it('the heatmap with only a median to compare with makes no count at all', () => {
    const median = measureRows('sexual-offence-interventions');
    const chart = heatmapChart(contextOf(benchmarks, plans, median), 'x');
    expect(chart.title).toBe('No baseline has a national figure to compare with');
  });

  it('the spine counts national figures only, and says so', () => {
    // Yorkshire and the Humber is above the national figure on six-month employment and below it
    // on the other three; its sexual offence interventions baseline is below the run's median,
    // which is not counted.
    expect(byId(regional('yorkshire-and-the-humber'), 'yorkshire-and-the-humber-spine').title).toBe(
      'Yorkshire and the Humber starts below the national figure on three of the four measures where its baseline can be compared with one',
    );
    // South West's six-month level has no date: the measure has a national figure, its baseline
    // cannot be compared with it.
    expect(byId(regional('south-west'), 'south-west-spine').title).toBe(
      'South West starts below the national figure on all three measures where its baseline can be compared with one',
    );
    // The run's median is the row's centre, named as such, never as a national figure.
    const spine = byId(regional('yorkshire-and-the-humber'), 'yorkshire-and-the-humber-spine');
    expect(spine.description).toContain(
      'Sexual offence interventions completed: 54% to 70% · no national figure',
    );
  });

  it("the spine's range is the other regions only, and its subtitle and labels say so", () => {
    const spine = byId(regional('yorkshire-and-the-humber'), 'yorkshire-and-the-humber-spine');
    // The others' six-week baselines are 14%, 16% and 16%: its own 17% is not in the range.
    expect(spine.description).toContain(
      'Employed 6 weeks after release: 17% to 19% · national figure 19.4% (March 2023) · other regions 14%–16%.',
    );
    expect(spine.subtitle).toContain("range of the other regions' 2023 baselines for the same period");
    expect(spine.subtitle).toContain('Yorkshire and the Humber left out');
    expect(spine.description).not.toMatch(/\bpeers?\b/);
    expect(spine.table.columns.map((c) => c.label)).toContain('Lowest baseline of the other regions (%)');
    // An undated level is compared with nobody.
    expect(byId(regional('south-west'), 'south-west-spine').description).toContain(
      'Employed 6 months after release: 38%, hold · no period stated, so compared with nothing.',
    );
  });

  it('a region with no quantitative target is named in its empty spine chart', () => {
    const others = rows.filter((r) => r.region_id !== 'north-east');
    const chart = spineChart(contextOf(benchmarks, plans, others, 'north-east'), 'x');
    expect(chart).toMatchObject({ empty: true, title: 'North East sets no quantitative target' });
  });

  it('targets are never compared with a median of baselines', () => {
    const sexual = byId(national, 'national-sexual-offence-interventions');
    expect(sexual.title).toBe(
      'Targets range from 70% to 71%; there is no national figure to compare them with',
    );
    expect(sexual.title).not.toMatch(/median|at or above/);
    expect(sexual.subtitle).toContain(
      'Dashed line: median baseline of the four regions in this run measured for March 2023, 60% (no national figure is published), with which the baselines are compared.',
    );
    // Even where every target is above the median, the headline does not say so.
    const above = measureRows('sexual-offence-interventions').map((r) => rowLike(r, { comparator_pct: 50 }));
    expect(measureHeadline(above, TEMPLATES)).not.toMatch(/above|median/);
  });

  it('targets are compared with the national figure for when they fall due, and the headline names it', () => {
    const housed = measureRows('housed-first-night');
    // 90% is above 85.7% (the year to March 2024, when the targets fall due) but below a later 91%.
    expect(measureHeadline(housed, TEMPLATES)).toBe(
      'All four regions aim for 90%, above the national figure for the year to March 2024',
    );
    const later = housed.map((r) =>
      rowLike(r, {
        target_comparator_pct: 91,
        target_comparator_period: '2024-04/2025-03',
        comparator_pct: 86.3,
      }),
    );
    expect(measureHeadline(later, TEMPLATES)).toBe(
      'All four regions target less than the national figure for the year to March 2025',
    );
    // The baseline's comparator plays no part: above it or not, the target comparator decides.
    const split = housed.map((r, i) =>
      rowLike(r, { target_comparator_pct: i === 0 ? 92 : 88, comparator_pct: 50 }),
    );
    expect(measureHeadline(split, TEMPLATES)).toBe(
      'One of four regions targets less than the national figure for the year to March 2024',
    );
  });

  it("a target compared with the baseline's figure, none being published for when it falls due, says so", () => {
    const housed = measureRows('housed-first-night').map((r) =>
      rowLike(r, { target_comparator_pct: 86.3, target_comparator_period: '2023-03' }),
    );
    const chart = dumbbellChart(contextOf(benchmarks, plans, housed), 'housed-first-night', 'x');
    expect(chart.title).toBe('All four regions aim for 90%, above the national figure for March 2023');
    expect(chart.subtitle).toContain(
      'Dotted line: national figure for March 2023, 86.3%, with which the targets due by April 2024 are compared, as no national figure is published for when they fall due.',
    );
    // Targets falling due in different years are compared with different figures, each named.
    const spread = measureRows('employment-6w').map((r, i) =>
      rowLike(r, {
        target_comparator_pct: 25,
        target_comparator_period: i % 2 === 0 ? '2023-04/2024-03' : '2024-04/2025-03',
        target_date: i % 2 === 0 ? '2024-04' : '2025-04',
      }),
    );
    expect(measureHeadline(spread, TEMPLATES)).toBe(
      'All four regions target less than the national figure for the year to March 2024 or the year to March 2025',
    );
  });

  it('a target with no national figure for when it falls due is not counted, and the subtitle names it', () => {
    const chart = byId(national, 'national-employment-6w');
    expect(chart.title).toBe('Three regions target less than the national figure for the year to March 2024');
    expect(chart.subtitle).toContain(
      'The target of East of England, due by July 2024, has no comparable national figure.',
    );
    expect(chart.subtitle).toContain(
      'Dotted line: national figure for the year to March 2024, 19.3%, with which the targets due by April 2024 are compared',
    );
  });
});

describe('rule 3: units come from the measure registry', () => {
  it('sexual offence interventions are drawn on "% of interventions completed"', () => {
    const sexual = byId(national, 'national-sexual-offence-interventions');
    expect(axisTitles(sexual.spec)).toEqual(['% of interventions completed']);
    expect(sexual.subtitle).toContain('% of interventions completed.');
    expect(JSON.stringify(sexual)).not.toContain('prison leavers');
    expect(axisTitles(byId(national, 'national-housed-first-night').spec)).toEqual(['% of prison leavers']);
  });

  it('the scatter titles each panel with its own unit', () => {
    const titles = axisTitles(byId(national, 'national-ambition-scatter').spec);
    expect(titles).toContain('Baseline (% of interventions completed)');
    expect(titles).toContain('Baseline (% of prison leavers)');
    expect(titles).toContain('Planned change (percentage points)');
  });

  it('the spine, each row on its own scale, gives each unit in the subtitle and table', () => {
    const spine = byId(regional('north-east'), 'north-east-spine');
    expect(axisTitles(spine.spec)).toEqual([]);
    expect(spine.subtitle).toContain(
      'Percentages are of prison leavers; for sexual offence interventions completed, of interventions completed.',
    );
    expect(spine.table.rows.find((r) => r.measure === 'Sexual offence interventions completed')?.unit).toBe(
      '% of interventions completed',
    );
    expect(unitsSentence(['employment-6w'], TEMPLATES)).toBe('Percentages are of prison leavers.');
    const heatmapRow = byId(national, 'national-gap-heatmap').table.rows.find(
      (r) => r.measure === 'Sexual offence interventions',
    );
    expect(heatmapRow?.unit).toBe('% of interventions completed');
  });
});

describe('rule 4: headlines that follow from the inputs are not stated', () => {
  it('the scatter leaves out measures whose target levels spread less widely than their baselines, and ties', () => {
    const scatter = byId(national, 'national-ambition-scatter');
    // Housed and settled share one level in every region. Sexual offence interventions aim for 70%,
    // 70%, 71% and 70% from 49% to 69%: each step is almost exactly the level less the baseline, so
    // East of England's lowest start and largest step (+22 pp) follow from the inputs. Six-week
    // employment's levels (18% to 20%) spread less than its baselines (14% to 17%) too.
    expect(scatter.title).toBe('Planned changes range from +1 pp to +22 pp');
    expect(scatter.title).not.toMatch(/starts lowest|largest step|of 4 measures/);
    expect(scatter.subtitle).toContain(
      'On housed on the first night and settled accommodation at 3 months every region aims for the same level (90% and 80%), so each step is that level less the baseline.',
    );
    expect(scatter.subtitle).toContain(
      'Target levels spread less widely than baselines on employed 6 weeks after release (18% to 20% against 14% to 17%) and sexual offence interventions completed (70% to 71% against 49% to 69%).',
    );
    // No measure qualifies, so the rule is not spelled out to the reader.
    expect(scatter.subtitle).not.toContain('region starting lowest');
  });

  it('when every measure shares one level, the headline is neutral and true', () => {
    const shared = rows.filter(
      (r) => r.measure === 'housed-first-night' || r.measure === 'settled-accommodation-3m',
    );
    const chart = scatterChart(contextOf(benchmarks, plans, shared), 'x');
    expect(chart.title).toBe('Planned changes range from +5 pp to +14 pp');
  });

  // Three regions on three measures. Six-week employment: levels 22%, 15%, 17% from 10%, 12%, 15%
  // (spread 7 against 5), the lowest start taking the largest step. Housed: levels 82%, 88%, 86%
  // from 80%, 82%, 85% (6 against 5), Wales taking the largest step. Settled: levels spread as
  // widely as the baselines, but two regions tie for the largest step.
  const base = rowOf(rows, 'north-east', 'employment-6w');
  const make = (measure: BenchmarkRow['measure'], region: BenchmarkRow['region_id'], b: number, d: number) =>
    rowLike(base, {
      measure,
      region_id: region,
      region: region,
      baseline_pct: b,
      change_pp: d,
      target_pct: b + d,
    });
  const made = [
    make('employment-6w', 'north-east', 10, 12),
    make('employment-6w', 'wales', 12, 3),
    make('employment-6w', 'london', 15, 2),
    make('housed-first-night', 'north-east', 80, 2),
    make('housed-first-night', 'wales', 82, 6),
    make('housed-first-night', 'london', 85, 1),
    make('settled-accommodation-3m', 'north-east', 60, 9),
    make('settled-accommodation-3m', 'wales', 62, 9),
    make('settled-accommodation-3m', 'london', 65, 1),
  ];
  const housedNorthEast = (change: number) =>
    made.map((r) =>
      r.measure === 'housed-first-night' && r.region_id === 'north-east'
        ? { ...r, change_pp: change, target_pct: 80 + change }
        : r,
    );

  it('the pattern is counted over measures whose levels spread as widely as the baselines, extremes single', () => {
    const chart = scatterChart(contextOf(benchmarks, plans, made), 'x');
    expect(chart.title).toBe(
      'On one of the two measures compared, the region starting lowest plans the largest step',
    );
    expect(chart.subtitle).toMatch(
      /Where target levels spread at least as widely as the baselines, with three or more regions and no ties \(employed 6 weeks after release and housed on the first night\), the headline says whether the region starting lowest plans the largest step\.$/,
    );
    // North East's housed level 91%: levels 91%, 88%, 86% spread as widely as the baselines.
    expect(scatterChart(contextOf(benchmarks, plans, housedNorthEast(11)), 'x').title).toBe(
      'On both measures compared, the region starting lowest plans the largest step',
    );
  });

  it('a lowest start with the largest step is not a finding where target levels lie closer than baselines', () => {
    // North East's housed level 88%: levels 88%, 88%, 86% (spread 2) from 80%, 82%, 85% (spread 5).
    // North East starts lowest and plans the largest step (+8 pp), but that follows from the
    // near-equal levels, as with 70%, 70%, 70% and 71% on the seeds; only six-week employment counts.
    const chart = scatterChart(contextOf(benchmarks, plans, housedNorthEast(8)), 'x');
    expect(chart.title).toBe(
      'On employed 6 weeks after release, whose target levels vary at least as much as its baselines, north-east starts lowest (10%) and plans the largest step (+12 pp)',
    );
    expect(chart.subtitle).toContain(
      'Target levels spread less widely than baselines on housed on the first night (86% to 88% against 80% to 85%).',
    );
    expect(chart.subtitle).toContain('and no ties (employed 6 weeks after release), the headline says');
    // Only the near-equal levels: no pattern is stated at all.
    const housedOnly = housedNorthEast(8).filter((r) => r.measure === 'housed-first-night');
    expect(scatterChart(contextOf(benchmarks, plans, housedOnly), 'x').title).toBe(
      'Planned changes range from +1 pp to +8 pp',
    );
  });
});

describe('rule 5: sentences are English, with dates and periods', () => {
  it('no "from 90% to 90%": one shared level with nothing to compare reads as the level', () => {
    const sexual = measureRows('sexual-offence-interventions').map((r) =>
      rowLike(r, { target_pct: 70, change_pp: 70 - (r.baseline_pct as number) }),
    );
    expect(measureHeadline(sexual, TEMPLATES)).toBe(
      'All four regions aim for 70%; there is no national figure to compare them with',
    );
    expect(measureHeadline(sexual.slice(0, 1), TEMPLATES)).toBe(
      'North East aims for 70%; there is no national figure to compare it with',
    );
  });

  it('no "no of": none reached reads "None of the three earlier targets was reached"', () => {
    const earlier = rows.slice(0, 3).map((r) =>
      rowLike(r, {
        edition: 2024,
        prior_target_pct: 90,
        outturn_pct: 80,
        attained: false,
        progress_band: 'limited',
      }),
    );
    const chart = attainmentChart(contextOf(benchmarks, plans, earlier, null, 2024), 'x');
    expect(chart.title).toBe('None of the three earlier targets was reached');
    const one = attainmentChart(
      contextOf(benchmarks, plans, [rowLike(earlier[0] as BenchmarkRow, { attained: true })], null, 2024),
      'x',
    );
    expect(one.title).toBe('The one earlier target was reached');
    expect(
      TEMPLATES.text('chart-attainment-headline', { attained: 0, total: 2, one: false, several: false }),
    ).toBe('Neither of the two earlier targets was reached');
    expect(
      TEMPLATES.text('chart-heatmap-headline', { compared: 4, below: 1, counted: 1, several: false }),
    ).toBe('One of the four baselines with a national figure is below it');
  });

  it('a single-month baseline compared with a performance-year figure is said to be so', () => {
    const settled = byId(national, 'national-settled-accommodation-3m');
    expect(settled.subtitle).toContain(
      'Dashed line: national figure for the year to March 2023, 75.6%, with which the baselines are compared; the figure is for a performance year, the baselines for March 2023.',
    );
    expect(settled.subtitle).toContain(
      'the figure is for a performance year, each target for a single month.',
    );
    expect(byId(national, 'national-gap-heatmap').subtitle).toContain(
      'For settled accommodation at 3 months the national figure is for the year to March 2023, a performance year, and the baselines for March 2023.',
    );
    expect(byId(regional('north-east'), 'north-east-spine').subtitle).toContain(
      'Settled accommodation at 3 months: the baseline is for March 2023 and the national figure for the year to March 2023, a performance year.',
    );
  });

  it('every chart of the seeds and of twelve regions reads as English', () => {
    const twelve = twelveRegionTexts();
    const twelveCtx = {
      edition: 2023,
      words: TEMPLATES,
      plans: plansFrom(twelve),
      benchmarks: benchmarksOf(twelve).benchmarks,
    };
    const charts = [
      ...national,
      ...plans.flatMap((p) => regional(p.region.id)),
      ...nationalCharts(twelveCtx),
      ...twelveCtx.plans.flatMap((p) => regionalCharts(twelveCtx, p.region.id)),
    ];
    for (const chart of charts) {
      for (const text of wordsOf(chart)) {
        const where = `${chart.id}: ${text}`;
        expect(text, where).not.toMatch(/\bno of\b/i);
        expect(text, where).not.toMatch(/\bfrom (\S+) to \1(?!\S)/);
        expect(text, where).not.toMatch(/\b(\w+) \1\b/i);
        expect(text, where).not.toMatch(/\b1 (regions|items|progress items|commitments|measures|targets)\b/);
        expect(text, where).not.toMatch(/\b1(st)? of (the )?1\b/);
        expect(text, where).not.toMatch(/\bpeers?\b|peer median/);
        expect(text, where).not.toMatch(/\breports? \d+ progress\b/);
        expect(text, where).not.toMatch(/below (its|their) comparator/);
      }
    }
  });
});

describe('what the charts still say is drawn from the same rows', () => {
  it('the dumbbell draws both the baseline comparator and the figure targets are compared with', () => {
    const chart = dumbbellChart({ ...ctx, highlight: null }, 'housed-first-night', 'x');
    const text = JSON.stringify(chart.spec);
    expect(text).toContain('"label":"national figure, March 2023: 86.3% (baselines)"');
    expect(text).toContain('"label":"national figure, the year to March 2024: 85.7% (targets)"');
    expect(spineChart({ ...ctx, highlight: 'north-east' }, 'x').title).toMatch(/^North East starts below/);
  });
});
