import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Diagnostic, formatDiagnostic, type NationalReference } from '../model/index.ts';
import { loadTemplates } from '../render/index.ts';
import { EXIT } from './errors.ts';
import { readInputFolder } from './input.ts';
import type { Io } from './io.ts';
import { type Format, runPipeline } from './pipeline.ts';
import { publish } from './publish.ts';

export interface BuildOptions {
  input: string;
  out: string;
  templates: string | null;
  formats: ReadonlySet<Format>;
}

/** The templates that ship with the tool, found from this file so the command works from any folder. */
export const DEFAULT_TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export async function runBuild(
  options: BuildOptions,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const templates = loadTemplates(options.templates ?? DEFAULT_TEMPLATES);
  const folder = readInputFolder(options.input);
  const date = reportDate(env.SOURCE_DATE_EPOCH, folder.reference);
  const { diagnostics, outputs } = await runPipeline(folder, { templates, formats: options.formats, date });
  printDiagnostics(diagnostics, io);
  if (!outputs) {
    io.stderr(`${summary(diagnostics)}; nothing was written to ${options.out}.\n`);
    return EXIT.inputErrors;
  }
  publish(options.out, new Map<string, string | Uint8Array>([...outputs.files, ...outputs.binary]));
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

/**
 * The date reports carry: SOURCE_DATE_EPOCH when the caller fixes one (reproducible builds),
 * otherwise the newest publication date in the national reference, so it follows the inputs and
 * never the clock.
 */
export function reportDate(epoch: string | undefined, reference: NationalReference | null): string {
  if (epoch !== undefined && /^\d+$/.test(epoch))
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const dates = (reference?.figures ?? []).map((f) =>
    f.source.published.length === 7 ? `${f.source.published}-01` : f.source.published,
  );
  return dates.sort().at(-1) ?? '2000-01-01';
}
