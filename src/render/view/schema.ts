import { z } from 'zod';
import { RatingSchema } from '../../model/index.ts';

// One view model per report. The HTML and the PDF renderers both take it and add nothing of
// substance, so the two formats say the same things. Every string is final wording: numbers are
// formatted and sentences rendered from the templates before a view is built.

/** A table as readers see it: every cell already formatted, the first cell of a row its header. */
export const TableSchema = z
  .object({
    caption: z.string(),
    columns: z
      .array(z.object({ label: z.string(), numeric: z.boolean() }).strict())
      .describe('the first names the row headers'),
    rows: z.array(z.object({ header: z.string(), cells: z.array(z.string()) }).strict()),
  })
  .strict();
export type Table = z.infer<typeof TableSchema>;

export const ChartViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    subtitle: z.string(),
    description: z.string(),
    svg: z.string().describe('the accessible SVG, inlined in HTML and drawn as vectors in PDF'),
    csv: z.string().describe('path of the chart CSV from the output folder, e.g. charts/x.csv'),
    csvData: z
      .string()
      .describe(
        'the same CSV as a data: URL, so that a page e-mailed without its charts/ folder still gives its data',
      ),
    table: TableSchema,
  })
  .strict();
export type ChartView = z.infer<typeof ChartViewSchema>;

/** A cell of the first page's table: its words, and the rating that colours it (the words say it too). */
export const GlanceCellSchema = z
  .object({
    text: z.string(),
    rating: RatingSchema.nullable().describe('colours the cell; the text always carries the word and symbol'),
  })
  .strict();
export type GlanceCell = z.infer<typeof GlanceCellSchema>;

/** "At a glance": the first page of a pack (a row per measure) or of the summary (regions × measures). */
export const GlanceViewSchema = z
  .object({
    heading: z.string(),
    band: z
      .array(z.object({ label: z.string(), value: z.string() }).strict())
      .describe('the cover details: region, edition, report date, plan period, source documents'),
    title: z.string().describe("the table's caption (named apart from a Table's, which the HTML annotates)"),
    columns: z.array(z.object({ label: z.string(), numeric: z.boolean() }).strict()),
    rows: z.array(z.object({ header: z.string(), cells: z.array(GlanceCellSchema) }).strict()),
    notes: z.array(z.string()).describe('the rating rule, and why a past-due target has no outturn'),
    fills: z
      .object({ better: z.string(), similar: z.string(), worse: z.string() })
      .strict()
      .describe('the tint behind a rated cell, the same in both formats: light, under black text'),
  })
  .strict();
export type GlanceView = z.infer<typeof GlanceViewSchema>;

export const QuoteSchema = z.object({ text: z.string(), source: z.string().describe('file:line') }).strict();
export type Quote = z.infer<typeof QuoteSchema>;

export const MethodsSchema = z
  .object({
    comparators: z.string().describe('how comparators are chosen, in words'),
    metrics: z.array(z.object({ term: z.string(), definition: z.string() }).strict()),
    sources: TableSchema.describe('every national figure with its citation'),
    citations: z.array(z.object({ text: z.string(), url: z.string().nullable() }).strict()),
    statements: TableSchema.describe("the documents' own national statements, beside the official figures"),
  })
  .strict();
export type Methods = z.infer<typeof MethodsSchema>;

const SectionSchema = z
  .object({
    id: z.string().describe('HTML anchor'),
    heading: z.string(),
    paragraphs: z.array(z.string()),
    charts: z.array(ChartViewSchema),
    tables: z.array(TableSchema),
  })
  .strict();
export type ReportSection = z.infer<typeof SectionSchema>;

/** Placeholders in the page label that the PDF footer fills in per page. */
export const PAGE_FIELDS = { page: '%PAGE%', pages: '%PAGES%' } as const;

/**
 * Every heading and label both formats print, worded once in templates/text/headings.hbs, so
 * rewording a copy of the templates rewords the HTML and the PDF alike.
 */
export const HeadingsSchema = z
  .object({
    contents: z.string(),
    summary: z.string(),
    thingsToKnow: z.string(),
    keyFindings: z.string(),
    themes: z.string(),
    commitments: z.string(),
    progress: z.string(),
    attainment: z.string(),
    dataQuality: z.string(),
    methods: z.string(),
    comparators: z.string(),
    metrics: z.string(),
    nationalFigures: z.string(),
    publications: z.string(),
    statements: z.string(),
    published: z.string(),
    source: z.string(),
    /** With {{page}} and {{pages}} left for the PDF's footer to fill in. */
    page: z.string(),
  })
  .strict();
export type Headings = z.infer<typeof HeadingsSchema>;

const ReportBase = {
  title: z.string(),
  subtitle: z.string(),
  edition: z.number().int(),
  /** Path from the output folder, e.g. national/summary.html. */
  path: z.string(),
  author: z.string(),
  subject: z.string(),
  keywords: z.array(z.string()),
  /** Publication date of the report: the latest input date, never the clock. */
  date: z.string(),
  intro: z.array(z.string()),
  methods: MethodsSchema,
  headings: HeadingsSchema,
};

export const NationalViewSchema = z
  .object({
    kind: z.literal('national'),
    ...ReportBase,
    glance: GlanceViewSchema,
    keyFindings: z.array(z.string()),
    sections: z
      .array(SectionSchema)
      .describe('one per measure, then the heatmap, ambition, themes and attainment'),
    quality: z
      .object({
        summary: z.string(),
        documents: TableSchema,
        diagnostics: TableSchema,
      })
      .strict(),
  })
  .strict();
export type NationalView = z.infer<typeof NationalViewSchema>;

export const ThemeViewSchema = z
  .object({
    id: z.string(),
    heading: z.string(),
    counts: z.string().describe("the region's counts beside the peers'"),
    commitments: z.array(QuoteSchema),
    progress: z.array(QuoteSchema),
    inferred: z.string().describe('a note when lists were classified by position, else empty'),
  })
  .strict();
export type ThemeView = z.infer<typeof ThemeViewSchema>;

export const RegionalViewSchema = z
  .object({
    kind: z.literal('regional'),
    ...ReportBase,
    glance: GlanceViewSchema,
    region: z.string(),
    regionId: z.string(),
    directors: z.array(z.string()),
    source: z.string().describe('the document the pack is built from'),
    thingsToKnow: z.array(z.string()),
    spine: ChartViewSchema,
    sections: z.array(SectionSchema).describe('one per measure'),
    themes: z.array(ThemeViewSchema),
    themesChart: ChartViewSchema,
    attainment: SectionSchema,
    practice: SectionSchema.describe(
      '"What regions are doing": initiatives, figures, commitments, priorities',
    ),
  })
  .strict();
export type RegionalView = z.infer<typeof RegionalViewSchema>;
