import { textWidth } from '../../src/charts/index.ts';

export interface TextBox {
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Every horizontal text in a Vega SVG with the box it occupies on the page: group translations
 * are accumulated, anchors and font sizes read, multi-line text (tspans) measured line by line.
 * Rotated text (vertical axis titles) is left out. Widths use the same Helvetica metrics the
 * charts are laid out with.
 */
export function textBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = [];
  const stack: Array<[number, number]> = [[0, 0]];
  const tag = /<(\/?)(g|text)\b([^>]*)>/g;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const [, closing, name, attrs = ''] = m;
    const [ox, oy] = stack[stack.length - 1] ?? [0, 0];
    if (name === 'g') {
      if (closing) stack.pop();
      else if (!attrs.endsWith('/')) {
        const t = /transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(attrs);
        stack.push(t ? [ox + Number(t[1]), oy + Number(t[2])] : [ox, oy]);
      }
      continue;
    }
    if (closing) continue;
    const end = svg.indexOf('</text>', tag.lastIndex);
    const inner = svg.slice(tag.lastIndex, end);
    const transform = /transform="([^"]*)"/.exec(attrs)?.[1] ?? '';
    if (transform.includes('rotate') && !/rotate\(0\)/.test(transform)) continue;
    const t = /translate\(([-\d.]+),([-\d.]+)\)/.exec(transform);
    const x = ox + Number(t?.[1] ?? 0);
    const y = oy + Number(t?.[2] ?? 0);
    const size = Number(/font-size="([\d.]+)px"/.exec(attrs)?.[1] ?? 11);
    const bold = /font-weight="bold"/.test(attrs);
    const anchor = /text-anchor="(\w+)"/.exec(attrs)?.[1] ?? 'start';
    const lines = inner.includes('<tspan')
      ? [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((l) => l[1] ?? '')
      : [inner];
    const decoded = lines.map((l) =>
      l
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'"),
    );
    const width = Math.max(...decoded.map((l) => textWidth(l, size, bold)));
    const x1 = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    // The y of a Vega text is its baseline or middle; a box of one line height either side of
    // the anchor's cap height is what a reader sees.
    const lineHeight = size * 1.15;
    boxes.push({
      text: decoded.join(' / '),
      x1,
      x2: x1 + width,
      y1: y - size * 0.8,
      y2: y - size * 0.8 + lineHeight * decoded.length,
    });
    tag.lastIndex = end;
  }
  return boxes.filter((b) => b.text.trim() !== '');
}

/** Pairs of text boxes that overlap by more than a sliver. */
export function overlaps(boxes: readonly TextBox[], tolerance = 1): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i] as TextBox;
      const b = boxes[j] as TextBox;
      // A label drawn twice in the same place is its white halo and the text itself.
      if (a.text === b.text && Math.abs(a.x1 - b.x1) < 0.01 && Math.abs(a.y1 - b.y1) < 0.01) continue;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > tolerance && h > tolerance) found.push([a.text, b.text]);
    }
  }
  return found;
}
