import { batchWrites } from '../content-stream.ts';
import { keepFont, reuseFont } from '../font-cache.ts';
import { asHelvetica, type PdfkitFont } from '../fonts.ts';
import type { Marks } from './marks.ts';
import { PdfmakeDocument } from './pdfmake-internals.ts';

/**
 * pdfmake's pdfkit document, with the two things this module needs of it: every Arimo font it
 * loads is given Helvetica's vertical metrics (fonts.ts), and, while tagging, each inline drawn
 * and each link annotation made are first shown to the marks, which put them in the structure.
 */
export class TaggedPdfDocument extends PdfmakeDocument {
  marks: Marks | null = null;

  override font(...args: unknown[]) {
    const [src] = args;
    reuseFont(this as unknown as Parameters<typeof reuseFont>[0], src);
    super.font(...args);
    const font = this._font as Partial<PdfkitFont> & { name?: string };
    if (!font.name?.startsWith('Arimo')) return this;
    asHelvetica(font as PdfkitFont);
    keepFont(src, font as unknown as Parameters<typeof keepFont>[1]);
    return this;
  }

  override addPage(options: unknown) {
    super.addPage(options);
    batchWrites(this.page.content);
    return this;
  }

  override text(text: string, x?: number, y?: number, options?: Record<string, unknown>) {
    this.marks?.beforeText(text, options);
    return super.text(text, x, y, options);
  }

  override annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>) {
    this.marks?.beforeAnnotation(options);
    return super.annotate(x, y, w, h, options);
  }
}
