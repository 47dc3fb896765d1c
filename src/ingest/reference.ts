import {
  type Diagnostic,
  diagnostic,
  type NationalReference,
  NationalReferenceSchema,
} from '../model/index.ts';
import { jsonLines, lineOfPath } from './json-lines.ts';

export type ReferenceResult =
  | { ok: true; reference: NationalReference }
  | { ok: false; diagnostics: Diagnostic[] };

export const REFERENCE_FILE = 'national-figures.json';

/**
 * The national reference file's text to a validated reference, or diagnostics at their lines. A
 * UTF-8 byte-order mark, which some Windows editors write, is read and dropped.
 */
export function readReference(file: string, raw: string): ReferenceResult {
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
          'reference-not-json',
          file,
          line,
          `expected the national reference as JSON; found a syntax error (${message}). Fix the JSON at that line.`,
        ),
      ],
    };
  }
  const parsed = NationalReferenceSchema.safeParse(data);
  if (parsed.success) return { ok: true, reference: parsed.data };
  const lines = jsonLines(text);
  return {
    ok: false,
    diagnostics: parsed.error.issues.map((issue) =>
      diagnostic(
        'error',
        'reference-invalid',
        file,
        lineOfPath(lines, issue.path),
        issue.code === 'custom' && issue.params?.explained
          ? `${issue.path.join('.')}: ${issue.message}.`
          : `expected a valid national figure at ${issue.path.join('.') || 'the top level'}; found: ${issue.message}. See the schema in src/model/reference.ts.`,
      ),
    ),
  };
}
