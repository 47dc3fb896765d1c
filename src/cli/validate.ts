import { EXIT } from '../build/errors.ts';
import { tallyOf } from '../build/events.ts';
import { pageMaps, readInputFolder, readPdfs } from '../build/input.ts';
import { blockingErrors, leftOutDocuments } from '../build/left-out.ts';
import { counted } from '../format/index.ts';
import { ingest } from '../ingest/index.ts';
import { readingsTemplate } from '../ingest/readings.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import {
  formatDiagnostic,
  hasErrors,
  locateDiagnostics,
  READINGS_FILE,
  sortDiagnostics,
} from '../model/index.ts';
import type { Io } from './io.ts';

export interface ValidateOptions {
  input: string;
  /** --reference FILE; null or absent: the input folder's national-figures.json, else the project's. */
  reference?: string | null;
  json: boolean;
  /** --keep-going: name the documents a build would leave out (the exit is still 1). */
  keepGoing?: boolean;
}

export async function runValidate(options: ValidateOptions, io: Io): Promise<number> {
  const folder = await readPdfs(readInputFolder(options.input, { reference: options.reference ?? null }));
  const result = ingest(folder.documents, folder.readings);
  // Cross-document checks (national statements that disagree) come from the metrics stage.
  const metrics = folder.reference ? computeBenchmarks(result.plans, folder.reference) : null;
  const diagnostics = sortDiagnostics(
    locateDiagnostics(
      [...folder.diagnostics, ...result.diagnostics, ...(metrics?.diagnostics ?? [])],
      pageMaps(folder.documents),
    ),
  );
  const exit = hasErrors(diagnostics) ? EXIT.inputErrors : EXIT.ok;
  const leftOut = options.keepGoing ? leftOutDocuments(diagnostics, folder) : [];
  const blocked = options.keepGoing && blockingErrors(diagnostics, leftOut).length > 0;
  const template = readingsTemplate(result.unread, pageMaps(folder.documents));
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
        ...(options.keepGoing ? { left_out: leftOut, blocked } : {}),
        ...(template ? { readings_template: template } : {}),
      })}\n`,
    );
  } else {
    for (const d of diagnostics) io.stderr(`${formatDiagnostic(d)}\n`);
    const t = tallyOf(diagnostics);
    io.stdout(
      `${counted(folder.documents.length, 'document')} read: ${counted(t.errors, 'error')}, ${counted(t.warnings, 'warning')}, ${counted(t.notes, 'note')}.\n`,
    );
    if (options.keepGoing && leftOut.length > 0)
      io.stdout(
        `--keep-going would leave out ${counted(leftOut.length, 'document')}: ${leftOut.map((l) => `${l.file} (${l.code})`).join(', ')}${blocked ? '; other errors would still stop the build' : '; the others would be published'}.\n`,
      );
    if (template)
      io.stdout(
        `\n${counted(template.readings.length, 'target sentence')} could not be read. To record your own reading, fill in the fields, "who" and "why" of ${template.readings.length === 1 ? 'this entry' : 'these entries'} and add ${template.readings.length === 1 ? 'it' : 'them'} to ${READINGS_FILE} in the input folder (README, "readings.json"):\n${JSON.stringify(template, null, 2)}\n`,
      );
  }
  return exit;
}
