import {
  LayoutBuilder,
  type Line,
  type PageElementWriter,
  type PageItem,
  type PdfNode,
} from './pdfmake-internals.ts';
import type { Tagger } from './tagger.ts';
import { isArtifact, type Tag } from './tree.ts';

const REPEATED = { artifact: 'Pagination' } as const;

/**
 * pdfmake's layout, followed by a Tagger: every node laid out is entered and left, and every line,
 * shape, SVG and image placed on a page carries the tag that says where it is read (`_tag`, which
 * pdfmake copies with the item when an unbreakable block is moved onto its page).
 */
export class TaggingLayoutBuilder extends LayoutBuilder {
  private instrumented: PageElementWriter | undefined;

  constructor(
    pageSize: unknown,
    pageMargins: unknown,
    svgMeasure: unknown,
    private readonly tagger: Tagger,
  ) {
    super(pageSize, pageMargins, svgMeasure);
  }

  override processNode(node: PdfNode, isVerticalAlignmentAllowed?: boolean): void {
    this.instrument();
    this.tagger.enter(node);
    try {
      super.processNode(node, isVerticalAlignmentAllowed);
    } finally {
      this.tagger.leave();
    }
  }

  override addBackground(background: unknown): void {
    this.tagger.within('Background', () => super.addBackground(background));
  }

  override addHeadersAndFooters(header: unknown, footer: unknown): void {
    this.tagger.within('Pagination', () => super.addHeadersAndFooters(header, footer));
  }

  /** Wraps the methods of this layout's page writer that place items (a new writer each layout). */
  private instrument(): void {
    const writer = this.writer;
    if (!writer || writer === this.instrumented) return;
    this.instrumented = writer;
    const tagger = this.tagger;
    const tag = (item: object, value: Tag) => Object.assign(item, { _tag: value });

    // A line placed while another is being placed is a list item's label, drawn beside its first line.
    let placing = 0;
    const addLine = writer.addLine.bind(writer);
    writer.addLine = (line: Line, ...rest) => {
      tag(line, placing > 0 ? tagger.labelTag() : tagger.lineTag());
      placing++;
      try {
        return addLine(line, ...rest);
      } finally {
        placing--;
      }
    };
    const addVector = writer.addVector.bind(writer);
    writer.addVector = (vector, ...rest) => addVector(tag(vector, tagger.vectorTag()), ...rest);
    const addSVG = writer.addSVG.bind(writer);
    writer.addSVG = (node, index) => addSVG(tag(node, tagger.figureTag()), index);
    const addImage = writer.addImage.bind(writer);
    writer.addImage = (node, index) => addImage(tag(node, tagger.figureTag()), index);

    // What a new page or column receives before its first content (a table's header rows again,
    // a background) is repeated, not read again.
    const repeats = (move: () => void) => {
      const context = writer.context();
      const next = context.pages[context.page + 1];
      const before = new Set<PageItem>(next?.items ?? []);
      move();
      for (const placed of writer.context().getCurrentPage()?.items ?? []) {
        const current = placed.item._tag as Tag | undefined;
        if (!before.has(placed) && (!current || !isArtifact(current))) placed.item._tag = REPEATED;
      }
    };
    const moveToNextPage = writer.moveToNextPage.bind(writer);
    writer.moveToNextPage = (orientation) => repeats(() => moveToNextPage(orientation));
    const moveToNextColumn = writer.moveToNextColumn.bind(writer);
    writer.moveToNextColumn = () => {
      const page = writer.context().getCurrentPage();
      const before = new Set<PageItem>(page?.items ?? []);
      moveToNextColumn();
      for (const placed of page?.items ?? []) if (!before.has(placed)) placed.item._tag = REPEATED;
    };
  }
}
