import { createRequire } from 'node:module';
import { fontTable, VIRTUAL_FONTS } from './fonts.ts';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

let instance: PdfMake | undefined;

/**
 * pdfmake 0.3's server build, set up once: the fonts of `fontTable`, no URL may be fetched, and
 * the only local files it may read are Roboto's four font files (the zero-width font is made in
 * memory).
 */
export function pdfmake(): PdfMake {
  if (instance) return instance;
  const pm = require('pdfmake') as PdfMake;
  const fonts = fontTable();
  // pdfmake asks the policy about every font source, the built-in PDF font names included; fonts
  // made in memory are found in its virtual file system first and never reach the policy.
  const allowed = new Set(Object.values(fonts).flatMap((styles) => Object.values(styles)));
  for (const [name, bytes] of Object.entries(VIRTUAL_FONTS)) pm.virtualfs.writeFileSync(name, bytes());
  pm.setFonts(fonts);
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => allowed.has(path));
  instance = pm;
  return pm;
}

export async function renderPdf(doc: object): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}
