import { type Diagnostic, formatDiagnostic } from '../model/index.ts';
import { EXIT } from './errors.ts';
import { readInputFolder } from './input.ts';
import type { Io } from './io.ts';
import { runPipeline } from './pipeline.ts';
import { publish } from './publish.ts';

export interface BuildOptions {
  input: string;
  out: string;
}

export async function runBuild(options: BuildOptions, io: Io): Promise<number> {
  const { diagnostics, outputs } = await runPipeline(readInputFolder(options.input));
  printDiagnostics(diagnostics, io);
  if (!outputs) {
    io.stderr(`${summary(diagnostics)}; nothing was written to ${options.out}.\n`);
    return EXIT.inputErrors;
  }
  publish(options.out, outputs.files);
  const n = outputs.plans.length;
  io.stdout(
    `Read ${n} plan update${n === 1 ? '' : 's'} (${summary(diagnostics)}); wrote ${outputs.files.size} files to ${options.out}.\n`,
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
