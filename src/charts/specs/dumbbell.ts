import type { TopLevelSpec } from 'vega-lite';
import { pct } from '../../format/index.ts';
import { type BenchmarkRow, type MeasureId, measureById } from '../../model/index.ts';
import { type Chart, type ChartContext, type ChartWords, rowsOf } from '../chart.ts';
import {
  comparatorName,
  comparatorSentences,
  hasTargetComparator,
  isLevel,
  measureHeadline,
} from '../headlines.ts';
import { placeOnRow, type RowPlace } from '../labels.ts';
import { textWidth } from '../measure-text.ts';
import { COLOURS, LABEL_SIZE } from '../theme.ts';
import { distinct } from '../words.ts';
import {
  columnsOf,
  type Datasets,
  emptyChart,
  frame,
  type Layer,
  type Position,
  paddedDomain,
  withHalo,
} from './common.ts';

const STEP = 26;
const WIDTH = 400;
/** The outer radius of a point (size 90, with the baseline's 2 px outline). */
const MARK_R = 6.5;
/** Room between a mark and its label. */
const GAP = 3;
/** Half a comparator line's width and the room a label leaves it. */
const LINE_CLEAR = 4;
/** A label's white halo (a 3 px stroke) widens it by half that at each end. */
const HALO = 3;
/** How far from its point a label may sit before a leader line joins them. */
const LEADER_AFTER = 20;
/**
 * Comparator lines nearer than this many pixels cannot be told apart (19.4% and 19.3% are under
 * two): they are drawn as one line of their own pattern, labelled with every figure it stands for.
 */
const CLOSE_PX = 6;
/** The pattern of one line drawn for several figures: neither the dashes nor the dots alone. */
const SHARED_DASH = [8, 3, 2, 3];

/**
 * Which targets fall due when, naming the regions, each with its aim where it is not a level to
 * reach: "Targets due by April 2024: North East and South West; due by July 2024: East of
 * England." Targets with no date, and those with no level to reach (drawn with no filled circle),
 * are named as such.
 */
export function targetDates(rows: readonly BenchmarkRow[], words: ChartWords): string {
  const aimOf = (r: BenchmarkRow) => ({
    continuing: r.kind === 'continue-increase',
    holding: r.kind === 'maintain',
  });
  // One aim shared by every region of a group (not a level to reach) is said once, after them all.
  const named = (group: readonly BenchmarkRow[]): string[] => {
    const aims = distinct(group.map((r) => r.kind));
    const only = group[0] as BenchmarkRow;
    if (aims.length === 1 && only.kind !== 'increase' && group.length > 1)
      return [
        words.text('chart-dumbbell-regions-aim', { regions: group.map((r) => r.region), ...aimOf(only) }),
      ];
    return group.map((r) => words.text('chart-dumbbell-region-aim', { region: r.region, ...aimOf(r) }));
  };
  const byDate = (group: readonly BenchmarkRow[]) =>
    [...new Set(group.map((r) => r.target_date))]
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map((date) => {
        const mine = group.filter((r) => r.target_date === date);
        return { date, one: mine.length === 1, named: named(mine) };
      });
  return words.text('chart-dumbbell-dates', {
    levels: byDate(rows.filter((r) => r.target_pct !== null)),
    none: byDate(rows.filter((r) => r.target_pct === null)),
  });
}

/** The table's columns, in order; their headers are in templates/text/chart-dumbbell-labels.hbs. */
const DUMBBELL_COLUMNS = [
  'region',
  'kind',
  'baseline_pct',
  'baseline_period',
  'target_pct',
  'target_date',
  'comparator_pct',
  'comparator_kind',
  'comparator_period',
  'target_comparator_pct',
  'target_comparator_period',
  'source',
] as const;

