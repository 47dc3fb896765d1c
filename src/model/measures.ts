import { z } from 'zod';

export const MEASURE_IDS = [
  'employment-6w',
  'employment-6m',
  'housed-first-night',
  'settled-accommodation-3m',
  'sexual-offence-interventions',
] as const;

export const MeasureIdSchema = z
  .enum(MEASURE_IDS)
  .describe('one of the five measures; each carries its unit and polarity in MEASURES');
export type MeasureId = z.infer<typeof MeasureIdSchema>;

export interface MeasureDefinition {
  id: MeasureId;
  /** The themed section whose targets list the measure belongs in. */
  theme: 'training-skills-work' | 'family-accommodation' | 'order-of-the-court';
  /** Label for tables and chart axes. */
  label: string;
  /** Shortest label that still reads in full words, for narrow column headers. */
  short: string;
  /** The wording the documents use, for methods sections. */
  wording: string;
  /** What a percentage of this measure is a percentage of: axis titles and table headers say it. */
  unit: string;
  /**
   * Which direction is better. Every measure so far is a proportion achieving something, so
   * higher is better; a rate of failure would be the other way, and every rating must follow it.
   */
  polarity: 'higher-is-better' | 'lower-is-better';
  /**
   * Patterns over normalised, lower-cased text. Several phrasings exist across editions, so
   * each measure lists the vocabulary it accepts rather than one exact sentence.
   */
  patterns: readonly RegExp[];
}

const six = '(?:six|6)';
const three = '(?:three|3)';

export const MEASURES: readonly MeasureDefinition[] = [
  {
    id: 'employment-6w',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'training-skills-work',
    short: 'Employed at 6 weeks',
    label: 'Employed 6 weeks after release',
    wording: 'proportion employed six weeks after release',
    patterns: [
      new RegExp(`\\b(?:employ\\w*|in work|finding work)\\b.{0,60}?\\b${six}[- ]weeks?\\b`),
      new RegExp(`\\b${six}[- ]weeks?\\b.{0,40}?\\bemploy`),
    ],
  },
  {
    id: 'employment-6m',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'training-skills-work',
    short: 'Employed at 6 months',
    label: 'Employed 6 months after release',
    wording: 'proportion employed six months after release',
    patterns: [
      new RegExp(`\\b(?:employ\\w*|in work|finding work)\\b.{0,60}?\\b${six}[- ]months?\\b`),
      new RegExp(`\\b${six}[- ]months?\\b.{0,40}?\\bemploy`),
    ],
  },
  {
    id: 'housed-first-night',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'family-accommodation',
    short: 'Housed first night',
    label: 'Housed on the first night',
    wording: 'proportion housed on the night after release',
    patterns: [
      /\bhoused on (?:the )?(?:first )?night\b/,
      /\bhoused on release\b/,
      /\baccommodat\w* on (?:the )?(?:first )?night\b/,
      /\bfirst night\b.{0,30}\b(?:release|accommodat|housed)/,
    ],
  },
  {
    id: 'settled-accommodation-3m',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'family-accommodation',
    short: 'Settled at 3 months',
    label: 'Settled accommodation at 3 months',
    wording: 'proportion in settled accommodation three months after leaving prison',
    patterns: [new RegExp(`\\bsettled accommodation\\b.{0,60}?\\b${three}[- ]months?\\b`)],
  },
  {
    id: 'sexual-offence-interventions',
    unit: '% of interventions completed',
    polarity: 'higher-is-better',
    theme: 'order-of-the-court',
    short: 'Sexual offence interventions',
    label: 'Sexual offence interventions completed',
    wording: 'proportion of sexual offence interventions completed',
    patterns: [/\bsex(?:ual)? offen[cs]e\w*\b.{0,20}?\binterventions?\b/],
  },
];

const byId = new Map(MEASURES.map((m) => [m.id, m]));

export function measureById(id: MeasureId): MeasureDefinition {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown measure ${id}`);
  return found;
}

/** Every measure whose vocabulary appears in the text (lower-cased, whitespace collapsed). */
export function measuresMentioned(normalisedLowerText: string): MeasureId[] {
  return MEASURES.filter((m) => m.patterns.some((p) => p.test(normalisedLowerText))).map((m) => m.id);
}
