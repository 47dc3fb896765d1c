import type { ZodType } from 'zod';
import { type Diagnostic, diagnostic } from '../model/index.ts';

/** How deep paths are mapped to lines; far deeper than any reference file needs. */
const MAX_DEPTH = 64;

/**
 * Maps every value's path in a JSON text ("figures.3.value") to the line it starts on, so schema
 * errors in hand-edited reference files can be reported as file:line. Assumes valid JSON: run
 * JSON.parse first.
 */
export function jsonLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) {
      if (text[i] === '\n') line++;
      i++;
    }
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // Deeper values are stepped over without recursing: a hostile file nested 100,000 deep would
  // otherwise overflow the stack. Their errors are reported at the line of the deepest path kept.
  const deep = (): void => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') {
        string();
        continue;
      }
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth--;
      else if (c === '\n') line++;
      i++;
    } while (depth > 0 && i < text.length);
  };
  const value = (path: string, depth = 0): void => {
    skip();
    lines.set(path, line);
    const c = text[i];
    if (depth >= MAX_DEPTH && (c === '{' || c === '[')) {
      deep();
    } else if (c === '{') {
      i++;
      skip();
      while (text[i] !== '}') {
        skip();
        const key = string();
        skip();
        i++; // colon
        value(path === '' ? key : `${path}.${key}`, depth + 1);
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (c === '[') {
      i++;
      skip();
      let index = 0;
      while (text[i] !== ']') {
        value(path === '' ? String(index) : `${path}.${index}`, depth + 1);
        index++;
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  value('');
  return lines;
}

/** The line of the deepest path that has one. */
export function lineOfPath(lines: Map<string, number>, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const found = lines.get(path.slice(0, n).map(String).join('.'));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What a JSON input's diagnostics say: its codes' stem, what it is, and what each entry should be. */
export interface JsonFileWords {
  /** `reference` gives the codes `reference-not-json` and `reference-invalid`. */
  code: string;
  /** "the national reference", as "expected … as JSON". */
  what: string;
  /** The message for a value the schema refuses, given where it stands and what zod found. */
  invalid: (where: string, found: string) => string;
}

export type JsonFileResult<T> =
  | { ok: true; data: T; lines: Map<string, number> }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * A hand-edited JSON input (the national reference, official regional figures, readings) to data
 * its schema accepts, or diagnostics at their lines. A UTF-8 byte-order mark, which some Windows
 * editors write, is read and dropped.
 */
export function readJsonFile<T>(
  file: string,
  raw: string,
  schema: ZodType<T>,
  words: JsonFileWords,
): JsonFileResult<T> {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    const found = `found a syntax error (${message}). Fix the JSON at that line.`;
    return {
      ok: false,
      diagnostics: [
        diagnostic('error', `${words.code}-not-json`, file, line, `expected ${words.what} as JSON; ${found}`),
      ],
    };
  }
  const parsed = schema.safeParse(data);
  const lines = jsonLines(text);
  if (parsed.success) return { ok: true, data: parsed.data, lines };
  return {
    ok: false,
    diagnostics: parsed.error.issues.map((issue) =>
      diagnostic(
        'error',
        `${words.code}-invalid`,
        file,
        lineOfPath(lines, issue.path),
        issue.code === 'custom' && issue.params?.explained
          ? `${issue.path.join('.')}: ${issue.message}.`
          : words.invalid(issue.path.join('.') || 'the top level', issue.message),
      ),
    ),
  };
}
