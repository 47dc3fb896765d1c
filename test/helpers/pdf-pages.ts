import { readFileSync } from 'node:fs';

/**
 * A page as a reader turning it sees it: its lines of text between the running header and the
 * page number, and how much it draws (path fills and strokes: a chart draws hundreds, a table's
 * rules a few).
 */
export interface PageProfile {
  page: number;
  lines: number;
  paths: number;
  text: string;
}

/**
 * Near-empty: fewer than NEAR_EMPTY_LINES lines of text and no figure (fewer than FIGURE_PATHS
 * paths built and painted: a chart paints several hundred, while the rules and fills of a table's
 * last rows come to about fifty). A page holding only the end of a table, one paragraph or a lone
 * heading is near-empty; a chart, or five lines of anything, is something to read.
 */
export const NEAR_EMPTY_LINES = 5;
export const FIGURE_PATHS = 150;

/** A4 in points; the running header and the page number sit in the top and bottom margins. */
const PAGE_HEIGHT = 842;
const MARGIN = 45;

// pdfjs reports a path as constructPath, then its painting operator: both are counted.
const PAINTING = new Set([
  'constructPath',
  'fill',
  'eoFill',
  'stroke',
  'fillStroke',
  'eoFillStroke',
  'closeStroke',
]);

/** Every page of a PDF, read with pdfjs-dist. */
export async function pageProfiles(path: string): Promise<PageProfile[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const names = new Map(Object.entries(pdfjs.OPS).map(([name, code]) => [code as number, name]));
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: PageProfile[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    const lines = new Map<number, string>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5] as number);
      if (y < MARGIN || y > PAGE_HEIGHT - MARGIN) continue;
      lines.set(y, `${lines.get(y) ?? ''}${item.str}`);
    }
    let paths = 0;
    for (const code of (await page.getOperatorList()).fnArray)
      if (PAINTING.has(names.get(code) ?? '')) paths++;
    pages.push({
      page: i,
      lines: lines.size,
      paths,
      text: [...lines.entries()]
        .sort(([a], [b]) => b - a)
        .map(([, t]) => t)
        .join(' / '),
    });
  }
  await doc.destroy();
  return pages;
}

/** The pages a reader would turn for nothing: see NEAR_EMPTY_LINES and FIGURE_PATHS. */
export function nearEmpty(pages: readonly PageProfile[]): PageProfile[] {
  return pages.filter((p) => p.lines < NEAR_EMPTY_LINES && p.paths < FIGURE_PATHS);
}
