import { chartCsv } from '../../charts/csv.ts';
import type { Chart } from '../../charts/index.ts';
import { comparatorName, month, num, pct, period, periodLong } from '../../format/index.ts';
import { citation, SIMILAR_PP } from '../../metrics/index.ts';
import {
  type Benchmarks,
  type Diagnostic,
  MEASURES,
  type MeasureId,
  measureById,
  type NationalReference,
  type Plan,
  periodEnd,
  type RegionalFigures,
} from '../../model/index.ts';
import { TemplateError, type Templates, termsOf } from '../templates.ts';
import {
  type ChartView,
  type Headings,
  HeadingsSchema,
  type Methods,
  PAGE_FIELDS,
  type Table,
} from './schema.ts';

/** Everything a report is built from; the same for the national summary and every pack. */
export interface ReportInput {
  edition: number;
  /** Every plan of the run, all editions. */
  plans: readonly Plan[];
  benchmarks: Benchmarks;
  /** Charts by id, with the SVG as published. */
  charts: ReadonlyMap<string, { chart: Chart; svg: string }>;
  diagnostics: readonly Diagnostic[];
  reference: NationalReference;
  /** Official figures by region (regional-figures.json), when the input folder has them. */
  regional?: RegionalFigures | null;
  /** Report date, YYYY-MM-DD: from SOURCE_DATE_EPOCH or the inputs, never the clock. */
  date: string;
  /** Documents --keep-going left out of the run, with their first error; every report names them. */
  leftOut?: ReadonlyArray<{ file: string; page?: number; line?: number; message: string }>;
}

export const measureLabel = (id: MeasureId) => measureById(id).label;
/** "housed on the first night": the measure inside a sentence. */
export const measureInSentence = (id: MeasureId) => {
  const label = measureById(id).label;
  return label.charAt(0).toLowerCase() + label.slice(1);
};

export function chartView(input: ReportInput, id: string): ChartView {
  const entry = input.charts.get(id);
  if (!entry) throw new Error(`chart ${id} was not built`);
  const { chart, svg } = entry;
  const [first, ...rest] = chart.table.columns;
  return {
    id,
    title: chart.title,
    subtitle: chart.subtitle,
    description: chart.description,
    svg,
    csv: `charts/${id}.csv`,
    csvData: `data:text/csv;charset=utf-8,${encodeURIComponent(chartCsv(chart))}`,
    table: {
      caption: `Data behind the chart: ${chart.title}`,
      columns: chart.table.columns.map((c) => ({ label: c.label, numeric: isNumeric(c.key) })),
      rows: chart.table.rows.map((row) => ({
        header: cell(first?.key ?? '', row[first?.key ?? '']),
        cells: rest.map((c) => cell(c.key, row[c.key])),
      })),
    },
  };
}

/** Percentages: every *_pct column and the peer statistics of baselines and targets. */
const isPercent = (key: string) =>
  key.endsWith('_pct') || /^peer_(baseline|target)_(min|median|max)$/.test(key);
const isNumeric = (key: string) => isPercent(key) || /(_pp|_rank|^commitments$|^progress$|^n$)/.test(key);

/** One formatter for every table cell: percentages, points, months, periods, yes and no. */
function cell(key: string, value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return isPercent(key) ? pct(value) : num(value);
  if (key.endsWith('_date')) return month(value);
  if (key.endsWith('_period')) return periodLong(value);
  if (key === 'kind') return KIND_WORDS[value] ?? value;
  if (key === 'comparator_kind') return COMPARATOR_WORDS[value] ?? value;
  if (key === 'progress_band') return value.replace(/-/g, ' ');
  return value;
}

const KIND_WORDS: Record<string, string> = {
  increase: 'increase',
  maintain: 'hold',
  'continue-increase': 'continue to increase',
  qualitative: 'qualitative',
};
const COMPARATOR_WORDS: Record<string, string> = {
  national: 'national figure',
  'run-median': comparatorName('run-median'),
  none: 'none',
};

export { comparatorName };

/**
 * The terms each report's methods define: only what that report shows, so a director meets no
 * definition of a figure they will not find (the published columns nobody reads in a report, such as
 * relative uplift or the z-score, are defined in README's "Metrics"). Attainment is defined only
 * where an earlier target is checked.
 */
const TERMS: Record<'regional' | 'national', readonly string[]> = {
  regional: [
    'Baseline gap',
    'Target gap',
    'Change',
    'Months to target',
    'Points a year',
    'Baseline rank and ambition rank',
    'Peer range and median',
    'Attainment',
    'Rating',
    'Target status',
  ],
  national: [
    'Baseline gap',
    'Target gap',
    'Change',
    'Months to target',
    'Baseline rank and ambition rank',
    'Attainment',
    'Rating',
    'Target status',
  ],
};

