import { isIconRun, lineMarks, takeBullet } from './bullets.ts';
import { bodySize, type Gutter, readingOrder } from './columns.ts';
import { withoutFurniture } from './furniture.ts';
import { rejoinHyphens } from './hyphens.ts';
import { isBlank, lineText, rowBaseline, rowSize, rowsOf } from './lines.ts';
import { HEADING_SCALE, type PageLine, paragraphs } from './paragraphs.ts';
import type { Box, ExtractedText, PageContent } from './types.ts';

/** Dot leaders between a contents entry and its page number. */
const LEADERS = /\s*(?:[.·…_]\s*){3,}\s*(\d{1,4})$/u;

/**
 * The text of a PDF's pages as the plan reader parses it, with where each line stands: running
 * headers and footers gone, each page read band by band and column by column, bullets as "- ",
 * words broken at line ends rejoined, paragraphs and headings set apart by blank lines.
 */
export function extractText(pages: readonly PageContent[]): ExtractedText {
  const clean = withoutFurniture(pages.map((p) => ({ ...p, runs: p.runs.filter((r) => !isIconRun(r)) })));
  const pageRows = clean.map((page) => rowsOf(page.runs));
  const body = bodySize(pageRows.flat());
  const lines: PageLine[] = [];
  // Gutters found so far: a page's few rows in columns are read at the gutters of the pages before.
  const gutters: Gutter[] = [];
  clean.forEach((page, p) => {
    const used = new Set<Box>();
    const ordered = readingOrder(pageRows[p] ?? [], gutters);
    const marks = lineMarks(ordered.map((row) => row.runs));
    for (const row of ordered) {
      const { runs, bullet } = takeBullet(row.runs, page.shapes, used, marks);
      const printed = runs.filter((r) => !isBlank(r));
      const first = printed[0];
      const last = printed[printed.length - 1];
      if (!first || !last) continue;
      const before = printed[printed.length - 2];
      // A hyphen set as a run of its own, touching the word, is a hyphenation break (LibreOffice
      // sets one so); a compound's hyphen is part of its word's run ("co-", "Multi-").
      if (
        last.text === '-' &&
        before &&
        /\p{L}$/u.test(before.text) &&
        last.x - (before.x + before.width) < 0.1 * last.size
      )
        runs[runs.indexOf(last)] = { ...last, text: '\u2010' };
      const text = lineText(runs).replace(LEADERS, '\t$1');
      if (text === '') continue;
      lines.push({
        page: page.number,
        text,
        x0: first.x,
        x1: last.x + last.width,
        columnLeft: row.left,
        columnRight: row.right,
        sides: row.sides,
        y: rowBaseline(runs),
        size: rowSize(runs),
        bold: printed.every((r) => r.bold),
        bullet,
      });
    }
  });
  const heading = (l: PageLine) => l.size >= HEADING_SCALE * body;
  const whole = rejoinHyphens(lines.map((l) => ({ ...l, starts: l.bullet || heading(l) })));
  const text = paragraphs(whole, body);
  const firstLine: number[] = [];
  const blankLines: number[] = [];
  text.forEach((line, i) => {
    if (line.text === '') blankLines.push(i + 1);
    else if (firstLine[line.page - 1] === undefined) firstLine[line.page - 1] = i + 1;
  });
  // A page with no text starts where the next page with text does (or after the last line).
  const starts: number[] = [];
  for (let p = pages.length - 1; p >= 0; p--) starts[p] = firstLine[p] ?? starts[p + 1] ?? text.length + 1;
  return { text: text.map((l) => l.text).join('\n'), pages: starts, blankLines };
}
