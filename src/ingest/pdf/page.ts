import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { filledShapes } from './shapes.ts';
import type { PageContent, Run } from './types.ts';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

// Fonts whose glyphs are pictures: what they draw comes out of the text layer as letters ("Q").
const SYMBOL_FONT = /symbol|dingbat|wingding|webding|fontawesome|awesome|icons?\b|materialicons|glyphicons/i;
// Weights that read as bold (pdfmake's bold Roboto is Roboto-Medium).
const BOLD_FONT = /bold|black|heavy|semibold|demibold|medium/i;

// Ligatures (ﬁ, ﬂ) and full-width letters and digits, in their plain form (NFKC); other
// compatibility characters (…, ½, ²) are kept as written, as the text reader keeps them.
const COMPATIBILITY = /[\uFB00-\uFB06\uFF01-\uFF5E]/g;
const compatibilityForms = (text: string) => text.replace(COMPATIBILITY, (ch) => ch.normalize('NFKC'));

interface FontFacts {
  bold: boolean;
  symbol: boolean;
}

/**
 * One page's text runs and bullet-sized filled shapes. The operator list is read first: it makes
 * pdfjs load the page's fonts, whose names then tell bold and symbol fonts apart.
 */
export async function pageContent(pdfjs: PdfJs, page: PDFPageProxy): Promise<PageContent> {
  const operators = await page.getOperatorList();
  const shapes = filledShapes(pdfjs.OPS, operators.fnArray, operators.argsArray);
  const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
  const fonts = new Map<string, FontFacts>();
  const facts = (name: string): FontFacts => {
    let f = fonts.get(name);
    if (!f) {
      const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { name?: unknown }) : null;
      const full = typeof font?.name === 'string' ? font.name : '';
      // A subset prefix ("ABCDEF+") is not part of the name.
      const bare = full.replace(/^[A-Z]{6}\+/, '');
      f = { bold: BOLD_FONT.test(bare), symbol: SYMBOL_FONT.test(bare) };
      fonts.set(name, f);
    }
    return f;
  };
  const runs: Run[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    // Rotated or vertical text (a chart's axis title, a margin note) is not running text.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
    const size = Math.hypot(c, d);
    if (!(size > 0) || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    const font = facts(item.fontName);
    runs.push({
      text: compatibilityForms(item.str),
      x,
      y,
      width: Math.max(0, item.width),
      size,
      bold: font.bold,
      symbol: font.symbol,
    });
  }
  const [left = 0, bottom = 0, right = 0, top = 0] = page.view;
  // Runs are in the page's user space; the view box may not start at the origin.
  for (const r of runs) {
    r.x -= left;
    r.y -= bottom;
  }
  for (const s of shapes) {
    s.x0 -= left;
    s.x1 -= left;
    s.y0 -= bottom;
    s.y1 -= bottom;
  }
  return { number: page.pageNumber, width: right - left, height: top - bottom, runs, shapes };
}
