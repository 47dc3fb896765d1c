import type { TopLevelSpec } from 'vega-lite';
import type { BenchmarkRow } from '../../model/index.ts';
import type { ChartWords } from '../chart.ts';
import { COLOURS } from '../theme.ts';
import type { Datasets } from './common.ts';

/**
 * The spine chart's rows as area profiles draw them: every row on its own scale, centred on its
 * comparator, so that a region 2 points above a national 15% is as plain to see as one 20 points
 * below a national 60%. Positions compare within a row, never across rows; the values are printed
 * beside each row and in the table.
 */

/** Width of the plotted strip, in pixels: the measure's name above it, the values to its right. */
export const STRIP = 330;
/** Pixels between rows: the measure's name, the marks and two lines of values. */
export const ROW_STEP = 52;
/** Where a row's values are printed: right of the strip. */
const VALUES_X = STRIP + 14;
/**
 * Each row is scaled to the largest distance of its values from its centre; a row whose values
 * all lie within this many points of the centre is scaled to it instead, so that a difference of a
 * tenth of a point is not drawn across the whole strip.
 */
export const LEAST_SPREAD_PP = 1;
/** The strip runs a little past ±1 so that a mark at the row's extreme is drawn whole. */
const DOMAIN: [number, number] = [-1.12, 1.12];

/** What a row is centred on: the comparator the baseline is set against, or the best stand-in. */
export type CentreKind = 'national' | 'median' | 'peers' | 'none';

export interface SpineCentre {
  kind: CentreKind;
  value: number | null;
}

/**
 * A national figure where there is one; the median of the regions in the run where that is the
 * comparator; else the other regions' median; else nothing (the row is then centred on the
 * region's own baseline or target, and its values say there is no comparator).
 */
export function centreOf(r: BenchmarkRow): SpineCentre {
  if (r.comparator_pct !== null && r.comparator_kind === 'national')
    return { kind: 'national', value: r.comparator_pct };
  if (r.comparator_pct !== null && r.comparator_kind === 'run-median')
    return { kind: 'median', value: r.comparator_pct };
  if (r.peer_baseline_median !== null) return { kind: 'peers', value: r.peer_baseline_median };
  return { kind: 'none', value: null };
}

/** Where, in pixels from the strip's left, a row with no comparator shows its value: off the scale. */
const OFF_X = 5;

/**
 * A row's values placed on its own scale: -1 and 1 are its farthest value either side of the
 * centre. A row with no comparator has no scale: a value centred on itself would sit on the centre
 * line, read as "at the national figure", so nothing is placed (`off`) and the row says why.
 */
export function placed(r: BenchmarkRow): Record<string, number | boolean | null> {
  const given = centreOf(r).value;
  if (given === null)
    return {
      x_baseline: null,
      x_target: null,
      x_min: null,
      x_max: null,
      x_median: null,
      x_centre: null,
      off: true,
    };
  const centre = given;
  const values = {
    baseline: r.baseline_pct,
    target: r.target_pct,
    min: r.peer_baseline_min,
    max: r.peer_baseline_max,
    median: r.peer_baseline_median,
  };
  const present = Object.values(values).filter((v): v is number => v !== null);
  const spread = Math.max(LEAST_SPREAD_PP, ...present.map((v) => Math.abs(v - centre)));
  const at = (v: number | null) => (v === null ? null : Math.round(((v - centre) / spread) * 1e4) / 1e4);
  return {
    x_baseline: at(values.baseline),
    x_target: at(values.target),
    x_min: at(values.min),
    x_max: at(values.max),
    x_median: at(values.median),
    x_centre: 0,
    off: false,
  };
}

