import { month, pct, periodLong } from '../../format/index.ts';
import { glanceRows, SIMILAR_PP } from '../../metrics/index.ts';
import {
  type GlanceRow,
  isYearPeriod,
  MEASURE_IDS,
  MEASURES,
  type MeasureId,
  measureById,
  type Plan,
  periodEnd,
  type RegionId,
  type TargetStatus,
} from '../../model/index.ts';
import type { Templates } from '../templates.ts';
import { measureInSentence, type ReportInput } from './common.ts';
import type { GlanceCell, GlanceView, Table } from './schema.ts';

/** Light tints (GOV.UK green, yellow and red at about a fifth) under black text, above 4.5:1 contrast. */
const FILLS = { better: '#cce2d8', similar: '#fff7bf', worse: '#f6d7d2' };

const LABELS = [
  'heading',
  'region',
  'regions',
  'edition',
  'date',
  'planPeriod',
  'sources',
  'reference',
  'measure',
  'value',
  'national',
  'peers',
  'rank',
  'rating',
  'target',
  'since',
  'nationalRow',
  'caption',
  'rugCaption',
  'period',
] as const;

const labelsOf = (input: ReportInput, templates: Templates, region: string) =>
  templates.terms(
    'glance-labels',
    { region, date: dateWords(input.date), previous: input.edition - 1 },
    LABELS,
  );

/** "2025-07-31" → "31 July 2025". */
const dateWords = (iso: string) => `${Number(iso.slice(8, 10))} ${month(iso.slice(0, 7))}`;

const ratingFlags = (row: Pick<GlanceRow, 'rated'>) => ({
  better: row.rated?.rating === 'better',
  similar: row.rated?.rating === 'similar',
  worse: row.rated?.rating === 'worse',
});

function statusWords(status: TargetStatus, templates: Templates): string {
  const none = { outturn: null, date: null, official: false };
  const flags = { due: false, met: false, notMet: false, noOutturn: false };
  switch (status.kind) {
    case 'undated':
      return '';
    case 'due':
      return templates.text('glance-status', { ...none, ...flags, due: true, date: status.date });
    case 'met':
    case 'not-met':
      return templates.text('glance-status', {
        ...none,
        ...flags,
        met: status.kind === 'met',
        notMet: status.kind === 'not-met',
        outturn: status.outturn,
        official: status.from === 'official',
      });
    case 'no-outturn':
      return templates.text('glance-status', { ...none, ...flags, noOutturn: true });
  }
}

function targetWords(row: GlanceRow, status: TargetStatus, templates: Templates): string {
  return templates.text('glance-target', {
    target: row.target,
    increase: row.target.kind === 'increase',
    maintain: row.target.kind === 'maintain',
    continue: row.target.kind === 'continue-increase',
    status: statusWords(status, templates),
  });
}

/**
 * The past-due targets with no outturn, in one note: which, why a later figure could not be read
 * where there is one, and the national movement over the same span as context, never as the result.
 */
function noOutturnNote(rows: readonly GlanceRow[], templates: Templates): string[] {
  const items: string[] = [];
  const why: string[] = [];
  const national: string[] = [];
  for (const row of rows) {
    const measure = measureInSentence(row.measure);
    const checked = [
      { s: row.status, baseline: row.period },
      ...(row.previous ? [{ s: row.previous.target, baseline: row.previous.value?.period ?? null }] : []),
    ];
    for (const { s, baseline } of checked) {
      if (s.kind !== 'no-outturn' || s.date === null) continue;
      if (s.why.length > 0) why.push(templates.text('glance-not-comparable', { measure, why: s.why }));
      else items.push(templates.text('glance-no-outturn-item', { measure, due: s.date }));
      if (s.national) {
        // A single-month baseline set beside national performance years says so.
        const years = isYearPeriod(s.national.from.period) && baseline !== null && !isYearPeriod(baseline);
        national.push(
          templates.text('glance-national-context', { measure, movement: s.national, yearsForMonth: years }),
        );
      }
    }
  }
  if (items.length + why.length === 0) return [];
  const region = rows[0]?.region ?? '';
  return [templates.text('glance-no-outturn', { region, items, n: items.length, why, national })];
}

/** Each publication once, as cited without its address (Methods and sources gives that). */
const publicationsOf = (sources: readonly string[]): string[] => {
  return [...new Set(sources.map((source) => source.replace(/, https?:\/\/\S+$/, '')))];
};

