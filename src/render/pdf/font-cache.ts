/**
 * pdfkit opens a font anew for every document: it reads the file and parses it with fontkit,
 * whose glyph substitution and positioning tables are decoded again on first use, and lays out
 * every word again. The profile of a build put that at a large part of PDF time once the fonts
 * were embedded. Here the parsed font and its cache of laid-out words are kept for the process
 * and shared by each document's font object; what is per document (the subset of glyphs it uses,
 * their widths and Unicode map) stays per document.
 */
interface EmbeddedFont {
  font: unknown;
  layoutCache?: Record<string, unknown>;
  constructor: new (document: unknown, font: unknown, id: string) => EmbeddedFont;
}

interface FontOwner {
  _fontFamilies: Record<string, unknown>;
  _fontCount: number;
}

const shared = new Map<
  string,
  { make: EmbeddedFont['constructor']; font: unknown; layouts: Record<string, unknown> }
>();

/** Before pdfkit opens `src` for `doc`: gives it the process's font object for that file, if any. */
export function reuseFont(doc: FontOwner, src: unknown): void {
  if (typeof src !== 'string' || doc._fontFamilies[src]) return;
  const known = shared.get(src);
  if (!known) return;
  const font = new known.make(doc, known.font, `F${++doc._fontCount}`);
  font.layoutCache = known.layouts;
  doc._fontFamilies[src] = font;
}

/** After pdfkit opened `src` for the first time in this process: keeps what it parsed. */
export function keepFont(src: unknown, opened: EmbeddedFont): void {
  if (typeof src !== 'string' || shared.has(src) || !opened.layoutCache) return;
  shared.set(src, { make: opened.constructor, font: opened.font, layouts: opened.layoutCache });
}
