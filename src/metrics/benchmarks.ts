import {
  type BenchmarkRow,
  type Benchmarks,
  type Diagnostic,
  MEASURE_IDS,
  type NationalReference,
  type Plan,
} from '../model/index.ts';
import { attainment } from './attainment.ts';
import { findings } from './findings.ts';
import { benchmarkRow, entriesOf } from './rows.ts';
import { consolidateStatements } from './statements.ts';

/**
 * The benchmarks every report stands on: one row per region × measure × edition with every metric,
 * attainment where a region has consecutive editions, cross-region findings, and the documents'
 * own national statements. A pure function of the plans and the national reference.
 */
export function computeBenchmarks(
  plans: readonly Plan[],
  reference: NationalReference,
): { benchmarks: Benchmarks; diagnostics: Diagnostic[] } {
  const entries = entriesOf(plans);
  const rows: BenchmarkRow[] = entries.map((entry) =>
    benchmarkRow(
      entry,
      entries.filter(
        (e) => e.plan.edition === entry.plan.edition && e.target.measure === entry.target.measure,
      ),
      reference,
    ),
  );
  for (const row of rows) {
    const earlier = rows.find(
      (r) => r.region_id === row.region_id && r.measure === row.measure && r.edition === row.edition - 1,
    );
    if (earlier) Object.assign(row, attainment(earlier, row, reference));
  }
  const measureOrder = new Map(MEASURE_IDS.map((m, i) => [m, i]));
  rows.sort(
    (a, b) =>
      a.edition - b.edition ||
      (measureOrder.get(a.measure) ?? 0) - (measureOrder.get(b.measure) ?? 0) ||
      plans.findIndex((p) => p.region.id === a.region_id) -
        plans.findIndex((p) => p.region.id === b.region_id),
  );
  const { statements, diagnostics } = consolidateStatements(plans);
  return {
    benchmarks: {
      reference_version: reference.version,
      rows,
      findings: findings(rows),
      national_statements: statements,
    },
    diagnostics,
  };
}
