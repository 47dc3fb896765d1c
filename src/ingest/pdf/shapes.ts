import type { Box } from './types.ts';

type Ops = Record<string, number>;
type Matrix = [number, number, number, number, number, number];

/** The largest side a filled shape may have and still be read as a bullet, in points. */
const MAX_SIDE = 12;
/** Specks smaller than this are anti-aliasing seams or hairlines, not bullets. */
const MIN_SIDE = 1;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // The matrix n applied inside m, as PDF's `cm` concatenates.
  return [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

const isMatrix = (v: unknown): v is Matrix =>
  Array.isArray(v) && v.length === 6 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

/**
 * Small painted shapes on a page, in page coordinates: the bullets a layout draws as discs,
 * circles and squares instead of setting a glyph. pdfjs's own bounds of a path leave out curves' points, so
 * the bounds here are taken from every point of the path (curve control points included, which
 * only widen a disc's box by a fraction) under the transform current when it was drawn.
 */
export function filledShapes(OPS: Ops, fnArray: readonly number[], argsArray: readonly unknown[]): Box[] {
  const boxes: Box[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  // Points of the paths built since the last painting operator, already in page coordinates.
  let pending: Box | null = null;
  const add = (x: number, y: number) => {
    const px = ctm[0] * x + ctm[2] * y + ctm[4];
    const py = ctm[1] * x + ctm[3] * y + ctm[5];
    if (!Number.isFinite(px) || !Number.isFinite(py)) return;
    if (pending === null) pending = { x0: px, y0: py, x1: px, y1: py };
    else {
      pending.x0 = Math.min(pending.x0, px);
      pending.y0 = Math.min(pending.y0, py);
      pending.x1 = Math.max(pending.x1, px);
      pending.y1 = Math.max(pending.y1, py);
    }
  };
  // Painted paths: filled (a disc, a square) or outlined (a circle, a hollow square).
  const paints = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
    OPS.stroke,
    OPS.closeStroke,
  ]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && isMatrix(args)) ctm = multiply(ctm, args);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = Array.isArray(args) ? args[0] : null;
      if (isMatrix(m)) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && Array.isArray(args)) pathPoints(OPS, args, add);
    else if (fn !== undefined && paints.has(fn)) {
      const box: Box | null = pending;
      pending = null;
      if (box && isBulletSized(box)) boxes.push(box);
    } else if (fn === OPS.endPath) pending = null;
  }
  return boxes;
}

function pathPoints(OPS: Ops, args: unknown[], add: (x: number, y: number) => void): void {
  const [ops, coords] = args as [unknown, unknown];
  if (!Array.isArray(ops) || !(Array.isArray(coords) || ArrayBuffer.isView(coords))) return;
  const c = coords as ArrayLike<number>;
  let j = 0;
  const take = (n: number) => {
    for (let k = 0; k < n; k += 2) add(Number(c[j + k]), Number(c[j + k + 1]));
    j += n;
  };
  for (const op of ops) {
    if (op === OPS.moveTo || op === OPS.lineTo) take(2);
    else if (op === OPS.curveTo) take(6);
    else if (op === OPS.curveTo2 || op === OPS.curveTo3) take(4);
    else if (op === OPS.rectangle) {
      const [x, y, w, h] = [c[j], c[j + 1], c[j + 2], c[j + 3]].map(Number) as [
        number,
        number,
        number,
        number,
      ];
      add(x, y);
      add(x + w, y + h);
      j += 4;
    }
  }
}

function isBulletSized(b: Box): boolean {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  return w >= MIN_SIDE && h >= MIN_SIDE && w <= MAX_SIDE && h <= MAX_SIDE && w / h < 2 && h / w < 2;
}
