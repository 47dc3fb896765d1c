import type { Run } from './types.ts';

/** Runs whose baselines are this close (as a share of the font size) stand on one line. */
const BASELINE_TOLERANCE = 0.35;
/** A gap wider than this share of the font size between two runs is a space. */
const SPACE_GAP = 0.15;
/** A gap wider than this share of the font size is a tab stop (a contents entry's page number). */
const TAB_GAP = 3;

export const isBlank = (r: Run) => r.text.trim() === '';

/**
 * Runs grouped by baseline, top of the page first, each row left to right. A row may hold runs
 * of two columns that share baselines: columns.ts splits it.
 */
export function rowsOf(runs: readonly Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Array<{ y: number; size: number; runs: Run[] }> = [];
  for (const run of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - run.y) <= BASELINE_TOLERANCE * Math.max(row.size, run.size)) {
      row.runs.push(run);
      // The row's baseline is its largest text's: a superscript or a small bullet does not move it.
      if (run.size > row.size && !isBlank(run)) {
        row.size = run.size;
        row.y = run.y;
      }
    } else rows.push({ y: run.y, size: isBlank(run) ? 0 : run.size, runs: [run] });
  }
  return rows.map((r) => r.runs.sort((a, b) => a.x - b.x)).filter((r) => r.some((run) => !isBlank(run)));
}

/** The size most of a row's letters are set in. */
export function rowSize(runs: readonly Run[]): number {
  const weight = new Map<number, number>();
  for (const r of runs) {
    if (isBlank(r)) continue;
    const key = Math.round(r.size * 10) / 10;
    weight.set(key, (weight.get(key) ?? 0) + r.text.trim().length);
  }
  let best = 0;
  let most = -1;
  for (const [size, n] of weight) if (n > most || (n === most && size > best)) [best, most] = [size, n];
  return best;
}

export const rowBaseline = (runs: readonly Run[]): number => {
  const size = rowSize(runs);
  return runs.find((r) => !isBlank(r) && Math.abs(r.size - size) < 0.05)?.y ?? runs[0]?.y ?? 0;
};

/** After a hyphen, these words follow a space: "pre- and post-release", "full- or part-time". */
const SPACED_HYPHEN = /^(?:and|or|nor)\b/i;

/**
 * The text of runs on one line of one column: spaces where the runs have a space between them
 * (drawn, or a gap wider than a letter's kerning), a tab where the gap is a tab stop's. After a
 * hyphen or slash inside a word the word goes on ("Multi-Agency", "whole-prison", "and/or"): the
 * space pdfmake draws there when it justifies a line is not the writer's.
 */
export function lineText(runs: readonly Run[]): string {
  let text = '';
  let end: number | null = null;
  let spaced = false;
  let size = 0;
  for (const run of runs) {
    if (isBlank(run)) {
      spaced = text !== '';
      continue;
    }
    let own = run.text;
    if (end !== null) {
      const gap = run.x - end;
      const unit = Math.max(size, run.size);
      // A space that takes no room, where a run starts inside a word: Chromium writes one where a
      // soft hyphen did not break the line ("rehabilit| ation").
      if (Math.abs(gap) < 0.1 * unit && /\p{L}$/u.test(text) && /^\s+\p{Ll}/u.test(own))
        own = own.trimStart();
      const joined =
        /^[\p{L}\p{N}]/u.test(own) &&
        (/[\p{L}\p{N}]\/$/u.test(text) || (/[\p{L}\p{N}]-$/u.test(text) && !SPACED_HYPHEN.test(own)));
      // Punctuation set in another style than the word before it ("**education**,") follows it.
      const glued = /^[,.;:!?)\]]/u.test(own) && /[\p{L}\p{N}%)"'”’]$/u.test(text);
      if (gap > TAB_GAP * unit) text += '\t';
      else if (
        !/\s$/.test(text) &&
        !/^\s/.test(own) &&
        !joined &&
        !glued &&
        (spaced || gap > SPACE_GAP * unit)
      )
        text += ' ';
    }
    text += own;
    end = run.x + run.width;
    size = run.size;
    spaced = false;
  }
  return text.replace(/[ \u00a0]+/g, ' ').trim();
}
