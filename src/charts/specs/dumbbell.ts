import type { TopLevelSpec } from 'vega-lite';
import { month, pct, period } from '../../format/index.ts';
import { type MeasureId, measureById } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import { comparatorName, measureHeadline } from '../headlines.ts';
import { COLOURS, LABEL_SIZE } from '../theme.ts';
import { emptyChart, frame, paddedDomain, withHalo } from './common.ts';

const STEP = 26;

/** Each region's baseline → target on one measure, the comparator drawn and labelled. */
export function dumbbellChart(ctx: ChartContext, measure: MeasureId, id: string): Chart {
  const def = measureById(measure);
  const rows = rowsOf(ctx).filter((r) => r.measure === measure);
  const table = {
    columns: [
      { key: 'region', label: 'Region' },
      { key: 'kind', label: 'Kind of target' },
      { key: 'baseline_pct', label: 'Baseline (%)' },
      { key: 'baseline_period', label: 'Baseline period' },
      { key: 'target_pct', label: 'Target (%)' },
      { key: 'target_date', label: 'Target date' },
      { key: 'comparator_pct', label: 'Comparator (%)' },
      { key: 'comparator_kind', label: 'Compared with' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map((r) => ({
      region: r.region,
      kind: r.kind,
      baseline_pct: r.baseline_pct,
      baseline_period: r.baseline_period,
      target_pct: r.target_pct,
      target_date: r.target_date,
      comparator_pct: r.comparator_pct,
      comparator_kind: r.comparator_kind,
      source: r.source,
    })),
  };
  if (rows.length === 0) {
    return emptyChart(
      id,
      'dumbbell',
      {
        title: `No targets for ${def.label.toLowerCase()}`,
        subtitle: `${def.label}, ${ctx.edition} updates`,
        description: `No region's ${ctx.edition} update sets a target for the ${def.wording}.`,
      },
      table,
    );
  }

  const comparators = [
    ...new Map(
      rows
        .filter((r) => r.comparator_pct !== null)
        .map((r) => [`${r.comparator_pct} ${r.comparator_period}`, r]),
    ).values(),
  ];
  const main = comparators[0];
  const targetMonths = [
    ...new Set(rows.map((r) => r.target_date).filter((m): m is string => m !== null)),
  ].sort();
  const baselinePeriods = [
    ...new Set(rows.map((r) => r.baseline_period).filter((p): p is string => p !== null)),
  ].sort();
  const subtitle = [
    `${def.label}: baseline (${baselinePeriods.map(period).join(', ') || 'undated'}, open circle) and target (${targetMonths.map(month).join(', ') || 'no date'}, filled circle), % of prison leavers.`,
    main
      ? `Dashed line: ${comparatorName(main)} for ${period(main.comparator_period)}, ${pct(main.comparator_pct)}.`
      : 'No comparator is available for this measure.',
  ];
  const highlight = ctx.highlight;
  const data = rows.map((r) => ({
    region: r.region,
    baseline: r.baseline_pct,
    target: r.target_pct,
    baseline_label: pct(r.baseline_pct),
    target_label:
      r.kind === 'continue-increase'
        ? `${pct(r.baseline_pct)}, continue to increase`
        : r.kind === 'maintain'
          ? `${pct(r.baseline_pct)}, hold`
          : pct(r.target_pct),
    lone: r.target_pct === null || r.target_pct === r.baseline_pct,
    mine: highlight !== null && r.region_id === highlight,
  }));
  const values = rows
    .flatMap((r) => [r.baseline_pct, r.target_pct, r.comparator_pct])
    .filter((v): v is number => v !== null);
  const domain = paddedDomain(values, 6);
  const order = [...rows]
    .sort((a, b) => (b.baseline_pct ?? -1) - (a.baseline_pct ?? -1) || a.region.localeCompare(b.region))
    .map((r) => r.region);
  const x = {
    type: 'quantitative' as const,
    scale: { domain, nice: false },
    title: '% of prison leavers',
    axis: { grid: true, tickCount: 6 },
  };
  const y = {
    field: 'region',
    type: 'nominal' as const,
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
    .map(
      (r) =>
        `${r.region}: ${pct(r.baseline_pct)} ${r.kind === 'increase' ? `to ${pct(r.target_pct)} by ${month(r.target_date)}` : r.kind === 'maintain' ? 'held' : 'and to continue to increase'}.`,
    )
    .join(' ')}`;
  const heading = { title: measureHeadline(rows), subtitle: subtitle.join(' '), description };

  const spec = {
    ...frame(heading),
    ...(highlight
      ? {
          params: [{ name: 'highlighted', value: rows.find((r) => r.region_id === highlight)?.region ?? '' }],
        }
      : {}),
    width: 400,
    height: { step: STEP },
    layer: [
      ...comparators.map((c) => ({
        data: {
          values: [{ value: c.comparator_pct, label: `${comparatorName(c)} ${pct(c.comparator_pct)}` }],
        },
        layer: [
          {
            mark: { type: 'rule', strokeDash: [5, 3], strokeWidth: 2, color: COLOURS.comparator },
            encoding: { x: { field: 'value', ...x } },
          },
          {
            mark: {
              type: 'text',
              align: 'center',
              baseline: 'bottom',
              fontSize: LABEL_SIZE,
              color: '#a04000',
              fontWeight: 'bold',
            },
            encoding: { x: { field: 'value', ...x }, y: { value: -3 }, text: { field: 'label' } },
          },
        ],
      })),
      {
        data: { values: data },
        encoding: { y },
        layer: [
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
          ...withHalo({
            transform: [{ filter: '!datum.lone' }],
            mark: { type: 'text', align: 'right', dx: -9, fontSize: LABEL_SIZE },
            encoding: { x: { field: 'baseline', ...x }, text: { field: 'baseline_label' } },
          }),
          ...withHalo({
            transform: [{ filter: 'datum.lone' }],
            mark: { type: 'text', align: 'left', dx: 9, fontSize: LABEL_SIZE },
            encoding: { x: { field: 'baseline', ...x }, text: { field: 'target_label' } },
          }),
          ...withHalo({
            transform: [{ filter: '!datum.lone' }],
            mark: { type: 'text', align: 'left', dx: 9, fontSize: LABEL_SIZE, fontWeight: 'bold' },
            encoding: { x: { field: 'target', ...x }, text: { field: 'target_label' } },
          }),
        ],
      },
    ],
  } as TopLevelSpec;
  return { id, kind: 'dumbbell', ...heading, empty: false, spec, table };
}
