import type { Table } from '../view/schema.ts';

/**
 * Column widths that fit the page. pdfmake's own 'auto' and '*' widths do not: when the columns'
 * narrowest widths add up to more than the page, it sets every column at its narrowest and lets
 * the table run off the right edge, and it gives every '*' column the narrowest width of the
 * widest of them. The twelve-column chart tables lost their last three columns that way. Here
 * each column's narrowest and widest widths are measured once, from Helvetica's advance widths,
 * and the table gets fixed widths that always add up to no more than the page: at the body's 8 pt
 * with pdfmake's usual gaps if it fits, else with narrower gaps and smaller type. pdfmake splits
 * a word that is wider than its column, so fixed widths can never run off the page.
 */

/** Advance widths of Helvetica and Helvetica-Bold, 1/1000 em, printable ASCII (WinAnsi). */
const REGULAR = widths(
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584',
);
const BOLD = widths(
  '278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584',
);
/** Characters common in the reports beyond ASCII, the same in both weights. */
const OTHER: Record<string, number> = {
  '\u200b': 0,
  '\u00ad': 0,
  '–': 556,
  '−': 556, // drawn as the en dash (fonts.ts)
  '—': 1000,
  '‘': 278,
  '’': 278,
  '“': 500,
  '”': 500,
  '£': 556,
  '€': 556,
  '…': 1000,
  '×': 584,
  '°': 400,
};
/** Any other character: a full em, wider than any Helvetica letter, so never too narrow. */
const UNKNOWN = 1000;
/**
 * pdfmake applies Helvetica's kerning pairs, a few of which widen ("r" before "t" by 40 units):
 * measured widths are taken this much wider, plus a hair for rounding.
 */
const KERNING = 1.04;
const SLACK = 0.5;

function widths(list: string): number[] {
  return list.split(',').map(Number);
}

/** Width in ems, and whether every character's width was known. */
function ems(text: string, bold: boolean): { width: number; known: boolean } {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  let known = true;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 32 && code <= 126) units += table[code - 32] ?? UNKNOWN;
    else if (ch in OTHER) units += OTHER[ch] ?? UNKNOWN;
    else {
      units += UNKNOWN;
      known = false;
    }
  }
  return { width: (units / 1000) * KERNING, known };
}

/**
 * Pieces a line may not break inside: split after spaces, after zero-width spaces (breaks.ts puts
 * them in long tokens), and after a hyphen or slash before a letter ("north-|east",
 * "charts/|london"), as the Unicode line breaking rules pdfmake follows do. Anywhere else a
 * piece is taken as unbreakable, which can only overstate what a column needs.
 */
const PIECES = /(?<=[\s\u200b])|(?<=[-/])(?=\p{L})/u;

interface Measure {
  /** Narrowest width without splitting a word, in ems. */
  min: number;
  /** Width on one line, in ems. */
  max: number;
  known: boolean;
}

function measure(text: string, bold: boolean): Measure {
  const line = ems(text.trim(), bold);
  let min = 0;
  if (line.width > 0)
    for (const piece of text.split(PIECES)) min = Math.max(min, ems(piece.trim(), bold).width);
  return { min, max: line.width, known: line.known };
}

/** Type size and gap at each step, tried in order until the narrowest columns fit. */
export const STEPS = [
  { fontSize: 8, padding: 8 },
  { fontSize: 8, padding: 4 },
  { fontSize: 7.5, padding: 3 },
  { fontSize: 7, padding: 3 },
  { fontSize: 7, padding: 2 },
  { fontSize: 6.5, padding: 3 },
  { fontSize: 6.5, padding: 2 },
] as const;

const SHORT_CELL = 12; // characters: "March 2023", "warning"

export interface TableLayout {
  /** Width of each column's text, in points, not counting the padding either side. */
  widths: number[];
  /** Columns whose body cells are set on one line. */
  noWrap: boolean[];
  fontSize: number;
  /** Padding each side of a column, except outside the first and the last. */
  padding: number;
}

