import { z } from 'zod';
import { MeasureIdSchema } from './measures.ts';
import { MonthSchema, PeriodSchema } from './plan.ts';

export const CitationSchema = z
  .object({
    title: z.string().min(1).describe('title of the publication, as published'),
    publisher: z.string().min(1),
    published: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .describe('publication date, YYYY-MM-DD, or YYYY-MM where only the month is known'),
    url: z.url().nullable().describe('publication page; null where the source we hold names none'),
  })
  .strict();
export type Citation = z.infer<typeof CitationSchema>;

export const NationalFigureSchema = z
  .object({
    measure: MeasureIdSchema,
    period: PeriodSchema.describe('a single month, or a performance year April to March'),
    value: z
      .number()
      .min(0)
      .max(100)
      .nullable()
      .describe(
        'percentage as published, not rounded; null where the series is broken and no comparable figure exists',
      ),
    comparable_with_earlier: z
      .boolean()
      .describe(
        'false for the first figure after a break in the series: never compared with figures before it',
      ),
    quote: z.string().optional().describe("the publication's own words, where they state the figure"),
    derivation: z
      .string()
      .optional()
      .describe('how the value follows from published figures, where it is not printed as such'),
    source: CitationSchema,
  })
  .strict();
export type NationalFigure = z.infer<typeof NationalFigureSchema>;

export const SeriesBreakSchema = z
  .object({
    measure: MeasureIdSchema,
    from: MonthSchema.describe('first month measured the new way'),
    description: z.string(),
    source: CitationSchema,
  })
  .strict();
export type SeriesBreak = z.infer<typeof SeriesBreakSchema>;

export const NationalReferenceSchema = z
  .object({
    version: z.string().min(1).describe('changes whenever a figure is added or corrected'),
    description: z.string(),
    figures: z.array(NationalFigureSchema),
    series_breaks: z.array(SeriesBreakSchema),
  })
  .strict()
  .superRefine((ref, ctx) => {
    const seen = new Set<string>();
    ref.figures.forEach((f, i) => {
      const key = `${f.measure} ${f.period}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['figures', i], message: `a second figure for ${key}` });
      seen.add(key);
    });
  });
export type NationalReference = z.infer<typeof NationalReferenceSchema>;
