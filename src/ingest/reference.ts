import { type Diagnostic, type NationalReference, NationalReferenceSchema } from '../model/index.ts';
import { readJsonFile } from './json-lines.ts';

export type ReferenceResult =
  | { ok: true; reference: NationalReference }
  | { ok: false; diagnostics: Diagnostic[] };

export const REFERENCE_FILE = 'national-figures.json';

/**
 * The national reference file's text to a validated reference, or diagnostics at their lines. A
 * UTF-8 byte-order mark, which some Windows editors write, is read and dropped.
 */
export function readReference(file: string, raw: string): ReferenceResult {
  const read = readJsonFile(file, raw, NationalReferenceSchema, {
    code: 'reference',
    what: 'the national reference',
    invalid: (where, found) =>
      `expected a valid national figure at ${where}; found: ${found}. See the schema in src/model/reference.ts.`,
  });
  return read.ok ? { ok: true, reference: read.data } : read;
}