/** Where every figure of the table comes from: the target lines, and the publications cited. */
function sourcesNote(rows: readonly GlanceRow[], templates: Templates): string {
  const statuses = rows.flatMap((r) => [r.status, ...(r.previous ? [r.previous.target] : [])]);
  const publications = publicationsOf([
    ...rows.flatMap((r) => (r.comparison?.kind === 'national' ? [r.comparison.source] : [])),
    ...statuses.flatMap((t) =>
      t.kind === 'no-outturn' && t.national ? [t.national.from.source, t.national.to.source] : [],
    ),
  ]);
  // Official regional figures are cited in full here: the methods list only national figures.
  const official = [
    ...new Set(
      statuses.flatMap((t) =>
        (t.kind === 'met' || t.kind === 'not-met') && t.from === 'official' ? [t.outturn.source] : [],
      ),
    ),
  ];
  return templates.text('glance-sources', {
    region: rows[0]?.region ?? '',
    lines: rows.map((r) => r.source),
    publications,
    official,
  });
}

/** `ranked`: the table has the other regions and rank columns the note's last clause explains. */
function ruleNote(templates: Templates, ranked: boolean): string {
  const higher = MEASURES.every((m) => m.polarity === 'higher-is-better');
  return templates.text('glance-rule', {
    ranked,
    similar: SIMILAR_PP,
    direction: higher ? 'higher is better for all five' : 'as the measure registry gives it',
    best: higher ? 'highest' : 'best',
  });
}

function sourcesOf(plans: readonly Plan[]): string {
  return plans.map((p) => p.source.file).join(', ');
}

const glanceInput = (input: ReportInput) => ({
  rows: input.benchmarks.rows,
  reference: input.reference,
  regional: input.regional ?? null,
  date: input.date,
});

/** A region's glance rows for the report's edition: the first page's facts, and the trend tables'. */
export const glanceRowsOf = (input: ReportInput, regionId: RegionId): GlanceRow[] =>
  glanceRows(glanceInput(input), regionId, input.edition);

/** A region's first page: the cover details in a band, then a row per measure. */
export function regionalGlance(
  input: ReportInput,
  regionId: RegionId,
  templates: Templates,
  rows: readonly GlanceRow[] = glanceRowsOf(input, regionId),
): GlanceView {
  const plan = input.plans.find((p) => p.region.id === regionId && p.edition === input.edition);
  if (!plan) throw new Error(`no ${input.edition} plan for ${regionId}`);
  const region = plan.region.name;
  const labels = labelsOf(input, templates, region);
  const since = rows.some((r) => r.previous !== null);
  const cell = (text: string, rating: GlanceCell['rating'] = null): GlanceCell => ({ text, rating });
  const own = input.plans.filter((p) => p.region.id === regionId && p.edition <= input.edition);
  return {
    heading: labels.heading,
    band: [
      { label: labels.region, value: region },
      { label: labels.edition, value: String(input.edition) },
      { label: labels.date, value: dateWords(input.date) },
      {
        label: labels.planPeriod,
        value: plan.planPeriod ? `${plan.planPeriod.start} to ${plan.planPeriod.end}` : '–',
      },
      { label: labels.sources, value: sourcesOf(own) },
      { label: labels.reference, value: `version ${input.reference.version}` },
    ],
    title: labels.caption,
    columns: [
      { label: labels.measure, numeric: false },
      { label: labels.value, numeric: false },
      { label: labels.national, numeric: false },
      { label: labels.peers, numeric: false },
      { label: labels.rank, numeric: false },
      { label: labels.rating, numeric: false },
      { label: labels.target, numeric: false },
      ...(since ? [{ label: labels.since, numeric: false }] : []),
    ],
    rows: rows.map((row) => ({
      header: measureById(row.measure).label,
      cells: [
        cell(templates.text('glance-value', row)),
        cell(
          templates.text('glance-national', {
            ...row,
            national: row.comparison?.kind === 'national',
          }),
        ),
        cell(templates.text('glance-peers', row)),
        cell(
          templates.text('glance-rank', {
            rank: row.rank,
            joint: (row.rank?.ties ?? 1) > 1,
          }),
        ),
        cell(
          templates.text('glance-rating', {
            ...ratingFlags(row),
            rated: row.rated,
          }),
          row.rated?.rating ?? null,
        ),
        cell(targetWords(row, row.status, templates)),
        ...(since ? [cell(sinceWords(row, templates))] : []),
      ],
    })),
    fills: FILLS,
    notes: [
      ruleNote(templates, true),
      ...noOutturnNote(rows, templates),
      ...(since ? [] : [templates.text('glance-no-previous', { one: true, region })]),
      sourcesNote(rows, templates),
    ],
  };
}

function sinceWords(row: GlanceRow, templates: Templates): string {
  const p = row.previous;
  if (!p) return '–';
  const change = p.change;
  return templates.text('glance-since', {
    previous: p,
    change: change !== null && change !== 0,
    same: change === 0,
    up: change !== null && change > 0,
    down: change !== null && change < 0,
    absChange: change === null ? null : Math.abs(change),
    status: statusWords(p.target, templates) || '–',
  });
}

