import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Chart, chartFiles, nationalCharts, regionalCharts } from '../../src/charts/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { computeBenchmarks } from '../../src/metrics/index.ts';
import { nationalView, type ReportInput, regionalView } from '../../src/render/index.ts';
import type { NationalView, RegionalView } from '../../src/render/view/schema.ts';
import { reference } from './metrics.ts';
import { SEED_FILES, SEEDS_DIR } from './seeds.ts';
import { TEMPLATES } from './views.ts';

// The reports use the standard PDF fonts; pdfjs reads their metrics from its own copies.
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

export interface PdfFacts {
  pages: number;
  text: string;
  pageTexts: string[];
  /** Each page's text items in reading order, as pdfjs gives them (one per run of text drawn). */
  pageItems: string[][];
  /** The same items with where they are drawn across the page, in points from its left edge. */
  pageBoxes: TextBox[][];
  /** Each page's width in points. */
  pageWidths: number[];
  info: Record<string, unknown>;
  language: string | null;
}

export interface TextBox {
  str: string;
  left: number;
  right: number;
}

/** Text and metadata of a PDF as a reader's software sees them (pdfjs-dist, no rendering). */
export async function readPdf(path: string): Promise<PdfFacts> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(readFileSync(path)),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const pageTexts: string[] = [];
  const pageItems: string[][] = [];
  const pageBoxes: TextBox[][] = [];
  const pageWidths: number[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    pageItems.push(content.items.map((item) => ('str' in item ? item.str.replace(/\u200b/g, '') : '')));
    pageBoxes.push(
      content.items.flatMap((item) => {
        if (!('str' in item)) return [];
        // A rotated item (a chart's axis title) runs along its baseline, not across the page.
        const [a = 1, b = 0, , , x = 0] = item.transform as number[];
        const end = x + (item.width * a) / (Math.hypot(a, b) || 1);
        return [{ str: item.str, left: Math.min(x, end), right: Math.max(x, end) }];
      }),
    );
    const [left = 0, , right = 0] = page.view;
    pageWidths.push(right - left);
    const text = content.items
      .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : ''))
      .join('')
      .replace(/\u200b/g, '');
    pageTexts.push(text.replace(/[ \t]+/g, ' '));
  }
  const meta = await doc.getMetadata();
  const info = meta.info as Record<string, unknown>;
  await doc.destroy();
  return {
    pages: pageTexts.length,
    text: pageTexts.join('\n'),
    pageTexts,
    pageItems,
    pageBoxes,
    pageWidths,
    info,
    language: (info.Language as string | undefined) ?? null,
  };
}

/** Text with line breaks and runs of spaces collapsed, for phrase searches that wrap across lines. */
export const flat = (text: string) => text.replace(/\s+/g, ' ');

let seedViews: Promise<(NationalView | RegionalView)[]> | null = null;

/**
 * The seeds' report views as a build makes them, real charts included, without writing a file:
 * the national summary first, then each region's pack. Made once per worker process (test files
 * share a worker's modules): drawing their forty charts took seconds for each file that asked.
 * Read them, never change them.
 */
export function seedReportViews(): Promise<(NationalView | RegionalView)[]> {
  seedViews ??= makeSeedReportViews();
  return seedViews;
}

async function makeSeedReportViews(): Promise<(NationalView | RegionalView)[]> {
  const read = ingest(
    Object.values(SEED_FILES).map((file) => ({ file, bytes: readFileSync(join(SEEDS_DIR, file)) })),
  );
  const metrics = computeBenchmarks(read.plans, reference());
  const edition = Math.max(...read.plans.map((p) => p.edition));
  const current = read.plans.filter((p) => p.edition === edition);
  const ctx = { edition, words: TEMPLATES, benchmarks: metrics.benchmarks, plans: current };
  const charts = new Map<string, { chart: Chart; svg: string }>();
  for (const chart of [...nationalCharts(ctx), ...current.flatMap((p) => regionalCharts(ctx, p.region.id))]) {
    const svg = (await chartFiles(chart)).get(`charts/${chart.id}.svg`);
    if (svg === undefined) throw new Error(`no SVG for chart ${chart.id}`);
    charts.set(chart.id, { chart, svg });
  }
  const input: ReportInput = {
    edition,
    plans: read.plans,
    benchmarks: metrics.benchmarks,
    charts,
    diagnostics: [...read.diagnostics, ...metrics.diagnostics],
    reference: reference(),
    date: '2025-07-31',
  };
  return [nationalView(input, TEMPLATES), ...current.map((p) => regionalView(input, p.region.id, TEMPLATES))];
}
