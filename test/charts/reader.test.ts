import { describe, expect, it } from 'vitest';
import { type Chart, nationalCharts, regionalCharts, renderSvg } from '../../src/charts/index.ts';
import { placeOnRow } from '../../src/charts/labels.ts';
import { commitmentsChart } from '../../src/charts/specs/commitments.ts';
import { dumbbellChart } from '../../src/charts/specs/dumbbell.ts';
import type { Plan } from '../../src/model/index.ts';
import { contextOf, verticalLines } from '../helpers/chart-rows.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { twelveRegionTexts } from '../helpers/regions.ts';
import { textBoxes } from '../helpers/svg.ts';
import { TEMPLATES } from '../helpers/views.ts';

/**
 * What a regional director reading the reports built from `seeds/` found still wrong in the charts:
 * a grey-free heatmap that coloured regions above or below the run's median, a headline that
 * followed from near-equal targets, a tie read as "joint 2nd … joint fewest", a date given to
 * targets that have none, and values printed over the comparator lines.
 */
const texts = seedTexts();
const plans = plansFrom(texts);
const { benchmarks } = benchmarksOf(texts);
const ctx = { edition: 2023, words: TEMPLATES, plans, benchmarks };
const national = nationalCharts(ctx);
const byId = (charts: Chart[], id: string): Chart => {
  const found = charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
};

/** The fill of each heatmap cell, by its region and measure, from the rendered SVG. */
function cellFills(svg: string): Map<string, string> {
  const fills = new Map<string, string>();
  for (const m of svg.matchAll(/<path aria-label="([^"]*)"[^>]*aria-roledescription="rect mark"[^>]*>/g)) {
    const fill = /\sfill="([^"]+)"/.exec(m[0])?.[1];
    if (fill !== undefined && fill !== 'none') fills.set(m[1] as string, fill);
  }
  return fills;
}

describe('the gap heatmap never shows a region above or below the median of the run', () => {
  it('cells compared only with the run median are one neutral grey, print the baseline and say so', async () => {
    const heatmap = byId(national, 'national-gap-heatmap');
    const svg = await renderSvg(heatmap.spec);
    const fills = cellFills(svg);
    const sexual = [...fills].filter(([label]) => label.includes('Sexual offence interventions'));
    // North East +6, Yorkshire and the Humber −6, East of England −11, South West +9 against 60%:
    // drawn alike, in the grey outside the blue–orange scale.
    expect(sexual).toHaveLength(4);
    expect(new Set(sexual.map(([, fill]) => fill))).toEqual(new Set(['#b1b4b6']));
    // The national columns stay on the scale: North East's −9.9 and −5.4 are different colours.
    const ne = (measure: string) =>
      [...fills].find(([label]) => label.startsWith(`North East, ${measure}`))?.[1] ?? '';
    expect(ne('Employed at 6 months')).not.toBe(ne('Employed at 6 weeks'));
    expect(ne('Employed at 6 months')).not.toBe('#b1b4b6');
    // A cell with no comparator at all is drawn too, in its own pale grey.
    expect([...fills].find(([label]) => label.startsWith('South West, Employed at 6 months'))?.[1]).toBe(
      '#f3f2f1',
    );
    // Each grey cell prints its baseline, not a signed gap from the median.
    const printed = textBoxes(svg).map((b) => b.text);
    for (const value of ['66%', '54%', '49%', '69%']) expect(printed).toContain(value);
    for (const gap of ['+6', '−6', '−11', '+9']) expect(printed).not.toContain(gap);
    expect(svg).not.toMatch(/Sexual offence interventions[^"]*(Gap|gap)[^"]*: [−+]?\d/);
    // The subtitle says what grey means, and the legend what blue and orange are measured from.
    expect(heatmap.subtitle).toContain('its cells are grey, show the baseline itself');
    expect(heatmap.subtitle).toContain('Blue: above the national figure; orange: below it.');
    expect(heatmap.subtitle).not.toContain('Blue: above; orange: below.');
    expect(printed).toContain('Gap from the national figure (pp)');
    // Nor does the data behind the chart give a gap from the median.
    const row = heatmap.table.rows.find(
      (r) => r.region === 'East of England' && r.measure === 'Sexual offence interventions',
    );
    expect(row).toMatchObject({ baseline_pct: 49, baseline_gap_pp: null });
  });
});

