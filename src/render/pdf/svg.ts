import { BODY_FONT } from './fonts.ts';

/**
 * A chart's SVG as the PDF needs it. pdfmake parses each SVG twice more before drawing it, so
 * what the PDF does not use is removed first: the screen-reader markup (role, aria-*, the <title>
 * and <desc>: in the PDF the chart's headline and description are the figure's alternate text,
 * document.ts), the class names and pointer events (for styles and the mouse), Vega's empty and
 * hidden paths, and opacity at its default; the font list becomes the font it resolves to. The PDF
 * draws the same (pixel for pixel, checked with pdftoppm), and PDF rendering took less time.
 */
export function svgForPdf(svg: string): string {
  return svg
    .replace(/ (aria-[a-z]+|role)="[^"]*"/g, '')
    .replace(/<title[^>]*>[^<]*<\/title>|<desc[^>]*>[^<]*<\/desc>/g, '')
    .replace(/<path class="(?:background|foreground)" d="(?:M0,0h0v0h0Z)?"[^>]*\/>/g, '')
    .replace(/ (?:class|pointer-events)="[^"]*"| opacity="1"/g, '')
    .replace(/ font-family="Helvetica, [^"]*"/g, ` font-family="${BODY_FONT}"`);
}
