import type { TopLevelSpec } from 'vega-lite';
import { competitionRank } from '../../metrics/stats.ts';
import { sectionById, THEME_IDS } from '../../model/index.ts';
import type { Chart, ChartContext } from '../chart.ts';
import { COLOURS } from '../theme.ts';
import { distinct } from '../words.ts';
import { columnsOf, emptyChart, frame } from './common.ts';

/** The table's columns, in order; their headers are in templates/text/chart-commitments-labels.hbs. */
const COMMITMENTS_COLUMNS = ['region', 'theme', 'commitments', 'progress', 'source'] as const;

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
  const labels = ctx.words.terms('chart-commitments-labels', {}, [...COMMITMENTS_COLUMNS, 'axis']);
  const table = {
    columns: columnsOf(COMMITMENTS_COLUMNS, labels),
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
        title: ctx.words.text('chart-commitments-empty-title', { edition: ctx.edition }),
        subtitle: ctx.words.text('chart-commitments-empty-subtitle', { edition: ctx.edition }),
        description: ctx.words.text('chart-commitments-empty-description', { edition: ctx.edition }),
      },
      table,
    );
  }
  const byRegion = plans.map((p) => ({
    name: p.region.name,
    done: rows.filter((r) => r.region_id === p.region.id).reduce((a, r) => a + r.progress, 0),
  }));
  const most = Math.max(...byRegion.map((r) => r.done));
  const fewest = Math.min(...byRegion.map((r) => r.done));
  const leaders = byRegion.filter((r) => r.done === most).map((r) => r.name);
  const own = byRegion.find((r) => r.name === plans.find((p) => p.region.id === ctx.highlight)?.region.name);
  // A regional pack leads with its own region; the national summary with the leaders. Items are
  // bullet points, counted as printed: a count of items, never a measure of progress made. A count
  // shared with others reads as shared, naming who shares it and what the rest list, never as a
  // competition rank ("joint 2nd" of four is also joint last); a count of its own is a rank among
  // the regions of this run.
  const standing = (name: string, done: number) => {
    const sharing = byRegion.filter((r) => r.name !== name && r.done === done);
    const rest = byRegion.filter((r) => r.done !== done);
    return {
      most: sharing.length === 0 && done === most,
      fewest: sharing.length === 0 && done !== most && done === fewest,
      rank: competitionRank(
        done,
        byRegion.map((r) => r.done),
      ),
      // Who shares the count: named up to three, else counted ("all" where no one else is left).
      sharing:
        sharing.length === 0
          ? null
          : {
              n: sharing.length,
              names: sharing.length <= 3 ? sharing.map((r) => r.name) : [],
              allOthers: rest.length === 0,
            },
      others: sharing.length === 0 ? [] : othersOf(rest, done),
    };
  };
  // What the regions not sharing the count list: each named where there are one or two, else
  // counted on each side of it with their range.
  const othersOf = (rest: typeof byRegion, done: number) => {
    type Region = (typeof byRegion)[number];
    const named = (r: Region) => ({
      name: r.name,
      done: r.done,
      n: 1,
      lo: r.done,
      hi: r.done,
      same: true,
      the: false,
      more: false,
    });
    const counted = (group: readonly Region[], the: boolean) => {
      const counts = group.map((r) => r.done);
      const [lo, hi] = [Math.min(...counts), Math.max(...counts)];
      return {
        name: null,
        done: null,
        n: group.length,
        lo,
        hi,
        // "two others list 5 each"; else "two others list more, 5 to 7".
        same: lo === hi,
        the,
        more: (group[0] as Region).done > done,
      };
    };
    if (rest.length <= 2) return rest.map(named);
    if (distinct(rest.map((r) => r.done)).length === 1) return [counted(rest, true)];
    return [rest.filter((r) => r.done > done), rest.filter((r) => r.done < done)]
      .filter((group) => group.length > 0)
      .map((group) => (group.length === 1 ? named(group[0] as Region) : counted(group, false)));
  };
  const title = own
    ? ctx.words.text('chart-commitments-own', {
        name: own.name,
        done: own.done,
        regions: plans.length,
        themes: THEME_IDS.length,
        alone: plans.length === 1,
        ...standing(own.name, own.done),
      })
    : ctx.words.text('chart-commitments-leaders', {
        most,
        regions: plans.length,
        themes: THEME_IDS.length,
        alone: plans.length === 1,
        leaders,
        allLead: leaders.length === plans.length,
        single: leaders.length === 1,
      });
  const subtitle = ctx.words.text('chart-commitments-plotted', { edition: ctx.edition });
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
  const description = `${title}. ${subtitle} ${rows.map((r) => ctx.words.text('chart-commitments-row', r)).join(' ')}`;
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
  const spec: TopLevelSpec = {
    ...frame(heading),
    // Bound at run time into the chart's shape (compile.ts).
    datasets: { rows: long },
    data: { name: 'rows' },
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
          title: labels.axis,
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
  };
  return { id, kind: 'commitments', ...heading, empty: false, spec, table };
}