/** Methods and sources: how comparators are chosen, what each metric means, every figure cited. */
export function methods(
  input: ReportInput,
  templates: Templates,
  report: { kind: 'regional' | 'national'; attainment: boolean },
): Methods {
  const used = new Set(input.benchmarks.rows.map((r) => r.measure));
  const figures = input.reference.figures.filter((f) => used.has(f.measure));
  const citations = [...new Map(figures.map((f) => [citation(f.source), f.source.url])).entries()].map(
    ([text, url]) => ({ text, url }),
  );
  const defined = new Map(termsOf(templates.text('metric-definitions', { similar: SIMILAR_PP })));
  const metrics = TERMS[report.kind]
    .filter((term) => term !== 'Attainment' || report.attainment)
    .map((term) => {
      const definition = defined.get(term);
      if (definition === undefined)
        throw new TemplateError(
          `metric-definitions.hbs defines no "${term}", which the ${report.kind} reports show: add "${term} | <definition> ;;" to it`,
        );
      return { term, definition };
    });
  return {
    comparators: templates.text('methods-comparators', {}),
    metrics,
    citations,
    sources: {
      caption: 'National figures used as comparators',
      columns: [
        { label: 'Measure', numeric: false },
        { label: 'Period', numeric: false },
        { label: 'Value', numeric: true },
        { label: 'Source', numeric: false },
      ],
      rows: MEASURES.flatMap((m) =>
        figures
          .filter((f) => f.measure === m.id)
          .map((f) => ({
            header: m.label,
            cells: [
              periodLong(f.period),
              f.value === null ? 'not comparable with earlier figures (series break)' : pct(f.value),
              `${citation(f.source)}${f.derivation ? `; derived: ${f.derivation}` : ''}`,
            ],
          })),
      ),
    },
    statements: statementsTable(input),
  };
}

/**
 * Where no single-month figures match a statement, the performance years published over the same
 * span, so the reader sees what official figures there are rather than a bare "none".
 */
function yearFigures(input: ReportInput, measure: MeasureId, since: string | null): string {
  const years = input.reference.figures.filter(
    (f) =>
      f.measure === measure &&
      f.value !== null &&
      f.period.includes('/') &&
      (since === null || periodEnd(f.period) > since) &&
      periodEnd(f.period) <= `${input.edition + 1}-03`,
  );
  return years.length === 0
    ? 'no official figures published for these dates'
    : `no single-month figures; ${years.map((f) => `${pct(f.value)} (${period(f.period)})`).join(', ')}`;
}

/** The documents' own national statements, beside the official single-month figures where they exist. */
function statementsTable(input: ReportInput): Table {
  const official = (measure: MeasureId, period: string | null) => {
    const f = input.reference.figures.find((x) => x.measure === measure && x.period === period);
    return f?.value == null ? null : f.value;
  };
  return {
    caption: 'National figures as the documents state them, and as published',
    columns: [
      { label: 'Measure', numeric: false },
      { label: 'Stated in the documents', numeric: false },
      { label: 'Official figures', numeric: false },
      { label: 'Stated at', numeric: false },
    ],
    rows: input.benchmarks.national_statements.map((s) => {
      const from = official(s.measure, s.since);
      const to = official(s.measure, `${input.edition}-03`);
      return {
        header: measureLabel(s.measure),
        cells: [
          `${pct(s.from_pct)} to ${pct(s.to_pct)}${s.since ? ` since ${month(s.since)}` : ''}`,
          from !== null && to !== null
            ? `${pct(from)} (${month(s.since)}) to ${pct(to)} (${month(`${input.edition}-03`)})`
            : yearFigures(input, s.measure, s.since),
          s.sources.join(', '),
        ],
      };
    }),
  };
}

/** Every heading and label of both formats, from templates/text/headings.hbs. */
export function headings(templates: Templates, edition: number): Headings {
  const found = Object.fromEntries(
    termsOf(templates.text('headings', { previous: edition - 1, ...PAGE_FIELDS })),
  );
  const parsed = HeadingsSchema.safeParse(found);
  if (!parsed.success) {
    const missing = Object.keys(HeadingsSchema.shape).filter((k) => typeof found[k] !== 'string');
    const unknown = Object.keys(found).filter((k) => !(k in HeadingsSchema.shape));
    throw new TemplateError(
      `text/headings.hbs: error: expected one "name | words" line for each of ${Object.keys(HeadingsSchema.shape).join(', ')}; ${missing.length ? `missing: ${missing.join(', ')}` : ''}${missing.length && unknown.length ? '; ' : ''}${unknown.length ? `not known: ${unknown.join(', ')}` : ''}. Copy the lines from the project's templates/text/headings.hbs and reword only the words after "|".`,
    );
  }
  return parsed.data;
}
