import { createRequire } from 'node:module';

/**
 * The parts of pdfmake's server build (its js/ folder) that the tagging wraps, typed as far as
 * this module uses them. They are not pdfmake's public API: the wrapper was written against
 * PDFMAKE_VERSION, package.json pins exactly that version, and test/render/pdf-tagged.test.ts
 * fails if the installed one differs, so that an upgrade re-runs the tagging tests first.
 */
export const PDFMAKE_VERSION = '0.3.11';

const require = createRequire(import.meta.url);
const load = <T>(path: string): T => require(`pdfmake/js/${path}`) as T;

/** pdfmake's document-definition nodes are plain objects. */
export type PdfNode = Record<string, unknown>;

export interface Line {
  x: number;
  y: number;
  inlines: { text: string; link?: string; linkToDestination?: string }[];
}

export interface PageItem {
  type: string;
  item: Record<string, unknown> & { x?: number; y?: number };
}

export interface Page {
  items: PageItem[];
  pageSize: { width: number; height: number };
  watermark?: unknown;
}

export interface DocumentContext {
  page: number;
  pages: Page[];
  getCurrentPage(): Page | null;
}

export interface PageElementWriter {
  context(): DocumentContext;
  addLine(line: Line, dontUpdateContextPosition?: boolean, index?: number): unknown;
  addVector(vector: PdfNode, ...rest: unknown[]): unknown;
  addSVG(node: PdfNode, index?: number): unknown;
  addImage(node: PdfNode, index?: number): unknown;
  moveToNextPage(pageOrientation?: unknown): void;
  moveToNextColumn(): void;
}

export interface LayoutBuilderInstance {
  writer: PageElementWriter;
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(...args: unknown[]): Page[];
  processNode(node: PdfNode, isVerticalAlignmentAllowed?: boolean): void;
  addBackground(background: unknown): void;
  addHeadersAndFooters(header: unknown, footer: unknown): void;
}

export interface RendererInstance {
  pdfDocument: PdfkitDocument;
  renderPages(pages: Page[]): void;
  renderLine(line: Line, x: number, y: number): void;
  renderVector(vector: unknown): void;
  renderImage(image: unknown): void;
  renderSVG(svg: unknown): void;
  renderAttachment(attachment: unknown): void;
  beginClip(rect: unknown): void;
  endClip(): void;
  beginVerticalAlignment(item: unknown): void;
  endVerticalAlignment(item: unknown): void;
  renderWatermark(page: Page): void;
}

/** pdfkit's structure element, as pdfkit 0.19 makes it (doc.struct). */
export interface StructElement {
  dictionary: { data: Record<string, unknown> };
  add(child: unknown): StructElement;
  _flushChild(child: unknown): void;
}

export interface PdfkitDocument {
  page: {
    height: number;
    dictionary: unknown;
    content: { write(chunk: unknown): void; end(chunk?: unknown): void };
  };
  _font: unknown;
  addPage(options: unknown): PdfkitDocument;
  text(text: string, x?: number, y?: number, options?: Record<string, unknown>): PdfkitDocument;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): PdfkitDocument;
  font(...args: unknown[]): PdfkitDocument;
  struct(type: string, options?: Record<string, unknown>): StructElement;
  addStructure(element: StructElement): PdfkitDocument;
  markContent(tag: string, options?: Record<string, unknown>): PdfkitDocument;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  endMarkedContent(): PdfkitDocument;
  createStructParentTreeNextKey(): number;
  getStructParentTree(): { add(key: number, value: unknown): void };
  on(event: string, listener: (chunk: Buffer) => void): void;
  end(): void;
}

type Constructor<T> = new (...args: unknown[]) => T;

export const LayoutBuilder = load<{ default: Constructor<LayoutBuilderInstance> }>(
  'LayoutBuilder.js',
).default;
export const Renderer = load<{ default: Constructor<RendererInstance> }>('Renderer.js').default;
export const PdfmakeDocument = load<{ default: Constructor<PdfkitDocument> }>('PDFDocument.js').default;
export const SVGMeasure = load<{ default: new () => unknown }>('SVGMeasure.js').default;
export const virtualfs = load<{ default: unknown }>('virtual-fs.js').default;
export const { tableLayouts } = load<{ tableLayouts: unknown }>('tableLayouts.js');
export const { normalizePageSize, normalizePageMargin } = load<{
  normalizePageSize(size: unknown, orientation: unknown): { width: number; height: number };
  normalizePageMargin(margin: unknown): unknown;
}>('PageSize.js');
export const { convertToDynamicContent } = load<{ convertToDynamicContent(content: unknown): unknown }>(
  'helpers/tools.js',
);
