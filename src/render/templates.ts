import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type HandlebarsModule from 'handlebars';
import type { Reasons } from '../model/index.ts';
import { registerHelpers } from './helpers.ts';

/**
 * The wording of the reports lives in `templates/`: `text/*.hbs` are sentences shared by the HTML
 * and the PDF (plain text, never escaped: the HTML templates escape them when they print them),
 * `html/*.hbs` are the pages and `html/partials/*.hbs` their parts. Pointing --templates at a copy
 * rewords the reports without touching code.
 */
export interface Templates {
  text(name: string, context: object): string;
  html(name: string, context: object): string;
  /**
   * A template of labels, one "name | words ;;" line each (as headings.hbs), read into an object:
   * exactly the names asked for, or a TemplateError saying which are missing or not known.
   */
  terms<K extends string>(name: string, context: object, names: readonly K[]): Record<K, string>;
  /** Reasons worded by their text/reason-<code> templates, one after another: "…; …"; empty for none. */
  reasons(reasons: Reasons): string;
  /** Hash of every template's name and text: a report is rebuilt when its wording changes. */
  sha256: string;
  /**
   * Parses every template, throwing a TemplateError at the first that does not parse. Done on
   * first use otherwise: a run with nothing to do reads and hashes the templates, and parses none.
   */
  check(): void;
}

/** A template that does not parse or render: an input error (exit 1), reported as file:line. */
export class TemplateError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export function loadTemplates(dir: string): Templates {
  let files: string[];
  try {
    files = walk(dir).filter((f) => f.endsWith('.hbs'));
  } catch {
    throw new TemplateError(
      `templates folder "${dir}" cannot be read: expected a folder with text/ and html/ templates`,
    );
  }
  const hash = createHash('sha256');
  const sources = files.map((file) => {
    const name = relative(dir, file)
      .split(sep)
      .join('/')
      .replace(/\.hbs$/, '');
    const source = readFileSync(file, 'utf8');
    hash.update(`${name}\0${source}\0`);
    return { name, shown: join(dir, relative(dir, file)), source };
  });
  let parsed: Omit<Templates, 'sha256' | 'check'> | null = null;
  const ready = () => {
    parsed ??= compile(dir, sources);
    return parsed;
  };
  return {
    text: (name, context) => ready().text(name, context),
    html: (name, context) => ready().html(name, context),
    terms: (name, context, names) => ready().terms(name, context, names),
    reasons: (reasons) => ready().reasons(reasons),
    sha256: hash.digest('hex'),
    check: () => void ready(),
  };
}

/** handlebars, loaded when a template is first parsed (CommonJS, so synchronously). */
const handlebars = (): typeof HandlebarsModule =>
  createRequire(import.meta.url)('handlebars') as typeof HandlebarsModule;

function compile(
  dir: string,
  sources: ReadonlyArray<{ name: string; shown: string; source: string }>,
): Omit<Templates, 'sha256' | 'check'> {
  const hb = handlebars().create();
  registerHelpers(hb);
  const compiled = new Map<string, HandlebarsModule.TemplateDelegate>();
  for (const { name, shown, source } of sources) {
    try {
      // Parsing up front reports syntax errors at load, with their line, not half-way through a build.
      hb.parse(source);
    } catch (error) {
      throw parseError(error as Error & Located, name, shown, source);
    }
    const template = hb.compile(source, {
      strict: true,
      noEscape: name.startsWith('text/'),
      preventIndent: true,
    });
    compiled.set(name, (context: unknown) => {
      try {
        return template(context);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        throw renderError(error as Error & Located, { name, shown, source, context, hb });
      }
    });
    if (name.startsWith('html/partials/')) hb.registerPartial(name.slice('html/partials/'.length), source);
  }
  const get = (name: string) => {
    const t = compiled.get(name);
    if (!t)
      throw new TemplateError(
        `${join(dir, `${name}.hbs`)}: error: expected this template; it is missing. Copy it from the project's templates/ folder. [template-missing]`,
      );
    return t;
  };
  const text = (name: string, context: object) => get(`text/${name}`)(context).replace(/\s+/g, ' ').trim();
  const reasons = (list: Reasons) => list.map((r) => text(`reason-${r.code}`, r)).join('; ');
  // {{reasons comparison.reasons}}: the metrics give codes, and the reason-* templates word them.
  hb.registerHelper(
    'reasons',
    (list: unknown, options: { loc?: { start: { line: number; column: number } } }) => {
      if (!Array.isArray(list)) {
        const at = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
        throw new Error(`"reasons" was given a field that is not defined; check the field names${at}`);
      }
      return reasons(list as Reasons);
    },
  );
  const terms = <K extends string>(name: string, context: object, names: readonly K[]): Record<K, string> => {
    const found: Record<string, string> = Object.fromEntries(termsOf(text(name, context)));
    const missing = names.filter((n) => typeof found[n] !== 'string');
    const unknown = Object.keys(found).filter((n) => !(names as readonly string[]).includes(n));
    if (missing.length > 0 || unknown.length > 0)
      throw new TemplateError(
        `${join(dir, 'text', `${name}.hbs`)}: error: expected one "name | words" line for each of ${names.join(', ')}; ${[
          missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
          unknown.length > 0 ? `not known: ${unknown.join(', ')}` : '',
        ]
          .filter((p) => p !== '')
          .join(
            '; ',
          )}. Copy the lines from the project's templates/text/${name}.hbs and reword only the words after "|". [template-terms]`,
      );
    return found as Record<K, string>;
  };
  return { text, terms, reasons, html: (name, context) => get(`html/${name}`)(context) };
}