describe('a tie on progress items reads as who shares the count', () => {
  /** The plan with only its first `n` progress items, theme by theme. */
  const withProgress = (plan: Plan, n: number): Plan => {
    let left = n;
    return {
      ...plan,
      sections: plan.sections.map((s) => {
        const kept = s.progress.slice(0, Math.max(0, left));
        left -= kept.length;
        return { ...s, progress: kept };
      }),
    };
  };

  it('names the regions sharing it, then the rest: one by name, several on each side with their range', () => {
    const twelve = twelveRegionTexts();
    const twelvePlans = plansFrom(twelve);
    const twelveCtx = {
      edition: 2023,
      words: TEMPLATES,
      plans: twelvePlans,
      benchmarks: benchmarksOf(twelve).benchmarks,
    };
    expect(commitmentsChart({ ...twelveCtx, highlight: 'north-east' }, 'x').title).toBe(
      'North East lists 19 progress items, as do ten other regions; East of England lists 25',
    );
    const counts: Record<string, number> = {
      'north-east': 19,
      'north-west': 19,
      'yorkshire-and-the-humber': 10,
      'east-midlands': 12,
      'west-midlands': 15,
      'east-of-england': 25,
    };
    const six = twelvePlans
      .filter((p) => p.region.id in counts)
      .map((p) => withProgress(p, counts[p.region.id] as number));
    const sixCtx = { ...twelveCtx, plans: six };
    expect(commitmentsChart({ ...sixCtx, highlight: 'north-west' }, 'x').title).toBe(
      'North West lists 19 progress items, as does North East; East of England lists 25 and three others list fewer, 10 to 15',
    );
    // A count of its own is a rank; the last is "the fewest", never "6th of the 6 … the fewest".
    expect(commitmentsChart({ ...sixCtx, highlight: 'west-midlands' }, 'x').title).toBe(
      'West Midlands lists 15 progress items, 4th of the 6 regions in this run',
    );
    expect(commitmentsChart({ ...sixCtx, highlight: 'yorkshire-and-the-humber' }, 'x').title).toBe(
      'Yorkshire and the Humber lists 10 progress items, the fewest of the 6 regions in this run',
    );
    for (const plan of six) {
      const title = commitmentsChart({ ...sixCtx, highlight: plan.region.id }, 'x').title;
      expect(title).not.toMatch(/joint/);
    }
  });
});

describe('the dumbbell says which targets fall due when', () => {
  it('six-month employment: only South West has a date; the others have neither date nor level', () => {
    const chart = byId(national, 'national-employment-6m');
    expect(chart.subtitle).not.toContain('due by April 2024, filled circle');
    expect(chart.subtitle).toContain(
      'Employed 6 months after release: baseline (the year to March 2023 and one level with no period, open circle) and target (filled circle), % of prison leavers. Target due by April 2024: South West (to hold its level). No date and no level to reach, so no filled circle: North East, Yorkshire and the Humber and East of England (each to continue to increase).',
    );
  });

  it('six-week employment: each date with the regions whose targets fall due then', () => {
    expect(byId(national, 'national-employment-6w').subtitle).toContain(
      'Targets due by April 2024: North East, Yorkshire and the Humber and South West; due by July 2024: East of England.',
    );
    // One date for every target keeps the short form.
    expect(byId(national, 'national-housed-first-night').subtitle).toMatch(
      /^Housed on the first night: baseline \(March 2023, open circle\) and target \(due by April 2024, filled circle\), % of prison leavers\. Dashed line/,
    );
  });
});

