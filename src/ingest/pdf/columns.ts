import { isBulletMark } from './bullets.ts';
import { isBlank, rowSize } from './lines.ts';
import type { Run } from './types.ts';

/** Runs closer than this share of the font size belong to one stretch of text on a row. */
const BRIDGE = 0.8;
/** Rows whose text starts at one x (within this many points) share a left edge. */
const EDGE_TOLERANCE = 2;
/** A gutter is at least this wide, as a share of the font size (a justified word space is less). */
const MIN_GUTTER = 1.1;
/** Of the rows with text right of a gutter, at least this share start at its edge (or just in from it). */
const MIN_ALIGNED = 0.6;
/** A column's text is at least this share of the text area wide (narrower: a table's numbers). */
const MIN_COLUMN_SHARE = 0.2;
/** Columns nested in columns (lists side by side inside a column) are looked for this deep. */
const MAX_DEPTH = 3;

interface Segment {
  x0: number;
  x1: number;
}

/**
 * Stretches of text on a row: runs joined across gaps narrower than a word space or two, and
 * across a space drawn between them however wide justification made it.
 */
function segments(row: readonly Run[]): Segment[] {
  const out: Segment[] = [];
  let spaced = false;
  let marked = false;
  for (const run of row) {
    // A bullet may hang into the gutter: neither it nor the space after it joins two stretches.
    if (isBulletMark(run)) {
      marked = true;
      spaced = false;
      continue;
    }
    if (isBlank(run)) {
      spaced = out.length > 0 && !marked;
      continue;
    }
    marked = false;
    const last = out[out.length - 1];
    const x1 = run.x + run.width;
    if (last && (spaced || run.x - last.x1 <= BRIDGE * run.size)) last.x1 = Math.max(last.x1, x1);
    else out.push({ x0: run.x, x1 });
    spaced = false;
  }
  return out;
}

/** Nothing on the row is drawn across the gutter's middle. */
const clearAt = (segs: readonly Segment[], split: number) => !segs.some((s) => s.x0 < split && s.x1 > split);

/** Which side of which gutter a row stands: bands are numbered in the order they are found on a page. */
export interface Side {
  band: number;
  side: 'left' | 'right';
}

/** A row of one column, with how far right that column's text reaches and which columns it is in. */
export interface ColumnRow {
  runs: Run[];
  /** Where the column's text starts and ends. */
  left: number;
  right: number;
  /** Outermost band first; empty for a row across the page. */
  sides: Side[];
}

/** A gutter found on a page: where its middle is, and where the column right of it starts. */
export interface Gutter {
  split: number;
  edge: number;
}

interface Band {
  /** The x that divides the columns: the middle of the gutter. */
  split: number;
  /** Where the right-hand column's text starts. */
  edge: number;
  from: number;
  to: number;
}

/**
 * Rows in reading order, each split at the gutters it stands across: a page is read band by band
 * from the top, and a band set in columns is read column by column. A gutter is found where
 * several rows' text starts at one x, well clear of the text to its left, and no row of the band
 * is drawn across it; a row drawn across it (a heading, a full-width paragraph) ends the band. Two
 * columns share baselines, so rows are split before any line is built: a line never runs over a
 * gutter.
 */
export function readingOrder(rows: readonly Run[][], known: Gutter[] = []): ColumnRow[] {
  let bands = 0;
  const order = (part: readonly Run[][], depth: number): ColumnRow[] => {
    const band =
      depth >= MAX_DEPTH
        ? null
        : ((part.length >= 3 ? bestBand(part) : null) ?? (depth === 0 ? knownBand(part, known) : null));
    if (!band) {
      const printed = part.flatMap((row) => row.filter((r) => !isBlank(r)));
      const left = Math.min(...printed.map((r) => r.x));
      const right = Math.max(...printed.map((r) => r.x + r.width));
      return part.map((runs) => ({ runs: [...runs], left, right, sides: [] }));
    }
    const id = bands++;
    if (depth === 0 && !known.some((g) => Math.abs(g.edge - band.edge) <= EDGE_TOLERANCE))
      known.push({ split: band.split, edge: band.edge });
    const left: Run[][] = [];
    const right: Run[][] = [];
    for (const row of part.slice(band.from, band.to + 1)) {
      const [l, r] = splitRow(row, band.split);
      if (l.length > 0) left.push(l);
      if (r.length > 0) right.push(r);
    }
    const within = (rows: ColumnRow[], side: Side['side']) =>
      rows.map((row) => ({ ...row, sides: [{ band: id, side }, ...row.sides] }));
    return [
      ...order(part.slice(0, band.from), depth),
      ...within(order(left, depth + 1), 'left'),
      ...within(order(right, depth + 1), 'right'),
      ...order(part.slice(band.to + 1), depth),
    ];
  };
  return order(rows, 0);
}

