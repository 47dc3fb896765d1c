import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { characterDiagnostics } from '../../src/ingest/characters.ts';
import { ARIMO_RANGES, inArimo } from '../../src/render/pdf/coverage.ts';
import { BODY_FONT, fontTable, pdfCanDraw } from '../../src/render/pdf/fonts.ts';

// fontkit is what pdfkit lays text out with: what it finds in Arimo's cmap is what the PDF can draw.
interface Glyph {
  id: number;
}
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(bytes: Buffer): { characterSet: number[]; glyphForCodePoint(code: number): Glyph };
};

const styles = fontTable()[BODY_FONT] as Record<string, string>;

describe("the PDF's character coverage is the font's own, not a guess", () => {
  it.each(Object.entries(styles))('the Arimo ranges are exactly the cmap of Arimo %s', (_style, path) => {
    const font = fontkit.create(readFileSync(path));
    const fromFont = [...new Set(font.characterSet)].sort((a, b) => a - b);
    const fromRanges = ARIMO_RANGES.flatMap(([first, last]) =>
      Array.from({ length: last - first + 1 }, (_, i) => first + i),
    );
    expect(fromRanges).toEqual(fromFont);
    for (const code of [0x4e2d, 0x1f600, 0x0627, 0x0e01]) {
      expect(inArimo(code)).toBe(false);
      expect(font.glyphForCodePoint(code).id).toBe(0); // .notdef: the empty box
    }
    for (const code of [0x0175, 0x03b1, 0x0416, 0x20ac, 0x2212]) expect(inArimo(code)).toBe(true);
  });

  it('Arimo and the characters that draw nothing cover these, and not those (nor Hebrew, which would read backwards)', () => {
    for (const char of ['a', '£', '€', '\u2212', '\u00ad', '\u200b', 'ŵ', 'Ω', 'Ж', '\u202e'])
      expect(pdfCanDraw(char), char).toBe(true);
    // Hebrew has glyphs, but pdfkit would set it left to right, so backwards.
    for (const char of ['中', 'あ', '한', '😀', 'א', 'ע', 'ع', 'ก', 'क', '\u001b'])
      expect(pdfCanDraw(char), char).toBe(false);
  });

  it('a document in English, Welsh, Greek and Cyrillic draws a warning from no line', () => {
    expect(
      characterDiagnostics('w.txt', 'Gŵyl Ŷ – £1.5m “quoted” 5−3\nΕλλάδα Привет\u00a0x\u200b\n'),
    ).toEqual([]);
  });

  it('warnings stop at ten lines per file, then one counts the rest', () => {
    const text = Array.from({ length: 14 }, (_, i) => `line ${i} 中文`).join('\n');
    const found = characterDiagnostics('c.txt', text);
    expect(found.map((d) => d.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, undefined]);
    expect(found.at(-1)?.message).toContain('on 4 more lines');
  });
});
