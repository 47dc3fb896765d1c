import { BODY_FONT, FALLBACK_FONT, fontRuns, ZERO_WIDTH_FONT } from './fonts.ts';

const MARKUP = new Set(['<', '>', '&', '"', "'"]);

/**
 * A chart's SVG as the PDF needs it. pdfmake parses each SVG twice more before drawing it, so
 * what the PDF does not use is removed first: the screen-reader labels (they serve the HTML page),
 * the class names and pointer events (for styles and the mouse), Vega's empty and hidden paths,
 * and opacity at its default; the font list becomes the font it resolves to. The PDF draws the
 * same (pixel for pixel, checked with pdftoppm), and PDF rendering took less time. Chart text goes through
 * the same font runs as body text (fonts.ts), the others as tspans in their fonts; numeric
 * character references are resolved first so that none hides from that check.
 */
export function svgForPdf(svg: string): string {
  return svg
    .replace(/ (aria-[a-z]+|role)="[^"]*"/g, '')
    .replace(/<title[^>]*>[^<]*<\/title>|<desc[^>]*>[^<]*<\/desc>/g, '')
    .replace(/<path class="(?:background|foreground)" d="(?:M0,0h0v0h0Z)?"[^>]*\/>/g, '')
    .replace(/ (?:class|pointer-events)="[^"]*"| opacity="1"/g, '')
    .replace(/ font-family="Helvetica, [^"]*"/g, ` font-family="${BODY_FONT}"`)
    .replace(/>([^<]+)</g, (_, content: string) => `>${fallbackSpans(resolveReferences(content))}<`);
}

function resolveReferences(content: string): string {
  return content.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (ref, code: string) => {
    const point = code.startsWith('x') ? Number.parseInt(code.slice(1), 16) : Number(code);
    const char = point <= 0x10ffff ? String.fromCodePoint(point) : '';
    return char === '' || MARKUP.has(char) ? ref : char;
  });
}

function fallbackSpans(content: string): string {
  return fontRuns(content)
    .map((r) =>
      r.kind === 'body'
        ? r.text
        : `<tspan font-family="${r.kind === 'fallback' ? FALLBACK_FONT : ZERO_WIDTH_FONT}">${r.text}</tspan>`,
    )
    .join('');
}
