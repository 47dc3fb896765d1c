import { z } from 'zod';
import { RegionIdSchema } from './regions.ts';
import { SectionIdSchema, THEME_IDS } from './sections.ts';

/** The themed sections, and `cross-cutting` for practice the documents report under several. */
export const PracticeThemeSchema = z
  .enum([...THEME_IDS, 'cross-cutting'])
  .describe('the themed section an initiative mostly stands in; cross-cutting when it stands in several');
export type PracticeTheme = z.infer<typeof PracticeThemeSchema>;

export const InitiativeSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      .describe('stable identifier, lower case with hyphens, used in practice.csv'),
    name: z.string().min(1).describe('the name the reports print'),
    theme: PracticeThemeSchema,
    definition: z.string().min(1).describe('what the initiative is, in one sentence'),
    synonyms: z
      .array(z.string().min(3))
      .describe(
        'phrases matched as whole words in any case, with hyphens, punctuation and "&" read as spaces and each word in the singular or plural',
      ),
    abbreviations: z
      .array(z.string().regex(/^[A-Za-z][A-Za-z0-9]*(?: [A-Za-z0-9]+)*$/))
      .describe(
        'matched as whole words exactly as written (case matters), with or without a plural "s": abbreviations ("ATR"), and names whose lower-case form is an ordinary phrase ("Alcohol Treatment", "Reconnect")',
      ),
  })
  .strict();
export type Initiative = z.infer<typeof InitiativeSchema>;

export const TaxonomySchema = z
  .array(InitiativeSchema)
  .min(1)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    for (const [i, e] of entries.entries()) {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id ${e.id}` });
      seen.add(e.id);
      if (e.synonyms.length + e.abbreviations.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: [i],
          message: `${e.id} has no synonym or abbreviation to match`,
        });
    }
  })
  .describe('the recurring initiatives and practices the documents report, each matched by its synonyms');

/**
 * The list an item stands in: "We said we would" (commitment), "What we have done" (progress),
 * "Opportunities for the next year" (priority), or any other text (forewords, prose, other lists).
 */
export const MentionClassSchema = z.enum(['commitment', 'progress', 'priority', 'other']);
export type MentionClass = z.infer<typeof MentionClassSchema>;
export const MENTION_CLASSES = MentionClassSchema.options;

export const ScopeSchema = z
  .enum(['regional', 'national'])
  .describe('national: text shared word for word by most documents of an edition, attributed once');
export type Scope = z.infer<typeof ScopeSchema>;

const source = z.string().describe('file:line where the item starts');

/** One item of a document with the list it stands in; national text stands once, for all its places. */
export const PassageSchema = z
  .object({
    scope: ScopeSchema,
    regionId: RegionIdSchema.nullable().describe('null for national text'),
    region: z.string().describe("the region's name; empty for national text"),
    edition: z.number().int(),
    section: SectionIdSchema,
    cls: MentionClassSchema,
    kind: z
      .enum(['paragraph', 'item', 'target'])
      .describe('paragraph: prose; item: a bullet of a list; target: a sentence under "Regional targets"'),
    text: z.string(),
    sources: z.array(source).min(1).describe('one place for regional text; one per document for national'),
  })
  .strict();
export type Passage = z.infer<typeof PassageSchema>;

/** An initiative named in a passage. */
export const MentionSchema = z
  .object({
    initiative: z.string().describe('taxonomy id'),
    passage: PassageSchema,
    words: z.string().describe('the words matched, as written'),
  })
  .strict();
export type Mention = z.infer<typeof MentionSchema>;

export const AchievementSchema = z
  .object({
    scope: ScopeSchema,
    regionId: RegionIdSchema.nullable().describe('null for national text'),
    region: z.string(),
    edition: z.number().int(),
    section: SectionIdSchema,
    theme: PracticeThemeSchema.nullable().describe('the initiative’s theme, else the section’s when themed'),
    initiative: z.string().nullable().describe('the initiative the sentence names, when one'),
    value: z.number(),
    unit: z.enum(['count', 'percent', 'pounds']),
    qualifier: z.enum(['', 'over', 'around', 'up to', 'increase by']).describe('how the value is stated'),
    counts: z.string().describe('what the number counts, in the document’s words'),
    sentence: z.string(),
    sources: z.array(source).min(1),
  })
  .strict();
export type Achievement = z.infer<typeof AchievementSchema>;

export const CommitmentStatusSchema = z.enum(['progress reported', 'none reported']);
export const AcrossEditionsSchema = z
  .enum(['', 'carried forward', 'dropped', 'new'])
  .describe('empty when the region has one edition in the run');

export const CommitmentLinkSchema = z
  .object({
    regionId: RegionIdSchema,
    region: z.string(),
    edition: z.number().int(),
    section: SectionIdSchema,
    commitment: z.string(),
    source,
    initiatives: z.array(z.string()),
    status: CommitmentStatusSchema,
    progress: z.array(source).describe('the progress items that answer it'),
    acrossEditions: AcrossEditionsSchema,
    otherEdition: z.array(source).describe('the matching commitments of the other edition'),
  })
  .strict();
export type CommitmentLink = z.infer<typeof CommitmentLinkSchema>;
