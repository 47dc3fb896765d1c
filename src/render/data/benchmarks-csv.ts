import { toCsv } from '../../format/csv.ts';
import type { BenchmarkRow, Reasons } from '../../model/index.ts';

/** The note columns: each worded from the row's reasons by the templates. */
const NOTES = {
  target_comparator_note: 'target_comparator_reasons',
  comparator_note: 'comparator_reasons',
  attainment_note: 'attainment_reasons',
} as const satisfies Record<string, keyof BenchmarkRow>;
type NoteColumn = keyof typeof NOTES;
const isNote = (c: string): c is NoteColumn => c in NOTES;

/** The design's named first columns, its metric table in order, the attainment columns, then context. */
export const BENCHMARK_COLUMNS = [
  'region_id',
  'edition',
  'measure',
  'baseline_pct',
  'comparator_pct',
  'comparator_kind',
  'comparator_period',
  'comparator_source',
  'baseline_gap_pp',
  'target_gap_pp',
  'change_pp',
  'relative_uplift_pct',
  'headroom_closure_pct',
  'national_gap_closure_pct',
  'months_to_target',
  'pp_per_year',
  'baseline_rank',
  'ambition_rank',
  'baseline_z',
  'peer_baseline_n',
  'peer_baseline_min',
  'peer_baseline_median',
  'peer_baseline_max',
  'peer_target_n',
  'peer_target_min',
  'peer_target_median',
  'peer_target_max',
  'ambition_band',
  'prior_target_pct',
  'outturn_pct',
  'attained',
  'progress_ratio',
  'progress_band',
  'region',
  'kind',
  'baseline_period',
  'target_pct',
  'target_date',
  'baseline_rank_of',
  'ambition_rank_of',
  'baseline_rank_ties',
  'ambition_rank_ties',
  'target_comparator_pct',
  'target_comparator_period',
  'target_comparator_source',
  'target_comparator_note',
  'comparator_note',
  'attainment_note',
  'source',
] as const satisfies ReadonlyArray<keyof BenchmarkRow | NoteColumn>;

/** `word` is the templates' `reasons`: the same words the reports use, so the CSV and the reports agree. */
export function benchmarksCsv(rows: readonly BenchmarkRow[], word: (reasons: Reasons) => string): string {
  return toCsv(
    BENCHMARK_COLUMNS,
    rows.map((row) => BENCHMARK_COLUMNS.map((c) => (isNote(c) ? word(row[NOTES[c]]) : row[c]))),
  );
}
