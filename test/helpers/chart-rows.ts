import type { ChartContext } from '../../src/charts/index.ts';
import type { BenchmarkRow, Benchmarks, Plan } from '../../src/model/index.ts';
import { TEMPLATES } from './views.ts';

/**
 * A benchmark row made from a real one with chosen fields changed, so a chart test can set up ties,
 * shared levels or comparators of a kind the seeds do not have, without spelling out every column.
 */
export function rowLike(base: BenchmarkRow, changes: Partial<BenchmarkRow>): BenchmarkRow {
  return { ...base, ...changes };
}

/** A chart context over the given rows, with the run's plans, for edition 2023 unless told. */
export function contextOf(
  benchmarks: Benchmarks,
  plans: readonly Plan[],
  rows: readonly BenchmarkRow[],
  highlight: ChartContext['highlight'] = null,
  edition = 2023,
): ChartContext {
  return { edition, words: TEMPLATES, plans, benchmarks: { ...benchmarks, rows: [...rows] }, highlight };
}

/** A vertical line drawn in a Vega SVG, at its place on the page. */
export interface VerticalLine {
  x: number;
  y1: number;
  y2: number;
  width: number;
}

/**
 * Every vertical line of the given stroke colour in a Vega SVG (a rule mark such as a comparator
 * line), group translations accumulated as in `textBoxes`, so it can be set against the text.
 */
export function verticalLines(svg: string, stroke: string): VerticalLine[] {
  const lines: VerticalLine[] = [];
  const stack: Array<[number, number]> = [[0, 0]];
  const tag = /<(\/?)(g|line)\b([^>]*)>/g;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const [, closing, name, attrs = ''] = m;
    const [ox, oy] = stack[stack.length - 1] ?? [0, 0];
    if (name === 'g') {
      if (closing) stack.pop();
      else if (!attrs.endsWith('/')) {
        const t = /transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(attrs);
        stack.push(t ? [ox + Number(t[1]), oy + Number(t[2])] : [ox, oy]);
      }
      continue;
    }
    if (closing || !attrs.includes(`stroke="${stroke}"`)) continue;
    const t = /transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(attrs);
    const x2 = Number(/\bx2="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    const y2 = Number(/\by2="([-\d.]+)"/.exec(attrs)?.[1] ?? 0);
    if (x2 !== 0) continue;
    const x = ox + Number(t?.[1] ?? 0);
    const y = oy + Number(t?.[2] ?? 0);
    lines.push({
      x,
      y1: Math.min(y, y + y2),
      y2: Math.max(y, y + y2),
      width: Number(/stroke-width="([\d.]+)"/.exec(attrs)?.[1] ?? 1),
    });
  }
  return lines;
}
