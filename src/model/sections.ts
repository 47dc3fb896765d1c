import { z } from 'zod';

export const SECTION_IDS = [
  'foreword',
  'national-priorities',
  'training-skills-work',
  'drugs-alcohol',
  'family-accommodation',
  'order-of-the-court',
  'priorities-next-year',
] as const;

export const SectionIdSchema = z.enum(SECTION_IDS).describe('the seven sections every update has, in order');
export type SectionId = z.infer<typeof SectionIdSchema>;

export const THEME_IDS = [
  'training-skills-work',
  'drugs-alcohol',
  'family-accommodation',
  'order-of-the-court',
] as const satisfies readonly SectionId[];
export type ThemeId = (typeof THEME_IDS)[number];

export interface SectionDefinition {
  id: SectionId;
  heading: string;
  /** Short name for tables and charts. */
  label: string;
  themed: boolean;
  /** Matches a heading line after `normaliseHeading`; optional words allow later editions to trim titles. */
  pattern: RegExp;
}

export const SECTIONS: readonly SectionDefinition[] = [
  { id: 'foreword', heading: 'Foreword', label: 'Foreword', themed: false, pattern: /^foreword$/ },
  {
    id: 'national-priorities',
    heading: 'Delivering HMPPS and MOJ priorities',
    label: 'National priorities',
    themed: false,
    pattern: /^delivering (?:hmpps and moj|moj and hmpps) priorities$/,
  },
  {
    id: 'training-skills-work',
    heading: 'Training, skills and work progress',
    label: 'Training, skills and work',
    themed: true,
    pattern: /^training skills and work(?: progress)?$/,
  },
  {
    id: 'drugs-alcohol',
    heading: 'Drugs and alcohol addiction progress',
    label: 'Drugs and alcohol',
    themed: true,
    pattern: /^drugs? and alcohol(?: addiction)?(?: progress)?$/,
  },
  {
    id: 'family-accommodation',
    heading: 'Family, accommodation and readjustment to society progress',
    label: 'Family and accommodation',
    themed: true,
    pattern: /^family accommodation and readjustment to society(?: progress)?$/,
  },
  {
    id: 'order-of-the-court',
    heading: 'Delivering the order of the court',
    label: 'Order of the court',
    themed: true,
    pattern: /^delivering the orders? of the court$/,
  },
  {
    id: 'priorities-next-year',
    heading: 'Priorities for the next year',
    label: 'Priorities for next year',
    themed: false,
    pattern: /^priorities for the (?:next|coming) year$/,
  },
];

export function normaliseHeading(line: string): string {
  return line
    .replace(/\*+/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function sectionForHeading(line: string): SectionDefinition | undefined {
  const normal = normaliseHeading(line);
  if (normal.length === 0 || normal.length > 80) return undefined;
  return SECTIONS.find((s) => s.pattern.test(normal));
}

export function sectionById(id: SectionId): SectionDefinition {
  const found = SECTIONS.find((s) => s.id === id);
  if (!found) throw new Error(`unknown section ${id}`);
  return found;
}