/** Each region's baseline → target on one measure, the comparator drawn and labelled. */
export function dumbbellChart(ctx: ChartContext, measure: MeasureId, id: string): Chart {
  const def = measureById(measure);
  const rows = rowsOf(ctx).filter((r) => r.measure === measure);
  const table = {
    columns: columnsOf(
      DUMBBELL_COLUMNS,
      ctx.words.terms('chart-dumbbell-labels', { unit: def.unit }, DUMBBELL_COLUMNS),
    ),
    rows: rows.map((r) => ({
      region: r.region,
      kind: r.kind,
      baseline_pct: r.baseline_pct,
      baseline_period: r.baseline_period,
      target_pct: r.target_pct,
      target_date: r.target_date,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      comparator_period: r.comparator_period,
      target_comparator_pct: isLevel(r) ? r.target_comparator_pct : null,
      target_comparator_period: isLevel(r) ? r.target_comparator_period : null,
      source: r.source,
    })),
  };
  if (rows.length === 0) {
    const facts = { label: def.label, wording: def.wording, edition: ctx.edition };
    return emptyChart(
      id,
      'dumbbell',
      {
        title: ctx.words.text('chart-dumbbell-empty-title', facts),
        subtitle: ctx.words.text('chart-dumbbell-empty-subtitle', facts),
        description: ctx.words.text('chart-dumbbell-empty-description', facts),
      },
      table,
    );
  }

  const targetMonths = [
    ...new Set(rows.map((r) => r.target_date).filter((m): m is string => m !== null)),
  ].sort();
  const baselinePeriods = [
    ...new Set(rows.map((r) => r.baseline_period).filter((p): p is string => p !== null)),
  ].sort();
  const undated = rows.some((r) => r.baseline_pct !== null && r.baseline_period === null);
  const compared = comparatorSentences(rows, ctx.words);
  // One date for every target, each with a level, reads in the brackets; otherwise each date, and
  // each target with no date or no level (so no filled circle), is said with the regions it is for.
  const oneWhen =
    rows.every((r) => r.target_pct !== null) && new Set(rows.map((r) => r.target_date)).size === 1;
  const subtitle = [
    ctx.words.text('chart-dumbbell-plotted', {
      label: def.label,
      unit: def.unit,
      baselinePeriods,
      undated,
      oneWhen,
      date: targetMonths[0] ?? null,
    }),
    ...(oneWhen ? [] : [targetDates(rows, ctx.words)]),
    ...(compared.length > 0 ? compared : [ctx.words.text('chart-dumbbell-no-comparator', {})]),
  ];
  // Every line drawn: the baselines' comparators dashed, the national figures the targets are
  // compared with dotted; labels stacked above the plot so that two close lines never share one.
  const lines = [
    ...new Map(
      rows
        .filter((r) => r.comparator_pct !== null)
        .map((r) => [
          `b ${r.comparator_kind} ${r.comparator_pct} ${r.comparator_period}`,
          {
            value: r.comparator_pct as number,
            dash: [5, 3],
            label: ctx.words.text('chart-dumbbell-line-label', {
              targets: false,
              comparator: comparatorName(r),
              period: r.comparator_period,
              value: r.comparator_pct,
            }),
          },
        ]),
    ).values(),
    ...new Map(
      rows
        .filter((r) => isLevel(r) && hasTargetComparator(r))
        .map((r) => [
          `t ${r.target_comparator_pct} ${r.target_comparator_period}`,
          {
            value: r.target_comparator_pct as number,
            dash: [2, 2],
            label: ctx.words.text('chart-dumbbell-line-label', {
              targets: true,
              comparator: comparatorName({ comparator_kind: 'national' }),
              period: r.target_comparator_period,
              value: r.target_comparator_pct,
            }),
          },
        ]),
    ).values(),
  ];
  const highlight = ctx.highlight;
  const values = [
    ...rows.flatMap((r) => [r.baseline_pct, r.target_pct]),
    ...lines.map((l) => l.value),
  ].filter((v): v is number => v !== null);
  const domain = paddedDomain(values, 6);
  const px = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * WIDTH;
  const fromPx = (p: number) => domain[0] + (p / WIDTH) * (domain[1] - domain[0]);
  const drawn = closeLines(lines, px);
  const shared = drawn.filter((d) => d.group.length > 1);
  if (shared.length > 0) {
    subtitle.push(
      ...distinct(shared.map((d) => d.group.join(' '))).map((key) =>
        ctx.words.text('chart-dumbbell-close-lines', {
          values: key.split(' ').map((i) => (lines[Number(i)] as (typeof lines)[number]).value),
        }),
      ),
    );
  }
  // Every comparator line crosses every row, and two may lie a pixel apart (19.4% and 19.3%): each
  // value label is placed on its row clear of the lines and of the row's marks, never over them.
  const lineSpans = lines.map((l) => ({ x1: px(l.value) - LINE_CLEAR, x2: px(l.value) + LINE_CLEAR }));
  const widthOf = (text: string, bold: boolean) => textWidth(text, LABEL_SIZE, bold) + HALO;
  const data = rows.map((r) => {
    const baseline_label = pct(r.baseline_pct);
    const target_label = ctx.words.text('chart-dumbbell-target-label', {
      continuing: r.kind === 'continue-increase',
      holding: r.kind === 'maintain',
      baseline: r.baseline_pct,
      target: r.target_pct,
    });
    const lone = r.target_pct === null || r.target_pct === r.baseline_pct;
    // A lone point's value alone, for where its aim beside it would not fit: the aim is in the
    // subtitle and the table.
    const value_label = pct(r.baseline_pct ?? r.target_pct);
    const b = r.baseline_pct === null ? null : px(r.baseline_pct);
    const t = r.target_pct === null ? null : px(r.target_pct);
    const blocked = [
      ...lineSpans,
      ...[b, t]
        .filter((v): v is number => v !== null)
        .map((v) => ({ x1: v - MARK_R - GAP, x2: v + MARK_R + GAP })),
      ...(b !== null && t !== null ? [{ x1: Math.min(b, t), x2: Math.max(b, t) }] : []),
    ];
    const beside = (at: number, text: string, bold: boolean, side: 'left' | 'right', flip: boolean) =>
      placeOnRow(
        { right: at + MARK_R + GAP, left: at - MARK_R - GAP, width: widthOf(text, bold), side, flip },
        blocked,
        WIDTH,
      );
    let baselinePlace: RowPlace | null = null;
    let targetPlace: RowPlace | null = null;
    const lonePoint = b ?? t;
    let loneLabel = target_label;
    if (lone) {
      // One label beside the one point, on whichever side is clear; never moved away along the row,
      // where it would read as a step to wherever it landed: the value alone where the words do not fit.
      if (lonePoint !== null) {
        const full = beside(lonePoint, target_label, false, 'right', true);
        const short = beside(lonePoint, value_label, false, 'right', true);
        const near = (place: RowPlace) =>
          place.clear &&
          (place.align === 'left'
            ? place.x === lonePoint + MARK_R + GAP
            : place.x === lonePoint - MARK_R - GAP);
        if (near(full)) targetPlace = full;
        else {
          loneLabel = value_label;
          targetPlace = near(short) ? short : { x: lonePoint + MARK_R + GAP, align: 'left', clear: false };
        }
      }
    } else {
      // The baseline's value on the side away from the target and the target's beyond the target,
      // never on the bar between them; the target's label clear of the baseline's too.
      const up = b === null || t === null || t >= b;
      if (b !== null) {
        baselinePlace = beside(b, baseline_label, false, up ? 'left' : 'right', false);
        const w = widthOf(baseline_label, false);
        const x1 = baselinePlace.align === 'left' ? baselinePlace.x : baselinePlace.x - w;
        blocked.push({ x1: x1 - GAP, x2: x1 + w + GAP });
      }
      if (t !== null) targetPlace = beside(t, target_label, true, up ? 'right' : 'left', false);
    }
    // A label that had to move well away from its point is joined to it by a thin leader line.
    const leaderOf = (place: RowPlace | null, at: number | null) => {
      if (place === null || at === null) return null;
      const from = place.align === 'left' ? at + MARK_R : at - MARK_R;
      const to = place.align === 'left' ? place.x - 1 : place.x + 1;
      return Math.abs(to - from) > LEADER_AFTER ? { x: fromPx(from), x2: fromPx(to) } : null;
    };
    const leader = lone ? null : (leaderOf(targetPlace, t) ?? leaderOf(baselinePlace, b));
    return {
      region: r.region,
      baseline: r.baseline_pct,
      target: r.target_pct,
      leader_x: leader?.x ?? null,
      leader_x2: leader?.x2 ?? null,
      baseline_label,
      target_label: lone ? loneLabel : target_label,
      baseline_x: baselinePlace ? fromPx(baselinePlace.x) : null,
      baseline_align: baselinePlace?.align ?? 'right',
      target_x: targetPlace ? fromPx(targetPlace.x) : null,
      target_align: targetPlace?.align ?? 'left',
      lone,
      mine: highlight !== null && r.region_id === highlight,
    };
  });
  // A label near either end of the axis runs inwards from its line, not off the plot.
  const alignAt = (v: number) => {
    const at = (v - domain[0]) / (domain[1] - domain[0]);
    return at < 0.3 ? 'left' : at > 0.7 ? 'right' : 'center';
  };
  const order = [...rows]
    .sort((a, b) => (b.baseline_pct ?? -1) - (a.baseline_pct ?? -1) || a.region.localeCompare(b.region))
    .map((r) => r.region);
  const x = {
    type: 'quantitative' as const,
    scale: { domain, nice: false },
    title: def.unit,
    axis: { grid: true, tickCount: 6 },
  };
  const y: Position = {
    field: 'region',
    type: 'nominal',
    sort: order,
    title: null,
    axis: {
      // The region's name is a parameter, not part of the test, so every region's chart of this
      // measure has the same shape and is compiled once (compile.ts).
      labelFontWeight: highlight
        ? { condition: { test: 'datum.value === highlighted', value: 'bold' }, value: 'normal' }
        : 'normal',
      ticks: false,
      domain: false,
      labelPadding: 8,
    },
  };
  const targetColour = highlight
    ? { condition: { test: 'datum.mine', value: COLOURS.highlight }, value: COLOURS.muted }
    : { value: COLOURS.target };

  const description = `${subtitle.join(' ')} ${rows
    .map((r) =>
      ctx.words.text('chart-dumbbell-row', {
        region: r.region,
        holding: r.kind === 'maintain',
        continuing: r.kind === 'continue-increase',
        stay: r.target_pct === r.baseline_pct,
        baseline: r.baseline_pct,
        target: r.target_pct,
        level: r.target_pct ?? r.baseline_pct,
        date: r.target_date,
        baselinePeriod: r.baseline_period,
      }),
    )
    .join(' ')}`;
  const heading = {
    title: measureHeadline(rows, ctx.words, ctx.date),
    subtitle: subtitle.join(' '),
    description,
  };

  // Every chart's rows by name, bound at run time into its shape (compile.ts).
  const datasets: Datasets = {
    ...Object.fromEntries(
      lines.map((line, i) => [
        `line_${i}`,
        [
          {
            value: line.value,
            at: (drawn[i] as Drawn).at,
            rule: (drawn[i] as Drawn).rule,
            label: line.label,
          },
        ],
      ]),
    ),
    rows: data,
  };
  const spec: TopLevelSpec = {
    ...frame(heading),
    ...(highlight
      ? {
          params: [{ name: 'highlighted', value: rows.find((r) => r.region_id === highlight)?.region ?? '' }],
        }
      : {}),
    datasets,
    width: WIDTH,
    height: { step: STEP },
    layer: [
      ...lines.map(
        (line, i): Layer => ({
          data: { name: `line_${i}` },
          layer: [
            {
              // Lines too close to tell apart are drawn once, where they lie, for all of them.
              transform: [{ filter: 'datum.rule' }],
              mark: {
                type: 'rule',
                // The label beside it says what the line is; a line drawn once for two figures
                // leaves the other's mark empty, a container a screen reader would announce unnamed.
                aria: false,
                strokeDash: (drawn[i] as Drawn).group.length > 1 ? SHARED_DASH : line.dash,
                strokeWidth: 2,
                color: COLOURS.comparator,
              },
              encoding: { x: { field: 'at', ...x } },
            },
            {
              mark: {
                type: 'text',
                align: alignAt((drawn[i] as Drawn).at),
                baseline: 'bottom',
                fontSize: LABEL_SIZE,
                color: '#a04000',
                fontWeight: 'bold',
              },
              encoding: {
                x: { field: 'at', ...x },
                y: { value: -3 - (lines.length - 1 - i) * (LABEL_SIZE + 3) },
                text: { field: 'label' },
              },
            },
          ],
        }),
      ),
      {
        data: { name: 'rows' },
        encoding: { y },
        layer: [
          {
            transform: [{ filter: 'datum.leader_x !== null' }],
            // A leader only joins a label to its point: nothing for a screen reader to say.
            mark: { type: 'rule', strokeWidth: 1, color: COLOURS.muted, aria: false },
            encoding: { x: { field: 'leader_x', ...x }, x2: { field: 'leader_x2' } },
          },
          {
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: { x: { field: 'baseline', ...x }, x2: { field: 'target' }, color: targetColour },
          },
          {
            mark: {
              type: 'point',
              filled: true,
              fill: 'white',
              size: 90,
              strokeWidth: 2,
              stroke: COLOURS.baseline,
            },
            encoding: { x: { field: 'baseline', ...x } },
          },
          {
            mark: { type: 'point', filled: true, size: 90 },
            encoding: { x: { field: 'target', ...x }, color: targetColour },
          },
          // Each value where placeOnRow put it, clear of the comparator lines and the row's marks.
          ...withHalo({
            transform: [{ filter: '!datum.lone' }],
            mark: { type: 'text', align: { expr: 'datum.baseline_align' }, fontSize: LABEL_SIZE },
            encoding: { x: { field: 'baseline_x', ...x }, text: { field: 'baseline_label' } },
          }),
          ...withHalo({
            transform: [{ filter: 'datum.lone' }],
            mark: { type: 'text', align: { expr: 'datum.target_align' }, fontSize: LABEL_SIZE },
            encoding: { x: { field: 'target_x', ...x }, text: { field: 'target_label' } },
          }),
          ...withHalo({
            transform: [{ filter: '!datum.lone' }],
            mark: {
              type: 'text',
              align: { expr: 'datum.target_align' },
              fontSize: LABEL_SIZE,
              fontWeight: 'bold',
            },
            encoding: { x: { field: 'target_x', ...x }, text: { field: 'target_label' } },
          }),
        ],
      },
    ],
  };
  return { id, kind: 'dumbbell', ...heading, empty: false, spec, table };
}

