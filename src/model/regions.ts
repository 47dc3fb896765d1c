import { z } from 'zod';

export const REGION_IDS = [
  'north-east',
  'north-west',
  'yorkshire-and-the-humber',
  'east-midlands',
  'west-midlands',
  'east-of-england',
  'london',
  'kent-surrey-and-sussex',
  'south-central',
  'south-west',
  'wales',
  'greater-manchester',
] as const;

export const RegionIdSchema = z
  .enum(REGION_IDS)
  .describe('one of the twelve probation regions of England and Wales');
export type RegionId = z.infer<typeof RegionIdSchema>;

export interface RegionDefinition {
  id: RegionId;
  name: string;
  /** Short code for crowded chart labels; always explained in a key beside the chart. */
  code: string;
  /**
   * Spellings seen or expected in documents, in the normalised form produced by
   * `normaliseRegionText` (lower case, `&` as `and`, punctuation and hyphens as spaces).
   */
  aliases: readonly string[];
}

export const REGIONS: readonly RegionDefinition[] = [
  { id: 'north-east', name: 'North East', code: 'NE', aliases: ['north east'] },
  { id: 'north-west', name: 'North West', code: 'NW', aliases: ['north west'] },
  {
    id: 'yorkshire-and-the-humber',
    name: 'Yorkshire and the Humber',
    code: 'YH',
    aliases: ['yorkshire and the humber', 'yorkshire and humber', 'yorkshire humber', 'yorkshire'],
  },
  { id: 'east-midlands', name: 'East Midlands', code: 'EM', aliases: ['east midlands'] },
  { id: 'west-midlands', name: 'West Midlands', code: 'WM', aliases: ['west midlands'] },
  { id: 'east-of-england', name: 'East of England', code: 'EoE', aliases: ['east of england'] },
  { id: 'london', name: 'London', code: 'Lon', aliases: ['london'] },
  {
    id: 'kent-surrey-and-sussex',
    name: 'Kent, Surrey and Sussex',
    code: 'KSS',
    aliases: ['kent surrey and sussex', 'kent surrey sussex'],
  },
  { id: 'south-central', name: 'South Central', code: 'SC', aliases: ['south central'] },
  { id: 'south-west', name: 'South West', code: 'SW', aliases: ['south west'] },
  { id: 'wales', name: 'Wales', code: 'Wal', aliases: ['wales', 'cymru'] },
  { id: 'greater-manchester', name: 'Greater Manchester', code: 'GM', aliases: ['greater manchester'] },
];

const byId = new Map(REGIONS.map((r) => [r.id, r]));

export function regionById(id: RegionId): RegionDefinition {
  const found = byId.get(id);
  if (!found) throw new Error(`unknown region ${id}`);
  return found;
}

export function normaliseRegionText(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/**
 * Mentions of each region in a text. "England and Wales" names the jurisdiction, not the Wales
 * region, and every document says it, so it is removed before counting.
 */
export function countRegionMentions(text: string): Map<RegionId, number> {
  const normal = normaliseRegionText(text).replace(/ england and wales /g, ' ');
  const counts = new Map<RegionId, number>();
  for (const region of REGIONS) {
    let count = 0;
    for (const alias of region.aliases) {
      const needle = ` ${alias} `;
      let from = normal.indexOf(needle);
      while (from !== -1) {
        count += 1;
        from = normal.indexOf(needle, from + needle.length - 1);
      }
    }
    if (count > 0) counts.set(region.id, count);
  }
  return counts;
}
