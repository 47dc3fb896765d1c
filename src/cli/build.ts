import { ingest } from '../ingest/index.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import { type Diagnostic, formatDiagnostic, hasErrors, sortDiagnostics } from '../model/index.ts';
import { benchmarksCsv, targetsCsv, toJson } from '../render/data/index.ts';
import { EXIT } from './errors.ts';
import { readInputFolder } from './input.ts';
import type { Io } from './io.ts';
import { publish } from './publish.ts';

export interface BuildOptions {
  input: string;
  out: string;
}

export function runBuild(options: BuildOptions, io: Io): number {
  const folder = readInputFolder(options.input);
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
  printDiagnostics(diagnostics, io);
  if (hasErrors(diagnostics) || !metrics) {
    io.stderr(`${summary(diagnostics)}; nothing was written to ${options.out}.\n`);
    return EXIT.inputErrors;
  }
  const { benchmarks } = metrics;
  const files = new Map<string, string>([
    ['data/plans.json', toJson({ plans: result.plans })],
    ['data/targets.csv', targetsCsv(result.plans)],
    ['data/benchmarks.csv', benchmarksCsv(benchmarks.rows)],
    ['data/benchmarks.json', toJson(benchmarks)],
    ['data/diagnostics.json', toJson({ diagnostics })],
  ]);
  publish(options.out, files);
  io.stdout(
    `Read ${result.plans.length} plan update${result.plans.length === 1 ? '' : 's'} (${summary(diagnostics)}); wrote ${files.size} files to ${options.out}.\n`,
  );
  return EXIT.ok;
}

export function printDiagnostics(diagnostics: readonly Diagnostic[], io: Io): void {
  for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const count = (level: Diagnostic['level']) => diagnostics.filter((d) => d.level === level).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')}`;
}
