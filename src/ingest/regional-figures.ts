import {
  type Diagnostic,
  REGIONAL_FIGURES_FILE,
  type RegionalFigures,
  RegionalFiguresSchema,
} from '../model/index.ts';
import { readJsonFile } from './json-lines.ts';

export type RegionalFiguresResult =
  | { ok: true; figures: RegionalFigures }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * regional-figures.json's text to validated figures, or diagnostics at their lines: read as the
 * national reference is (src/ingest/reference.ts), an untrusted file edited by hand. A UTF-8
 * byte-order mark is dropped.
 */
export function readRegionalFigures(raw: string, file = REGIONAL_FIGURES_FILE): RegionalFiguresResult {
  const read = readJsonFile(file, raw, RegionalFiguresSchema, {
    code: 'regional-figures',
    what: 'official regional figures',
    invalid: (where, found) =>
      `expected an official regional figure at ${where} (the fields of a national figure plus "region"); found: ${found}. See README, "regional-figures.json", and src/model/regional-figures.ts.`,
  });
  return read.ok ? { ok: true, figures: read.data } : read;
}
