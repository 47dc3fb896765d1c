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