interface Drawn {
  /** Where the line is drawn: its value, or the middle of the lines drawn as one with it. */
  at: number;
  /** Whether this line draws the rule (the first of those drawn as one), or only its label. */
  rule: boolean;
  /** The indexes of the lines drawn as one with it, itself included, in order. */
  group: number[];
}

/**
 * Lines nearer each other than CLOSE_PX pixels, chained, are drawn as one at their middle (within a
 * pixel or two of each), each keeping its own label; the subtitle says they are two figures.
 */
export function closeLines(lines: readonly { value: number }[], px: (v: number) => number): Drawn[] {
  const order = lines.map((l, i) => ({ i, p: px(l.value) })).sort((a, b) => a.p - b.p || a.i - b.i);
  const drawn: Drawn[] = lines.map((l) => ({ at: l.value, rule: true, group: [] }));
  let run: typeof order = [];
  const close = () => {
    if (run.length === 0) return;
    const group = run.map((o) => o.i).sort((a, b) => a - b);
    const at = run.reduce((sum, o) => sum + (lines[o.i] as { value: number }).value, 0) / run.length;
    for (const o of run)
      drawn[o.i] =
        run.length > 1
          ? { at, rule: o.i === group[0], group }
          : { at: (lines[o.i] as { value: number }).value, rule: true, group };
    run = [];
  };
  for (const o of order) {
    const last = run[run.length - 1];
    if (last !== undefined && o.p - last.p >= CLOSE_PX) close();
    run.push(o);
  }
  close();
  return drawn;
}
