import { toCsv } from '../../format/csv.ts';
import type { CommitmentLink } from '../../model/index.ts';
import { joinSources } from './practice-csv.ts';

export const COMMITMENT_COLUMNS = [
  'region_id',
  'region',
  'edition',
  'theme',
  'commitment',
  'source',
  'initiatives',
  'status',
  'progress_sources',
  'across_editions',
  'other_edition_sources',
] as const;

/** One row per "We said we would" item, with the progress items that answer it. */
export function commitmentsCsv(rows: readonly CommitmentLink[]): string {
  return toCsv(
    COMMITMENT_COLUMNS,
    rows.map((c) => [
      c.regionId,
      c.region,
      c.edition,
      c.section,
      c.commitment,
      c.source,
      c.initiatives.join('; '),
      c.status,
      joinSources(c.progress),
      c.acrossEditions,
      joinSources(c.otherEdition),
    ]),
  );
}