/** The two lines printed beside a row: the region's values, then what the row is centred on. */
export function valueLines(r: BenchmarkRow, words: ChartWords): string[] {
  const centre = centreOf(r);
  return [
    words.text('chart-spine-value', {
      hasBaseline: r.baseline_pct !== null,
      baseline: r.baseline_pct,
      target: r.target_pct,
      moving: r.target_pct !== null && r.target_pct !== r.baseline_pct,
      continuing: r.kind === 'continue-increase',
      holding: r.kind === 'maintain',
    }),
    words.text('chart-spine-centre', {
      national: centre.kind === 'national',
      median: centre.kind === 'median',
      peers: centre.kind === 'peers',
      value: centre.value,
    }),
  ];
}

const y = (order: readonly string[]) => ({
  field: 'measure',
  type: 'nominal' as const,
  sort: [...order],
  axis: null,
  scale: { padding: 0.45 },
});

/** The chart's body: its rows bound as `rows`, the strip, its marks and the words beside each row. */
export function spineBody(
  data: Datasets['rows'],
  order: readonly string[],
  words: ChartWords,
): Pick<Extract<TopLevelSpec, { layer: unknown }>, 'layer' | 'encoding' | 'data' | 'width' | 'height'> & {
  datasets: Datasets;
} {
  const ends = words.terms('chart-spine-ends', {}, ['lower', 'centre', 'higher']);
  const labelExpr = `datum.value < 0 ? ${JSON.stringify(ends.lower)} : datum.value > 0 ? ${JSON.stringify(ends.higher)} : ${JSON.stringify(ends.centre)}`;
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    scale: { domain: DOMAIN, nice: false, zero: false },
    title: null,
    axis: { grid: false, values: [-1, 0, 1], labelExpr, ticks: false, domain: false, labelPadding: 6 },
  });
  // Marks sit a little below the row's centre line, the measure's name above them.
  const offset = 6;
  return {
    width: STRIP,
    height: { step: ROW_STEP },
    datasets: { rows: data },
    data: { name: 'rows' },
    encoding: { y: y(order) },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 12, color: '#b1b4b6', strokeCap: 'butt', yOffset: offset },
        encoding: { x: x('x_min'), x2: { field: 'x_max' } },
      },
      {
        mark: { type: 'tick', thickness: 2, size: 12, color: COLOURS.baseline, yOffset: offset },
        encoding: { x: x('x_median') },
      },
      {
        mark: { type: 'tick', thickness: 2, size: 26, color: COLOURS.text, yOffset: offset },
        encoding: { x: x('x_centre') },
      },
      {
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: false,
          fill: 'white',
          size: 110,
          strokeWidth: 2,
          stroke: COLOURS.target,
          yOffset: offset,
        },
        encoding: { x: x('x_target') },
      },
      {
        mark: {
          type: 'point',
          shape: 'circle',
          filled: true,
          size: 120,
          color: COLOURS.target,
          stroke: 'white',
          strokeWidth: 1.5,
          yOffset: offset,
        },
        encoding: { x: x('x_baseline') },
      },
      // A row with no comparator: a grey dot left of the strip's scale and the reason beside it.
      {
        transform: [{ filter: 'datum.off' }],
        mark: {
          type: 'point',
          shape: 'circle',
          filled: true,
          size: 80,
          color: COLOURS.muted,
          yOffset: offset,
          // The label beside it says it; in a chart with no such row the empty mark would be an
          // unnamed image to a screen reader.
          aria: false,
        },
        encoding: { x: { value: OFF_X } },
      },
      {
        transform: [{ filter: 'datum.off' }],
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'middle',
          dy: offset,
          fontSize: 11,
          fontStyle: 'italic',
          color: COLOURS.muted,
        },
        encoding: { x: { value: OFF_X + 10 }, text: { field: 'off_label' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -8, fontSize: 11, fontWeight: 'bold' },
        encoding: { x: { value: 0 }, text: { field: 'measure' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dy: 0, fontSize: 11, lineHeight: 14 },
        encoding: { x: { value: VALUES_X }, text: { field: 'values' } },
      },
    ],
  };
}
