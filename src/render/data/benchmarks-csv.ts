import { toCsv } from '../../format/csv.ts';
import type { BenchmarkRow } from '../../model/index.ts';

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
  'comparator_note',
  'attainment_note',
  'source',
] as const satisfies ReadonlyArray<keyof BenchmarkRow>;

export function benchmarksCsv(rows: readonly BenchmarkRow[]): string {
  return toCsv(
    BENCHMARK_COLUMNS,
    rows.map((row) => BENCHMARK_COLUMNS.map((c) => row[c])),
  );
}
