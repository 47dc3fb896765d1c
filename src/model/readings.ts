import { z } from 'zod';
import { MeasureIdSchema } from './measures.ts';
import { monthsBetween, periodEnd } from './periods.ts';
import { TargetKindSchema, TargetSchema } from './plan.ts';

// readings.json is written by hand, beside the documents, by an analyst who has read a target
// sentence the reader cannot. Its figures are published as the document's own, so each entry is
// checked as strictly as the reader checks itself: the fields a kind of target needs, arithmetic
// that adds up, a date after the baseline.

/** The file's name in the input folder. */
export const READINGS_FILE = 'readings.json';

/** An issue whose message says in full what was expected and found, so it is printed as it is. */
const explained = (message: string) => ({ code: 'custom' as const, message, params: { explained: true } });

const t = TargetSchema.shape;

export const ReadingSchema = z
  .object({
    file: z
      .string()
      .min(1)
      .describe('the document, as named in its diagnostics (relative to the input folder)'),
    page: z
      .number()
      .int()
      .positive()
      .optional()
      .describe(
        'for a PDF: the page the sentence starts on, as its diagnostic names it; absent for text files',
      ),
    line: t.line.describe('the line the sentence starts on, as its diagnostic names it'),
    sentence: z
      .string()
      .min(1)
      .describe(
        'the sentence as it stands in the document (as `validate` prints it); runs of spaces and line breaks count as one space',
      ),
    measure: MeasureIdSchema.describe('the measure the target is about'),
    kind: TargetKindSchema.exclude(['qualitative']).describe(TargetKindSchema.description ?? ''),
    baselinePct: t.baselinePct,
    baselinePeriod: t.baselinePeriod,
    changePp: t.changePp,
    targetPct: t.targetPct,
    targetMonth: t.targetMonth,
    who: z.string().trim().min(1).describe('the analyst who read the sentence, as the reports name them'),
    why: z.string().trim().min(1).describe('why the reading was needed and how it was made'),
  })
  .strict()
  .superRefine((r, ctx) => {
    const need = (field: keyof typeof r, what: string) => {
      if (r[field] === null)
        ctx.addIssue({
          ...explained(
            `expected ${what} for a target of kind "${r.kind}"; found null. Fill it in from the sentence`,
          ),
          path: [field],
        });
    };
    const none = (field: keyof typeof r, why: string) => {
      if (r[field] !== null)
        ctx.addIssue({
          ...explained(
            `expected null for a target of kind "${r.kind}" (${why}); found ${JSON.stringify(r[field])}`,
          ),
          path: [field],
        });
    };
    if (r.kind === 'increase') {
      need('baselinePct', 'the baseline level (baselinePct)');
      need('baselinePeriod', 'when the baseline was measured (baselinePeriod)');
      need('changePp', 'the change in percentage points (changePp)');
      need('targetPct', 'the level to reach (targetPct)');
      need('targetMonth', 'the month the target is due (targetMonth, "By April 2024" is 2024-04)');
      if (r.baselinePct !== null && r.changePp !== null && r.targetPct !== null) {
        if (Math.abs(r.baselinePct + r.changePp - r.targetPct) > 1e-6)
          ctx.addIssue({
            ...explained(
              `expected targetPct to equal baselinePct plus changePp (${r.baselinePct} + ${r.changePp}); found ${r.targetPct}. Correct whichever the sentence does not say`,
            ),
            path: ['targetPct'],
          });
        if (r.changePp <= 0)
          ctx.addIssue({
            ...explained(
              `expected an increase to be above its baseline (changePp above 0); found ${r.changePp}. A level held is kind "maintain"`,
            ),
            path: ['changePp'],
          });
      }
    } else if (r.kind === 'maintain') {
      need('baselinePct', 'the level held (baselinePct)');
      if (r.baselinePct !== null && r.targetPct !== r.baselinePct)
        ctx.addIssue({
          ...explained(
            `expected targetPct to equal the level held, ${r.baselinePct}; found ${JSON.stringify(r.targetPct)}`,
          ),
          path: ['targetPct'],
        });
      if (r.changePp !== 0)
        ctx.addIssue({
          ...explained(`expected changePp 0 for a level held; found ${JSON.stringify(r.changePp)}`),
          path: ['changePp'],
        });
    } else {
      need('baselinePct', 'the level it increases from (baselinePct)');
      need('baselinePeriod', 'when that level was measured (baselinePeriod)');
      none('changePp', 'it states no change; give one and the kind is "increase"');
      none('targetPct', 'it states no level to reach; give one and the kind is "increase"');
    }
    if (
      r.targetMonth !== null &&
      r.baselinePeriod !== null &&
      monthsBetween(periodEnd(r.baselinePeriod), r.targetMonth) <= 0
    )
      ctx.addIssue({
        ...explained(
          `expected the target month ${r.targetMonth} to come after the baseline ${r.baselinePeriod}; found it does not`,
        ),
        path: ['targetMonth'],
      });
  });
export type Reading = z.infer<typeof ReadingSchema>;

export const ReadingsFileSchema = z
  .object({
    readings: z
      .array(ReadingSchema)
      .describe("an analyst's reading of each target sentence the reader cannot read"),
  })
  .strict();
export type ReadingsFile = z.infer<typeof ReadingsFileSchema>;
