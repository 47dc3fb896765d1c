import { z } from 'zod';
import { MeasureIdSchema } from './measures.ts';
import { MonthSchema, PeriodSchema, TargetKindSchema } from './plan.ts';
import { ReasonsSchema } from './reasons.ts';
import { RegionIdSchema } from './regions.ts';

// Keys are snake_case because these rows are the published data product: the CSV columns and the
// JSON keys are the same names, and those are the names the design's metric table uses.

const num = z.number().nullable();

export const ComparatorKindSchema = z
  .enum(['national', 'run-median', 'none'])
  .describe(
    'national: a published figure; run-median: the median baseline of the regions in this run measured for the same period (the region itself included, so one line serves every region); none: neither available',
  );

export const AmbitionBandSchema = z
  .enum(['holding', 'below-comparator', 'beyond-best-peer', 'at-or-above-comparator'])
  .describe('the first that applies, in this order');

export const ProgressBandSchema = z.enum(['on-track', 'needs-acceleration', 'limited', 'deterioration']);

export const BenchmarkRowSchema = z
  .object({
    region_id: RegionIdSchema,
    region: z.string(),
    edition: z.number().int(),
    measure: MeasureIdSchema,
    kind: TargetKindSchema,
    baseline_pct: num,
    baseline_period: PeriodSchema.nullable(),
    target_pct: num,
    target_date: MonthSchema.nullable(),
    comparator_pct: num,
    comparator_kind: ComparatorKindSchema,
    comparator_period: PeriodSchema.nullable(),
    comparator_source: z
      .string()
      .describe('citation of the national figure, or the source lines of the peers'),
    comparator_reasons: ReasonsSchema.describe(
      'mismatch of periods, fallbacks and exclusions; worded in the comparator_note column of benchmarks.csv',
    ),
    baseline_gap_pp: num.describe('B − N'),
    target_comparator_pct: num.describe(
      'the national figure for the period in which the target falls due, else the baseline comparator',
    ),
    target_comparator_period: PeriodSchema.nullable(),
    target_comparator_source: z.string(),
    target_comparator_reasons: ReasonsSchema.describe(
      'why the target comparator is not for the period the target falls due in, or of another kind; worded in target_comparator_note',
    ),
    target_gap_pp: num.describe('T − the target comparator'),
    change_pp: num.describe('Δ = T − B, for a level to reach only: holding a level plans no step'),
    relative_uplift_pct: num.describe('Δ / B × 100'),
    headroom_closure_pct: num.describe('Δ / (100 − B) × 100'),
    national_gap_closure_pct: num.describe(
      'Δ / (N − B) × 100, only where B < N, N is national and a national figure is comparable when the target falls due',
    ),
    months_to_target: num.describe(
      'months from the baseline month (end of a year period) to the month the target falls due (the month before "by April 2024")',
    ),
    pp_per_year: num.describe('Δ / months × 12'),
    baseline_rank: num.describe(
      '1 = highest B among the regions of the edition whose baselines are for the same period; ties share the rank; empty under two such regions',
    ),
    baseline_rank_of: num,
    baseline_rank_ties: num.describe('how many regions share this rank, the region included: 1 is no tie'),
    ambition_rank: num.describe(
      '1 = largest Δ among the increase targets from the same baseline period to the same month; ties share the rank; empty under two, or where they all aim for one level (the step then only mirrors the start)',
    ),
    ambition_rank_of: num,
    ambition_rank_ties: num.describe('how many regions share this rank, the region included: 1 is no tie'),
    baseline_z: num.describe("(B − mean) / population sd of the regions' B; empty under 3 regions or sd 0"),
    peer_baseline_n: z
      .number()
      .int()
      .describe('the other regions (never the region itself) with a baseline for the same period'),
    peer_baseline_min: num,
    peer_baseline_median: num,
    peer_baseline_max: num,
    peer_target_n: z.number().int().describe('the other regions with a level to reach'),
    peer_target_min: num,
    peer_target_median: num,
    peer_target_max: num,
    ambition_band: AmbitionBandSchema.nullable(),
    prior_target_pct: num.describe("the previous edition's target level for this measure"),
    outturn_pct: num.describe("this edition's baseline, read as the outturn of the previous target"),
    attained: z.boolean().nullable(),
    progress_ratio: num.describe('(outturn − earlier B) / (earlier T − earlier B), increase targets only'),
    progress_band: ProgressBandSchema.nullable(),
    attainment_reasons: ReasonsSchema.describe(
      'what the outturn is, or why the earlier target cannot be checked; worded in attainment_note',
    ),
    source: z.string().describe('file:line of the target sentence'),
  })
  .strict();
export type BenchmarkRow = z.infer<typeof BenchmarkRowSchema>;

export const FigureRefSchema = z
  .object({
    region_id: RegionIdSchema,
    region: z.string(),
    value: z.number(),
    source: z.string().describe('file:line'),
  })
  .strict();
export type FigureRef = z.infer<typeof FigureRefSchema>;

export const FindingSchema = z
  .object({
    kind: z.enum([
      'shared-target-level',
      'lowest-baseline',
      'highest-baseline',
      'lowest-gap',
      'highest-gap',
      'largest-uplift',
      'smallest-uplift',
      'below-comparator',
    ]),
    edition: z.number().int(),
    measure: MeasureIdSchema,
    value: num.describe('the shared level, extreme value or, for below-comparator, the comparator'),
    comparator: z
      .object({
        pct: z.number(),
        kind: ComparatorKindSchema,
        period: PeriodSchema.nullable(),
        source: z.string(),
      })
      .strict()
      .nullable(),
    figures: z
      .array(FigureRefSchema)
      .describe('the regions the finding is about, with the figures it rests on'),
    of: z.number().int().describe('how many regions had a value to compare'),
  })
  .strict();
export type Finding = z.infer<typeof FindingSchema>;

export const StatementAgreementSchema = z
  .object({
    measure: MeasureIdSchema,
    since: MonthSchema.nullable(),
    from_pct: z.number(),
    to_pct: z.number(),
    sources: z.array(z.string()).describe('file:line of every document stating these figures'),
  })
  .strict();
export type StatementAgreement = z.infer<typeof StatementAgreementSchema>;

export const BenchmarksSchema = z
  .object({
    reference_version: z.string(),
    rows: z.array(BenchmarkRowSchema),
    findings: z.array(FindingSchema),
    national_statements: z.array(StatementAgreementSchema),
  })
  .strict();
export type Benchmarks = z.infer<typeof BenchmarksSchema>;