/**
 * A table's layout within `available` points. Numbers and short words (a level, a month) take the
 * width they need, short words kept on one line ("March 2023", not "March" above "2023"); the
 * longer text columns share the rest, each in proportion to the length of its text, so that their
 * cells wrap to about as many lines as each other (a long source does not make a row of ten lines
 * beside a measure name on two). No column is narrower than its longest word or wider than its
 * longest cell; what is left over goes to the text columns. If the narrowest widths do not fit at
 * 8 pt, the gaps and then the type get smaller (down to 6.5 pt); if they still do not, short
 * words may wrap too, and last the widest words are split.
 */
export function tableLayout(t: Table, available: number): TableLayout {
  const n = t.columns.length;
  // Measured once, in ems; each step scales them. The header row is bold, and each row's first cell.
  const columns = t.columns.map((c, i) => ({
    header: measure(c.label, true),
    cells: t.rows.map((r) => measure(i === 0 ? r.header : (r.cells[i - 1] ?? ''), i === 0)),
  }));
  const short = columns.map(
    ({ cells }, i) =>
      i > 0 &&
      t.rows.every((r) => (r.cells[i - 1] ?? '').length <= SHORT_CELL) &&
      cells.every((m) => m.known),
  );
  // Columns that take what is left over, as pdfmake's '*' widths did: longer text, not row headers.
  const text = t.columns.map((c, i) => i > 0 && !c.numeric && !short[i]);
  // How much text a column holds: the mean of its cells' lengths on one line, the header's included.
  const weights = columns.map(
    ({ header, cells }) => (header.max + sum(cells.map((m) => m.max))) / (cells.length + 1),
  );
  const bounds = (oneLine: boolean[]) =>
    columns.map(({ header, cells }, i) => ({
      min: Math.max(header.min, ...cells.map((m) => (oneLine[i] ? m.max : m.min))),
      max: Math.max(header.max, ...cells.map((m) => m.max)),
    }));
  const scaled = (ems: { min: number; max: number }[], step: (typeof STEPS)[number]) => ({
    room: available - step.padding * 2 * (n - 1),
    min: ems.map((c) => c.min * step.fontSize + SLACK),
    max: ems.map((c) => c.max * step.fontSize + SLACK),
  });

  const ems = bounds(short);
  for (const step of STEPS) {
    const { room, min, max } = scaled(ems, step);
    if (sum(min) > room) continue;
    const widths = share(min, max, weights, room);
    const spare = room - sum(widths);
    const sharing = text.filter(Boolean).length;
    return {
      widths: sharing > 0 ? widths.map((w, i) => (text[i] ? w + spare / sharing : w)) : widths,
      noWrap: short,
      fontSize: step.fontSize,
      padding: step.padding,
    };
  }

  // Nothing fits with short words on one line: let them wrap, and split the widest words last.
  const step = STEPS[STEPS.length - 1] as (typeof STEPS)[number];
  const { room, min, max } = scaled(bounds(short.map(() => false)), step);
  const widths =
    sum(min) <= room
      ? share(min, max, weights, room)
      : share(
          min.map(() => 0),
          min,
          min,
          room,
        );
  return { widths, noWrap: short.map(() => false), fontSize: step.fontSize, padding: step.padding };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Widths between `lo` and `hi` that add up to `room` (or to all of `hi` if that is less): each
 * column is `weight` times one common factor, held within its bounds, and the factor is found by
 * bisection. Expects sum(lo) <= room.
 */
function share(lo: number[], hi: number[], weight: number[], room: number): number[] {
  if (sum(hi) <= room) return [...hi];
  const at = (factor: number) =>
    lo.map((l, i) => Math.max(l, Math.min(factor * (weight[i] ?? 0), hi[i] ?? l)));
  let low = 0;
  let high = Math.max(...hi.map((h, i) => h / Math.max(weight[i] ?? 0, 1e-9)));
  for (let k = 0; k < 50; k++) {
    const mid = (low + high) / 2;
    if (sum(at(mid)) > room) high = mid;
    else low = mid;
  }
  return at(low);
}
