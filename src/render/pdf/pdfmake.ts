import { fontTable } from './fonts.ts';
import type { PdfNode } from './tagged/pdfmake-internals.ts';
import { print } from './tagged/printer.ts';

let allowed: Set<string> | undefined;

/**
 * A pdfmake document definition as PDF bytes, tagged when it says `tagged: true` (document.ts
 * does). pdfmake may read only the four Arimo font files, and fetches nothing.
 */
export async function renderPdf(definition: object): Promise<Buffer> {
  const fonts = fontTable();
  allowed ??= new Set(Object.values(fonts).flatMap((styles) => Object.values(styles)));
  const files = allowed;
  return print(definition as PdfNode, { fonts, localAccess: (path) => files.has(path) });
}
