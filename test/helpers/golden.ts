import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { build, EXIT, RENDERERS, type Renderers, readInputFolder } from '../../src/build/index.ts';
import { memoryEffects, world } from './memory-effects.ts';

// Golden folders, in the manner of Observable Framework's build tests: each folder under
// test/input is built in memory and the files worth reading are compared with test/output/<case>/.
// A difference, or a case with no golden folder yet, writes what was built to
// test/output/<case>-changed/ (gitignored): read it, and rename it to <case> to accept it.

export const GOLDEN_INPUT = join(import.meta.dirname, '..', 'input');
export const GOLDEN_OUTPUT = join(import.meta.dirname, '..', 'output');

/** The cases: every folder under test/input. */
export function goldenCases(): string[] {
  return readdirSync(GOLDEN_INPUT)
    .filter((name) => !name.startsWith('.') && statSync(join(GOLDEN_INPUT, name)).isDirectory())
    .sort();
}

/** The real chart and HTML renderers; no PDF is asked for, and one asked for is a bug in the test. */
const renderers: Renderers = {
  chart: RENDERERS.chart,
  html: RENDERERS.html,
  pdf: async () => {
    throw new Error('golden builds are HTML only');
  },
};

/** The outputs compared: every HTML page (normalised), the data CSVs and plans.json, each chart's spec and data. */
const COMPARED = [/\.html$/, /^data\/[^/]+\.csv$/, /^data\/plans\.json$/, /^charts\/[^/]+\.(vl\.json|csv)$/];

/**
 * Builds a case's folder in memory, read as the command reads an input folder, with the project's
 * templates and the folder's own national-figures.json, and returns the compared files, HTML
 * normalised.
 */
export async function buildCase(name: string): Promise<Map<string, string>> {
  const w = world({});
  const effects = { ...memoryEffects(w), readInput: () => readInputFolder(join(GOLDEN_INPUT, name)) };
  const code = await build(
    { out: 'out', formats: new Set(['html'] as const), regions: null, force: false },
    effects,
    renderers,
  );
  if (code !== EXIT.ok || !w.out)
    throw new Error(
      `golden case ${name}: the build failed: ${JSON.stringify(effects.events.filter((e) => e.event === 'diagnostic' && e.level === 'error'))}`,
    );
  const files = new Map<string, string>();
  for (const [path, content] of [...w.out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!COMPARED.some((re) => re.test(path))) continue;
    const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    files.set(path, path.endsWith('.html') ? normaliseHtml(text) : text);
  }
  return files;
}

export interface GoldenDifference {
  /** Golden files the build no longer writes. */
  missing: string[];
  /** Files the build writes that have no golden file. */
  unexpected: string[];
  /** Files whose content differs from the golden file. */
  changed: string[];
  /** Where what was built was written for review, when anything differs. */
  written: string | null;
}

/**
 * Compares what was built with test/output/<name>/. Any difference (or no golden folder at all)
 * writes everything that was built to test/output/<name>-changed/, replacing an earlier one; a
 * match removes a stale -changed folder.
 */
