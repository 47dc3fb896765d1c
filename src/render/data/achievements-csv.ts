import { toCsv } from '../../format/csv.ts';
import type { Achievement } from '../../model/index.ts';
import { joinSources } from './practice-csv.ts';

export const ACHIEVEMENT_COLUMNS = [
  'scope',
  'region_id',
  'region',
  'edition',
  'theme',
  'section',
  'initiative_id',
  'value',
  'unit',
  'qualifier',
  'counts',
  'sentence',
  'sources',
] as const;

/** One row per figure: national text's figures once, with every place they stand. */
export function achievementsCsv(rows: readonly Achievement[]): string {
  return toCsv(
    ACHIEVEMENT_COLUMNS,
    rows.map((a) => [
      a.scope,
      a.regionId ?? '',
      a.region,
      a.edition,
      a.theme ?? '',
      a.section,
      a.initiative ?? '',
      a.value,
      a.unit,
      a.qualifier,
      a.counts,
      a.sentence,
      joinSources(a.sources),
    ]),
  );
}