/** "name | words ;; name | words": the lines of a template of labels, as [name, words] pairs. */
export function termsOf(text: string): Array<[string, string]> {
  return text
    .split(/\s*;;\s*/)
    .map((line) => line.split(/\s*\|\s*/))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '');
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

/** Where Handlebars says an error is: line 1-based, columns 0-based. */
interface Located {
  lineNumber?: number;
  column?: number;
  endLineNumber?: number;
  endColumn?: number;
}

/** What the parser's token names stand for, in the words of someone writing a template. */
const TOKEN_WORDS: Array<[token: string, words: string]> = [
  ['OPEN_ENDBLOCK', 'a closing "{{/…}}"'],
  ['CLOSE', '"}}" to close the expression'],
  ['CLOSE_UNESCAPED', '"}}}" to close the expression'],
  ['CLOSE_RAW_BLOCK', '"}}}}" to close the raw block'],
  ['CLOSE_SEXPR', '")" to close the bracketed expression'],
  ['EOF', 'the end of the template'],
  ['ID', 'a field or helper name'],
  ['STRING', 'a quoted string'],
  ['NUMBER', 'a number'],
  ['INVALID', 'a character that cannot stand there'],
  ['OPEN', '"{{"'],
  ['OPEN_BLOCK', 'a block "{{#…}}"'],
  ['OPEN_INVERSE', 'an "{{^…}}"'],
  ['OPEN_INVERSE_CHAIN', '"{{else …}}"'],
  ['INVERSE', '"{{else}}"'],
  ['OPEN_PARTIAL', 'a partial "{{>…}}"'],
  ['OPEN_SEXPR', '"("'],
  ['EQUALS', '"="'],
  ['SEP', '"." or "/"'],
  ['CONTENT', 'text'],
  ['COMMENT', 'a comment'],
];

const inWords = (token: string) => TOKEN_WORDS.find(([t]) => t === token)?.[1] ?? `"${token}"`;

