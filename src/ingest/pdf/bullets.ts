import { isBlank } from './lines.ts';
import type { Box, Run } from './types.ts';

/** Characters set as bullets in running text. */
const BULLET_GLYPHS = '•▪■○●◦‣⁃·»▫□◆◇►▸';
// Bullets of the Symbol and Wingdings fonts as pdfjs reports them without a character map: in the
// private-use area (U+F0xx) or as the letters those fonts put the shapes under.
const SYMBOL_BULLETS = new Set([0xf0b7, 0xf0a7, 0xf06c, 0xf06e, 0xf071, 0xf075, 0xf076, 0xf0d8, 0xf0a8]);
const SYMBOL_BULLET_LETTERS = 'lnquv§Øü·•';
/**
 * Pictures set as characters: dingbats, miscellaneous symbols, emoji, and the private-use area
 * icon fonts draw from. A reader of the page sees an icon, not a letter; none is text of the plan.
 */
const ICON = /[\u2600-\u27bf\u2b00-\u2bff\ue000-\uf8ff\u{1f000}-\u{1faff}]/gu;

/** A run that is nothing but icons: dropped before lines and columns are found. */
export const isIconRun = (run: Run) =>
  !run.symbol && run.text.replace(ICON, '').trim() === '' && run.text.trim() !== '';

const isBulletChar = (ch: string, symbolFont: boolean) => {
  const code = ch.codePointAt(0) ?? 0;
  if (SYMBOL_BULLETS.has(code)) return true;
  return symbolFont ? SYMBOL_BULLET_LETTERS.includes(ch) : BULLET_GLYPHS.includes(ch);
};

/** A run that is a bullet character and nothing else (set before the text it marks). */
export const isBulletMark = (run: Run) => {
  const t = run.text.trim();
  return [...t].length === 1 && isBulletChar(t, run.symbol);
};

/** A mark drawn by a symbol font or from the private-use area: a bullet or an icon. */
const isPictureMark = (run: Run) => run.symbol || /^\s*[\ue000-\uf8ff]/u.test(run.text);

/** What identifies a mark at the start of a line: its character. */
export const markKey = (run: Run) => run.text.trim().slice(0, 1);

/** How many lines of a page each picture mark starts, for takeBullet. */
export function lineMarks(rows: ReadonlyArray<readonly Run[]>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const first = row.find((r) => !isBlank(r));
    if (first && isPictureMark(first)) counts.set(markKey(first), (counts.get(markKey(first)) ?? 0) + 1);
  }
  return counts;
}

export interface Bulleted {
  runs: Run[];
  bullet: boolean;
}

/**
 * A line's runs with its bullet taken off and icons dropped. A bullet is a bullet character at
 * the start of the line with text after it, or a small filled shape just left of the line's
 * first letter and level with its lower half; each shape marks one line. Any other glyph of a
 * symbol font, and any dingbat or icon character, is dropped: the stray "Q" of an icon set in
 * Wingdings is not text.
 */
export function takeBullet(
  line: readonly Run[],
  shapes: readonly Box[],
  used: Set<Box>,
  marks: ReadonlyMap<string, number> = new Map(),
): Bulleted {
  const first = line.findIndex((r) => !isBlank(r));
  const runs: Run[] = [];
  let bullet = false;
  line.forEach((run, i) => {
    if (isBlank(run)) {
      runs.push(run);
      return;
    }
    let text = run.text;
    if (i === first) {
      const mark = /^\s*(\S)\s*/u.exec(text);
      const ch = mark?.[1] ?? '';
      const rest = text.slice(mark?.[0].length ?? 0);
      const after = line.slice(i + 1).find((r) => !isBlank(r));
      const textAfter = rest.trim() !== '' || after !== undefined;
      // A symbol font's picture marks items only where it starts more than one line of the page:
      // alone, it is an icon beside a label.
      const listed = !isPictureMark(run) || (marks.get(markKey(run)) ?? 0) >= 2;
      // Word's second-level bullet: an "o" in a font of its own, set apart from the text.
      const letterO =
        run.text.trim() === 'o' && after !== undefined && after.x - (run.x + run.width) > 0.3 * run.size;
      if (mark && textAfter && ((isBulletChar(ch, run.symbol) && listed) || letterO)) {
        bullet = true;
        text = rest;
      }
    }
    if (run.symbol) return;
    text = text.replace(ICON, '');
    if (text.trim() === '') return;
    // The run keeps its place; only the characters dropped from its start move its left end.
    const cut = run.text.length - text.length;
    const shift = text === run.text ? 0 : (run.width * cut) / Math.max(1, run.text.length);
    runs.push({ ...run, text, x: run.x + (run.text.startsWith(text) ? 0 : shift) });
  });
  const start = runs.find((r) => !isBlank(r));
  if (!bullet && start) {
    const size = start.size;
    const shape = shapes.find(
      (s) =>
        !used.has(s) &&
        s.x1 <= start.x + 1 &&
        s.x1 >= start.x - 3 * size &&
        s.y1 - s.y0 <= size &&
        (s.y0 + s.y1) / 2 >= start.y - 0.2 * size &&
        (s.y0 + s.y1) / 2 <= start.y + 0.9 * size,
    );
    if (shape) {
      used.add(shape);
      bullet = true;
    }
  }
  return { runs, bullet };
}
