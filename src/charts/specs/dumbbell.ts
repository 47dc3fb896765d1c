import type { TopLevelSpec } from 'vega-lite';
import { list, month, pct, period } from '../../format/index.ts';
import { type MeasureId, measureById } from '../../model/index.ts';
import { type Chart, type ChartContext, rowsOf } from '../chart.ts';
import {
  comparatorName,
  comparatorSentences,
  hasTargetComparator,
  isLevel,
  measureHeadline,
} from '../headlines.ts';
import { COLOURS, LABEL_SIZE } from '../theme.ts';
import { orList } from '../words.ts';
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
      { key: 'baseline_pct', label: `Baseline (${def.unit})` },
      { key: 'baseline_period', label: 'Baseline period' },
      { key: 'target_pct', label: `Target (${def.unit})` },
      { key: 'target_date', label: 'Target date' },
      { key: 'comparator_pct', label: 'Baseline comparator (%)' },
      { key: 'comparator_kind', label: 'Baseline comparator' },
      { key: 'comparator_period', label: 'Baseline comparator period' },
      { key: 'target_comparator_pct', label: 'National figure the target is compared with (%)' },
      { key: 'target_comparator_period', label: 'Period of that figure' },
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
      comparator_period: r.comparator_period,
      target_comparator_pct: isLevel(r) ? r.target_comparator_pct : null,
      target_comparator_period: isLevel(r) ? r.target_comparator_period : null,
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

  const targetMonths = [
    ...new Set(rows.map((r) => r.target_date).filter((m): m is string => m !== null)),
  ].sort();
  const baselinePeriods = [
    ...new Set(rows.map((r) => r.baseline_period).filter((p): p is string => p !== null)),
  ].sort();
  const undated = rows.some((r) => r.baseline_pct !== null && r.baseline_period === null);
  const baselineWhen = [...baselinePeriods.map(period), ...(undated ? ['one level with no date'] : [])];
  const compared = comparatorSentences(rows);
  const subtitle = [
    `${def.label}: baseline (${list(baselineWhen) || 'undated'}, open circle) and target (${targetMonths.length ? `due by ${orList(targetMonths.map(month))}` : 'no date'}, filled circle), ${def.unit}.`,
    ...(compared.length > 0 ? compared : ['No comparator is available for this measure.']),
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
            label: `${comparatorName(r)}, ${period(r.comparator_period)}: ${pct(r.comparator_pct)} (baselines)`,
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
            label: `national figure, ${period(r.target_comparator_period)}: ${pct(r.target_comparator_pct)} (targets)`,
          },
        ]),
    ).values(),
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
  const values = [
    ...rows.flatMap((r) => [r.baseline_pct, r.target_pct]),
    ...lines.map((l) => l.value),
  ].filter((v): v is number => v !== null);
  const domain = paddedDomain(values, 6);
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
        `${r.region}: ${
          r.kind === 'maintain'
            ? `to hold ${pct(r.target_pct ?? r.baseline_pct)}${r.target_date ? ` to ${month(r.target_date)}` : ''}${r.baseline_period ? '' : ', a level stated with no date'}`
            : r.kind === 'continue-increase'
              ? `${pct(r.baseline_pct)}, to continue to increase`
              : r.target_pct === r.baseline_pct
                ? `to stay at ${pct(r.target_pct)} by ${month(r.target_date)}`
                : `${pct(r.baseline_pct)} to ${pct(r.target_pct)} by ${month(r.target_date)}`
        }.`,
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
      ...lines.map((line, i) => ({
        data: { values: [{ value: line.value, label: line.label }] },
        layer: [
          {
            mark: { type: 'rule', strokeDash: line.dash, strokeWidth: 2, color: COLOURS.comparator },
            encoding: { x: { field: 'value', ...x } },
          },
          {
            mark: {
              type: 'text',
              align: alignAt(line.value),
              baseline: 'bottom',
              fontSize: LABEL_SIZE,
              color: '#a04000',
              fontWeight: 'bold',
            },
            encoding: {
              x: { field: 'value', ...x },
              y: { value: -3 - (lines.length - 1 - i) * (LABEL_SIZE + 3) },
              text: { field: 'label' },
            },
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