/** The national summary's first page: regions × measures, the national figure on top (a "tartan rug"). */
export function nationalGlance(input: ReportInput, templates: Templates): GlanceView {
  const plans = input.plans.filter((p) => p.edition === input.edition);
  const labels = labelsOf(input, templates, '');
  const measures = MEASURE_IDS.filter((m) =>
    input.benchmarks.rows.some((r) => r.edition === input.edition && r.measure === m),
  );
  const byRegion = new Map(plans.map((p) => [p.region.id, glanceRowsOf(input, p.region.id)]));
  const all = [...byRegion.values()].flat();
  const top = new Map(measures.map((m) => [m, topComparison(all, m)]));
  return {
    heading: labels.heading,
    band: [
      { label: labels.regions, value: plans.map((p) => p.region.name).join(', ') },
      { label: labels.edition, value: String(input.edition) },
      { label: labels.date, value: dateWords(input.date) },
      { label: labels.sources, value: sourcesOf(input.plans.filter((p) => p.edition <= input.edition)) },
      { label: labels.reference, value: `version ${input.reference.version}` },
    ],
    title: labels.rugCaption,
    columns: [
      { label: labels.region, numeric: false },
      ...measures.map((m) => ({ label: measureById(m).short, numeric: false })),
    ],
    rows: [
      {
        header: labels.nationalRow,
        cells: measures.map((m) => ({ text: nationalCell(top.get(m) ?? null, templates), rating: null })),
      },
      ...plans.map((p) => ({
        header: p.region.name,
        cells: measures.map((m) => {
          const row = byRegion.get(p.region.id)?.find((r) => r.measure === m) ?? null;
          return {
            text: templates.text('glance-rug-cell', {
              ...(row ? ratingFlags(row) : { better: false, similar: false, worse: false }),
              value: row?.value ?? null,
              undated: row !== null && row.value !== null && row.period === null,
              otherPeriod: row?.period && row.period !== top.get(m)?.period ? row.period : null,
            }),
            rating: row?.rated?.rating ?? null,
          };
        }),
      })),
    ],
    notes: [
      ruleNote(templates, false),
      templates.text('glance-sources-national', {
        publications: publicationsOf(
          measures.flatMap((m) => {
            const c = top.get(m);
            return c?.kind === 'national' ? [c.source] : [];
          }),
        ),
      }),
    ],
    fills: FILLS,
  };
}

/** The comparator most regions share on a measure: the top row's figure. */
function topComparison(rows: readonly GlanceRow[], measure: MeasureId): GlanceRow['comparison'] {
  const counts = new Map<string, { n: number; c: NonNullable<GlanceRow['comparison']> }>();
  for (const r of rows) {
    if (r.measure !== measure || !r.comparison) continue;
    const key = `${r.comparison.kind} ${r.comparison.period} ${r.comparison.value}`;
    counts.set(key, { n: (counts.get(key)?.n ?? 0) + 1, c: r.comparison });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n)[0]?.c ?? null;
}

function nationalCell(top: GlanceRow['comparison'], templates: Templates): string {
  return templates.text('glance-rug-national', {
    national: top?.kind === 'national' ? top : null,
    median: top?.kind === 'run-median' ? top : null,
  });
}

/**
 * A measure's figures over time in a pack: the region's (each update's baseline, any official
 * regional figure) and the national figures, one row per period, oldest first. None where there
 * is a single figure in all.
 */
export function trendTable(input: ReportInput, row: GlanceRow, templates: Templates): Table | null {
  const labels = labelsOf(input, templates, row.region);
  const national = input.reference.figures.filter((f) => f.measure === row.measure && f.value !== null);
  const periods = [...new Set([...row.trend.map((t) => t.period), ...national.map((f) => f.period)])].sort(
    (a, b) => (periodEnd(a) < periodEnd(b) ? -1 : periodEnd(a) > periodEnd(b) ? 1 : a.length - b.length),
  );
  if (periods.length < 2) return null;
  return {
    caption: templates.text('trend-caption', { measure: measureById(row.measure).label, region: row.region }),
    columns: [
      { label: labels.period, numeric: false },
      { label: labels.value, numeric: true },
      { label: labels.national, numeric: true },
    ],
    rows: periods.map((p) => {
      const own = row.trend.filter((t) => t.period === p);
      const n = national.find((f) => f.period === p);
      return {
        header: periodLong(p),
        cells: [own.length ? own.map((t) => pct(t.value)).join(', ') : '–', n ? pct(n.value) : '–'],
      };
    }),
  };
}
