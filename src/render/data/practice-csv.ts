import { toCsv } from '../../format/csv.ts';
import { MENTION_CLASSES } from '../../model/index.ts';
import type { PracticeRow } from '../../practice/index.ts';

/** Sources in a cell: file:line, separated by "; " (file names may hold commas and spaces). */
export const joinSources = (sources: readonly string[]) => sources.join('; ');

export const PRACTICE_COLUMNS = [
  'scope',
  'region_id',
  'region',
  'edition',
  'initiative_id',
  'initiative',
  'theme',
  ...MENTION_CLASSES.flatMap((c) => [`${c}_n`, `${c}_sources`]),
] as const;

/**
 * One row per region × edition × initiative named (national text: one row per edition ×
 * initiative, region empty), with how many items of each list name it and where.
 */
export function practiceCsv(rows: readonly PracticeRow[]): string {
  return toCsv(
    PRACTICE_COLUMNS,
    rows.map((r) => [
      r.scope,
      r.regionId ?? '',
      r.region,
      r.edition,
      r.initiative.id,
      r.initiative.name,
      r.initiative.theme,
      ...MENTION_CLASSES.flatMap((c) => [r.sources[c].length, joinSources(r.sources[c])]),
    ]),
  );
}
