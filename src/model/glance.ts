import { z } from 'zod';
import { ComparisonSchema, RankSchema } from './facts.ts';
import { MeasureIdSchema } from './measures.ts';
import { MonthSchema, PeriodSchema } from './plan.ts';
import { ReasonsSchema } from './reasons.ts';
import { RegionIdSchema } from './regions.ts';

// "At a glance": the first page of every pack and of the national summary. Each row is computed
// in src/metrics/glance.ts from the benchmark rows, the national reference and any official
// regional figures; the views only word it, so every figure here traces to a document line or a
// cited publication.

export const RatingSchema = z
  .enum(['better', 'similar', 'worse'])
  .describe(
    "the region's value against its comparator on the measure's polarity: similar within SIMILAR_PP percentage points either way (src/metrics/rating.ts), else better or worse",
  );
export type Rating = z.infer<typeof RatingSchema>;

export const RatedSchema = z
  .object({
    rating: RatingSchema,
    gap: z.number().describe('value − comparator, percentage points (the baseline gap of benchmarks.csv)'),
    against: z.enum(['national', 'run-median']).describe('what the value was rated against'),
  })
  .strict();
export type Rated = z.infer<typeof RatedSchema>;

export const FigureAtSchema = z
  .object({
    value: z.number(),
    period: PeriodSchema,
    source: z.string().describe('file:line of a document, or the citation of a publication'),
  })
  .strict();
export type FigureAt = z.infer<typeof FigureAtSchema>;

export const TargetStatusSchema = z
  .discriminatedUnion('kind', [
    z
      .object({ kind: z.literal('due'), date: MonthSchema })
      .strict()
      .describe('the target month has not come on the report date'),
    z
      .object({ kind: z.literal('undated') })
      .strict()
      .describe('no date to fall due: "continue to increase", or a level to hold with none'),
    z
      .object({
        kind: z.enum(['met', 'not-met']),
        date: MonthSchema.nullable(),
        target: z.number().describe('the level to reach (or to hold, or to exceed for "continue")'),
        outturn: FigureAtSchema,
        from: z
          .enum(['update', 'official'])
          .describe("update: the region's own later baseline; official: regional-figures.json"),
      })
      .strict(),
    z
      .object({
        kind: z.literal('no-outturn'),
        date: MonthSchema.nullable(),
        why: ReasonsSchema.describe(
          'why a later figure there is cannot be read as the outturn; empty when there is none',
        ),
        national: z
          .object({ from: FigureAtSchema, to: FigureAtSchema, change: z.number() })
          .strict()
          .nullable()
          .describe(
            "the national movement over the same span, of like periods: context, never the region's result",
          ),
      })
      .strict(),
  ])
  .describe('where a target stands on the report date');
export type TargetStatus = z.infer<typeof TargetStatusSchema>;

export const GlanceRowSchema = z
  .object({
    region_id: RegionIdSchema,
    region: z.string(),
    edition: z.number().int(),
    measure: MeasureIdSchema,
    value: z.number().nullable().describe("the update's baseline"),
    period: PeriodSchema.nullable().describe('null: a level stated with no date'),
    source: z.string().describe('file:line of the target sentence'),
    comparison: ComparisonSchema.nullable().describe('the national figure, else the run median'),
    noComparison: ReasonsSchema,
    peers: z
      .object({
        n: z.number().int().min(1),
        min: z.number(),
        median: z.number(),
        max: z.number(),
        period: PeriodSchema,
      })
      .strict()
      .nullable()
      .describe('the other regions of the run with a baseline for the same period; never the region itself'),
    otherPeriods: z
      .number()
      .int()
      .describe('other regions with a baseline for another period: left out of the range, and said so'),
    rank: RankSchema.nullable(),
    rated: RatedSchema.nullable(),
    target: z
      .object({
        kind: z.enum(['increase', 'maintain', 'continue-increase']),
        value: z.number().nullable(),
        date: MonthSchema.nullable(),
      })
      .strict(),
    status: TargetStatusSchema,
    previous: z
      .object({
        edition: z.number().int(),
        value: FigureAtSchema.nullable().describe("the earlier update's baseline"),
        change: z
          .number()
          .nullable()
          .describe('this baseline − that one, percentage points; null across a series break'),
        why: ReasonsSchema,
        target: TargetStatusSchema.describe("the earlier update's target, checked"),
      })
      .strict()
      .nullable()
      .describe('the same measure in the region’s previous update, when the run has it'),
    trend: z
      .array(FigureAtSchema.extend({ from: z.enum(['update', 'official']) }).strict())
      .describe(
        "the region's figures over time: each update's baseline and any official regional figure, oldest first",
      ),
  })
  .strict();
export type GlanceRow = z.infer<typeof GlanceRowSchema>;
