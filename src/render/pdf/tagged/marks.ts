import type { PdfkitDocument } from './pdfmake-internals.ts';
import type { ArtifactType } from './roles.ts';
import { Element, isArtifact, type Slot, type Tag } from './tree.ts';

/**
 * The marked content of the page being drawn: one sequence open at a time, switched only when what
 * is drawn next is read elsewhere, so consecutive lines of one paragraph share a sequence. Every
 * drawing operator of a page falls inside one: content of an element, or an artifact.
 */
export class Marks {
  private open: Element | ArtifactType | null = null;
  /** The slot of the line being drawn; links met inside it become Link elements there. */
  private line: Slot | null = null;
  private link: Element | null = null;
  private linkText = '';

  constructor(private readonly doc: PdfkitDocument) {}

  enter(tag: Tag): void {
    if (isArtifact(tag)) {
      this.switch(tag.artifact, () => this.doc.markContent('Artifact', { type: tag.artifact }));
      return;
    }
    this.switch(tag.element, () => tag.parts.push(this.doc.markStructureContent(tag.element.role)));
  }

  /** Closes the open sequence: at the end of each page, so that none runs onto the next. */
  close(): void {
    if (this.open !== null) this.doc.endMarkedContent();
    this.open = null;
  }

  /** A line is drawn with its tag; pdfmake draws it inline by inline (beforeText). */
  drawLine(tag: Tag, draw: () => void): void {
    this.enter(tag);
    this.line = isArtifact(tag) ? null : tag;
    try {
      draw();
    } finally {
      this.line = null;
      this.link = null;
    }
  }

  /** Before each inline of a line: a linked inline is read as a Link inside the line's element. */
  beforeText(text: string, options: Record<string, unknown> | undefined): void {
    const line = this.line;
    if (!line) return;
    const target = options?.link ?? options?.goTo;
    if (typeof target !== 'string' && typeof target !== 'number') {
      this.link = null;
      this.enter(line);
      return;
    }
    const key = String(target);
    let link = line.element.links.get(key);
    if (!link) {
      link = new Element('Link', line.element);
      line.element.links.set(key, link);
      line.parts.push(link);
      link.slot();
    }
    const slot = link.children[0] as Slot;
    this.link = link;
    this.linkText = text;
    this.switch(link, () => slot.parts.push(this.doc.markStructureContent('Link')));
  }

  /**
   * A link annotation made while a Link's text is drawn belongs to that Link (an object reference
   * in the tree), and says in words where it goes (Contents), as PDF/UA asks.
   */
  beforeAnnotation(options: Record<string, unknown>): void {
    const link = this.link;
    if (!link || options.Subtype !== 'Link') return;
    const pdf = link.pdfElement(this.doc);
    options.Contents ??= new String(this.linkText);
    options.structParent = {
      add: (reference: { annotationRef: unknown }) => {
        pdf.add(reference);
        link.annotations.push({ ref: reference.annotationRef, page: this.doc.page.dictionary });
      },
    };
  }

  private switch(key: Element | ArtifactType, open: () => void): void {
    if (this.open === key) return;
    this.close();
    open();
    this.open = key;
  }
}
