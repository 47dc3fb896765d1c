import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
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
  /** Hash of every template's name and text: a report is rebuilt when its wording changes. */
  sha256: string;
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
  const hb = Handlebars.create();
  registerHelpers(hb);
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const hash = createHash('sha256');
  for (const file of files) {
    const name = relative(dir, file)
      .split(sep)
      .join('/')
      .replace(/\.hbs$/, '');
    const source = readFileSync(file, 'utf8');
    hash.update(`${name}\0${source}\0`);
    const shown = join(dir, relative(dir, file));
    try {
      // Parsing up front reports syntax errors at load, with their line, not half-way through a build.
      hb.parse(source);
    } catch (error) {
      const message = (error as Error).message;
      const line = /line (\d+)/.exec(message)?.[1];
      throw new TemplateError(
        `${shown}${line ? `:${line}` : ''}: error: template does not parse: ${message.split('\n').slice(-1)[0]} [template-syntax]`,
      );
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
        const message = (error as Error).message;
        const at = /- (\d+):(\d+)$/.exec(message);
        throw new TemplateError(
          `${shown}${at ? `:${at[1]}` : ''}: error: ${message.replace(/ - \d+:\d+$/, '')} [template-render]`,
        );
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
  return {
    text: (name, context) => get(`text/${name}`)(context).replace(/\s+/g, ' ').trim(),
    html: (name, context) => get(`html/${name}`)(context),
    sha256: hash.digest('hex'),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}
