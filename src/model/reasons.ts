import { z } from 'zod';
import { MonthSchema, PeriodSchema } from './plan.ts';

// Why a comparison was made as it was, or not at all, as data: the metrics choose the reason and
// its figures, and templates/text/reason-<code>.hbs words each one, for the reports and for the
// note columns of benchmarks.csv alike.

export const ReasonCodeSchema = z
  .enum([
    'baseline-undated',
    'national-not-comparable',
    'other-kind-used',
    'no-national-figure',
    'run-median-used',
    'too-few-peers',
    'target-undated',
    'target-kind-mismatch',
    'target-no-national-series',
    'target-not-published',
    'target-after-break',
    'target-baseline-figure-used',
    'attainment-no-baseline',
    'attainment-after-break',
    'attainment-outturn',
    'attainment-qualitative',
  ])
  .describe(
    [
      'baseline-undated: a level with no period matches no figure;',
      'national-not-comparable: the national figure for `period` lies across a series break;',
      'other-kind-used: none for the baseline period itself, the other kind ending that month used;',
      'no-national-figure: none published for `period`;',
      'run-median-used: the median of the `n` baselines for `period` is the comparator;',
      'too-few-peers: only `n` baselines for `period`, under three, so no median either;',
      'target-undated: the target has no date;',
      'target-kind-mismatch: regional figures of one kind of period against a national one of the other;',
      'target-no-national-series: no national figure for the measure at all;',
      'target-not-published: none for `period`, when the target falls due, and the baseline has no national one;',
      'target-after-break: the target falls due after the series broke;',
      "target-baseline-figure-used: none for `period`, so the baseline's figure is used;",
      'attainment-no-baseline: one of the two editions has no baseline;',
      'attainment-after-break: the series broke between the two baselines;',
      'attainment-outturn: the later baseline read as the outturn of the earlier target;',
      'attainment-qualitative: a target with no figure to check',
    ].join(' '),
  );
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

const code = <C extends ReasonCode>(c: C) => z.literal(c);

export const ReasonSchema = z
  .discriminatedUnion('code', [
    z.object({ code: code('baseline-undated') }).strict(),
    z.object({ code: code('national-not-comparable'), period: PeriodSchema }).strict(),
    z
      .object({
        code: code('other-kind-used'),
        period: PeriodSchema.describe('the baseline period'),
        used: PeriodSchema.describe("the national figure's period"),
      })
      .strict(),
    z.object({ code: code('no-national-figure'), period: PeriodSchema }).strict(),
    z.object({ code: code('run-median-used'), period: PeriodSchema, n: z.number().int() }).strict(),
    z.object({ code: code('too-few-peers'), period: PeriodSchema, n: z.number().int() }).strict(),
    z.object({ code: code('target-undated') }).strict(),
    z
      .object({
        code: code('target-kind-mismatch'),
        baselineYear: z.boolean().describe('the regional baselines are for performance years'),
        figureYear: z.boolean().describe('the national figure is for a performance year'),
      })
      .strict(),
    z.object({ code: code('target-no-national-series') }).strict(),
    z
      .object({
        code: code('target-not-published'),
        period: PeriodSchema.describe('when the target falls due'),
      })
      .strict(),
    z
      .object({
        code: code('target-after-break'),
        due: MonthSchema.describe('the month the target falls due'),
        broke: MonthSchema.describe('the first month of the new series'),
      })
      .strict(),
    z
      .object({
        code: code('target-baseline-figure-used'),
        period: PeriodSchema.describe('when the target falls due'),
        used: PeriodSchema.describe("the baseline's period, whose figure is used"),
      })
      .strict(),
    z.object({ code: code('attainment-no-baseline') }).strict(),
    z
      .object({
        code: code('attainment-after-break'),
        broke: MonthSchema,
        description: z.string().describe("the reference file's own description of the break"),
        earlier: z.number().int().describe('the earlier edition'),
        later: z.number().int().describe('the later edition'),
      })
      .strict(),
    z
      .object({
        code: code('attainment-outturn'),
        earlier: z.number().int(),
        later: z.number().int(),
        period: PeriodSchema.nullable().describe("the later baseline's period; null: stated with no date"),
        source: z.string().describe('file:line of the earlier target'),
        above: z
          .number()
          .nullable()
          .describe('continue-increase targets: attained means above this earlier baseline'),
      })
      .strict(),
    z.object({ code: code('attainment-qualitative') }).strict(),
  ])
  .describe('one reason, with the figures its wording needs');
export type Reason = z.infer<typeof ReasonSchema>;

export const ReasonsSchema = z
  .array(ReasonSchema)
  .describe('the reasons in the order they apply, worded one after another; empty when there is none');
export type Reasons = z.infer<typeof ReasonsSchema>;
