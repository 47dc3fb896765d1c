import { textWidth } from './measure-text.ts';

export interface LabelPoint {
  key: string;
  /** Pixel position of the point in its panel, origin top-left. */
  x: number;
  y: number;
  /** Lines separated by \n. */
  text: string;
}

export interface PlacedLabel {
  key: string;
  text: string;
  /** Pixel position of the text anchor (vertical middle). */
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
  box: Box;
  /** True when no free position was found and the label overlaps another or leaves the panel. */
  crowded: boolean;
  /** True when the label had to move away from its point, so a leader line should join them. */
  leader: boolean;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const GAP = 4;

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1)) *
  Math.max(0, Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1));

/**
 * Places one label per point so that no label covers another label or a point, trying eight
 * positions around the point at growing distances. Points are taken left to right, then top to
 * bottom, so the result depends only on the data. Vega's own label transform does this job but
 * needs a native canvas, which this tool does without.
 */
export function placeLabels(
  points: readonly LabelPoint[],
  width: number,
  height: number,
  fontSize: number,
  radius: number,
  options: { leaders: boolean } = { leaders: true },
): PlacedLabel[] {
  const pointBoxes = points.map((p) => ({
    x1: p.x - radius,
    y1: p.y - radius,
    x2: p.x + radius,
    y2: p.y + radius,
  }));
  const placed: PlacedLabel[] = [];
  const order = [...points].sort((a, b) => a.x - b.x || a.y - b.y || (a.key < b.key ? -1 : 1));
  for (const point of order) {
    const lines = point.text.split('\n');
    const h = fontSize * 1.2 * lines.length;
    const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
    let best: PlacedLabel | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    // Rings of eight positions around the point, then columns of positions straight above and
    // below it; anything beyond the first ring gets a leader line back to its point.
    const candidates: Array<[number, number, PlacedLabel['align'], boolean]> = [];
    const rings = options.leaders ? [GAP, GAP + 8, GAP + 18] : [GAP];
    for (const [ring, distance] of rings.entries()) {
      const d = radius + distance;
      const far = ring > 0;
      candidates.push(
        [point.x + d, point.y, 'left', far],
        [point.x - d, point.y, 'right', far],
        [point.x, point.y - d - h / 2, 'center', far],
        [point.x, point.y + d + h / 2, 'center', far],
        [point.x + d * 0.7, point.y - d * 0.7 - h / 2, 'left', far],
        [point.x + d * 0.7, point.y + d * 0.7 + h / 2, 'left', far],
        [point.x - d * 0.7, point.y - d * 0.7 - h / 2, 'right', far],
        [point.x - d * 0.7, point.y + d * 0.7 + h / 2, 'right', far],
      );
    }
    for (let k = 1; k <= (options.leaders ? 6 : 0); k++) {
      const d = radius + GAP + k * h;
      candidates.push(
        [point.x, point.y - d - h / 2, 'center', true],
        [point.x, point.y + d + h / 2, 'center', true],
      );
    }
    for (const [x, y, align, leader] of candidates) {
      const x1 = align === 'left' ? x : align === 'right' ? x - w : x - w / 2;
      const box = { x1, y1: y - h / 2, x2: x1 + w, y2: y + h / 2 };
      const outside =
        Math.max(0, -box.x1) +
        Math.max(0, box.x2 - width) +
        Math.max(0, -box.y1) +
        Math.max(0, box.y2 - height);
      const cost =
        outside * 100 +
        placed.reduce((c, p) => c + overlap(p.box, box), 0) +
        pointBoxes.reduce((c, b) => c + overlap(b, box), 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = { key: point.key, text: point.text, x, y, align, box, crowded: cost > 0, leader };
      }
      if (cost === 0) break;
    }
    if (best) placed.push(best);
  }
  return placed;
}

/** A stretch of a row, in pixels, that a label may not cover: a line crossing the row, a mark. */
export interface Span {
  x1: number;
  x2: number;
}

export interface RowLabel {
  /** Where the label would start to the right of its mark, and end to the left of it, in pixels. */
  right: number;
  left: number;
  width: number;
  /** The side it goes on unless something is in the way. */
  side: 'left' | 'right';
  /** Whether the other side of the mark is free for it (not, say, the bar the mark ends). */
  flip: boolean;
}

export interface RowPlace {
  /** The label's anchor: its left end when aligned left, its right end when aligned right. */
  x: number;
  align: 'left' | 'right';
  /** False when every place tried covers something. */
  clear: boolean;
}

/**
 * Places a label on its mark's row so that it covers none of `blocked` (comparator lines crossing
 * the row, the row's other marks and labels): beside the mark on its own side if that is clear;
 * else beside it on the other side, where the label may go there; else moved outwards along its
 * own side just past whatever is in the way, and only then along the other side. Places inside
 * 0–`width` are taken first; a label left with no clear place stays beside its mark.
 */
export function placeOnRow(label: RowLabel, blocked: readonly Span[], width: number): RowPlace {
  const along = (side: 'left' | 'right') => {
    if (side === 'right') {
      const starts = [label.right, ...blocked.map((b) => b.x2).filter((x) => x > label.right)];
      return [...new Set(starts)]
        .sort((a, b) => a - b)
        .map((x) => ({ x, align: 'left' as const, x1: x, x2: x + label.width }));
    }
    const ends = [label.left, ...blocked.map((b) => b.x1).filter((x) => x < label.left)];
    return [...new Set(ends)]
      .sort((a, b) => b - a)
      .map((x) => ({ x, align: 'right' as const, x1: x - label.width, x2: x }));
  };
  const other = label.side === 'right' ? 'left' : 'right';
  const own = along(label.side);
  const flipped = label.flip ? along(other) : [];
  const clear = (c: { x1: number; x2: number }) => !blocked.some((b) => b.x1 < c.x2 && c.x1 < b.x2);
  const inside = (c: { x1: number; x2: number }) => c.x1 >= 0 && c.x2 <= width;
  const beside = own[0] as (typeof own)[number];
  const found =
    [beside, ...flipped.slice(0, 1)].find((c) => clear(c) && inside(c)) ??
    [...own.slice(1), ...flipped.slice(1)].find((c) => clear(c) && inside(c)) ??
    [...own, ...flipped].find(clear);
  const place = found ?? beside;
  return { x: place.x, align: place.align, clear: found !== undefined };
}
