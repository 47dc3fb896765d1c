import { chartFiles, nationalCharts, regionalCharts } from '../charts/index.ts';
import { ingest } from '../ingest/index.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import { type Benchmarks, type Diagnostic, hasErrors, type Plan, sortDiagnostics } from '../model/index.ts';
import { benchmarksCsv, targetsCsv, toJson } from '../render/data/index.ts';
import type { InputFolder } from './input.ts';

export interface PipelineResult {
  diagnostics: Diagnostic[];
  /** Null when any diagnostic is an error: nothing may be published then. */
  outputs: { files: Map<string, string>; plans: Plan[]; benchmarks: Benchmarks; edition: number } | null;
}

/**
 * Everything a build publishes, computed in memory from the input folder: ingest, metrics,
 * charts. No file is touched here; the caller publishes the result atomically or not at all.
 */
export async function runPipeline(folder: InputFolder): Promise<PipelineResult> {
  const result = ingest(folder.documents);
  const metrics =
    folder.reference && !hasErrors(result.diagnostics)
      ? computeBenchmarks(result.plans, folder.reference)
      : null;
  const diagnostics = sortDiagnostics([
    ...folder.diagnostics,
    ...result.diagnostics,
    ...(metrics?.diagnostics ?? []),
  ]);
  if (hasErrors(diagnostics) || !metrics || result.plans.length === 0) return { diagnostics, outputs: null };

  const { benchmarks } = metrics;
  const plans = result.plans;
  // The annual summary is of the latest edition in the run; earlier ones feed attainment.
  const edition = Math.max(...plans.map((p) => p.edition));
  const current = plans.filter((p) => p.edition === edition);
  const ctx = { edition, benchmarks, plans: current };
  const charts = [...nationalCharts(ctx), ...current.flatMap((p) => regionalCharts(ctx, p.region.id))];

  const files = new Map<string, string>([
    ['data/plans.json', toJson({ plans })],
    ['data/targets.csv', targetsCsv(plans)],
    ['data/benchmarks.csv', benchmarksCsv(benchmarks.rows)],
    ['data/benchmarks.json', toJson(benchmarks)],
    ['data/diagnostics.json', toJson({ diagnostics })],
  ]);
  for (const chart of charts) for (const [path, content] of await chartFiles(chart)) files.set(path, content);
  return { diagnostics, outputs: { files, plans, benchmarks, edition } };
}
