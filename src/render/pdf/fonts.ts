import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { isBidiControl } from '../../format/bidi.ts';
import { inRoboto } from './coverage.ts';
import { ZERO_WIDTH_CHARS, zeroWidthFont } from './zero-width-font.ts';

const require = createRequire(import.meta.url);

/**
 * The PDFs are set in Helvetica, one of the fonts every PDF reader carries, so nothing is embedded
 * or shaped: the charts were laid out with Helvetica's widths (src/charts/measure-text.ts), and
 * the profile showed font parsing and shaping at a quarter of PDF time. Helvetica is written in
 * the WinAnsi encoding; any character outside it is set in Roboto, embedded as shipped in the
 * pdfmake package, which covers far more. Two characters are common enough to treat apart:
 * - the minus sign of every negative gap is drawn as Helvetica's en dash, the usual stand-in where
 *   a font has no minus: a Roboto glyph would sit on Roboto's taller ascender and push its line
 *   (a table cell, say) about two points below its neighbours;
 * - zero-width characters (the spaces that let long sources wrap) are set in a font of their own
 *   (zero-width-font.ts), which is nothing else, at 1pt so that they open no extra line height.
 */
export const BODY_FONT = 'Helvetica';
export const FALLBACK_FONT = 'Roboto';
export const ZERO_WIDTH_FONT = 'ZeroWidth';

// The name pdfmake finds the zero-width font under in its virtual file system.
const ZERO_WIDTH_FILE = 'zero-width.ttf';

/** Fonts made in memory, by the name pdfmake finds them under in its virtual file system. */
export const VIRTUAL_FONTS: Record<string, () => Buffer> = { [ZERO_WIDTH_FILE]: zeroWidthFont };

const robotoDir = () => join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');

export function fontTable(): Record<string, Record<string, string>> {
  const roboto = robotoDir();
  return {
    [BODY_FONT]: {
      normal: 'Helvetica',
      bold: 'Helvetica-Bold',
      italics: 'Helvetica-Oblique',
      bolditalics: 'Helvetica-BoldOblique',
    },
    [FALLBACK_FONT]: {
      normal: join(roboto, 'Roboto-Regular.ttf'),
      bold: join(roboto, 'Roboto-Medium.ttf'),
      italics: join(roboto, 'Roboto-Italic.ttf'),
      bolditalics: join(roboto, 'Roboto-MediumItalic.ttf'),
    },
    [ZERO_WIDTH_FONT]: {
      normal: ZERO_WIDTH_FILE,
      bold: ZERO_WIDTH_FILE,
      italics: ZERO_WIDTH_FILE,
      bolditalics: ZERO_WIDTH_FILE,
    },
  };
}

// Windows-1252 above ASCII: the code points WinAnsiEncoding gives a glyph in 0x80-0x9F, then Latin-1.
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const WIN_ANSI = new Set<number>([
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i).filter((c) => c !== 0xad),
  ...[...WIN_ANSI_EXTRA].map((c) => c.codePointAt(0) as number),
]);

function inBodyFont(char: string): boolean {
  return WIN_ANSI.has(char.codePointAt(0) as number);
}

// The soft hyphen marks where a word may break, unseen unless it does: a zero-width space keeps the
// break and shows nothing, where any font would draw a hyphen wherever it sits.
const STAND_INS: Record<string, string> = { '\u2212': '\u2013', '\u00ad': '\u200b' };
// The characters the zero-width font draws, so a run set in it never holds anything else.
const ZERO_WIDTH = new Set(ZERO_WIDTH_CHARS.map((code) => String.fromCodePoint(code)));

type RunKind = 'body' | 'fallback' | 'zero-width';

/**
 * Whether the PDF shows a character: Helvetica draws it, or its stand-in, or it is a zero-width
 * character (drawn as nothing, as meant), or Roboto has a glyph for it (its cmap, coverage.ts).
 * A bidirectional control is left out (fontRuns), so it needs no glyph. Anything else is drawn as
 * an empty box or a gap: ingest warns where a document holds such a character.
 */
export function pdfCanDraw(original: string): boolean {
  const char = STAND_INS[original] ?? original;
  return (
    inBodyFont(char) || ZERO_WIDTH.has(char) || isBidiControl(char) || inRoboto(char.codePointAt(0) as number)
  );
}

/**
 * Text as runs: what Helvetica draws (stand-ins applied), what Roboto must, and what is invisible.
 * Bidirectional controls are left out: pdfkit does not reorder text, and would draw each as a space.
 */
export function fontRuns(text: string): { text: string; kind: RunKind }[] {
  const runs: { text: string; kind: RunKind }[] = [];
  for (const original of text) {
    if (isBidiControl(original)) continue;
    const char = STAND_INS[original] ?? original;
    const kind: RunKind = inBodyFont(char) ? 'body' : ZERO_WIDTH.has(char) ? 'zero-width' : 'fallback';
    const last = runs.at(-1);
    if (last && last.kind === kind) last.text += char;
    else runs.push({ text: char, kind });
  }
  return runs;
}
