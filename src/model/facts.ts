import { z } from 'zod';
import { MeasureIdSchema } from './measures.ts';
import { MonthSchema, PeriodSchema } from './plan.ts';
import { ReasonsSchema } from './reasons.ts';
import { RegionIdSchema } from './regions.ts';

// A fact is one statement a report may make, with the figures and source lines it rests on. The
// metrics decide which facts hold (src/metrics/facts.ts states each rule); the views only word them.

export const RankSchema = z
  .object({
    rank: z.number().int().describe('1 = highest; tied values share the rank (1, 2, 2, 4)'),
    of: z.number().int().min(2).describe('how many regions in this run were ranked: never fewer than two'),
    ties: z
      .number()
      .int()
      .min(1)
      .describe('how many regions share the rank, this one included; over 1 the rank reads "joint"'),
  })
  .strict();
export type Rank = z.infer<typeof RankSchema>;

export const ComparisonSchema = z
  .object({
    kind: z.enum(['national', 'run-median']),
    value: z.number(),
    period: PeriodSchema,
    source: z.string(),
    reasons: ReasonsSchema.describe(
      'what the reader must know to read the comparison: periods of different kinds, a fallback; empty when none',
    ),
  })
  .strict();
export type Comparison = z.infer<typeof ComparisonSchema>;

const about = {
  region_id: RegionIdSchema,
  region: z.string(),
  edition: z.number().int(),
};

export const MeasureFactSchema = z
  .object({
    ...about,
    measure: MeasureIdSchema,
    source: z.string().describe('file:line of the target sentence'),
    baseline: z.number().nullable(),
    baselinePeriod: PeriodSchema.nullable().describe('null: a level stated with no date'),
    comparison: ComparisonSchema.nullable(),
    gap: z.number().nullable().describe('baseline − comparison, percentage points'),
    noComparison: ReasonsSchema.describe('why there is no comparison; empty when there is one'),
    rank: RankSchema.nullable().describe('among the regions of the run with a baseline for the same period'),
    aim: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('increase'),
          target: z.number(),
          date: MonthSchema.nullable(),
          change: z.number(),
          perYear: z.number().nullable(),
          months: z.number().int().nullable().describe('from the baseline to when the target falls due'),
          headroom: z.number().nullable(),
          rank: RankSchema.nullable().describe('of the size of the step, among increase targets'),
          comparison: ComparisonSchema.nullable().describe(
            'the national figure for the period the target falls due in',
          ),
          gap: z.number().nullable().describe('target − that figure, percentage points'),
          sharedLevel: z
            .boolean()
            .describe(
              'every other region due the same month aims for this level: the step only mirrors the start',
            ),
          noComparison: ReasonsSchema,
          band: z.enum(['below-comparator', 'beyond-best-peer', 'at-or-above-comparator']).nullable(),
        })
        .strict(),
      z.object({ kind: z.literal('maintain') }).strict(),
      z.object({ kind: z.literal('continue-increase') }).strict(),
    ]),
  })
  .strict();
export type MeasureFact = z.infer<typeof MeasureFactSchema>;

const MeasureRefSchema = z
  .object({ measure: MeasureIdSchema, value: z.number(), source: z.string() })
  .strict();

/** The facts a pack's "Things to know" may state, in the order of their priority. */
export const ThingSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('widest-national-gap'),
      ...about,
      fact: MeasureFactSchema,
    })
    .strict()
    .describe('the measure on which the region is furthest below a national figure'),
  z
    .object({
      kind: z.literal('undated-level'),
      ...about,
      facts: z.array(MeasureFactSchema).min(1),
    })
    .strict()
    .describe('levels stated with no date, which nothing can be compared with'),
  z
    .object({
      kind: z.literal('lowest-in-run'),
      ...about,
      facts: z.array(MeasureFactSchema).min(1),
    })
    .strict()
    .describe('measures on which no region in the run starts lower (ties included)'),
  z
    .object({
      kind: z.literal('target-short-of-national'),
      ...about,
      facts: z.array(MeasureFactSchema).min(1),
    })
    .strict()
    .describe('targets that, when reached, stay below the national figure for when they fall due'),
  z
    .object({
      kind: z.literal('largest-step'),
      ...about,
      change: z.number(),
      measures: z.array(MeasureRefSchema).min(1).describe('every measure with the largest step: ties'),
      of: z
        .number()
        .int()
        .describe('how many increase targets the region sets at a level the other regions do not all share'),
    })
    .strict()
    .describe('the largest planned change, in percentage points, among the region’s own targets'),
  z
    .object({
      kind: z.literal('target-not-comparable'),
      ...about,
      facts: z.array(MeasureFactSchema).min(1),
    })
    .strict()
    .describe('targets on a measure with national figures that have none comparable when they fall due'),
  z
    .object({
      kind: z.literal('attainment'),
      ...about,
      reached: z.number().int(),
      checked: z.number().int().min(1),
      previous: z.number().int(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('best-position'),
      ...about,
      highest: z
        .array(MeasureFactSchema)
        .describe(
          'measures on which no region in the run starts better (ties included), never alone on the period',
        ),
      lead: MeasureFactSchema.nullable().describe(
        'the measure furthest above a national figure for a period of the same kind, never alone on the period',
      ),
    })
    .strict()
    .describe('where the region stands best: first in the run, and its widest lead over a national figure'),
]);
export type Thing = z.infer<typeof ThingSchema>;
export type ThingKind = Thing['kind'];

const ExtremeSchema = z
  .object({ value: z.number(), regions: z.array(z.string()).min(1).describe('every region at it: ties') })
  .strict();

/** What the national summary says of one measure across the regions of an edition. */
export const MeasureSummarySchema = z
  .object({
    edition: z.number().int(),
    measure: MeasureIdSchema,
    regions: z.number().int().describe('regions with a target for the measure'),
    undated: z
      .array(z.object({ region: z.string(), value: z.number(), source: z.string() }).strict())
      .describe('levels stated with no date: in no statistic'),
    baselines: z
      .object({
        period: PeriodSchema,
        n: z.number().int(),
        low: ExtremeSchema,
        high: ExtremeSchema,
        comparison: ComparisonSchema.nullable().describe('the one comparator all of them share, if they do'),
        below: z
          .number()
          .int()
          .nullable()
          .describe('how many start below a national comparison; null for a run median'),
      })
      .strict()
      .nullable()
      .describe('baselines for the period most regions share'),
    otherPeriods: z.number().int().describe('dated baselines for another period, left out of the range'),
    levels: z
      .object({
        n: z.number().int(),
        low: z.number(),
        high: z.number(),
        compared: z.number().int().describe('targets with a national figure for when they fall due'),
        comparison: ComparisonSchema.nullable().describe(
          'the one figure all compared targets share, if they do',
        ),
        below: z.number().int(),
        belowRegions: z.array(z.string()),
        belowTargets: z.array(z.object({ region: z.string(), target: z.number() }).strict()),
        notCompared: z.array(z.object({ region: z.string(), date: MonthSchema.nullable() }).strict()),
        steps: z
          .object({
            date: MonthSchema.nullable().describe('the target month the compared steps share'),
            n: z.number().int(),
            largest: ExtremeSchema,
            smallest: ExtremeSchema,
            otherDates: z
              .array(z.object({ region: z.string(), date: MonthSchema.nullable() }).strict())
              .describe('targets due another month or from another baseline period: not in the comparison'),
          })
          .strict(),
      })
      .strict()
      .nullable(),
    continuing: z.array(z.string()),
    holding: z.array(z.string()),
  })
  .strict();
export type MeasureSummary = z.infer<typeof MeasureSummarySchema>;
