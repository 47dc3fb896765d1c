import { z } from 'zod';
import { NationalFigureSchema } from './reference.ts';
import { RegionIdSchema } from './regions.ts';

/** The input folder's file of official regional figures, beside national-figures.json. */
export const REGIONAL_FIGURES_FILE = 'regional-figures.json';

/**
 * An official figure for one probation region: a national figure's fields (measure, period, value,
 * comparability, quote, derivation, source) plus the region it is for. The project ships none: no
 * figure by probation region is published with a source it holds, and none is ever invented.
 */
export const RegionalFigureSchema = NationalFigureSchema.extend({
  region: RegionIdSchema.describe('the probation region the figure is for, as in src/model/regions.ts'),
})
  .strict()
  .describe('an official statistic for one region, one measure and one period, with its citation');
export type RegionalFigure = z.infer<typeof RegionalFigureSchema>;

export const RegionalFiguresSchema = z
  .object({
    version: z.string().min(1).describe('changes whenever a figure is added or corrected'),
    description: z.string().describe('what the file holds and where its figures come from'),
    figures: z.array(RegionalFigureSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.figures.forEach((f, i) => {
      const key = `${f.region} ${f.measure} ${f.period}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['figures', i],
          message: `expected one figure per region, measure and period; found a second for ${key}. Keep the one the publication gives`,
          params: { explained: true },
        });
      seen.add(key);
    });
  })
  .describe('official figures by probation region; used only to check whether a past-due target was met');
export type RegionalFigures = z.infer<typeof RegionalFiguresSchema>;