export function compareWithGolden(name: string, actual: ReadonlyMap<string, string>): GoldenDifference {
  const expectedDir = join(GOLDEN_OUTPUT, name);
  const changedDir = join(GOLDEN_OUTPUT, `${name}-changed`);
  rmSync(changedDir, { recursive: true, force: true });
  const expected = existsSync(expectedDir) ? filesUnder(expectedDir) : [];
  const missing = expected.filter((p) => !actual.has(p));
  const unexpected = [...actual.keys()].filter((p) => !expected.includes(p));
  const changed = expected.filter(
    (p) => actual.has(p) && readFileSync(join(expectedDir, ...p.split('/')), 'utf8') !== actual.get(p),
  );
  const differs = !existsSync(expectedDir) || missing.length + unexpected.length + changed.length > 0;
  if (differs) {
    for (const [path, text] of actual) {
      const file = join(changedDir, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return { missing, unexpected, changed, written: differs ? relative(process.cwd(), changedDir) : null };
}

/** Every file under a folder, as output paths ("charts/x.csv"), sorted. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * A page as a reviewer reads it: the inlined GOV.UK stylesheet and each chart's drawing replaced
 * by a line carrying their hash (so a change to either still shows, as a changed hash), the
 * chart's accessible <title> and <desc> kept, and one element to a line, indented.
 */
export function normaliseHtml(html: string): string {
  const withoutCss = html.replace(
    /<style>([\s\S]*?)<\/style>/g,
    (_, css: string) => `<style>/* inlined stylesheet, sha256 ${short(css)} */</style>`,
  );
  const withoutDrawings = withoutCss.replace(
    /(<svg\b[^>]*>)((?:<title\b[^>]*>[^<]*<\/title>)?(?:<desc\b[^>]*>[^<]*<\/desc>)?)([\s\S]*?)<\/svg>/g,
    (_, open: string, text: string, drawing: string) =>
      `${open}${text}<!-- chart drawing, sha256 ${short(drawing)} --></svg>`,
  );
  return `${prettyPrint(parse(withoutDrawings)).join('\n')}\n`;
}

type Node = { kind: 'text'; text: string } | { kind: 'raw'; text: string } | Element;
interface Element {
  kind: 'element';
  name: string;
  open: string;
  children: Node[];
  /** False for void elements (<meta>, <br>) and self-closed ones. */
  closed: boolean;
}

const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));

/** Elements that start a line of their own; everything else stays inside the line of its parent. */
const BLOCK = new Set(
  `html head body meta link title desc style header footer main nav section article aside div p
   h1 h2 h3 h4 h5 h6 ul ol li dl dt dd table caption colgroup col thead tbody tfoot tr th td
   figure figcaption svg details summary blockquote hr`.split(/\s+/),
);

/** A tree of the page's elements; the templates write well-formed HTML, so no error recovery is needed. */
function parse(html: string): Node[] {
  const root: Element = { kind: 'element', name: '', open: '', children: [], closed: true };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1] as Element;
  for (const m of html.matchAll(/<!--[\s\S]*?-->|<![^>]*>|<\/?[a-zA-Z][^>]*>|[^<]+/g)) {
    const token = m[0];
    if (token.startsWith('<!')) top().children.push({ kind: 'raw', text: token });
    else if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim().toLowerCase();
      if (top().name !== name) throw new Error(`normaliseHtml: </${name}> closes <${top().name}>`);
      stack.pop();
    } else if (token.startsWith('<')) {
      const name = (/^<([a-zA-Z][\w-]*)/.exec(token)?.[1] ?? '').toLowerCase();
      const closed = !VOID.has(name) && !token.endsWith('/>');
      const element: Element = { kind: 'element', name, open: token, children: [], closed };
      top().children.push(element);
      if (closed) stack.push(element);
    } else top().children.push({ kind: 'text', text: token });
  }
  if (stack.length !== 1) throw new Error(`normaliseHtml: <${top().name}> is never closed`);
  return root.children;
}

const isBlock = (n: Node) => n.kind !== 'text' && (n.kind === 'raw' || BLOCK.has(n.name));
const hasBlock = (n: Node): boolean =>
  n.kind === 'element' && n.children.some((c) => isBlock(c) || hasBlock(c));

/** Inline markup on one line, runs of white space as one space (a no-break space is text, not white space). */
function inline(n: Node): string {
  if (n.kind === 'text') return n.text.replace(/[ \t\n\r\f]+/g, ' ');
  if (n.kind === 'raw') return n.text;
  return `${n.open}${n.children.map(inline).join('')}${n.closed ? `</${n.name}>` : ''}`;
}

/** Trims white space, but not a no-break space, which `trim` would strip. */
const trimmed = (text: string) => text.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, '');

function prettyPrint(nodes: readonly Node[], depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  let run = '';
  const flush = () => {
    const line = trimmed(run);
    if (line) lines.push(indent + line);
    run = '';
  };
  for (const n of nodes) {
    if (!isBlock(n) && !hasBlock(n)) {
      run += inline(n);
      continue;
    }
    flush();
    if (n.kind !== 'element') lines.push(indent + trimmed(inline(n)));
    else if (!hasBlock(n)) {
      // White space just inside a block's tags is not shown; a line without it reads better.
      const inner = trimmed(n.children.map(inline).join(''));
      lines.push(`${indent}${n.open}${inner}${n.closed ? `</${n.name}>` : ''}`);
    } else {
      lines.push(indent + n.open);
      lines.push(...prettyPrint(n.children, depth + 1));
      if (n.closed) lines.push(`${indent}</${n.name}>`);
    }
  }
  flush();
  return lines;
}
