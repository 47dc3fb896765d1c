import type { TopLevelSpec } from 'vega-lite';
import { MEASURES, measureById, type RegionId, regionById } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { placeLabels } from '../labels.ts';
import { mixedNote, tenseOf } from '../tense.ts';
import { COLOURS, LABEL_SIZE } from '../theme.ts';
import { distinct } from '../words.ts';
import {
  columnsOf,
  type Datasets,
  emptyChart,
  frame,
  type MarkLayer,
  type Panel,
  paddedDomain,
} from './common.ts';

const WIDTH = 250;
const HEIGHT = 190;
const RADIUS = 5;
const ALIGNS = ['left', 'center', 'right'] as const;

/** The table's columns, in order; their headers are in templates/text/chart-scatter-labels.hbs. */
const SCATTER_COLUMNS = [
  'measure',
  'region',
  'unit',
  'baseline_pct',
  'change_pp',
  'baseline_period',
  'target_date',
  'ambition_rank',
  'ambition_rank_of',
  'ambition_rank_ties',
  'source',
] as const;

/**
 * Baseline against planned change, one panel per measure, each point labelled by region. Regions
 * with the same baseline and change share one point and one label.
 */
export function scatterChart(ctx: ChartContext, id: string): Chart {
  const rows = rowsOf(ctx).filter(
    (r) => r.kind === 'increase' && r.baseline_pct !== null && r.change_pp !== null,
  );
  const table = {
    columns: columnsOf(SCATTER_COLUMNS, ctx.words.terms('chart-scatter-labels', {}, SCATTER_COLUMNS)),
    rows: rows.map((r) => ({
      measure: MEASURES.find((m) => m.id === r.measure)?.label ?? r.measure,
      region: r.region,
      unit: measureById(r.measure).unit,
      baseline_pct: r.baseline_pct,
      change_pp: r.change_pp,
      baseline_period: r.baseline_period,
      target_date: r.target_date,
      ambition_rank: r.ambition_rank,
      ambition_rank_of: r.ambition_rank_of,
      ambition_rank_ties: r.ambition_rank_ties,
      source: r.source,
    })),
  };
  if (rows.length === 0) {
    return emptyChart(
      id,
      'scatter',
      {
        title: ctx.words.text('chart-scatter-empty-title', { edition: ctx.edition }),
        subtitle: ctx.words.text('chart-scatter-empty-subtitle', { edition: ctx.edition }),
        description: ctx.words.text('chart-scatter-empty-description', { edition: ctx.edition }),
      },
      table,
    );
  }
  const shown = MEASURES.filter((m) => rows.some((r) => r.measure === m.id));
  const lower = (m: (typeof MEASURES)[number]) => m.label.charAt(0).toLowerCase() + m.label.slice(1);
  // A step is the target level less the baseline. Where the levels lie closer together than the
  // baselines, the lowest start has the largest step by arithmetic (70, 70, 70 and 71 from 49 to
  // 69), so the pattern is judged only where the target levels spread at least as widely as the
  // baselines; and a tie for lowest or largest, or fewer than three regions, is no pattern.
  const ownRows = (m: (typeof MEASURES)[number]) => rows.filter((r) => r.measure === m.id);
  const spread = (values: readonly number[]) => Math.max(...values) - Math.min(...values);
  const levelSpread = (m: (typeof MEASURES)[number]) => spread(ownRows(m).map((r) => r.target_pct as number));
  const baselineSpread = (m: (typeof MEASURES)[number]) =>
    spread(ownRows(m).map((r) => r.baseline_pct as number));
  const follows = shown.filter((m) => ownRows(m).length > 1 && levelSpread(m) < baselineSpread(m));
  const sharedLevel = follows.filter((m) => levelSpread(m) === 0);
  const narrow = follows.filter((m) => levelSpread(m) > 0);
  const judged = shown.flatMap((m) => {
    const own = ownRows(m);
    if (own.length < 3 || follows.includes(m)) return [];
    const minB = Math.min(...own.map((r) => r.baseline_pct as number));
    const maxD = Math.max(...own.map((r) => r.change_pp as number));
    const lowest = own.filter((r) => r.baseline_pct === minB);
    const largest = own.filter((r) => r.change_pp === maxD);
    if (lowest.length !== 1 || largest.length !== 1) return [];
    return [{ m, lowest: lowest[0] as (typeof own)[number], same: lowest[0] === largest[0] }];
  });
  const holds = judged.filter((j) => j.same);
  const changes = rows.map((r) => r.change_pp as number);
  const lo = Math.min(...changes);
  const hi = Math.max(...changes);
  const lowest = holds[0]?.lowest;
  // The steps spoken of are every increase target plotted: past once all have fallen due.
  const tense = tenseOf(rows, ctx.date);
  const title = `${ctx.words.text('chart-scatter-headline', {
    past: tense.past,
    // The pattern, where it is judged and holds: on the one measure judged, said with its figures.
    holds: holds.length,
    judged: judged.length,
    measure: judged.length === 1 ? lower(judged[0]?.m as (typeof MEASURES)[number]) : null,
    region: lowest?.region ?? (rows.length === 1 ? (rows[0]?.region ?? null) : null),
    baseline: lowest?.baseline_pct ?? null,
    change: lowest?.change_pp ?? null,
    one: rows.length === 1,
    low: lo,
    high: hi,
    even: lo === hi,
  })}${mixedNote(tense, ctx.words)}`;
  const range = (values: readonly number[]) => ({ low: Math.min(...values), high: Math.max(...values) });
  const subtitle = ctx.words.text('chart-scatter-plotted', {
    edition: ctx.edition,
    past: tense.past,
    baselinePeriods: distinct(rows.map((r) => r.baseline_period)).sort(),
    dates: distinct(rows.map((r) => r.target_date)).sort(),
    sharedMeasures: sharedLevel.map(lower),
    sharedLevels: sharedLevel.map((m) => ownRows(m)[0]?.target_pct as number),
    narrow: narrow.map((m) =>
      ctx.words.text('chart-scatter-narrow-item', {
        measure: lower(m),
        targets: range(ownRows(m).map((r) => r.target_pct as number)),
        baselines: range(ownRows(m).map((r) => r.baseline_pct as number)),
      }),
    ),
    // The rule is said only where the pattern is stated: otherwise it is noise to a reader.
    judged: judged.map((j) => lower(j.m)),
  });

  // Steps due in different months are not compared: in each panel a target due in another month
  // than most of its panel's is drawn as a diamond and labelled with its month.
  const usualMonth = (m: string) => {
    const dates = rows.filter((r) => r.measure === m).map((r) => r.target_date);
    const counts = distinct(dates).map((d) => ({ d, n: dates.filter((x) => x === d).length }));
    counts.sort((a, b) => b.n - a.n || a.d.localeCompare(b.d));
    return counts[0]?.d ?? null;
  };
  const otherDate = (r: (typeof rows)[number]) =>
    r.target_date !== null && r.target_date !== usualMonth(r.measure) ? r.target_date : null;
  const otherMonth = rows.filter((r) => otherDate(r) !== null);
  const nameOf = (r: (typeof rows)[number], text: string) =>
    otherDate(r) === null ? text : ctx.words.text('chart-scatter-due-label', { text, date: otherDate(r) });

  const coded: RegionId[] = [];
  const datasets: Datasets = {};
  const panels = MEASURES.filter((m) => rows.some((r) => r.measure === m.id)).map((m, i): Panel => {
    const own = rows.filter((r) => r.measure === m.id);
    const groups = new Map<string, typeof own>();
    for (const r of own)
      groups.set(`${r.baseline_pct} ${r.change_pp}`, [
        ...(groups.get(`${r.baseline_pct} ${r.change_pp}`) ?? []),
        r,
      ]);
    const xDomain = paddedDomain(
      own.map((r) => r.baseline_pct as number),
      3,
    );
    const yDomain: [number, number] = [
      0,
      Math.max(5, Math.ceil((Math.max(...own.map((r) => r.change_pp as number)) + 2) / 5) * 5),
    ];
    const px = (v: number) => ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * WIDTH;
    const py = (v: number) => HEIGHT - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * HEIGHT;
    const points = [...groups.values()].map((g) => {
      const first = g[0] as (typeof own)[number];
      return {
        key: g.map((r) => r.region_id).join('+'),
        x: px(first.baseline_pct as number),
        y: py(first.change_pp as number),
        text: g.map((r) => nameOf(r, r.region)).join('\n'),
        code: g.map((r) => nameOf(r, regionById(r.region_id).code)).join('/'),
        baseline: first.baseline_pct,
        change: first.change_pp,
        mine: ctx.highlight !== null && g.some((r) => r.region_id === ctx.highlight),
        other: g.some((r) => otherDate(r) !== null),
      };
    });
    // Full names where they fit beside their points; in a crowded panel, short codes (keyed in the
    // subtitle) so that every label stays next to the point it names.
    let labels = placeLabels(points, WIDTH, HEIGHT, LABEL_SIZE, RADIUS, { leaders: false });
    if (labels.some((l) => l.crowded)) {
      labels = placeLabels(
        points.map((p) => ({ ...p, text: p.code })),
        WIDTH,
        HEIGHT,
        LABEL_SIZE,
        RADIUS,
      );
      coded.push(...own.map((r) => r.region_id));
    }
    const toX = (v: number) => xDomain[0] + (v / WIDTH) * (xDomain[1] - xDomain[0]);
    const toY = (v: number) => yDomain[0] + ((HEIGHT - v) / HEIGHT) * (yDomain[1] - yDomain[0]);
    const leaders = labels
      .filter((l) => l.leader)
      .map((l) => {
        const p = points.find((q) => q.key === l.key) as (typeof points)[number];
        // From the point's edge to the nearest edge of its label.
        const ty = l.y > p.y ? l.box.y1 : l.box.y2;
        const tx = Math.max(l.box.x1, Math.min(p.x, l.box.x2));
        return { x: toX(p.x), y: toY(p.y), x2: toX(tx), y2: toY(ty) };
      });
    const labelData = labels.map((l) => ({
      text: l.text,
      align: l.align,
      lx: xDomain[0] + (l.x / WIDTH) * (xDomain[1] - xDomain[0]),
      ly: yDomain[0] + ((HEIGHT - l.y) / HEIGHT) * (yDomain[1] - yDomain[0]),
      mine: points.find((p) => p.key === l.key)?.mine ?? false,
    }));
    const axes = ctx.words.terms('chart-scatter-axes', { unit: m.unit }, ['x', 'y']);
    const x = {
      type: 'quantitative' as const,
      scale: { domain: xDomain, nice: false },
      title: axes.x,
    };
    const y = {
      type: 'quantitative' as const,
      scale: { domain: yDomain, nice: false },
      title: axes.y,
    };
    // Each panel's rows by name, bound at run time into the chart's shape (compile.ts).
    const name = (part: string) => `panel_${i}_${part}`;
    datasets[name('leaders')] = leaders;
    datasets[name('points')] = points.map(({ baseline, change, mine, other }) => ({
      baseline,
      change,
      mine,
      other,
    }));
    for (const align of ALIGNS) datasets[name(align)] = labelData.filter((l) => l.align === align);
    return {
      title: { text: m.label, fontSize: 12, anchor: 'start' },
      width: WIDTH,
      height: HEIGHT,
      layer: [
        {
          data: { name: name('leaders') },
          mark: { type: 'rule', color: '#8b9194', strokeWidth: 1, aria: false },
          encoding: {
            x: { field: 'x', ...x },
            y: { field: 'y', ...y },
            x2: { field: 'x2' },
            y2: { field: 'y2' },
          },
        },
        {
          data: { name: name('points') },
          mark: { type: 'point', filled: true, size: Math.PI * RADIUS * RADIUS },
          encoding: {
            x: { field: 'baseline', ...x },
            y: { field: 'change', ...y },
            shape: { condition: { test: 'datum.other', value: 'diamond' }, value: 'circle' },
            // A diamond of a circle's area looks smaller: drawn a little larger to be seen as well.
            size: {
              condition: { test: 'datum.other', value: Math.PI * RADIUS * RADIUS * 1.6 },
              value: Math.PI * RADIUS * RADIUS,
            },
            color: ctx.highlight
              ? { condition: { test: 'datum.mine', value: COLOURS.highlight }, value: COLOURS.muted }
              : { value: COLOURS.target },
          },
        },
        ...ALIGNS.map(
          (align): MarkLayer => ({
            data: { name: name(align) },
            mark: {
              type: 'text',
              align,
              baseline: 'middle',
              lineBreak: '\n',
              lineHeight: LABEL_SIZE * 1.2,
              fontSize: LABEL_SIZE,
              fontWeight: { expr: "datum.mine ? 'bold' : 'normal'" },
            },
            encoding: { x: { field: 'lx', ...x }, y: { field: 'ly', ...y }, text: { field: 'text' } },
          }),
        ),
      ],
    };
  });
  const key = [...new Set(coded)]
    .sort((a, b) => rows.findIndex((r) => r.region_id === a) - rows.findIndex((r) => r.region_id === b))
    .map((id) => ({ code: regionById(id).code, name: regionById(id).name }));
  const otherNote =
    otherMonth.length > 0
      ? ctx.words.text('chart-scatter-other-month', {
          items: otherMonth.map((r) => ({
            region: r.region,
            measure: lower(MEASURES.find((m) => m.id === r.measure) as (typeof MEASURES)[number]),
            date: r.target_date,
            usual: usualMonth(r.measure),
          })),
        })
      : '';
  const fullSubtitle = [
    subtitle,
    otherNote,
    key.length > 0 ? ctx.words.text('chart-scatter-key', { key }) : '',
  ]
    .filter((t) => t !== '')
    .join(' ');
  const description = `${title}. ${fullSubtitle} ${rows
    .map((r) =>
      ctx.words.text('chart-scatter-row', {
        region: r.region,
        measure: measureById(r.measure).label,
        baseline: r.baseline_pct,
        change: r.change_pp,
        otherDate: otherDate(r),
      }),
    )
    .join(' ')}`;
  const heading = { title, subtitle: fullSubtitle, description };
  const spec: TopLevelSpec = { ...frame(heading), datasets, columns: 2, concat: panels, spacing: 36 };
  return { id, kind: 'scatter', ...heading, empty: false, spec, table };
}
