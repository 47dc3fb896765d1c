import { FALLBACK_FONT, fontRuns, ZERO_WIDTH_FONT } from './fonts.ts';

const MARKUP = new Set(['<', '>', '&', '"', "'"]);

/**
 * A chart's SVG as the PDF needs it. The screen-reader labels serve the HTML page; in the PDF they
 * are only parsed and dropped, and removing them first cut PDF rendering by about 6%. Chart text
 * goes through the same font runs as body text (fonts.ts), the others as tspans in their fonts;
 * numeric character references are resolved first so that none hides from that check.
 */
export function svgForPdf(svg: string): string {
  return svg
    .replace(/ (aria-[a-z]+|role)="[^"]*"/g, '')
    .replace(/<title[^>]*>[^<]*<\/title>|<desc[^>]*>[^<]*<\/desc>/g, '')
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
