import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inArimo } from './coverage.ts';

const require = createRequire(import.meta.url);

/**
 * The PDFs are set in Arimo, embedded and subset, from the @expo-google-fonts/arimo package that
 * `npm ci` brings: no system font is needed to build them, and a reader needs none to show them
 * (PDF/UA asks for every font embedded). Arimo has Helvetica's advance widths, glyph for glyph, so
 * the charts, laid out with Helvetica's widths (src/charts/measure-text.ts), keep their layout; it
 * also covers Latin Extended (Welsh ŵ, ŷ), Greek and Cyrillic, so one font draws every text and
 * no character needs a fallback font.
 */
export const BODY_FONT = 'Arimo';

const FILES = {
  normal: '400Regular/Arimo_400Regular.ttf',
  bold: '700Bold/Arimo_700Bold.ttf',
  italics: '400Regular_Italic/Arimo_400Regular_Italic.ttf',
  bolditalics: '700Bold_Italic/Arimo_700Bold_Italic.ttf',
} as const;

const arimoDir = () => dirname(require.resolve('@expo-google-fonts/arimo/package.json'));

/** pdfmake's font table: the four Arimo files by style. */
export function fontTable(): Record<string, Record<keyof typeof FILES, string>> {
  const dir = arimoDir();
  const files = Object.fromEntries(Object.entries(FILES).map(([style, file]) => [style, join(dir, file)]));
  return { [BODY_FONT]: files as Record<keyof typeof FILES, string> };
}

/**
 * Helvetica's vertical metrics, from its AFM as pdfkit reads it (ascender, descender; the line gap
 * is FontBBox's height less the two). pdfmake sets line heights and baselines from these; Arimo's
 * own (0.905 and -0.212 em) would make every line a fifth taller and move every page break. Given
 * Helvetica's, the pages are laid out as they were when they were set in Helvetica.
 */
export const HELVETICA_METRICS = { ascender: 718, descender: -207, lineGap: 231 } as const;

// Unicode's default-ignorable code points, as fontkit (which pdfkit lays text out with) lists them.
const IGNORABLE: ReadonlyArray<readonly [number, number]> = [
  [0x00ad, 0x00ad],
  [0x034f, 0x034f],
  [0x061c, 0x061c],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xfff0, 0xfff8],
  [0xe0000, 0xe0fff],
];

function isIgnorable(char: string): boolean {
  const code = char.codePointAt(0) as number;
  return IGNORABLE.some(([first, last]) => code >= first && code <= last);
}

// Printable text below the first ignorable character, nearly all of it, is drawn as it is.
const NOT_PLAIN = /[^ -\u00ac]/;

/**
 * The characters a string draws. Default-ignorable characters (the zero-width spaces that let long
 * sources wrap, soft hyphens, joiners, bidirectional controls) draw nothing: fontkit lays each out
 * as a zero-wide space glyph, which a reader's copy of the text would then give as a space in the
 * middle of a word. They keep their work, the line break they allow, because pdfmake breaks lines
 * before this is applied, when the text is drawn.
 */
export function drawnText(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  let drawn = '';
  for (const char of text) if (!isIgnorable(char)) drawn += char;
  return drawn;
}

// Hebrew, which Arimo has: pdfkit sets every line left to right, so a right-to-left word would read
// backwards. It counts as not drawn, and ingest reports it as it does a character with no glyph.
const RIGHT_TO_LEFT: ReadonlyArray<readonly [number, number]> = [
  [0x0590, 0x05ff],
  [0xfb1d, 0xfb4f],
];

/**
 * Whether the PDF shows a character as written: Arimo has a glyph for it and it is not written
 * right to left, or it is default-ignorable (drawn as nothing, as meant). Anything else is drawn
 * as an empty box (or backwards): ingest warns where a document holds such a character.
 */
export function pdfCanDraw(char: string): boolean {
  const code = char.codePointAt(0) as number;
  if (isIgnorable(char)) return true;
  return inArimo(code) && !RIGHT_TO_LEFT.some(([first, last]) => code >= first && code <= last);
}

/** The parts of a pdfkit embedded font this module changes. */
export interface PdfkitFont {
  ascender: number;
  descender: number;
  lineGap: number;
  encode(text: string, features?: unknown): unknown;
}

const adjusted = new WeakSet<object>();

/**
 * An Arimo font as pdfkit loaded it, given Helvetica's vertical metrics and made to draw the
 * characters of `drawnText` only. Applied to each font object once; a standard font is left alone.
 */
export function asHelvetica(font: PdfkitFont): void {
  if (adjusted.has(font)) return;
  adjusted.add(font);
  Object.assign(font, HELVETICA_METRICS);
  const encode = font.encode.bind(font);
  // pdfmake draws word by word, and a report repeats its words: each is encoded once per document
  // (the font object is the document's, so is the subset the glyph numbers refer to). pdfkit only
  // reads what encode returns.
  const encoded = new Map<string, unknown>();
  font.encode = (text, features) => {
    if (features !== undefined) return encode(drawnText(text), features);
    let result = encoded.get(text);
    if (result === undefined) {
      result = encode(drawnText(text));
      encoded.set(text, result);
    }
    return result;
  };
}