/** The source line, as the reader wrote it, to quote in a message. */
function quoteLine(source: string, line: number | undefined): string {
  if (line === undefined) return '';
  const text = (source.split('\n')[line - 1] ?? '').trim();
  return text === '' ? '' : `, in "${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}

/**
 * A syntax error in words: what the parser expected and what it found, with the line quoted,
 * instead of the parser's list of token names.
 */
function parseError(error: Error & Located, name: string, shown: string, source: string): TemplateError {
  const message = error.message;
  const line = error.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? Number.NaN);
  const where = `${shown}${Number.isFinite(line) ? `:${line}` : ''}`;
  const at = Number.isFinite(line) ? line : undefined;
  const tokens = /Expecting (.*), got '([A-Z_]+)'/.exec(message);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(message);
  let explained: string;
  if (tokens) {
    const expected = [...(tokens[1] ?? '').matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] ?? '');
    const first = TOKEN_WORDS.find(([t]) => expected.includes(t))?.[0] ?? expected[0] ?? 'EOF';
    const found = tokens[2] ?? 'INVALID';
    const hint =
      found === 'EOF' && first === 'OPEN_ENDBLOCK'
        ? ' Close every {{#…}} block with its {{/…}}.'
        : found === 'OPEN_ENDBLOCK'
          ? ' Remove the {{/…}} or add the {{#…}} it closes.'
          : ' Check the braces and names on that line.';
    explained = `expected ${inWords(first)}; found ${inWords(found)}${quoteLine(source, at)}.${hint}`;
  } else if (mismatch) {
    explained = `expected the block {{#${mismatch[1]}}} to be closed by {{/${mismatch[1]}}}; found {{/${mismatch[2]}}}${quoteLine(source, at)}. Close each block with its own name.`;
  } else {
    explained = `${
      message
        .replace(/ - \d+:\d+$/, '')
        .split('\n')
        .slice(-1)[0]
    }${quoteLine(source, at)}.`;
  }
  return new TemplateError(
    `${where}: error: template ${name} does not parse: ${explained} [template-syntax]`,
  );
}

/** The {{…}} expression on `line` that holds `column`, as written in the template. */
function expressionAt(source: string, line: number, column: number): string | null {
  const text = source.split('\n')[line - 1] ?? '';
  const open = text.lastIndexOf('{{', column);
  if (open === -1) return null;
  const close = text.indexOf('}}', Math.max(open, column));
  if (close === -1) return null;
  return text.slice(open, close + 2 + (text[close + 2] === '}' ? 1 : 0));
}

/** Field names in a fixed order, to say what a template may use. */
function fieldsOf(context: unknown): string[] {
  if (context === null || typeof context !== 'object') return [];
  return Object.keys(context).sort();
}

const listed = (names: readonly string[]) =>
  names.length === 0
    ? 'none'
    : names.length > 25
      ? `${names.slice(0, 25).join(', ')}, ...`
      : names.join(', ');

/**
 * A render error in words: the template by name, the field or helper it asked for, the
 * expression as written, and the fields it is given. Handlebars' own message names the field's
 * last part only and prints the object it looked in ("[object Object]").
 */
function renderError(
  error: Error & Located,
  t: { name: string; shown: string; source: string; context: unknown; hb: typeof HandlebarsModule },
): TemplateError {
  const message = error.message;
  const at = /- (\d+):(\d+)$/.exec(message);
  const line = error.lineNumber ?? (at ? Number(at[1]) : undefined);
  const column = error.column ?? (at ? Number(at[2]) : undefined);
  const where = `${t.shown}${line !== undefined ? `:${line}` : ''}`;
  const expression = line !== undefined && column !== undefined ? expressionAt(t.source, line, column) : null;
  const written =
    line !== undefined &&
    column !== undefined &&
    error.endLineNumber === line &&
    error.endColumn !== undefined
      ? (t.source.split('\n')[line - 1] ?? '').slice(column, error.endColumn)
      : null;
  const fields = fieldsOf(t.context);
  const inExpression = expression ? ` in ${expression}` : '';
  const undefinedName = /^"([^"]+)" not defined in /.exec(message);
  const helperField = /^"([^"]+)" was given a field that is not defined/.exec(message);
  const partial = /^The partial (\S+) could not be found/.exec(message);
  let explained: string;
  if (undefinedName) {
    const path = written && /^[\w.@/[\]-]+$/.test(written) ? written : (undefinedName[1] ?? '');
    const words = expression?.replace(/^\{\{[#^/>~]?\s*|\s*~?\}\}\}?$/g, '').split(/\s+/) ?? [];
    const isHelper = words.length > 1 && words[0] === path;
    explained = isHelper
      ? `expected a helper; found "${path}"${inExpression}, which is not one. The helpers are: ${listed(helperNames(t.hb))}.`
      : `expected a field this template is given; found "${path}"${inExpression}, ${
          path.includes('.') && fields.includes(path.split('.')[0] ?? '')
            ? `but "${path.split('.')[0]}" has no "${path.split('.').slice(1).join('.')}"`
            : 'which it is not given'
        }. Its fields are: ${listed(fields)}. Use one of those names or remove the expression.`;
  } else if (helperField) {
    const words =
      expression
        ?.replace(/^\{\{[#^]?\s*|\s*\}\}\}?$/g, '')
        .split(/\s+/)
        .slice(1) ?? [];
    const unknown = words.filter(
      (w) =>
        /^[A-Za-z_][\w.]*$/.test(w) &&
        !['true', 'false', 'null', 'undefined', 'this'].includes(w) &&
        !fields.includes(w.split('.')[0] ?? ''),
    );
    explained = `expected the helper "${helperField[1]}" to be given fields this template has; found ${unknown.length > 0 ? unknown.map((w) => `"${w}"`).join(', ') : 'a field that is not defined'}${inExpression}. Its fields are: ${listed(fields)}.`;
  } else if (partial) {
    explained = `expected a partial in html/partials/; found ${expression ?? `{{> ${partial[1]}}}`} naming "${partial[1]}", which is not there. Add html/partials/${partial[1]}.hbs or correct the name.`;
  } else {
    explained = `${message.replace(/ - \d+:\d+$/, '')}${inExpression}.`;
  }
  return new TemplateError(
    `${where}: error: template ${t.name} cannot be rendered: ${explained} [template-render]`,
  );
}

/** The helpers a template may call: the project's and Handlebars' own block helpers. */
function helperNames(hb: typeof HandlebarsModule): string[] {
  return Object.keys(hb.helpers)
    .filter((n) => n !== 'helperMissing' && n !== 'blockHelperMissing')
    .sort();
}
