import { bodySize } from './columns.ts';
import { lineText, rowBaseline, rowSize, rowsOf } from './lines.ts';
import type { PageContent, Run } from './types.ts';

/** Running headers and footers stand in the top or bottom this share of a page. */
const MARGIN_SHARE = 0.09;
/** Text in a margin repeated on at least this share of the pages is a running header or footer. */
const REPEAT_SHARE = 0.4;

/** Running headers and footers are the first or last rows of a page, a line or two each. */
const EDGE_ROWS = 2;

const PAGE_NUMBER = /^(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** A margin line's text with its numbers blanked, so "Page 3 of 12" repeats as "Page # of #". */
const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/**
 * Pages without their running headers and footers (text in the top or bottom 9% of the page that
 * repeats on many pages, page numbers blanked) and without bare page numbers in those margins.
 * A section heading that repeats at the top of its next page is not furniture: it repeats on two
 * or three pages, not on most of them, and the plan reader needs it.
 */
export function withoutFurniture(pages: readonly PageContent[]): PageContent[] {
  const body = bodySize(pages.flatMap((page) => rowsOf(page.runs)));
  const rowsByPage = pages.map((page) => {
    const rows = rowsOf(page.runs);
    return rows.map((row, i) => {
      const y = rowBaseline(row);
      // Furniture is the outermost text of a page, set no larger than the body: a heading that
      // opens each page, or the body's first line, is not.
      const outer = i < EDGE_ROWS || i >= rows.length - EDGE_ROWS;
      const margin =
        outer &&
        rowSize(row) <= body * 1.05 &&
        (y >= (1 - MARGIN_SHARE) * page.height || y <= MARGIN_SHARE * page.height);
      return { row, margin, key: margin ? key(lineText(row)) : '' };
    });
  });
  const pagesWith = new Map<string, number>();
  for (const rows of rowsByPage) {
    for (const k of new Set(rows.filter((r) => r.margin).map((r) => r.key)))
      pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  }
  const repeated = Math.max(2, Math.ceil(REPEAT_SHARE * pages.length));
  return pages.map((page, i) => {
    const dropped = new Set<Run>();
    for (const r of rowsByPage[i] ?? []) {
      if (!r.margin) continue;
      if ((pagesWith.get(r.key) ?? 0) >= repeated || PAGE_NUMBER.test(lineText(r.row)))
        for (const run of r.row) dropped.add(run);
    }
    return { ...page, runs: page.runs.filter((run) => !dropped.has(run)) };
  });
}