/**
 * A row's runs left and right of a gutter; a space drawn at the split goes with neither, and a
 * bullet goes with the text it marks.
 */
function splitRow(row: readonly Run[], split: number): [Run[], Run[]] {
  const side = (r: Run, i: number): 'left' | 'right' | null => {
    if (isBlank(r)) return r.x + r.width > split && r.x < split ? null : r.x < split ? 'left' : 'right';
    if (isBulletMark(r)) {
      const next = row.slice(i + 1).find((n) => !isBlank(n) && !isBulletMark(n));
      if (next && next.x - (r.x + r.width) < 3 * r.size)
        return next.x + next.width / 2 < split ? 'left' : 'right';
    }
    return r.x + r.width / 2 < split ? 'left' : 'right';
  };
  const sides = row.map(side);
  return [row.filter((_, i) => sides[i] === 'left'), row.filter((_, i) => sides[i] === 'right')];
}

/** The largest band of rows set in two columns at one gutter, if the rows hold one. */
function bestBand(rows: readonly Run[][]): Band | null {
  const segs = rows.map(segments);
  const all = segs.flat();
  if (all.length === 0) return null;
  const textLeft = Math.min(...all.map((s) => s.x0));
  const textRight = Math.max(...all.map((s) => s.x1));
  const minWidth = MIN_COLUMN_SHARE * (textRight - textLeft);
  // Candidate right-column edges: where a stretch of text starts well in from the left of the text.
  const starts = segs
    .flatMap((row) => row.map((s) => s.x0))
    .filter((x) => x - textLeft >= minWidth)
    .sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of starts) {
    const last = edges[edges.length - 1];
    if (last === undefined || x - last > EDGE_TOLERANCE) edges.push(x);
  }
  let best: (Band & { rows: number }) | null = null;
  for (const edge of edges) {
    const split = gutterMiddle(rows, segs, edge);
    if (split === null) continue;
    let from = -1;
    for (let i = 0; i <= segs.length; i++) {
      const row = segs[i];
      if (row && clearAt(row, split)) {
        if (from === -1) from = i;
        continue;
      }
      if (from !== -1) {
        const band = trimmed(rows, segs, from, i - 1, edge, split, minWidth);
        if (band && (!best || band.to - band.from + 1 > best.rows))
          best = { ...band, rows: band.to - band.from + 1 };
        from = -1;
      }
    }
  }
  return best;
}

/**
 * Rows set in the columns of a page before, too few to show the gutter themselves: the end of a
 * paragraph balanced over two columns at the top of a page ("…Lead), Police and" beside "Crime
 * Commission"). A band of rows clear of a known gutter, each with its right-hand text starting
 * at that gutter's edge.
 */
function knownBand(rows: readonly Run[][], known: readonly Gutter[]): Band | null {
  const segs = rows.map(segments);
  let best: Band | null = null;
  for (const gutter of known) {
    let from = -1;
    for (let i = 0; i <= segs.length; i++) {
      const row = segs[i];
      const right = row?.filter((s) => s.x0 >= gutter.split) ?? [];
      const fits =
        row !== undefined &&
        clearAt(row, gutter.split) &&
        right.every((s, k) => k > 0 || Math.abs(s.x0 - gutter.edge) <= EDGE_TOLERANCE);
      if (fits) {
        if (from === -1) from = i;
        continue;
      }
      if (from !== -1) {
        const band = rows.slice(from, i);
        const sided = (side: 'left' | 'right') =>
          segs
            .slice(from, i)
            .some((r) => r.some((s) => (side === 'left' ? s.x1 <= gutter.split : s.x0 >= gutter.split)));
        if (
          sided('left') &&
          sided('right') &&
          band.length > 0 &&
          (!best || i - from > best.to - best.from + 1)
        )
          best = { ...gutter, from, to: i - 1 };
        from = -1;
      }
    }
  }
  return best;
}

