import type { TopLevelSpec } from 'vega-lite';
import { count, list, ordinal } from '../../format/index.ts';
import { competitionRank } from '../../metrics/stats.ts';
import { sectionById, THEME_IDS } from '../../model/index.ts';
import type { Chart, ChartContext } from '../chart.ts';
import { COLOURS } from '../theme.ts';
import { distinct, nItems } from '../words.ts';
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
      { key: 'commitments', label: 'Commitments listed' },
      { key: 'progress', label: 'Progress items listed' },
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
  const fewest = Math.min(...byRegion.map((r) => r.done));
  const leaders = byRegion.filter((r) => r.done === most).map((r) => r.name);
  const own = byRegion.find((r) => r.name === plans.find((p) => p.region.id === ctx.highlight)?.region.name);
  const themes = `across the ${count(THEME_IDS.length)} themes`;
  const items = (n: number) => (n === 0 ? 'no progress items' : nItems(n, 'progress item'));
  // A regional pack leads with its own region; the national summary with the leaders. Items are
  // bullet points, counted as printed: a count of items, never a measure of progress made. A count
  // shared with others reads as shared, naming who shares it and what the rest list, never as a
  // competition rank ("joint 2nd" of four is also joint last); a count of its own is a rank among
  // the regions of this run.
  const ownStanding = (name: string, done: number): string => {
    const among = `of the ${plans.length} regions in this run`;
    const sharing = byRegion.filter((r) => r.name !== name && r.done === done);
    if (sharing.length === 0) {
      if (done === most) return `, the most ${among}`;
      if (done === fewest) return `, the fewest ${among}`;
      return `, ${ordinal(
        competitionRank(
          done,
          byRegion.map((r) => r.done),
        ),
      )} ${among}`;
    }
    const rest = byRegion.filter((r) => r.done !== done);
    const shared = `, as ${sharing.length === 1 ? 'does' : 'do'} ${
      sharing.length <= 3
        ? list(sharing.map((r) => r.name))
        : rest.length === 0
          ? `all ${count(sharing.length)} other regions in this run`
          : `${count(sharing.length)} other regions`
    }`;
    return rest.length === 0 ? shared : `${shared}; ${othersList(rest, done)}`;
  };
  // What the regions not sharing the count list: each named where there are one or two, else
  // counted on each side of it with their range.
  const othersList = (rest: typeof byRegion, done: number): string => {
    if (rest.length <= 2) return rest.map((r) => `${r.name} lists ${r.done}`).join(' and ');
    const values = distinct(rest.map((r) => r.done));
    if (values.length === 1) return `the ${count(rest.length)} others list ${values[0]} each`;
    const side = (group: typeof byRegion, word: 'more' | 'fewer'): string => {
      if (group.length === 1) return `${group[0]?.name} lists ${group[0]?.done}`;
      const lo = Math.min(...group.map((r) => r.done));
      const hi = Math.max(...group.map((r) => r.done));
      return lo === hi
        ? `${count(group.length)} others list ${lo} each`
        : `${count(group.length)} others list ${word}, ${lo} to ${hi}`;
    };
    const more = rest.filter((r) => r.done > done);
    const fewer = rest.filter((r) => r.done < done);
    return [more.length > 0 ? side(more, 'more') : '', fewer.length > 0 ? side(fewer, 'fewer') : '']
      .filter((p) => p !== '')
      .join(' and ');
  };
  const title = own
    ? plans.length === 1
      ? `${own.name} lists ${items(own.done)} ${themes}`
      : `${own.name} lists ${items(own.done)}${ownStanding(own.name, own.done)}`
    : most === 0
      ? `No update lists a progress item ${themes}`
      : plans.length === 1
        ? `${leaders[0]} lists ${items(most)} ${themes}`
        : leaders.length === plans.length
          ? `${plans.length === 2 ? 'Both regions' : `All ${count(plans.length)} regions`} list ${items(most)} each`
          : `${list(leaders)} ${leaders.length === 1 ? 'lists' : 'list'} the ${leaders.length === 1 ? '' : 'joint '}most progress items of the ${plans.length} regions in this run (${most}${leaders.length === 1 ? '' : ' each'})`;
  const subtitle = `Bullet points listed under "We said we would" (outlined bars) and "What we have done so far" (solid bars), by theme, ${ctx.edition} updates, counted as printed in each document. A count of items is not a measure of progress made.`;
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
  const description = `${title}. ${subtitle} ${rows.map((r) => `${r.region}, ${r.theme}: ${nItems(r.commitments, 'commitment')}, ${nItems(r.progress, 'progress item')}.`).join(' ')}`;
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
          title: 'Items listed',
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
