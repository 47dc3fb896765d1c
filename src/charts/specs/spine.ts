import type { TopLevelSpec } from 'vega-lite';
import { capital, count, pct } from '../../format/index.ts';
import { MEASURES } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { comparatorName } from '../headlines.ts';
import { COLOURS } from '../theme.ts';
import { emptyChart, frame } from './common.ts';

/** For each measure: the peers' range and median, the comparator, and the region's baseline and target. */
export function spineChart(ctx: ChartContext, id: string): Chart {
  const region = ctx.highlight;
  const rows = rowsOf(ctx).filter((r) => r.region_id === region);
  const label = (m: string) => MEASURES.find((d) => d.id === m)?.label ?? m;
  const table = {
    columns: [
      { key: 'measure', label: 'Measure' },
      { key: 'baseline_pct', label: 'Baseline (%)' },
      { key: 'target_pct', label: 'Target (%)' },
      { key: 'comparator_pct', label: 'Comparator (%)' },
      { key: 'comparator_kind', label: 'Compared with' },
      { key: 'peer_baseline_min', label: 'Lowest peer baseline (%)' },
      { key: 'peer_baseline_median', label: 'Median peer baseline (%)' },
      { key: 'peer_baseline_max', label: 'Highest peer baseline (%)' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({
      measure: label(r.measure),
      baseline_pct: r.baseline_pct,
      target_pct: r.target_pct,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      peer_baseline_min: r.peer_baseline_min,
      peer_baseline_median: r.peer_baseline_median,
      peer_baseline_max: r.peer_baseline_max,
      source: r.source,
    })),
  };
  const name = rows[0]?.region ?? 'This region';
  if (rows.length === 0) {
    return emptyChart(
      id,
      'spine',
      {
        title: `${name} sets no quantitative target`,
        subtitle: `${ctx.edition} update`,
        description: `The ${ctx.edition} update sets no target with a figure, so there is nothing to place against peers.`,
      },
      table,
    );
  }
  const compared = rows.filter((r) => r.baseline_gap_pp !== null);
  const below = compared.filter((r) => (r.baseline_gap_pp as number) < 0);
  const title =
    compared.length === 0
      ? `${name}: no baseline has a comparator`
      : below.length === 0
        ? `${name} starts at or above the comparator on every measure compared`
        : `${name} starts below the comparator on ${count(below.length)} of ${count(compared.length)} measures`;
  const subtitle = `Grey bar: range of the ${ctx.edition} baselines of the regions in this run; black tick: their median; orange diamond: comparator; open circle: ${name}'s baseline; filled circle: its target. % of prison leavers.`;
  const data = rows.map((r) => ({
    measure: label(r.measure),
    min: r.peer_baseline_min,
    max: r.peer_baseline_max,
    median: r.peer_baseline_median,
    comparator: r.comparator_pct,
    baseline: r.baseline_pct,
    target: r.target_pct,
    summary: [
      `${pct(r.baseline_pct)}${r.target_pct !== null && r.target_pct !== r.baseline_pct ? ` to ${pct(r.target_pct)}` : r.kind === 'continue-increase' ? ', continue to increase' : r.kind === 'maintain' ? ', hold' : ''}`,
      r.comparator_pct !== null ? `${comparatorName(r)} ${pct(r.comparator_pct)}` : 'no comparator',
      `peers ${pct(r.peer_baseline_min)}–${pct(r.peer_baseline_max)}`,
    ].join(' · '),
  }));
  const order = MEASURES.map((m) => m.label);
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, 100], nice: false },
    title: '% of prison leavers',
    axis: { grid: true, values: [0, 20, 40, 60, 80, 100] },
  };
  const y = {
    field: 'measure',
    type: 'nominal' as const,
    sort: order,
    title: null,
    axis: { ticks: false, domain: false, labelPadding: 8, labelFontWeight: 'bold' as const },
  };
  const description = `${title}. ${data.map((d) => `${d.measure}: ${d.summary}.`).join(' ')}`;
  const heading = { title: capital(title), subtitle, description };
  const spec = {
    ...frame(heading),
    width: 360,
    height: { step: 48 },
    data: { values: data },
    encoding: { y },
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 10, color: '#b1b4b6', strokeCap: 'round', yOffset: 6 },
        encoding: { x: { field: 'min', ...x }, x2: { field: 'max' } },
      },
      {
        mark: { type: 'tick', thickness: 2, size: 16, color: COLOURS.text, yOffset: 6 },
        encoding: { x: { field: 'median', ...x } },
      },
      {
        mark: {
          type: 'point',
          shape: 'diamond',
          filled: true,
          size: 110,
          color: COLOURS.comparator,
          yOffset: 6,
        },
        encoding: { x: { field: 'comparator', ...x } },
      },
      {
        mark: {
          type: 'point',
          filled: true,
          fill: 'white',
          size: 80,
          strokeWidth: 2,
          stroke: COLOURS.baseline,
          yOffset: 6,
        },
        encoding: { x: { field: 'baseline', ...x } },
      },
      {
        mark: { type: 'point', filled: true, size: 80, color: COLOURS.target, yOffset: 6 },
        encoding: { x: { field: 'target', ...x } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -6, fontSize: 11 },
        encoding: { x: { value: 0 }, text: { field: 'summary' } },
      },
    ],
  } as TopLevelSpec;
  return { id, kind: 'spine', ...heading, empty: false, spec, table };
}
