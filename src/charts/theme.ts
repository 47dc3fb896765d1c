import type { Config } from 'vega-lite';

/**
 * Colours from the Okabe–Ito palette (safe for the common colour-vision deficiencies), keeping only
 * those with at least 3:1 contrast against white; greys chosen for the same threshold.
 */
export const COLOURS = {
  target: '#0072B2', // blue, 5.2:1
  baseline: '#505a5f', // GOV.UK dark grey, 7:1
  comparator: '#D55E00', // vermillion, 3.8:1
  peers: '#6f777b', // GOV.UK secondary text grey, 4.6:1
  highlight: '#0072B2',
  muted: '#6f777b',
  attained: '#007a5e', // darker bluish green, 5.5:1
  missed: '#D55E00',
  text: '#0b0c0c',
  grid: '#dcdcdc',
  background: '#ffffff',
} as const;

/** Colours that mark data and must stand out from the white background (WCAG 1.4.11: 3:1). */
export const DATA_COLOURS = [
  COLOURS.target,
  COLOURS.baseline,
  COLOURS.comparator,
  COLOURS.peers,
  COLOURS.attained,
  COLOURS.missed,
];

/** Metric-compatible with Arial and Liberation Sans, so measured widths hold wherever the SVG is drawn. */
export const FONT = 'Helvetica, Arial, "Liberation Sans", sans-serif';
export const FONT_SIZE = 11;
export const LABEL_SIZE = 11;

export const CONFIG: Config = {
  font: FONT,
  background: COLOURS.background,
  padding: 8,
  title: {
    fontSize: 15,
    fontWeight: 'bold',
    anchor: 'start',
    color: COLOURS.text,
    subtitleFontSize: 12,
    subtitleColor: '#383f43',
    subtitlePadding: 4,
    offset: 12,
    limit: 0,
  },
  axis: {
    labelFontSize: FONT_SIZE,
    titleFontSize: FONT_SIZE,
    labelColor: COLOURS.text,
    titleColor: COLOURS.text,
    gridColor: COLOURS.grid,
    domainColor: '#6f777b',
    tickColor: '#6f777b',
    labelLimit: 0,
  },
  legend: {
    labelFontSize: FONT_SIZE,
    titleFontSize: FONT_SIZE,
    labelColor: COLOURS.text,
    titleColor: COLOURS.text,
    orient: 'bottom',
    labelLimit: 0,
  },
  header: {
    labelFontSize: 12,
    labelFontWeight: 'bold',
    titleFontSize: 12,
    labelColor: COLOURS.text,
    labelLimit: 0,
  },
  text: { fontSize: LABEL_SIZE, color: COLOURS.text },
  view: { stroke: null },
  point: { opacity: 1 },
  bar: { opacity: 1 },
};

/** WCAG relative luminance contrast between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
