import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nationalPdf, regionalPdf, renderPdf } from '../../src/render/index.ts';
import { breakable } from '../../src/render/pdf/breaks.ts';
import { PAGE_MARGINS, table as pdfTable } from '../../src/render/pdf/document.ts';
import { BODY_FONT } from '../../src/render/pdf/fonts.ts';
import { STEPS, tableLayout } from '../../src/render/pdf/table-layout.ts';
import type { NationalView, RegionalView, Table } from '../../src/render/view/schema.ts';
import { tempDir } from '../helpers/cli.ts';
import { type PdfFacts, readPdf, seedReportViews } from '../helpers/pdf.ts';

const table = (columns: [string, boolean][], rows: string[][]): Table => ({
  caption: 'A table',
  columns: columns.map(([label, numeric]) => ({ label, numeric })),
  rows: rows.map(([header, ...cells]) => ({ header: header ?? '', cells })),
});

const WIDTH = 515;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/** Width a layout takes across the page: its columns and the padding between them. */
const across = (l: { widths: number[]; padding: number }) =>
  sum(l.widths) + l.padding * 2 * (l.widths.length - 1);

describe('PDF table columns', () => {
  it('give numbers and short words the width they need, on one line, and share the rest among longer text', () => {
    const diagnostics = table(
      [
        ['Where', false],
        ['Level', false],
        ['Message', false],
      ],
      [
        ['north-east-2023.txt:69', 'warning', 'expected the documents to quote the same national figures'],
        ['wales-2023.txt:74', 'info', 'expected a list label'],
      ],
    );
    const layout = tableLayout(diagnostics, WIDTH);
    expect(layout.noWrap).toEqual([false, true, false]);
    expect(layout).toMatchObject({ fontSize: 8, padding: 8 });
    // "warning" at 8 pt is about 27 pt: the level takes that much, the message all that is left.
    const [where = 0, level = 0, message = 0] = layout.widths;
    expect(level).toBeGreaterThan(26);
    expect(level).toBeLessThan(32);
    expect(where).toBeLessThan(100);
    expect(message).toBeGreaterThan(WIDTH / 2);
    expect(across(layout)).toBeCloseTo(WIDTH, 6);

    const targets = table(
      [
        ['Region', false],
        ['Baseline (%)', true],
        ['Baseline period', false],
        ['Compared with', false],
        ['Source', false],
      ],
      [
        ['North East', '14%', 'March 2023', 'national figure', 'north-east-2023.txt:69'],
        ['Wales', '20%', 'the year to March 2023', 'peer median', 'wales-2023.txt:74'],
      ],
    );
    // "the year to March 2023" is longer than a short cell: that column wraps and shares the rest.
    const second = tableLayout(targets, WIDTH);
    expect(second.noWrap).toEqual([false, true, false, false, false]);
    expect(across(second)).toBeCloseTo(WIDTH, 6);
  });

  it('fit a table too wide for the page with smaller type and gaps, never wider than the page', () => {
    const labels = [
      'Measure',
      'Baseline (%)',
      'Target (%)',
      'Unit',
      'Baseline period',
      'Comparator (%)',
      'Comparator',
      'Comparator period',
      'Other regions with a baseline for the same period',
      'Lowest baseline of the other regions (%)',
      'Median baseline of the other regions (%)',
      'Highest baseline of the other regions (%)',
      'Source',
    ];
    const wide = table(
      labels.map((l, i) => [l, /\(%\)/.test(l) && i > 0]),
      [
        [
          'Sexual offence interventions completed',
          '66%',
          '70%',
          '% of interventions completed',
          'the performance year April 2022 to March 2023',
          '60%',
          'median of the regions in this run',
          'the performance year April 2022 to March 2023',
          '3',
          '49%',
          '60%',
          '69%',
          'yorkshire-and-the-humber-2023.txt:172',
        ],
      ],
    );
    const layout = tableLayout(wide, WIDTH);
    expect(layout.fontSize).toBeLessThan(8);
    expect(layout.fontSize).toBeGreaterThanOrEqual(STEPS[STEPS.length - 1]?.fontSize ?? 0);
    expect(across(layout)).toBeLessThanOrEqual(WIDTH + 1e-6);
    // Nothing can fit 40 columns of 40-letter words: short words wrap and long words are split.
    const hopeless = table(
      Array.from({ length: 40 }, (_, i) => [`Column ${i}`, false] as [string, boolean]),
      [Array.from({ length: 40 }, () => 'W'.repeat(40))],
    );
    const squeezed = tableLayout(hopeless, WIDTH);
    expect(squeezed.noWrap.every((w) => !w)).toBe(true);
    expect(across(squeezed)).toBeLessThanOrEqual(WIDTH + 1e-6);
  });
});

