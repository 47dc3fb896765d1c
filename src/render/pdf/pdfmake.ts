import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  createPdf(doc: object): { getBuffer(): Promise<Buffer> };
}

let instance: PdfMake | undefined;

/**
 * pdfmake 0.3's server build, set up once: Roboto as shipped in the pdfmake package, no URL may be
 * fetched, and the only local files it may read are those four font files.
 */
export function pdfmake(): PdfMake {
  if (instance) return instance;
  const pm = require('pdfmake') as PdfMake;
  const fontsDir = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
  const fonts = {
    normal: join(fontsDir, 'Roboto-Regular.ttf'),
    bold: join(fontsDir, 'Roboto-Medium.ttf'),
    italics: join(fontsDir, 'Roboto-Italic.ttf'),
    bolditalics: join(fontsDir, 'Roboto-MediumItalic.ttf'),
  };
  const allowed = new Set(Object.values(fonts));
  pm.setFonts({ Roboto: fonts });
  pm.setUrlAccessPolicy(() => false);
  pm.setLocalAccessPolicy((path) => allowed.has(path));
  instance = pm;
  return pm;
}

export async function renderPdf(doc: object): Promise<Buffer> {
  return pdfmake().createPdf(doc).getBuffer();
}
