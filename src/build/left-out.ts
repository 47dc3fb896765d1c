import { REFERENCE_FILE } from '../ingest/reference.ts';
import { type Diagnostic, READINGS_FILE, REGIONAL_FIGURES_FILE, sortDiagnostics } from '../model/index.ts';
import type { InputFolder } from './input.ts';

/** A document --keep-going left out of a build: its file and the first of its errors. */
export interface LeftOut {
  file: string;
  /** In a PDF, the page of the error's line. */
  page?: number;
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
export function leftOutDocuments(
  diagnostics: readonly Diagnostic[],
  folder: Pick<InputFolder, 'documents' | 'diagnostics' | 'referenceSource'>,
): LeftOut[] {
  const documents = new Set(documentFiles(folder));
  const first = new Map<string, Diagnostic>();
  for (const d of sortDiagnostics(diagnostics)) {
    if (d.level === 'error' && documents.has(d.file) && !first.has(d.file)) first.set(d.file, d);
  }
  return [...first.values()].map((d) => ({
    file: d.file,
    ...(d.page === undefined ? {} : { page: d.page }),
    ...(d.line === undefined ? {} : { line: d.line }),
    message: d.message,
    code: d.code,
  }));
}

/**
 * The run's documents: those read, and those refused unread for their size (a document with an
 * error like any other). The reference and readings.json are never among them.
 */
function documentFiles(folder: Pick<InputFolder, 'documents' | 'diagnostics' | 'referenceSource'>): string[] {
  const inputs = new Set([REFERENCE_FILE, READINGS_FILE, REGIONAL_FIGURES_FILE, folder.referenceSource.file]);
  return [
    ...folder.documents.map((d) => d.file),
    ...folder.diagnostics
      .filter((d) => d.level === 'error' && d.code === 'file-too-large' && !inputs.has(d.file))
      .map((d) => d.file),
  ];
}

/** Errors that no leaving-out can get past: any error outside the documents left out. */
export function blockingErrors(
  diagnostics: readonly Diagnostic[],
  leftOut: readonly LeftOut[],
): Diagnostic[] {
  const out = new Set(leftOut.map((l) => l.file));
  return diagnostics.filter((d) => d.level === 'error' && !out.has(d.file));
}
