import { EXIT } from '../build/errors.ts';
import { tallyOf } from '../build/events.ts';
import { readInputFolder } from '../build/input.ts';
import { counted } from '../format/index.ts';
import { ingest } from '../ingest/index.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../model/index.ts';
import type { Io } from './io.ts';

export interface ValidateOptions {
  input: string;
  /** --reference FILE; null or absent: the input folder's national-figures.json, else the project's. */
  reference?: string | null;
  json: boolean;
}

export function runValidate(options: ValidateOptions, io: Io): number {
  const folder = readInputFolder(options.input, { reference: options.reference ?? null });
  const result = ingest(folder.documents);
  // Cross-document checks (national statements that disagree) come from the metrics stage.
  const metrics = folder.reference ? computeBenchmarks(result.plans, folder.reference) : null;
  const diagnostics = sortDiagnostics([
    ...folder.diagnostics,
    ...result.diagnostics,
    ...(metrics?.diagnostics ?? []),
  ]);
  const exit = hasErrors(diagnostics) ? EXIT.inputErrors : EXIT.ok;
  if (options.json) {
    // One line, like every --json run's final event: a log collector reads it as one record.
    io.stdout(
      `${JSON.stringify({
        event: 'validated',
        exit,
        documents: folder.documents.length,
        plans: result.plans.length,
        reference: { ...folder.referenceSource, version: folder.reference?.version ?? null },
        diagnostics,
      })}\n`,
    );
  } else {
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const t = tallyOf(diagnostics);
    io.stdout(
      `${counted(folder.documents.length, 'document')} read: ${counted(t.errors, 'error')}, ${counted(t.warnings, 'warning')}, ${counted(t.notes, 'note')}.\n`,
    );
  }
  return exit;
}
