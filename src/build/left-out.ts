import { type Diagnostic, sortDiagnostics } from '../model/index.ts';

/** A document --keep-going left out of a build: its file and the first of its errors. */
export interface LeftOut {
  file: string;
  line?: number;
  /** The first error's message, as printed. */
  message: string;
  code: string;
}

/**
 * The documents that have errors, each with its first error (in the order diagnostics are
 * printed), for --keep-going to leave out while the others are published. Errors that belong to
 * no document (the national reference, readings.json, an empty input folder) are not here: they
 * stop the build whatever the flag, since every report depends on them.
 */
export function leftOutDocuments(diagnostics: readonly Diagnostic[], files: readonly string[]): LeftOut[] {
  const documents = new Set(files);
  const first = new Map<string, Diagnostic>();
  for (const d of sortDiagnostics(diagnostics)) {
    if (d.level === 'error' && documents.has(d.file) && !first.has(d.file)) first.set(d.file, d);
  }
  return [...first.values()].map((d) => ({
    file: d.file,
    ...(d.line === undefined ? {} : { line: d.line }),
    message: d.message,
    code: d.code,
  }));
}

/** Errors that no leaving-out can get past: any error outside the documents left out. */
export function blockingErrors(
  diagnostics: readonly Diagnostic[],
  leftOut: readonly LeftOut[],
): Diagnostic[] {
  const out = new Set(leftOut.map((l) => l.file));
  return diagnostics.filter((d) => d.level === 'error' && !out.has(d.file));
}