/**
 * Where a gutter left of `edge` has its middle: halfway from the farthest-right end of text left
 * of the edge, among the rows from the first to the last that start at the edge. Null when fewer
 * than three rows start there, or the space left of them is no wider than a justified word space.
 */
function gutterMiddle(rows: readonly Run[][], segs: readonly Segment[][], edge: number): number | null {
  const starting = segs.flatMap((row, i) =>
    row.some((s) => Math.abs(s.x0 - edge) <= EDGE_TOLERANCE) ? [i] : [],
  );
  if (starting.length < 3) return null;
  let leftEnd = -Infinity;
  let size = 0;
  for (let i = starting[0] as number; i <= (starting[starting.length - 1] as number); i++) {
    size = Math.max(size, rowSize(rows[i] ?? []));
    for (const s of segs[i] ?? []) if (s.x1 < edge - EDGE_TOLERANCE) leftEnd = Math.max(leftEnd, s.x1);
  }
  if (leftEnd === -Infinity || edge - leftEnd < MIN_GUTTER * size) return null;
  return (leftEnd + edge) / 2;
}

/**
 * Rows from..to, all clear of the gutter, narrowed to where the columns have text: a short line
 * below the columns, after a wider gap than the left column's lines leave, is part of the page's
 * flow, not of the left column. Null when the two sides are not both columns of text (page
 * numbers beside contents entries are not), or the right side's text does not start at the edge.
 */
function trimmed(
  rows: readonly Run[][],
  segs: readonly Segment[][],
  from: number,
  to: number,
  edge: number,
  split: number,
  minWidth: number,
): Band | null {
  const rightRows: number[] = [];
  const leftRows: number[] = [];
  let rightWidth = 0;
  let leftWidth = 0;
  let aligned = 0;
  for (let i = from; i <= to; i++) {
    const row = segs[i] ?? [];
    const r = row.filter((s) => s.x0 >= split);
    const l = row.filter((s) => s.x1 <= split);
    if (r.length > 0) {
      rightRows.push(i);
      rightWidth = Math.max(rightWidth, Math.max(...r.map((s) => s.x1)) - edge);
      // A heading hung into the gutter, or a block indented in the column, still starts near its edge.
      if (Math.abs((r[0] as Segment).x0 - edge) <= 2 * rowSize(rows[i] ?? [])) aligned++;
    }
    if (l.length > 0) {
      leftRows.push(i);
      leftWidth = Math.max(leftWidth, split - Math.min(...l.map((s) => s.x0)));
    }
  }
  if (rightRows.length < 2 || leftRows.length < 2 || rightWidth < minWidth || leftWidth < minWidth)
    return null;
  if (aligned < MIN_ALIGNED * rightRows.length) return null;
  const y = (i: number) => rows[i]?.[0]?.y ?? 0;
  const gaps = leftRows.slice(1).map((row, k) => y(leftRows[k] as number) - y(row));
  gaps.sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  // The left column may run on below the right one's last line (snaking text fills left first).
  let last = rightRows[rightRows.length - 1] as number;
  while (last < to && y(last) - y(last + 1) <= 1.6 * usual) last++;
  return { split, edge, from: rightRows[0] as number, to: last };
}

/** Font size of most of the rows' text: the body size. */
export function bodySize(rows: readonly Run[][]): number {
  const weight = new Map<number, number>();
  for (const row of rows) {
    const size = rowSize(row);
    const letters = row.reduce((n, r) => n + r.text.trim().length, 0);
    weight.set(size, (weight.get(size) ?? 0) + letters);
  }
  let best = 0;
  let most = -1;
  for (const [size, n] of weight) if (n > most) [best, most] = [size, n];
  return best;
}
