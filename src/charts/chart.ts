import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import type { Benchmarks, NationalReference, Plan, RegionalFigures, RegionId } from '../model/index.ts';

export const ChartKindSchema = z.enum([
  'dumbbell',
  'heatmap',
  'scatter',
  'spine',
  'commitments',
  'attainment',
  'trend',
]);

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ChartSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .describe('file name stem: out/charts/<id>.svg, .vl.json, .csv'),
    kind: ChartKindSchema,
    title: z.string().describe('a headline that states the finding'),
    subtitle: z.string().describe('what is plotted, the period and the comparator'),
    description: z.string().describe('the ARIA description: the chart in words, every value included'),
    empty: z.boolean().describe('true when there was no data and the chart says so'),
    spec: z.custom<TopLevelSpec>((v) => typeof v === 'object' && v !== null),
    table: z
      .object({
        columns: z.array(z.object({ key: z.string(), label: z.string() }).strict()),
        rows: z.array(z.record(z.string(), Cell)),
      })
      .strict()
      .describe('the data behind the chart: its CSV and the table printed beside it'),
  })
  .strict();
export type Chart = z.infer<typeof ChartSchema>;
export type ChartTable = Chart['table'];

/**
 * The wording of chart text: templates/text/chart-*.hbs, one per sentence shape, given the facts a
 * spec has computed. The build passes the loaded templates (the render stage's `Templates` has this
 * shape), so `--templates` rewords the charts as it does the reports, and charts never import the
 * render stage.
 */
export interface ChartWords {
  text(name: string, facts: object): string;
  /** A template of labels ("name | words ;;" lines): a chart's column headers and axis titles. */
  terms<K extends string>(name: string, facts: object, names: readonly K[]): Record<K, string>;
}

/**
 * What every chart function receives: one edition's benchmarks and plans, the region to highlight,
 * if any, and the templates that word its headline and subtitle.
 */
export interface ChartContext {
  edition: number;
  words: ChartWords;
  benchmarks: Benchmarks;
  plans: readonly Plan[];
  highlight: RegionId | null;
  /**
   * The report date (YYYY-MM-DD): a headline speaks of targets whose month has come on it in the
   * past. Left out (tests of layout alone), every target is worded as still to fall due.
   */
  date?: string;
  /**
   * The national figures and any official regional ones: a pack's trend charts draw them. Left out
   * (tests of other charts), no trend chart is built.
   */
  reference?: NationalReference;
  regional?: RegionalFigures | null;
}

export const rowsOf = (ctx: ChartContext) => ctx.benchmarks.rows.filter((r) => r.edition === ctx.edition);
