import type { Marks } from './marks.ts';
import { type Line, type Page, type PageItem, Renderer } from './pdfmake-internals.ts';
import { assemble, type Element, isArtifact, type Tag } from './tree.ts';

const LAYOUT = { artifact: 'Layout' } as const;

/**
 * pdfmake's renderer, drawing each page item inside the marked content its tag names (marks.ts),
 * then handing the structure tree to pdfkit. Items are drawn by pdfmake's own methods, in
 * pdfmake's order: only the loop over them is this module's.
 */
export class TaggingRenderer extends Renderer {
  constructor(
    pdfDocument: unknown,
    private readonly marks: Marks,
    private readonly root: Element,
  ) {
    super(pdfDocument);
  }

  override renderPages(pages: Page[]): void {
    const doc = this.pdfDocument;
    Object.assign(doc, { _pdfMakePages: pages });
    for (const page of pages) {
      doc.addPage({ size: [page.pageSize.width, page.pageSize.height] });
      for (const placed of page.items) this.renderItem(placed);
      if (page.watermark) {
        this.marks.enter({ artifact: 'Pagination' });
        this.renderWatermark(page);
      }
      this.marks.close();
    }
    assemble(doc, this.root);
  }

  private renderItem({ type, item }: PageItem): void {
    const tag = (item._tag as Tag | undefined) ?? LAYOUT;
    switch (type) {
      case 'line': {
        const line = item as unknown as Line;
        this.marks.drawLine(tag, () => this.renderLine(line, line.x, line.y));
        return;
      }
      case 'vector':
        this.marks.enter(tag);
        this.renderVector(item);
        return;
      case 'svg':
      case 'image':
        if (!isArtifact(tag)) this.place(tag.element, item);
        this.marks.enter(tag);
        if (type === 'svg') this.renderSVG(item);
        else this.renderImage(item);
        return;
      case 'attachment':
        this.marks.enter(LAYOUT);
        this.renderAttachment(item);
        return;
      case 'beginClip':
        this.marks.enter(LAYOUT);
        this.beginClip(item);
        return;
      case 'endClip':
        this.endClip();
        return;
      case 'beginVerticalAlignment':
        this.beginVerticalAlignment(item);
        return;
      case 'endVerticalAlignment':
        this.endVerticalAlignment(item);
        return;
    }
  }

  /** A figure's bounding box on its page (PDF/UA asks for one), in PDF's upward coordinates. */
  private place(element: Element, item: Record<string, unknown>): void {
    const height = this.pdfDocument.page.height;
    const [x, y, w, h] = [item.x, item.y, item._width, item._height].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    Object.assign(element.attributes, {
      O: 'Layout',
      Placement: 'Block',
      BBox: [x, height - y - h, x + w, height - y],
    });
  }
}
