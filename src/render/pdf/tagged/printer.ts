import { TaggingLayoutBuilder } from './layout.ts';
import { Marks } from './marks.ts';
import { TaggedPdfDocument } from './pdf-document.ts';
import {
  convertToDynamicContent,
  LayoutBuilder,
  normalizePageMargin,
  normalizePageSize,
  type Page,
  type PdfNode,
  Renderer,
  SVGMeasure,
  tableLayouts,
  virtualfs,
} from './pdfmake-internals.ts';
import { TaggingRenderer } from './renderer.ts';
import { Tagger } from './tagger.ts';

export interface PrintSetup {
  fonts: Record<string, Record<string, string>>;
  /** The local files pdfmake may read (the fonts); nothing is fetched from a URL. */
  localAccess: (path: string) => boolean;
}

// pdfmake writes the info keys capitalised (its Printer's createMetadata).
const INFO_KEYS = [
  'Title',
  'Author',
  'Subject',
  'Keywords',
  'Creator',
  'Producer',
  'CreationDate',
  'ModDate',
];

function metadata(info: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { Producer: 'pdfmake', Creator: 'pdfmake' };
  for (const [key, value] of Object.entries(info)) {
    if (!value) continue;
    const standard = key.charAt(0).toUpperCase() + key.slice(1);
    out[INFO_KEYS.includes(standard) ? standard : key.replace(/\s+/g, '')] = value;
  }
  return out;
}

const dynamic = (content: unknown) =>
  content && typeof content !== 'function' ? convertToDynamicContent(content) : content;

/**
 * pdfmake's Printer.createPdfKitDocument for the documents this tool makes, with its layout and
 * renderer wrapped when the definition says `tagged: true`: the same pages, drawn inside marked
 * content, with a structure tree built from the nodes (tagger.ts). Untagged, pdfmake's own layout
 * and renderer run: the same fonts and metrics, so the two lay out the same pages, which the tests
 * compare. Images, attachments and URLs are not used here and not supported.
 */
export async function print(definition: PdfNode, setup: PrintSetup): Promise<Buffer> {
  const tagged = definition.tagged === true;
  const pageSize = normalizePageSize(definition.pageSize, definition.pageOrientation);
  const doc = new TaggedPdfDocument(
    setup.fonts,
    {},
    {},
    {},
    {
      size: [pageSize.width, pageSize.height],
      pdfVersion: definition.version ?? '1.3',
      subset: definition.subset,
      tagged,
      displayTitle: definition.displayTitle === true,
      compress: definition.compress !== false,
      lang: definition.language,
      fontLayoutCache: true,
      bufferPages: false,
      autoFirstPage: false,
      info: metadata(definition.info as Record<string, unknown> | undefined),
      font: null,
    },
    virtualfs,
    setup.localAccess,
  );
  const margins = normalizePageMargin(definition.pageMargins ?? 40);
  const tagger = new Tagger();
  const builder = tagged
    ? new TaggingLayoutBuilder(pageSize, margins, new SVGMeasure(), tagger)
    : new LayoutBuilder(pageSize, margins, new SVGMeasure());
  builder.registerTableLayouts(tableLayouts);
  const pages = builder.layoutDocument(
    definition.content,
    doc,
    definition.styles ?? {},
    // pdfmake's own default is Roboto, which it may not read here: the first font of the table is.
    { font: Object.keys(setup.fonts)[0], fontSize: 12, ...(definition.defaultStyle as object | undefined) },
    definition.background,
    dynamic(definition.header),
    dynamic(definition.footer),
    definition.watermark,
    definition.pageBreakBefore,
  ) as Page[];
  if (tagged) {
    doc.marks = new Marks(doc);
    new TaggingRenderer(doc, doc.marks, tagger.root).renderPages(pages);
    doc.marks = null;
  } else new Renderer(doc).renderPages(pages);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
