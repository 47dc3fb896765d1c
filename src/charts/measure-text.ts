/**
 * Text width from the standard Helvetica advance widths (1/1000 em, printable ASCII), which Arial
 * and Liberation Sans share. Vega's headless fallback counts 0.8 em for every character, which
 * overstates names like "Yorkshire and the Humber" by half; charts lay out labels with this
 * instead, and the renderer gives Vega the same function, so placement and drawing agree.
 */
const WIDTHS =
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584'
    .split(',')
    .map(Number);

const FALLBACK = 556;
/** Bold Helvetica runs about 7% wider on average. */
const BOLD = 1.07;

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    units += code >= 32 && code <= 126 ? (WIDTHS[code - 32] ?? FALLBACK) : ch === '\u2212' ? 584 : FALLBACK;
  }
  return (units / 1000) * fontSize * (bold ? BOLD : 1);
}
