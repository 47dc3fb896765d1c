import type { Diagnostic } from './diagnostic.ts';
import type { Source } from './plan.ts';

/** Where a line of the parsed text stands in its document: a line of a text file, or a page and a line on it. */
export interface Location {
  /** The page of a PDF; absent for a text file. */
  page?: number;
  line: number;
}

/** The page map of a PDF source: what `locate` needs. */
export type PageMap = Pick<Extract<Source, { format: 'pdf' }>, 'pages' | 'blankLines'>;

/** The last index whose value is at most `n` in an ascending list; -1 when none is. */
function lastAtMost(values: readonly number[], n: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= n) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A line of a PDF's extracted text as a page and a line on that page, counting only lines that
 * hold text (the blank lines between paragraphs are the reader's, not the page's), as `extract`
 * prints them. A blank line counts as the line above it.
 */
export function locateInPages(map: PageMap, line: number): Location {
  const index = lastAtMost(map.pages, line);
  if (index === -1) return { line };
  const first = map.pages[index] as number;
  const blanksBefore = lastAtMost(map.blankLines, line) - lastAtMost(map.blankLines, first - 1);
  return { page: index + 1, line: Math.max(1, line - first + 1 - blanksBefore) };
}

/**
 * The inverse of `locateInPages`: the line of the extracted text that a page and a line on it (as
 * `extract` and the diagnostics print them) name; undefined when the page has no such line. A
 * reading of a PDF is written with the page and line its reader was shown, so it is matched here.
 */
export function lineOfPage(map: PageMap, at: { page: number; line: number }): number | undefined {
  const first = map.pages[at.page - 1];
  // No page holds more lines than the text limits allow; the bound keeps a hostile number cheap.
  if (first === undefined || at.line > MAX_LINES_ON_A_PAGE) return undefined;
  const next = map.pages[at.page] ?? first + at.line + map.blankLines.length;
  const blanks = new Set(map.blankLines);
  let count = 0;
  for (let line = first; line < next; line++) {
    if (blanks.has(line)) continue;
    count += 1;
    if (count === at.line) return line;
  }
  return undefined;
}

const MAX_LINES_ON_A_PAGE = 10_000;

/** Where a line of a plan's source stands: the same line in a text file, a page and a line in a PDF. */
export function locate(source: Source, line: number): Location {
  return source.format === 'pdf' ? locateInPages(source, line) : { line };
}

/** A line of a plan's source as reports and data cite it: `file:12`, or `file, page 4, line 12` in a PDF. */
export function cite(source: Source, line: number): string {
  const at = locate(source, line);
  return at.page === undefined
    ? `${source.file}:${at.line}`
    : `${source.file}, page ${at.page}, line ${at.line}`;
}

/** The same in words, for running text: `file line 12`, or `file, page 4, line 12` in a PDF. */
export function citeInWords(source: Source, line: number): string {
  const at = locate(source, line);
  return at.page === undefined ? `${source.file} line ${at.line}` : cite(source, line);
}

/**
 * Diagnostics whose line is a line of a PDF's extracted text, given as a page and a line on it.
 * Applied once, where every diagnostic of a run is gathered, so each step reports lines of the
 * text it parsed and none needs to know what kind of file that text came from.
 */
export function locateDiagnostics(
  diagnostics: readonly Diagnostic[],
  maps: ReadonlyMap<string, PageMap>,
): Diagnostic[] {
  return diagnostics.map((d) => {
    const map = maps.get(d.file);
    if (!map || d.line === undefined || d.page !== undefined) return d;
    const at = locateInPages(map, d.line);
    return at.page === undefined ? d : { ...d, page: at.page, line: at.line };
  });
}
