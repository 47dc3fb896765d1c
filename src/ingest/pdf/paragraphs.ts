import type { Line } from './types.ts';

/** A line of a page, in reading order, as the paragraph step sees it. */
export interface PageLine extends Line {
  page: number;
}

/** A line of the extracted text; blank ones separate paragraphs, lists and headings. */
export interface TextLine {
  page: number;
  text: string;
}

/** A line this much larger than the body text is a heading. */
export const HEADING_SCALE = 1.1;
/** A line ending in one of these words or marks goes on, however short (a signature's "and"). */
const RUNS_ON = /(?:\b(?:and|or|of|the|a|an|to|for|with|in|on|by|from|at|as|including)|[,;–-])$/iu;
/** A gap between baselines wider than the usual one by this factor starts a new paragraph or list. */
const BREAK_SCALE = 1.3;

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Lines in reading order to the text the plan reader parses, laid out as the text documents are:
 * a blank line where the gap above a line is wider than the usual gap between lines (a new
 * paragraph or list) or a heading starts or ends, headings (set larger than the body) on a line
 * of their own, bullets as "- ", a bullet's wrapped lines indented under it. Where the text goes
 * on in the next column or on the next page, a line that ended a sentence ends its paragraph.
 */
export function paragraphs(lines: readonly PageLine[], body: number): TextLine[] {
  const entries = contentsEntries(lines);
  const heading = (l: PageLine) => l.size >= HEADING_SCALE * body && !entries.has(l);
  const merged = mergeHeadings(lines, heading);
  const sameFlow = (a: PageLine, b: PageLine) => a.page === b.page && b.y < a.y;
  // The usual gap between two lines of a paragraph, and between two items of a list.
  const lineGaps: number[] = [];
  const itemGaps: number[] = [];
  for (let i = 1; i < merged.length; i++) {
    const a = merged[i - 1] as PageLine;
    const b = merged[i] as PageLine;
    if (!sameFlow(a, b) || heading(a) || heading(b)) continue;
    const gap = a.y - b.y;
    if (gap > 4 * b.size) continue;
    if (b.bullet) itemGaps.push(gap);
    else lineGaps.push(gap);
  }
  const lineGap = median(lineGaps) ?? 1.2 * body;
  const itemGap = Math.max(lineGap, median(itemGaps) ?? lineGap);

  const out: TextLine[] = [];
  const blank = (page: number) => {
    if (out.length > 0 && out[out.length - 1]?.text !== '') out.push({ page, text: '' });
  };
  // The left edge of the open item's text: its wrapped lines start there.
  let item: number | null = null;
  merged.forEach((b, i) => {
    const a = merged[i - 1];
    let breaks = false;
    const flowing = a !== undefined && sameFlow(a, b);
    if (!a) breaks = false;
    else if (entries.has(b)) breaks = !entries.has(a);
    else if (heading(a) || heading(b) || entries.has(a) || crossesBand(a, b)) breaks = true;
    else if (flowing) {
      const usual = b.bullet ? itemGap : lineGap;
      breaks = a.y - b.y > BREAK_SCALE * usual + 0.5;
      // A line that starts left of the open item's text is not part of the item.
      if (!b.bullet && item !== null && b.x0 < item - 2) breaks = true;
    } else if (b.bullet) breaks = item === null || besideFirst(merged, a, b);
    else {
      // The text goes on in the next column or on the next page: it goes on the same paragraph
      // unless the line before ended a sentence, or stopped short of the column's edge by more
      // than the next line's first word needed.
      const perChar = (b.x1 - b.x0) / Math.max(1, b.text.length);
      const word = (/^\S+/.exec(b.text)?.[0].length ?? 0) + 1;
      const short = a.x1 + word * perChar < a.columnRight - 1;
      const ended = /[.!?:]["'”’)]?$/.test(a.text) && !/^\p{Ll}/u.test(b.text);
      // A quotation opening at the top of a column starts a paragraph of its own.
      const quote = /^["“‘]/u.test(b.text);
      breaks = !RUNS_ON.test(a.text) && (short || ended || quote);
    }
    if (breaks) {
      blank(a?.page ?? b.page);
      item = null;
    }
    // A block indented as a list's items are, with no bullet: an item whose bullet was not drawn,
    // written indented as the text documents write one.
    const indent = b.x0 - b.columnLeft;
    // A quotation set in from the margin is a paragraph.
    const unmarked =
      (breaks || !a) &&
      !b.bullet &&
      !heading(b) &&
      !entries.has(b) &&
      !/^["“‘]/u.test(b.text) &&
      indent >= b.size &&
      indent <= 4 * b.size;
    if (unmarked) {
      item = b.x0;
      out.push({ page: b.page, text: `  ${b.text}` });
    } else if (b.bullet) {
      item = b.x0;
      out.push({ page: b.page, text: `- ${b.text}` });
    } else if (item !== null) out.push({ page: b.page, text: `  ${b.text}` });
    else out.push({ page: b.page, text: b.text });
    if (heading(b)) item = null;
  });
  return out;
}

/**
 * Whether the text goes into or out of a block set in columns between `a` and `b` (rather than
 * from one of its columns to the next): a new part of the page, so a new paragraph or list.
 */
function crossesBand(a: PageLine, b: PageLine): boolean {
  if (a.page !== b.page) return false;
  const ids = (l: PageLine) => l.sides.map((s) => s.band);
  const [x, y] = [ids(a), ids(b)];
  const shared = x.filter((id) => y.includes(id));
  return shared.length !== x.length || shared.length !== y.length;
}

/**
 * Whether `b`, the first line of a right-hand column, starts a list of its own beside the list
 * in the left-hand column (two lists side by side, as in a table) rather than going on with it
 * (a list that snakes from one column into the next): both columns open with an item, level.
 */
function besideFirst(lines: readonly PageLine[], a: PageLine, b: PageLine): boolean {
  const band = b.sides.find(
    (s) => s.side === 'right' && a.sides.some((t) => t.band === s.band && t.side === 'left'),
  )?.band;
  if (band === undefined) return false;
  const first = lines.find(
    (l) => l.page === b.page && l.sides.some((s) => s.band === band && s.side === 'left'),
  );
  return first?.bullet === true && Math.abs(first.y - b.y) <= 0.5 * b.size;
}

/**
 * The entries of a contents list: the lines after a "Contents" line on its page, set alike and
 * evenly spaced. They stay on consecutive lines with no blank between them, as the plan reader
 * knows a contents list (entries without page numbers would otherwise read as headings).
 */
function contentsEntries(lines: readonly PageLine[]): Set<PageLine> {
  const found = new Set<PageLine>();
  lines.forEach((line, i) => {
    if (line.text.trim().toLowerCase() !== 'contents') return;
    const first = lines[i + 1];
    if (!first || first.page !== line.page) return;
    found.add(first);
    let spacing: number | null = null;
    for (let k = i + 2; k < lines.length; k++) {
      const a = lines[k - 1] as PageLine;
      const b = lines[k] as PageLine;
      const gap = a.y - b.y;
      if (b.page !== line.page || Math.abs(b.size - first.size) > 0.5 || gap <= 0) break;
      if (spacing !== null && gap > 1.8 * spacing) break;
      spacing ??= gap;
      found.add(b);
    }
  });
  return found;
}

/** A heading wrapped over lines, on one line: the plan reader knows a heading by its whole text. */
function mergeHeadings(lines: readonly PageLine[], heading: (l: PageLine) => boolean): PageLine[] {
  const out: PageLine[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (
      last &&
      heading(last) &&
      heading(line) &&
      last.page === line.page &&
      Math.abs(last.size - line.size) < 0.5 &&
      last.y - line.y > 0 &&
      last.y - line.y <= 1.6 * line.size
    )
      out[out.length - 1] = { ...last, text: `${last.text} ${line.text}`, x1: line.x1, y: line.y };
    else out.push(line);
  }
  return out;
}
