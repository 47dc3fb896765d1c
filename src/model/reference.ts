import { z } from 'zod';
import { MeasureIdSchema } from './measures.ts';
import { MonthSchema, PeriodSchema } from './plan.ts';

// The reference file is edited by hand and its citations become links and dates in every report,
// so each field is checked for what it means, not only for its shape: a link is a web page, a
// date is one the calendar has, a period starts before it ends. Messages quote what was found.

const found = (value: string) => JSON.stringify(value);
/** An issue whose message says in full what was expected and found, so the reader prints it as it is. */
const explained = (message: string) => ({ code: 'custom' as const, message, params: { explained: true } });

/** A date of the calendar as YYYY-MM-DD, or a month as YYYY-MM: no 2024-02-31, no month 13. */
const CalendarDateSchema = z.string().superRefine((value, ctx) => {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), m?.[3] === undefined ? 1 : Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!m || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    ctx.addIssue(
      explained(
        `expected a date of the calendar as YYYY-MM-DD, or YYYY-MM where only the month is known; found ${found(value)}. Write the date as the publication gives it`,
      ),
    );
  }
});

/** A link that reports may print as one: an http(s) address of a web page, never javascript: or file:. */
const WebAddressSchema = z.string().superRefine((value, ctx) => {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') {
    ctx.addIssue(
      explained(
        `expected an https:// (or http://) address of the publication's web page, or null; found ${found(value)}. Reports print this address as a link, so no other kind (javascript:, file:, data:) is accepted`,
      ),
    );
  }
});

/** A month, or a period whose first month comes before its last: 2022-04/2023-03, never 2023-03/2022-04. */
const OrderedPeriodSchema = PeriodSchema.superRefine((value, ctx) => {
  const [from, to] = value.split('/');
  if (to !== undefined && from !== undefined && from >= to) {
    ctx.addIssue(
      explained(
        `expected a period from its first month to its last, such as 2022-04/2023-03; found ${found(value)}, which ends ${from === to ? 'in the month it starts' : 'before it starts'}. Write the earlier month first, or a single month as YYYY-MM`,
      ),
    );
  }
});

export const CitationSchema = z
  .object({
    title: z.string().min(1).describe('title of the publication, as published'),
    publisher: z.string().min(1),
    published: CalendarDateSchema.describe(
      'publication date, YYYY-MM-DD, or YYYY-MM where only the month is known',
    ),
    url: WebAddressSchema.nullable().describe(
      'publication page, https or http only; null where the source we hold names none',
    ),
  })
  .strict();
export type Citation = z.infer<typeof CitationSchema>;

export const NationalFigureSchema = z
  .object({
    measure: MeasureIdSchema,
    period: OrderedPeriodSchema.describe('a single month, or a performance year April to March'),
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
