import type { TopLevelSpec } from 'vega-lite';
import { count, list, ordinal } from '../../format/index.ts';
import { competitionRank } from '../../metrics/index.ts';
import { sectionById, THEME_IDS } from '../../model/index.ts';
import type { Chart, ChartContext } from '../chart.ts';
import { COLOURS } from '../theme.ts';
import { emptyChart, frame } from './common.ts';

/** Commitments ("we said we would") and progress items counted per theme and region. */
export function commitmentsChart(ctx: ChartContext, id: string): Chart {
  const plans = ctx.plans.filter((p) => p.edition === ctx.edition);
  const rows = plans.flatMap((p) =>
    THEME_IDS.map((theme) => {
      const s = p.sections.find((x) => x.id === theme);
      return {
        region: p.region.name,
        region_id: p.region.id,
        theme: sectionById(theme).label,
        commitments: s?.commitments.length ?? 0,
        progress: s?.progress.length ?? 0,
        source: p.source.file,
      };
    }),
  );
  const table = {
    columns: [
      { key: 'region', label: 'Region' },
      { key: 'theme', label: 'Theme' },
      { key: 'commitments', label: 'Commitments' },
      { key: 'progress', label: 'Progress items' },
      { key: 'source', label: 'Source' },
    ],
    rows: rows.map(({ region, theme, commitments, progress, source }) => ({
      region,
      theme,
      commitments,
      progress,
      source,
    })),
  };
  const total = (k: 'commitments' | 'progress') => rows.reduce((a, r) => a + r[k], 0);
  if (rows.length === 0 || total('commitments') + total('progress') === 0) {
    return emptyChart(
      id,
      'commitments',
      {
        title: 'No commitments or progress listed',
        subtitle: `${ctx.edition} updates`,
        description: 'No update in this run lists commitments or progress under its themes.',
      },
      table,
    );
  }
  const byRegion = plans.map((p) => ({
    name: p.region.name,
    done: rows.filter((r) => r.region_id === p.region.id).reduce((a, r) => a + r.progress, 0),
  }));
  const most = Math.max(...byRegion.map((r) => r.done));
  const leaders = byRegion.filter((r) => r.done === most).map((r) => r.name);
  const own = byRegion.find((r) => r.name === plans.find((p) => p.region.id === ctx.highlight)?.region.name);
  // A regional pack leads with its own region; the national summary with the leaders.
  const title = own
    ? plans.length === 1
      ? `${own.name} reports ${own.done} progress items across the four themes`
      : `${own.name} reports ${own.done} progress items, ${ordinal(
          competitionRank(
            own.done,
            byRegion.map((r) => r.done),
          ),
        )} of ${plans.length} regions`
    : plans.length === 1
      ? `${leaders[0]} reports ${count(most)} progress items across the four themes`
      : `${list(leaders)} ${leaders.length === 1 ? 'reports' : 'report'} the most progress (${most} items)`;
  const subtitle = `Items listed under "We said we would" (outlined bars) and "What we have done so far" (solid bars), by theme, ${ctx.edition} updates. Counts as printed in each document.`;
  const long = rows.flatMap((r) => [
    {
      region: r.region,
      theme: r.theme,
      type: 'Commitments',
      n: r.commitments,
      mine: r.region_id === ctx.highlight,
    },
    {
      region: r.region,
      theme: r.theme,
      type: 'Progress',
      n: r.progress,
      mine: r.region_id === ctx.highlight,
    },
  ]);
  const description = `${title}. ${subtitle} ${rows.map((r) => `${r.region}, ${r.theme}: ${r.commitments} commitments, ${r.progress} progress items.`).join(' ')}`;
  const heading = { title, subtitle, description };
  const colour = ctx.highlight
    ? { condition: { test: 'datum.mine', value: COLOURS.highlight }, value: COLOURS.muted }
    : { value: COLOURS.target };
  // Progress bars are solid, commitment bars outlined: the difference does not rest on colour.
  const fill = ctx.highlight
    ? {
        condition: [
          { test: "datum.type === 'Progress' && datum.mine", value: COLOURS.highlight },
          { test: "datum.type === 'Progress'", value: COLOURS.muted },
        ],
        value: 'white',
      }
    : { condition: { test: "datum.type === 'Progress'", value: COLOURS.target }, value: 'white' };
  const spec = {
    ...frame(heading),
    data: { values: long },
    columns: 2,
    facet: {
      field: 'theme',
      type: 'nominal',
      title: null,
      sort: THEME_IDS.map((t) => sectionById(t).label),
      header: { labelAnchor: 'start' },
    },
    spacing: { row: 20, column: 24 },
    spec: {
      width: 200,
      height: { step: 12 },
      encoding: {
        y: {
          field: 'region',
          type: 'nominal',
          title: null,
          sort: plans.map((p) => p.region.name),
          axis: { ticks: false, domain: false },
        },
        yOffset: { field: 'type', type: 'nominal', sort: ['Commitments', 'Progress'] },
        x: {
          field: 'n',
          type: 'quantitative',
          title: 'Items',
          axis: { tickMinStep: 1, grid: true },
          scale: { domainMin: 0 },
        },
      },
      layer: [
        {
          mark: { type: 'bar', height: 10, strokeWidth: 1.5 },
          encoding: { stroke: colour, fill },
        },
        { mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 }, encoding: { text: { field: 'n' } } },
      ],
    },
  } as unknown as TopLevelSpec;
  return { id, kind: 'commitments', ...heading, empty: false, spec, table };
}
