import type { PdfkitDocument, StructElement } from './pdfmake-internals.ts';
import type { ArtifactType } from './roles.ts';

/**
 * The structure tree as layout builds it: elements in the order the document reads, each with its
 * children in order, content included. Content is a Slot, made when layout places a line or a
 * drawing: layout places lines in reading order, so each slot sits where its text is read, even
 * where pages are drawn in another order. The renderer fills each slot with the marked content it
 * draws (and with the links it meets inside a line); assemble() then hands the tree to pdfkit.
 */
export class Element {
  readonly children: (Element | Slot)[] = [];
  /** Link elements of this element's text, by target, so that a link broken over lines is one. */
  readonly links = new Map<string, Element>();
  /** Annotations (links) that belong to this element, with the page each is on. */
  readonly annotations: { ref: unknown; page: unknown }[] = [];
  private pdf: StructElement | undefined;

  constructor(
    readonly role: string,
    readonly parent: Element | null,
    readonly attributes: Record<string, unknown> = {},
    readonly alt?: string,
  ) {}

  child(role: string, attributes?: Record<string, unknown>, alt?: string): Element {
    const made = new Element(role, this, attributes, alt);
    this.children.push(made);
    return made;
  }

  /** A child placed before all others (a list item's label, met only when its first line is). */
  firstChild(role: string): Element {
    const made = new Element(role, this);
    this.children.unshift(made);
    return made;
  }

  slot(): Slot {
    const made = new Slot(this);
    this.children.push(made);
    return made;
  }

  /** The nearest element of this role, this one included. */
  closest(role: string): Element | null {
    return this.role === role ? this : (this.parent?.closest(role) ?? null);
  }

  /** pdfkit's element for this one, made on first use (a link's annotation needs it early). */
  pdfElement(doc: PdfkitDocument): StructElement {
    if (this.pdf) return this.pdf;
    const pdf = doc.struct(this.role);
    const data = pdf.dictionary.data;
    if (this.alt !== undefined) data.Alt = new String(this.alt);
    if (Object.keys(this.attributes).length > 0) data.A = this.attributes;
    // pdfkit names the page of an annotation's object reference when it writes the tree, at the end,
    // when its current page is the last one; this names the page the link is on.
    const flushChild = pdf._flushChild.bind(pdf);
    pdf._flushChild = (child) => {
      const ref = (child as { annotationRef?: unknown }).annotationRef;
      const placed = ref === undefined ? undefined : this.annotations.find((a) => a.ref === ref);
      if (!placed) return flushChild(child);
      (data.K as unknown[]).push({ Type: 'OBJR', Obj: ref, Pg: placed.page });
    };
    this.pdf = pdf;
    return pdf;
  }

  /** Whether any content was drawn into this element or below it. */
  hasContent(): boolean {
    return (
      this.annotations.length > 0 ||
      this.children.some((c) => (c instanceof Element ? c.hasContent() : c.parts.length > 0))
    );
  }
}

/** Where a line's or a drawing's content is read: marked content, and links met inside a line. */
export class Slot {
  readonly parts: (unknown | Element)[] = [];
  constructor(readonly element: Element) {}
}

/** What a page item is tagged with: a slot of an element, or an artifact of a type. */
export type Tag = Slot | { artifact: ArtifactType };

export const isArtifact = (tag: Tag): tag is { artifact: ArtifactType } => !(tag instanceof Slot);

// Table parts are kept even when a cell is empty, so that every row has its cells.
const KEEP_EMPTY = new Set(['TR', 'TH', 'TD']);

/**
 * Hands the tree to pdfkit, in reading order. Elements with nothing drawn in them are left out
 * (a table's rows and cells excepted), so a reader meets no empty paragraph.
 */
export function assemble(doc: PdfkitDocument, root: Element): void {
  const build = (element: Element): StructElement => {
    const pdf = element.pdfElement(doc);
    for (const child of element.children) {
      if (child instanceof Element) {
        if (child.hasContent() || KEEP_EMPTY.has(child.role)) pdf.add(build(child));
        continue;
      }
      for (const part of child.parts) pdf.add(part instanceof Element ? build(part) : part);
    }
    return pdf;
  };
  doc.addStructure(build(root));
}
