import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { InputDocument } from '../ingest/index.ts';
import { type Diagnostic, diagnostic } from '../model/index.ts';
import { CliError } from './errors.ts';

export interface InputFolder {
  documents: InputDocument[];
  diagnostics: Diagnostic[];
}

/** Files in the input folder that are reference data rather than plan updates. */
const REFERENCE_FILES = new Set<string>();

/** Reads every plan update (`*.txt`) in a folder; anything else is named in a warning, never skipped silently. */
export function readInputFolder(dir: string): InputFolder {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
    names = readdirSync(dir).sort();
  } catch {
    throw new CliError(`input folder "${dir}" cannot be read: expected a folder of plan updates (*.txt)`);
  }
  const documents: InputDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    if (name.startsWith('.') || REFERENCE_FILES.has(name)) continue;
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    if (!name.toLowerCase().endsWith('.txt')) {
      diagnostics.push(
        diagnostic(
          'warning',
          'file-ignored',
          name,
          undefined,
          'expected plan updates as plain-text files ending in .txt; found another kind of file, which was not read. Extract its text to a .txt file, or move it out of the input folder.',
        ),
      );
      continue;
    }
    documents.push({ file: name, bytes: readFileSync(path) });
  }
  if (documents.length === 0) {
    diagnostics.push(
      diagnostic(
        'error',
        'no-documents',
        dir,
        undefined,
        'expected at least one plan update (*.txt) in the input folder; found none.',
      ),
    );
  }
  return { documents, diagnostics };
}
