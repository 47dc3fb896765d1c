import type { ChartContext } from '../../src/charts/index.ts';
import type { BenchmarkRow, Benchmarks, Plan } from '../../src/model/index.ts';

/**
 * A benchmark row made from a real one with chosen fields changed, so a chart test can set up ties,
 * shared levels or comparators of a kind the seeds do not have, without spelling out every column.
 */
export function rowLike(base: BenchmarkRow, changes: Partial<BenchmarkRow>): BenchmarkRow {
  return { ...base, ...changes };
}

/** A chart context over the given rows, with the run's plans, for edition 2023 unless told. */
export function contextOf(
  benchmarks: Benchmarks,
  plans: readonly Plan[],
  rows: readonly BenchmarkRow[],
  highlight: ChartContext['highlight'] = null,
  edition = 2023,
): ChartContext {
  return { edition, plans, benchmarks: { ...benchmarks, rows: [...rows] }, highlight };
}
