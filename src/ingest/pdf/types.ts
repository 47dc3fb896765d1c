/**
 * What the reader takes from a PDF page, in the page's own coordinates (points, y upwards, as
 * pdfjs reports text positions), before any line is built.
 */

/** One run of text as drawn: a word, a space or a glyph, with where its baseline starts. */
export interface Run {
  text: string;
  /** Left end of the baseline. */
  x: number;
  /** The baseline. */
  y: number;
  /** Advance width. */
  width: number;
  /** Font size as drawn (the text matrix's vertical scale). */
  size: number;
  bold: boolean;
  /** Set in a symbol or dingbat font (Symbol, Wingdings, ZapfDingbats, icon fonts). */
  symbol: boolean;
}

/** A small painted shape: a bullet drawn as a path rather than set as a glyph. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageContent {
  /** 1-based, as a PDF viewer numbers pages. */
  number: number;
  width: number;
  height: number;
  runs: Run[];
  shapes: Box[];
}

/** One line as built from runs on one baseline within one column. */
export interface Line {
  text: string;
  /** Left end of the first run and right end of the last one. */
  x0: number;
  x1: number;
  y: number;
  /** Where the text of the line's column starts and how far right it reaches. */
  columnLeft: number;
  columnRight: number;
  /** The columns the line stands in (columns.ts), outermost first, numbered within its page. */
  sides: ReadonlyArray<{ band: number; side: 'left' | 'right' }>;
  /** The font size most of the line is set in. */
  size: number;
  /** Every letter on the line is bold. */
  bold: boolean;
  /** The line starts with a bullet (a glyph or a drawn shape), already written as "- ". */
  bullet: boolean;
  /** A contents entry whose page number follows a tab. */
  contents?: boolean;
}

/** Text a PDF was read into, with where each of its lines stands in the PDF. */
export interface ExtractedText {
  /** The text the plan reader parses, lines separated by "\n". */
  text: string;
  /** For each page (index 0 is page 1), the first line of `text` that comes from it. */
  pages: number[];
  /** Lines of `text` that are blank (paragraph breaks): no line of any page. */
  blankLines: number[];
}
