import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The reports use the standard PDF fonts; pdfjs reads their metrics from its own copies.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface PdfFacts {
  pages: number;
  text: string;
  pageTexts: string[];
  /** Each page's text items in reading order, as pdfjs gives them (one per run of text drawn). */
  pageItems: string[][];
  info: Record<string, unknown>;
  language: string | null;
}

/** Text and metadata of a PDF as a reader's software sees them (pdfjs-dist, no rendering). */
export async function readPdf(path: string): Promise<PdfFacts> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const pageTexts: string[] = [];
  const pageItems: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pageItems.push(content.items.map((item) => ('str' in item ? item.str.replace(/\u200b/g, '') : '')));
    const text = content.items
      .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : ''))
      .join('')
      .replace(/\u200b/g, '');
    pageTexts.push(text.replace(/[ \t]+/g, ' '));
  }
  const meta = await doc.getMetadata();
  const info = meta.info as Record<string, unknown>;
  await doc.destroy();
  return {
    pages: pageTexts.length,
    text: pageTexts.join('\n'),
    pageTexts,
    pageItems,
    info,
    language: (info.Language as string | undefined) ?? null,
  };
}

/** Text with line breaks and runs of spaces collapsed, for phrase searches that wrap across lines. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');
