import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { ZERO_WIDTH_CHARS, zeroWidthFont } from '../../src/render/pdf/zero-width-font.ts';

// fontkit is what pdfkit lays text out with: the font must read as it expects.
interface Glyph {
  id: number;
  advanceWidth: number;
  path: { commands: unknown[] };
}
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(bytes: Buffer): {
    postscriptName: string;
    unitsPerEm: number;
    numGlyphs: number;
    glyphForCodePoint(code: number): Glyph;
    layout(text: string): { glyphs: Glyph[]; positions: { xAdvance: number }[] };
  };
};

function sum(bytes: Buffer): number {
  const padded = Buffer.concat([bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4)]);
  let total = 0;
  for (let i = 0; i < padded.length; i += 4) total = (total + padded.readUInt32BE(i)) >>> 0;
  return total;
}

describe('the zero-width font', () => {
  const bytes = zeroWidthFont();

  it('maps every zero-width character to an empty glyph with no advance', () => {
    const font = fontkit.create(bytes);
    expect(font.postscriptName).toBe('ZeroWidth');
    expect(font.unitsPerEm).toBe(1000);
    expect(font.numGlyphs).toBe(2);
    for (const code of ZERO_WIDTH_CHARS) {
      const glyph = font.glyphForCodePoint(code);
      expect(glyph.id).toBe(1);
      expect(glyph.advanceWidth).toBe(0);
      expect(glyph.path.commands).toEqual([]);
    }
    const run = font.layout('\u200b\u200c\u200d\u2060\ufeff');
    expect(run.positions.map((p) => p.xAdvance)).toEqual([0, 0, 0, 0, 0]);
  });

  it('has correct table checksums and whole-font checksum, as font readers check', () => {
    const tables = bytes.readUInt16BE(4);
    expect(tables).toBe(10);
    const tags: string[] = [];
    for (let i = 0; i < tables; i++) {
      const record = 12 + i * 16;
      const tag = bytes.toString('latin1', record, record + 4);
      tags.push(tag);
      const offset = bytes.readUInt32BE(record + 8);
      const body = Buffer.from(bytes.subarray(offset, offset + bytes.readUInt32BE(record + 12)));
      if (tag === 'head') body.writeUInt32BE(0, 8); // the adjustment is left out of head's own sum
      expect(bytes.readUInt32BE(record + 4), tag).toBe(sum(body));
    }
    expect(tags).toEqual([...tags].sort());
    expect(sum(bytes)).toBe(0xb1b0afba);
  });

  it('is the same bytes on every build', async () => {
    // A fresh module instance builds it again from scratch.
    vi.resetModules();
    const again = await import('../../src/render/pdf/zero-width-font.ts');
    expect(again.zeroWidthFont).not.toBe(zeroWidthFont);
    expect(Buffer.compare(again.zeroWidthFont(), bytes)).toBe(0);
  });
});
