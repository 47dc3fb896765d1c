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

/**
 * A concept is a set of synonymous phrases. A phrase is words separated by spaces; a word may be
 * alternatives ("release|discharge"), a prefix ("accommodat*"), or another concept ("@release").
 * Phrases match whole words of a sentence in the reader's word form (lower case, hyphens and
 * punctuation as word breaks, digits apart from letters: "six-week" and "6wks" are two words).
 */
export type Concept = readonly string[];

export const CONCEPTS = {
  employed: [
    'employed',
    'employment',
    'in|into|finding|find|found|entering|secured|securing paid? work',
    'in|into|finding|find|a paid? job|jobs',
    'working',
  ],
  release: [
    'release|released|releases',
    'discharge|discharged',
    'leaving|leave|left prison|custody',
    'prison|custody leavers',
    'out of prison|custody',
  ],
  sixWeeks: ['six|6 weeks|week|wks|wk'],
  sixMonths: ['six|6 months|month|mths|mth|mos'],
  threeMonths: ['three|3 months|month|mths|mth|mos'],
  housed: [
    'housed',
    'accommodated',
    'accommodation',
    'housing',
    'home|homes',
    'a roof',
    'somewhere to live|stay',
  ],
  firstNight: [
    'first night|nights',
    'night after|following|of @release',
    'day of @release',
    'on|upon|at @release',
  ],
  settled: ['settled|stable|sustainable|sustained'],
  sexualOffence: ['sex|sexual offence|offences|offense|offenses|offending|offender|offenders'],
  interventions: ['intervention|interventions|programme|programmes|program|programs'],
} as const satisfies Record<string, Concept>;
export type ConceptId = keyof typeof CONCEPTS;

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
   * The concepts a sentence must name, in any order, close together (within MENTION_SPAN words),
   * for it to mention the measure. Documents of the family word each measure differently ("in
   * work six weeks after release", "the six-week employment rate"), so the measure is the meeting
   * of its concepts, each with its synonyms, rather than a pattern per phrasing.
   */
  requires: readonly ConceptId[];
}

/** Words within which a measure's concepts must all appear, as a phrase naming it would. */
export const MENTION_SPAN = 14;

export const MEASURES: readonly MeasureDefinition[] = [
  {
    id: 'employment-6w',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'training-skills-work',
    short: 'Employed at 6 weeks',
    label: 'Employed 6 weeks after release',
    wording: 'proportion employed six weeks after release',
    requires: ['employed', 'sixWeeks'],
  },
  {
    id: 'employment-6m',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'training-skills-work',
    short: 'Employed at 6 months',
    label: 'Employed 6 months after release',
    wording: 'proportion employed six months after release',
    requires: ['employed', 'sixMonths'],
  },
  {
    id: 'housed-first-night',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'family-accommodation',
    short: 'Housed first night',
    label: 'Housed on the first night',
    wording: 'proportion housed on the night after release',
    requires: ['housed', 'firstNight'],
  },
  {
    id: 'settled-accommodation-3m',
    unit: '% of prison leavers',
    polarity: 'higher-is-better',
    theme: 'family-accommodation',
    short: 'Settled at 3 months',
    label: 'Settled accommodation at 3 months',
    wording: 'proportion in settled accommodation three months after leaving prison',
    requires: ['settled', 'housed', 'threeMonths'],
  },
  {
    id: 'sexual-offence-interventions',
    unit: '% of interventions completed',
    polarity: 'higher-is-better',
    theme: 'order-of-the-court',
    short: 'Sexual offence interventions',
    label: 'Sexual offence interventions completed',
    wording: 'proportion of sexual offence interventions completed',
    requires: ['sexualOffence', 'interventions'],
  },
];

const byId = new Map(MEASURES.map((m) => [m.id, m]));

export function measureById(id: MeasureId): MeasureDefinition {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown measure ${id}`);
  return found;
}