// What a reader's software finds: whitespace goes (cells wrap), the zero-width breaks and soft
// hyphens draw nothing, bidi controls are dropped, and the minus is drawn as an en dash (fonts.ts).
const squeeze = (text: string) =>
  text
    .replace(/[\s\u200b\u00ad\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replaceAll('\u2212', '\u2013');

const [LEFT, , RIGHT] = PAGE_MARGINS;
/**
 * A tenth of a letter. pdfmake measures a line with Helvetica's widths and pdfkit draws it with
 * its kerning, which can end a full line of body text half a point past the margin (seen: a
 * paragraph ending 555.8 against 555.3). That is inside the 40 pt margin and nothing is cut off;
 * a table column run off the page, which this guards against, overshoots by tens of points.
 */
const TOLERANCE = 1;

/** Text items that stand outside the margins, and the text of those within the page, in order. */
function inspect(pdf: PdfFacts): { outside: string[]; text: string } {
  const outside: string[] = [];
  let text = '';
  pdf.pageBoxes.forEach((boxes, page) => {
    const width = pdf.pageWidths[page] ?? 0;
    for (const box of boxes) {
      if (squeeze(box.str) === '') continue;
      if (box.left < LEFT - TOLERANCE || box.right > width - RIGHT + TOLERANCE)
        outside.push(`p. ${page + 1}: "${box.str}" at ${box.left.toFixed(1)}–${box.right.toFixed(1)} pt`);
      if (box.left >= 0 && box.right <= width) text += squeeze(box.str);
    }
  });
  return { outside, text };
}

/**
 * The words of a text as pdfmake may set them: a line breaks at a space, at a zero-width space or
 * soft hyphen, and after a hyphen or slash before a letter ("north-|east", "charts/|wales").
 */
const words = (text: string) =>
  text
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replaceAll('\u2212', '\u2013')
    .split(/[\s\u200b\u00ad]+|(?<=[-/])(?=\p{L})/u)
    .filter(Boolean);

/** Each row of a table, header row first, as the run of text a reader finds for it. */
const rowTexts = (t: Table) => [
  squeeze(t.columns.map((c) => c.label).join('')),
  ...t.rows.map((r) => squeeze([r.header, ...r.cells].join(''))),
];

/** Every table in a view, wherever it sits: an object with a caption, columns and rows. */
function tablesOf(value: unknown): Table[] {
  if (value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap(tablesOf);
  if ('caption' in value && 'columns' in value && 'rows' in value) return [value as Table];
  return Object.values(value).flatMap(tablesOf);
}

async function pdfOf(name: string, buffer: Buffer): Promise<PdfFacts> {
  const path = join(tempDir(), `${name}.pdf`);
  writeFileSync(path, buffer);
  return readPdf(path);
}

describe('PDF tables on the page', () => {
  it('keep a synthetic wide table of long words within the margins, every cell drawn', async () => {
    const wide = table(
      Array.from({ length: 14 }, (_, i) => [`Heading number ${i} (%)`, i % 3 === 0] as [string, boolean]),
      [
        Array.from({ length: 14 }, (_, i) => (i % 2 ? 'March 2023' : `cell-${i}-${'x'.repeat(30)}`)),
        Array.from({ length: 14 }, (_, i) => `Supercalifragilisticexpialidocious ${i} −4.6`),
      ],
    );
    const pdf = await pdfOf(
      'wide',
      await renderPdf({
        pageSize: 'A4',
        pageMargins: [...PAGE_MARGINS],
        defaultStyle: { font: BODY_FONT },
        content: [pdfTable(wide)],
      }),
    );
    const { outside, text } = inspect(pdf);
    expect(outside).toEqual([]);
    for (const row of rowTexts(wide)) expect(text).toContain(row);
  });

  describe("the seeds' summary and packs", () => {
    const reports: { name: string; view: NationalView | RegionalView; pdf: PdfFacts }[] = [];
    beforeAll(async () => {
      for (const view of await seedReportViews()) {
        const doc = view.kind === 'national' ? nationalPdf(view) : regionalPdf(view);
        const name = view.path.replace(/\W+/g, '-');
        reports.push({ name: view.path, view, pdf: await pdfOf(name, await renderPdf(doc)) });
      }
    });

    it('draw no text beyond the margins', () => {
      expect(reports.map((r) => r.name)).toHaveLength(5);
      for (const { name, pdf } of reports)
        expect({ name, outside: inspect(pdf).outside }).toEqual({ name, outside: [] });
    });

    it('draw every table whole: each row, every cell of it, found on the page', () => {
      let rows = 0;
      for (const { name, view, pdf } of reports) {
        const { text } = inspect(pdf);
        // A chart with no data has no table under it (document.ts): only tables with rows count.
        const tables = tablesOf(view).filter((t) => t.rows.length > 0);
        const missing = tables.flatMap((t) =>
          rowTexts(t)
            .filter((row) => !text.includes(row))
            .map((row) => `${t.caption}: ${row}`),
        );
        rows += tables.reduce((n, t) => n + t.rows.length, 0);
        expect({ name, missing }).toEqual({ name, missing: [] });
      }
      // The spine, chart and methods tables, at least: a walk that found no table would pass.
      expect(rows).toBeGreaterThan(100);
    });

    it('split no word of a table: every column is at least as wide as its longest word', () => {
      for (const { name, view, pdf } of reports) {
        // pdfmake draws each word it sets as a text item of its own; a word wider than its column
        // it cuts where the column ends ("accommodatio", "n"), and then no item is the word.
        const drawn = new Set(pdf.pageBoxes.flat().flatMap((b) => words(b.str)));
        const split = tablesOf(view)
          .filter((t) => t.rows.length > 0)
          .flatMap((t) => [
            ...t.columns.map((c) => c.label),
            ...t.rows.flatMap((r) => [r.header, ...r.cells]),
          ])
          .flatMap((cell) => words(breakable(cell)))
          .filter((word) => !drawn.has(word));
        expect({ name, split: [...new Set(split)] }).toEqual({ name, split: [] });
      }
    });
  });
});
