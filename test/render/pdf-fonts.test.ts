import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/index.ts';
import { withFallbackFont } from '../../src/render/pdf/fallback.ts';
import { BODY_FONT, FALLBACK_FONT, fontRuns, ZERO_WIDTH_FONT } from '../../src/render/pdf/fonts.ts';
import { svgForPdf } from '../../src/render/pdf/svg.ts';
import { tempDir } from '../helpers/cli.ts';
import { readPdf } from '../helpers/pdf.ts';

const squeeze = (text: string) => text.replace(/\s/g, '');

async function pdfOf(content: unknown[]): Promise<{ bytes: string; text: string }> {
  const buffer = await renderPdf({
    content: withFallbackFont(content),
    defaultStyle: { font: BODY_FONT },
    compress: false,
  });
  const path = join(tempDir(), 'fonts.pdf');
  writeFileSync(path, buffer);
  // Text items split where the font changes; compare without whitespace, as the reader joins them.
  return { bytes: buffer.toString('latin1'), text: squeeze((await readPdf(path)).text) };
}

describe('font runs', () => {
  it('keeps WinAnsi text in Helvetica, draws the minus as an en dash, and marks the rest', () => {
    expect(fontRuns('Gap −4.6 pp – “fair” £5 é')).toEqual([
      { text: 'Gap –4.6 pp – “fair” £5 é', kind: 'body' },
    ]);
    expect(fontRuns('Gŵyl\u200bx')).toEqual([
      { text: 'G', kind: 'body' },
      { text: 'ŵ', kind: 'fallback' },
      { text: 'yl', kind: 'body' },
      { text: '\u200b', kind: 'zero-width' },
      { text: 'x', kind: 'body' },
    ]);
    // The soft hyphen is in WinAnsi, but would be drawn wherever it sits: it keeps only its break.
    expect(fontRuns('co\u00adop')).toEqual([
      { text: 'co', kind: 'body' },
      { text: '\u200b', kind: 'zero-width' },
      { text: 'op', kind: 'body' },
    ]);
  });

  it('splits strings everywhere in a document, keeping each inline its own style', () => {
    const doc = withFallbackFont([
      'plain',
      { text: 'Ελλάδα', style: 'h1', tocItem: true },
      { text: [{ text: 'Gŵyl: ', bold: true }, 'def'], style: 'body' },
      { ul: ['one ŷ', { text: 'two' }] },
      { table: { body: [['a\u200bb', { text: '−1', bold: true }]] } },
      { toc: { title: { text: 'Contents ŵ' } } },
    ]);
    expect(doc).toEqual([
      'plain',
      { text: [{ text: 'Ελλάδα', font: FALLBACK_FONT }], style: 'h1', tocItem: true },
      {
        text: [
          { text: 'G', bold: true },
          { text: 'ŵ', bold: true, font: FALLBACK_FONT },
          { text: 'yl: ', bold: true },
          'def',
        ],
        style: 'body',
      },
      { ul: [{ text: ['one ', { text: 'ŷ', font: FALLBACK_FONT }] }, { text: 'two' }] },
      {
        table: {
          body: [
            [
              { text: ['a', { text: '\u200b', font: ZERO_WIDTH_FONT, fontSize: 1 }, 'b'] },
              { text: ['–1'], bold: true },
            ],
          ],
        },
      },
      { toc: { title: { text: ['Contents ', { text: 'ŵ', font: FALLBACK_FONT }] } } },
    ]);
  });
});

describe('the PDF fonts', () => {
  it('sets WinAnsi text in Helvetica and embeds nothing', async () => {
    const { bytes, text } = await pdfOf([
      { text: 'Employed 6 weeks: 14% – gap −4.6 pp', bold: true },
      'plain',
    ]);
    expect(bytes).toContain('/BaseFont /Helvetica-Bold');
    expect(bytes).toContain('/BaseFont /Helvetica');
    expect(bytes).not.toContain('Roboto');
    expect(text).toContain(squeeze('Employed 6 weeks: 14% – gap –4.6 pp'));
  });

  it('draws what Helvetica cannot in embedded Roboto, so no character is lost', async () => {
    const { bytes, text } = await pdfOf([
      'Cymraeg: Gŵyl, Ŷ; Ελλάδα; Привет.',
      'north-east-2023.txt:\u200b69',
    ]);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto-Regular/);
    expect(text).toContain(squeeze('Cymraeg: Gŵyl, Ŷ; Ελλάδα; Привет.'));
    expect(text).toContain('north-east-2023.txt:69');
  });

  it('sets zero-width characters in the small zero-width font, not Roboto', async () => {
    const { bytes, text } = await pdfOf(['north-east-2023.\u200btxt:69, a\u2060b\ufeff']);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+ZeroWidth/);
    expect(bytes).not.toContain('Roboto');
    expect(text).toBe('north-east-2023.txt:69,ab');
  });
});

describe('chart SVG in the PDF', () => {
  it('drops screen-reader markup and puts other text in tspans of its font', () => {
    const svg =
      '<svg role="img" aria-label="x"><title>t</title><desc>d</desc>' +
      '<text aria-label="y" font-family="Helvetica">−9.4 &#x3b1;&#60; ok</text><tspan>Gŵyl\u200b</tspan></svg>';
    expect(svgForPdf(svg)).toBe(
      '<svg><text font-family="Helvetica">–9.4 <tspan font-family="Roboto">α</tspan>&#60; ok</text>' +
        '<tspan>G<tspan font-family="Roboto">ŵ</tspan>yl<tspan font-family="ZeroWidth">\u200b</tspan></tspan></svg>',
    );
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
        '<text font-family="Helvetica" font-size="11px">5</text></g></svg>',
    );
  });
});
