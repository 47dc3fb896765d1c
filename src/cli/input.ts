import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type InputDocument, REFERENCE_FILE, readReference } from '../ingest/index.ts';
import { type Diagnostic, diagnostic, type NationalReference } from '../model/index.ts';
import { CliError } from './errors.ts';

export interface InputFolder {
  documents: InputDocument[];
  reference: NationalReference | null;
  /** Of the reference file's bytes, for the manifest; null when it could not be read. */
  referenceSha256: string | null;
  diagnostics: Diagnostic[];
}

/**
 * Reads every plan update (`*.txt`) in a folder and the national reference beside them; anything
 * else is named in a warning, never skipped silently.
 */
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
    if (name.startsWith('.') || name === REFERENCE_FILE) continue;
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
  const { reference, sha256 } = readReferenceFile(dir, diagnostics);
  return { documents, reference, referenceSha256: sha256, diagnostics };
}

/** The national reference lives beside the documents so that one folder is one run's whole input. */
function readReferenceFile(
  dir: string,
  diagnostics: Diagnostic[],
): { reference: NationalReference | null; sha256: string | null } {
  const path = join(dir, REFERENCE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    diagnostics.push(
      diagnostic(
        'error',
        'reference-missing',
        REFERENCE_FILE,
        undefined,
        `expected the national reference file ${REFERENCE_FILE} in the input folder ${dir}; found none. Copy it from seeds/.`,
      ),
    );
    return { reference: null, sha256: null };
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  const result = readReference(REFERENCE_FILE, text);
  if (!result.ok) {
    diagnostics.push(...result.diagnostics);
    return { reference: null, sha256 };
  }
  return { reference: result.reference, sha256 };
}
