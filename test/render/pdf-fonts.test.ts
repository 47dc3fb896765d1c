import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { renderPdf } from '../../src/render/index.ts';
import { BODY_FONT, drawnText, fontTable, HELVETICA_METRICS } from '../../src/render/pdf/fonts.ts';
import { svgForPdf } from '../../src/render/pdf/svg.ts';
import { tempDir } from '../helpers/cli.ts';
import { readPdf } from '../helpers/pdf.ts';

const squeeze = (text: string) => text.replace(/\s/g, '');

async function pdfOf(content: unknown[]): Promise<{ bytes: string; text: string }> {
  const buffer = await renderPdf({ content, defaultStyle: { font: BODY_FONT }, compress: false });
  const path = join(tempDir(), 'fonts.pdf');
  writeFileSync(path, buffer);
  // Text items split where words are drawn apart; compare without whitespace, as the reader joins them.
  return { bytes: buffer.toString('latin1'), text: squeeze((await readPdf(path)).text) };
}

// pdfkit reads the standard fonts' metrics from their AFM files and Arimo through fontkit.
interface PdfkitFont {
  ascender: number;
  descender: number;
  lineGap: number;
  widthOfString(text: string, size: number): number;
}
const PDFKit = createRequire(import.meta.url)('pdfkit') as new () => {
  font(src: string): { _font: PdfkitFont };
};

describe('the PDF font', () => {
  it("Arimo has Helvetica's advance widths for every printable ASCII character, in each style", () => {
    const doc = new PDFKit();
    const pairs = [
      ['normal', 'Helvetica'],
      ['bold', 'Helvetica-Bold'],
      ['italics', 'Helvetica-Oblique'],
      ['bolditalics', 'Helvetica-BoldOblique'],
    ] as const;
    const files = fontTable()[BODY_FONT] as Record<string, string>;
    for (const [style, standard] of pairs) {
      const helvetica = doc.font(standard)._font;
      const arimo = doc.font(files[style] as string)._font;
      for (let code = 0x20; code < 0x7f; code++) {
        const char = String.fromCharCode(code);
        expect(arimo.widthOfString(char, 1000), `${style} ${char}`).toBeCloseTo(
          helvetica.widthOfString(char, 1000),
          0,
        );
      }
    }
  });

  it("is given Helvetica's vertical metrics as pdfkit reads them, so lines and page breaks fall where they did", () => {
    const helvetica = new PDFKit().font('Helvetica')._font;
    expect({
      ascender: helvetica.ascender,
      descender: helvetica.descender,
      lineGap: helvetica.lineGap,
    }).toEqual(HELVETICA_METRICS);
  });

  it('is embedded and subset, nothing else is used, and Welsh, Greek and Cyrillic text reads back', async () => {
    const line = 'Cymraeg: Gŵyl, Ŷ; Ελλάδα; Привет; gap −4.6 pp – “fair” £5 é';
    const { bytes, text } = await pdfOf([
      { text: 'Employed 6 weeks: 14%', bold: true },
      line,
      { text: 'ŵ', italics: true },
    ]);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Regular/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Bold/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Arimo-Italic/);
    expect(bytes).toContain('/FontFile2');
    expect(bytes).not.toMatch(/\/BaseFont \/(?:Helvetica|Roboto)/);
    expect(text).toContain(squeeze(`Employed 6 weeks: 14%${line}ŵ`));
  });

  it('draws nothing for zero-width characters and soft hyphens, and they read back as nothing', async () => {
    expect(drawnText('north-east-2023.\u200btxt:69, a\u2060b\ufeff co\u00adop')).toBe(
      'north-east-2023.txt:69, ab coop',
    );
    const { text } = await pdfOf(['north-east-2023.\u200btxt:69, a\u2060b\ufeff co\u00adop']);
    expect(text).toBe('north-east-2023.txt:69,abcoop');
  });

  it('gives the same bytes whether its font was opened for this document or shared from an earlier one', async () => {
    const date = new Date('2025-01-01T00:00:00Z');
    const definition = () => ({
      content: ['Gŵyl Ελλάδα Привет', { text: 'bold', bold: true }],
      info: { creationDate: date, modDate: date },
    });
    // A fresh module has no font yet: its first document opens Arimo, the second shares it.
    vi.resetModules();
    const fresh = (await import('../../src/render/pdf/pdfmake.ts')).renderPdf;
    const first = await fresh(definition());
    const again = await fresh(definition());
    expect(Buffer.compare(first, again)).toBe(0);
  });

  it('reads only the four Arimo files, all from the installed package', () => {
    const files = Object.values(fontTable()[BODY_FONT] as Record<string, string>);
    expect(files).toHaveLength(4);
    for (const file of files) {
      expect(file).toContain(join('node_modules', '@expo-google-fonts', 'arimo'));
      expect(readFileSync(file).subarray(0, 4)).toEqual(Buffer.from([0, 1, 0, 0])); // TrueType
    }
  });
});

describe('chart SVG in the PDF', () => {
  it('drops screen-reader markup (the figure has alt text instead) and names the PDF font', () => {
    const svg =
      '<svg role="img" aria-label="x"><title>t</title><desc>d</desc>' +
      '<text aria-label="y" font-family="Helvetica, Arial, &quot;Liberation Sans&quot;, sans-serif">−9.4 Gŵyl</text></svg>';
    expect(svgForPdf(svg)).toBe(`<svg><text font-family="${BODY_FONT}">−9.4 Gŵyl</text></svg>`);
  });

  it('drops what the PDF does not draw: classes, pointer events, empty and hidden paths, default opacity', () => {
    const svg =
      '<svg><g class="mark-group role-axis"><path class="background" aria-hidden="true" d="M0,0h0v0h0Z" ' +
      'pointer-events="none"/><path class="background" d="M0,0h400v312h-400Z"/>' +
      '<line x2="5" stroke="#6f777b" opacity="1"/><line x2="5" opacity="0.5"/>' +
      '<text font-family="Helvetica, Arial, &quot;Liberation Sans&quot;, sans-serif" font-size="11px">5</text>' +
      '<path class="foreground" aria-hidden="true" d="" pointer-events="none" display="none"/></g></svg>';
    expect(svgForPdf(svg)).toBe(
      '<svg><g><path d="M0,0h400v312h-400Z"/><line x2="5" stroke="#6f777b"/><line x2="5" opacity="0.5"/>' +
        `<text font-family="${BODY_FONT}" font-size="11px">5</text></g></svg>`,
    );
  });
});
