import {
  type Diagnostic,
  diagnostic,
  REGIONAL_FIGURES_FILE,
  type RegionalFigures,
  RegionalFiguresSchema,
} from '../model/index.ts';
import { jsonLines, lineOfPath } from './json-lines.ts';

export type RegionalFiguresResult =
  | { ok: true; figures: RegionalFigures }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * regional-figures.json's text to validated figures, or diagnostics at their lines: read as the
 * national reference is (src/ingest/reference.ts), an untrusted file edited by hand. A UTF-8
 * byte-order mark is dropped.
 */
export function readRegionalFigures(raw: string, file = REGIONAL_FIGURES_FILE): RegionalFiguresResult {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          'error',
          'regional-figures-not-json',
          file,
          line,
          `expected official regional figures as JSON; found a syntax error (${message}). Fix the JSON at that line.`,
        ),
      ],
    };
  }
  const parsed = RegionalFiguresSchema.safeParse(data);
  if (parsed.success) return { ok: true, figures: parsed.data };
  const lines = jsonLines(text);
  return {
    ok: false,
    diagnostics: parsed.error.issues.map((issue) =>
      diagnostic(
        'error',
        'regional-figures-invalid',
        file,
        lineOfPath(lines, issue.path),
        issue.code === 'custom' && issue.params?.explained
          ? `${issue.path.join('.')}: ${issue.message}.`
          : `expected an official regional figure at ${issue.path.join('.') || 'the top level'} (the fields of a national figure plus "region"); found: ${issue.message}. See README, "regional-figures.json", and src/model/regional-figures.ts.`,
      ),
    ),
  };
}