describe('values are never printed over a comparator line', () => {
  const CLEAR = 2;
  /**
   * Value labels ("19%", "24%, continue to increase") that a comparator line passes through or
   * comes within 2 px of.
   */
  async function labelsOnLines(chart: Chart): Promise<string[]> {
    const svg = await renderSvg(chart.spec);
    const lines = verticalLines(svg, '#D55E00');
    expect(lines.length, chart.id).toBeGreaterThan(0);
    return textBoxes(svg)
      .filter((b) => /^\d+(\.\d+)?%/.test(b.text))
      .filter((b) =>
        lines.some(
          (l) =>
            b.x1 < l.x + l.width / 2 + CLEAR &&
            l.x - l.width / 2 - CLEAR < b.x2 &&
            b.y1 < l.y2 &&
            l.y1 < b.y2,
        ),
      )
      .map((b) => `${chart.id}: ${b.text}`);
  }

  it('six-week employment, where the lines for 19.4% and 19.3% lie a pixel apart', async () => {
    expect(await labelsOnLines(byId(national, 'national-employment-6w'))).toEqual([]);
  });

  it('every dumbbell of the seeds, national and regional, and of twelve regions', async () => {
    const twelve = twelveRegionTexts();
    const twelveCtx = {
      edition: 2023,
      words: TEMPLATES,
      plans: plansFrom(twelve),
      benchmarks: benchmarksOf(twelve).benchmarks,
    };
    const charts = [...national, ...regionalCharts(ctx, 'south-west'), ...nationalCharts(twelveCtx)].filter(
      (c) => c.kind === 'dumbbell' && !c.empty,
    );
    const found: string[] = [];
    for (const chart of charts) found.push(...(await labelsOnLines(chart)));
    expect(found).toEqual([]);
  });

  it('a point with no target beside it keeps its label beside it, with no leader to read as a step', async () => {
    // North East's 16%, "continue to increase", has no room left of its point and meets the 25.9%
    // line on its right: rather than move past the line (a grey leader to ~26% read as a target
    // reaching the national figure), its value alone sits beside the point; the aim is in the subtitle.
    const chart = dumbbellChart(contextOf(benchmarks, plans, benchmarks.rows), 'employment-6m', 'x');
    const rows = chart.spec.datasets?.rows;
    if (!Array.isArray(rows)) throw new Error('the dumbbell has no rows');
    const data = rows as Array<Record<string, unknown>>;
    expect(data.filter((d) => d.lone && d.leader_x !== null)).toEqual([]);
    const northEast = data.find((d) => d.region === 'North East') as Record<string, unknown>;
    expect(northEast.target_label).toBe('16%');
    // Within a label's gap of the point, on either side.
    expect(Math.abs((northEast.target_x as number) - 16)).toBeLessThan(1.5);
    // Where the words fit, they stay: Yorkshire and the Humber's 27% has room to its right.
    const yorkshire = data.find((d) => d.region === 'Yorkshire and the Humber');
    expect(yorkshire?.target_label).toBe('27%, continue to increase');
    expect(chart.subtitle).toMatch(/North East.*continue to increase/);
    expect(await labelsOnLines(chart)).toEqual([]);
  });

  it('two national lines too close to tell apart are drawn once, labelled with both figures', async () => {
    const chart = byId(national, 'national-employment-6w');
    const data = chart.spec.datasets as Record<string, Array<Record<string, unknown>>>;
    const lines = Object.keys(data)
      .filter((k) => k.startsWith('line_'))
      .map((k) => data[k]?.[0] as Record<string, unknown>);
    expect(lines.map((l) => l.value).sort()).toEqual([19.3, 19.4]);
    // One rule, between the two; both labels kept, at the same place.
    expect(lines.filter((l) => l.rule)).toHaveLength(1);
    expect(new Set(lines.map((l) => l.at)).size).toBe(1);
    expect(lines[0]?.at).toBeCloseTo(19.35, 5);
    expect(lines.map((l) => l.label)).toEqual([
      'national figure, March 2023: 19.4% (baselines)',
      'national figure, the year to March 2024: 19.3% (targets)',
    ]);
    expect(chart.subtitle).toContain('The national figures 19.4% and 19.3% lie too close to tell apart');
    // Drawn: one vertical comparator line in the plot, where there were two.
    expect(verticalLines(await renderSvg(chart.spec), '#D55E00')).toHaveLength(1);
    // Lines far enough apart stay two.
    const sixMonths = byId(national, 'national-employment-6m').spec.datasets as Record<string, unknown[]>;
    expect(Object.keys(sixMonths).filter((k) => k.startsWith('line_'))).toHaveLength(1);
  });

  it('placeOnRow keeps beside its mark where clear, flips where allowed, and otherwise moves past what is in the way', () => {
    const line = { x1: 96, x2: 104 };
    // Clear beside the mark: stays.
    expect(placeOnRow({ right: 10, left: 0, width: 20, side: 'right', flip: false }, [line], 400)).toEqual({
      x: 10,
      align: 'left',
      clear: true,
    });
    // A line in the way on the right: just past it.
    expect(placeOnRow({ right: 90, left: 70, width: 20, side: 'right', flip: false }, [line], 400)).toEqual({
      x: 104,
      align: 'left',
      clear: true,
    });
    // The same, when it may go on the other side and that side is clear: beside the mark there.
    expect(placeOnRow({ right: 90, left: 70, width: 20, side: 'right', flip: true }, [line], 400)).toEqual({
      x: 70,
      align: 'right',
      clear: true,
    });
    // Two lines a pixel apart are passed together; a label moving left ends before them.
    expect(
      placeOnRow(
        { right: 130, left: 110, width: 20, side: 'left', flip: false },
        [line, { x1: 98, x2: 106 }],
        400,
      ),
    ).toEqual({ x: 96, align: 'right', clear: true });
  });
});
