import { z } from 'zod';
import { MeasureIdSchema } from './measures.ts';
import { RegionIdSchema } from './regions.ts';
import { SectionIdSchema } from './sections.ts';

const line = z.number().int().positive().describe('1-based line in the source file');

/** A month `2023-03` or a performance year `2022-04/2023-03`, as ISO 8601 intervals write it. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(\/\d{4}-(0[1-9]|1[0-2]))?$/)
  .describe('a month YYYY-MM or a twelve-month period YYYY-MM/YYYY-MM');
export type Period = z.infer<typeof PeriodSchema>;

export const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .describe('a month YYYY-MM');

const percent = z.number().min(0).max(100);

export const ItemSchema = z
  .object({
    text: z
      .string()
      .min(1)
      .describe('the bullet or paragraph, wrapped lines joined, markdown emphasis removed'),
    line: line.describe('line where the item starts'),
    inferred: z
      .boolean()
      .describe('true when the list had no label and was classified by where it stands in the section'),
  })
  .strict();
export type Item = z.infer<typeof ItemSchema>;

/** On a target read from readings.json rather than by the reader: who read it and why. */
export const ReadByAnalystSchema = z
  .object({
    analyst: z.string().min(1).describe('who read the sentence (readings.json "who")'),
    why: z.string().min(1).describe('why it was read by hand (readings.json "why")'),
  })
  .strict();
export type ReadByAnalyst = z.infer<typeof ReadByAnalystSchema>;

export const TargetKindSchema = z
  .enum(['increase', 'maintain', 'continue-increase', 'qualitative'])
  .describe(
    'increase: a stated uplift by a date; maintain: hold a level; continue-increase: no level to reach',
  );
export type TargetKind = z.infer<typeof TargetKindSchema>;

export const TargetSchema = z
  .object({
    theme: SectionIdSchema.describe('the themed section the target stands in'),
    measure: z.union([MeasureIdSchema, z.literal('qualitative')]),
    kind: TargetKindSchema,
    baselinePct: percent
      .nullable()
      .describe('the level the target starts from; for maintain, the level held'),
    baselinePeriod: PeriodSchema.nullable().describe('when the baseline was measured; null when not stated'),
    changePp: z.number().nullable().describe('change in percentage points; stated, or target minus baseline'),
    targetPct: percent.nullable().describe('level to reach: stated "to N%", or baseline plus change'),
    targetMonth: MonthSchema.nullable().describe('month the target is due, from "By April 2024"'),
    sentence: z.string().describe('the target as written, wrapped lines joined'),
    line,
    readBy: ReadByAnalystSchema.optional().describe(
      'present when an analyst read the sentence (readings.json) because the reader could not; absent: read by the reader',
    ),
  })
  .strict();
export type Target = z.infer<typeof TargetSchema>;

export const NationalStatementSchema = z
  .object({
    measure: MeasureIdSchema,
    fromPct: percent,
    toPct: percent,
    since: MonthSchema.nullable().describe('start of the comparison, from "Since April 2022"'),
    text: z.string().describe('the sentence the figures come from'),
    line,
  })
  .strict();
export type NationalStatement = z.infer<typeof NationalStatementSchema>;

export const DirectorSchema = z
  .object({
    name: z.string().min(1),
    role: z.string().min(1).describe('singular role, e.g. Regional Probation Director'),
    line,
  })
  .strict();
export type Director = z.infer<typeof DirectorSchema>;

export const SectionSchema = z
  .object({
    id: SectionIdSchema,
    heading: z.string().describe('the heading as written'),
    line: line.describe('line of the heading'),
    repeatLines: z.array(line).describe('lines where a themed heading is repeated (its next page)'),
    paragraphs: z.array(ItemSchema).describe('prose outside lists'),
    targets: z.array(TargetSchema),
    commitments: z.array(ItemSchema).describe('"We said we would"'),
    progress: z.array(ItemSchema).describe('"What we have done so far"'),
    opportunities: z.array(ItemSchema).describe('"Opportunities for the next year"'),
    otherItems: z.array(ItemSchema).describe('list items that are none of the above, e.g. achievements'),
  })
  .strict();
export type Section = z.infer<typeof SectionSchema>;

const sourceFile = {
  file: z.string().describe('file name relative to the input folder'),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("of the file's bytes (the PDF's, for a PDF)"),
};

/**
 * The document a plan was read from. Every line number in a plan is a line of the text the
 * reader parsed: the file itself for a text file, the text extracted from a PDF (as `extract`
 * prints it) for a PDF, whose page map turns it into a page and a line on that page (locate.ts).
 */
export const SourceSchema = z
  .discriminatedUnion('format', [
    z.object({ ...sourceFile, format: z.literal('text') }).strict(),
    z
      .object({
        ...sourceFile,
        format: z.literal('pdf'),
        pages: z
          .array(line)
          .describe(
            'for each page (the first is page 1), the first line of the extracted text that comes from it',
          ),
        blankLines: z
          .array(line)
          .describe('lines of the extracted text that are blank (paragraph breaks): no line of any page'),
      })
      .strict(),
  ])
  .describe('the file a plan was read from, and for a PDF where its lines stand');
export type Source = z.infer<typeof SourceSchema>;

export const PlanSchema = z
  .object({
    source: SourceSchema,
    region: z.object({ id: RegionIdSchema, name: z.string() }).strict(),
    title: z
      .string()
      .nullable()
      .describe('the title block joined into one line; null when the document has none'),
    planPeriod: z
      .object({ start: z.number().int(), end: z.number().int() })
      .strict()
      .nullable()
      .describe('the three-year plan the update belongs to, e.g. 2022 to 2025; null when not stated'),
    edition: z.number().int().min(2000).max(2100).describe('year of the annual update'),
    editionInferred: z
      .boolean()
      .describe('true when the edition came from the baseline dates, not the title'),
    directors: z.array(DirectorSchema),
    sections: z.array(SectionSchema),
    nationalStatements: z.array(NationalStatementSchema),
  })
  .strict();
export type Plan = z.infer<typeof PlanSchema>;

export const PlansFileSchema = z
  .object({
    plans: z.array(PlanSchema),
  })
  .strict();
