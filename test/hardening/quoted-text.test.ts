import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/format/csv.ts';
import { drawnText } from '../../src/render/pdf/fonts.ts';
import { buildFrom } from '../helpers/build.ts';
import { readPdf } from '../helpers/pdf.ts';
import { lineOf, replaceOnce, seedText } from '../helpers/seeds.ts';

// Issue 12, items 8, 9 and 11: text and names quoted from documents, as an attacker or an
// unlucky editor would write them, in a build of two documents.
const FORMULA_FILE = '=HYPERLINK(1).txt';
const RLO_BULLET =
  '- Fully utilise the Education, Training and Employment (ETE) allowance for Unpaid Work participants.';
const RLO_TEXT =
  'Fully utilise the \u202eEducation, Training and Employment (ETE) allowance for Unpaid Work participants.';
const FOREIGN_BULLET = '- Establish Employment Advisory Boards, involving HMPPS staff.';
const FOREIGN_TEXT = 'Establish Employment Advisory Boards 就业 😀 עבודה عمل, involving HMPPS staff.';

const northEast = replaceOnce(
  replaceOnce(seedText('north-east'), RLO_BULLET, `- ${RLO_TEXT}`),
  FOREIGN_BULLET,
  `- ${FOREIGN_TEXT}`,
);
const RLO_LINE = lineOf(northEast, RLO_TEXT);
const FOREIGN_LINE = lineOf(northEast, FOREIGN_TEXT);

let out: string;
beforeAll(async () => {
  out = await buildFrom({ 'north-east-2023.txt': northEast, [FORMULA_FILE]: seedText('south-west') });
}, 240_000);

type Row = Record<string, string>;
const csv = (path: string): Row[] => parse(readFileSync(join(out, path), 'utf8'), { columns: true });
const diagnostics = () =>
  (
    JSON.parse(readFileSync(join(out, 'data/diagnostics.json'), 'utf8')) as {
      diagnostics: Array<{ code: string; level: string; file: string; line?: number; message: string }>;
    }
  ).diagnostics;

describe('CSV cells cannot become formulas (item 9)', () => {
  it('text that starts like a formula gets an apostrophe; numbers, negative ones too, stay numbers', () => {
    expect(['=1+1', '+SUM(A1)', '-2+3+cmd|x', '@SUM(A1)', '\t=1', '\r=1'].map(csvCell)).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3+cmd|x",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ]);
    expect([-5.4, 0, 12.5, null, undefined, true, '-5.4', '+3', 'north-east', 'a=b'].map(csvCell)).toEqual([
      '-5.4',
      '0',
      '12.5',
      '',
      '',
      'true',
      '-5.4',
      '+3',
      'north-east',
      'a=b',
    ]);
    expect(toCsv(['a', 'b'], [['=HYPERLINK(1).txt:3', -1]])).toBe("a,b\n'=HYPERLINK(1).txt:3,-1\n");
  });

  it('a document named =HYPERLINK(1).txt is cited as text in targets.csv and benchmarks.csv', () => {
    const targets = csv('data/targets.csv').filter((r) => r.region_id === 'south-west');
    expect(targets.length).toBeGreaterThan(0);
    for (const r of targets) expect(r.source).toMatch(/^'=HYPERLINK\(1\)\.txt:\d+$/);
    const rows = csv('data/benchmarks.csv');
    const sw = rows.filter((r) => r.region_id === 'south-west');
    expect(sw.length).toBeGreaterThan(0);
    for (const r of sw) expect(r.source).toMatch(/^'=HYPERLINK\(1\)\.txt:\d+$/);
    // Negative gaps are still numbers a spreadsheet can sum.
    const gaps = rows.map((r) => r.baseline_gap_pp).filter((g): g is string => Boolean(g?.startsWith('-')));
    expect(gaps.length).toBeGreaterThan(0);
    for (const g of gaps) expect(Number(g)).toBeLessThan(0);
  });

  it('no cell of any CSV written, chart data included, starts like a formula unless it is a number', () => {
    const files = [
      'data/targets.csv',
      'data/benchmarks.csv',
      ...readdirSync(join(out, 'charts'))
        .filter((f) => f.endsWith('.csv'))
        .map((f) => `charts/${f}`),
    ];
    let cited = 0;
    for (const file of files) {
      for (const row of csv(file)) {
        for (const value of Object.values(row)) {
          if (/^[=+\-@\t\r]/.test(value))
            expect(Number.isFinite(Number(value)), `${file}: ${value}`).toBe(true);
          if (value.startsWith("'=HYPERLINK(1).txt")) cited++;
        }
      }
    }
    // The chart CSVs cite the document too (dumbbells, heatmap, scatter, commitments).
    expect(cited).toBeGreaterThan(10);
  });
});

describe('quoted text cannot reorder what follows it (item 8)', () => {
  it('the reader drops the override, with a warning at its line', () => {
    const found = diagnostics().filter((d) => d.code === 'text-bidi-control');
    expect(found).toMatchObject([{ level: 'warning', file: 'north-east-2023.txt', line: RLO_LINE }]);
    expect(found[0]?.message).toContain('U+202E (right-to-left override)');
    const plans = readFileSync(join(out, 'data/plans.json'), 'utf8');
    expect(plans).not.toContain('\u202e');
    expect(plans).toContain(RLO_TEXT.replace('\u202e', ''));
  });

  it('in the HTML every quote and its source line are isolated, and no bidi control is left', () => {
    const html = readFileSync(join(out, 'regions/north-east/pack.html'), 'utf8');
    expect(html).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain(
      `<q class="app-word-break"><bdi>${RLO_TEXT.replace('\u202e', '')}</bdi></q> <span class="app-source"><bdi>north-east-2023.txt:${RLO_LINE}</bdi></span>`,
    );
    expect(html).toContain(`Source: <bdi>north-east-2023.txt</bdi>.`);
  });

  it('in the browser the source line after the quote reads left to right', async () => {
    if (!existsSync('/usr/bin/chromium'))
      throw new Error('needs /usr/bin/chromium (apt-get install chromium)');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      await page.goto(pathToFileURL(join(out, 'regions/north-east/pack.html')).href);
      const citation = `north-east-2023.txt:${RLO_LINE}`;
      // The left edge of each character of the citation, in the order the characters are stored.
      const lefts = await page.evaluate((wanted) => {
        type Rect = { left: number; width: number };
        type TextNode = { textContent: string };
        const g = globalThis as unknown as {
          document: {
            querySelectorAll(s: string): Array<{ textContent: string; firstChild: TextNode | null }>;
            createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
            createRange(): {
              setStart(n: TextNode, o: number): void;
              setEnd(n: TextNode, o: number): void;
              getBoundingClientRect(): Rect;
            };
          };
        };
        const span = [...g.document.querySelectorAll('.app-source')].find((s) => s.textContent === wanted);
        if (!span) return null;
        const walker = g.document.createTreeWalker(span, 4);
        const result: number[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (let i = 0; i < node.textContent.length; i++) {
            const range = g.document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            result.push(range.getBoundingClientRect().left);
          }
        }
        return result;
      }, citation);
      expect(lefts, `no source line "${citation}" in the page`).not.toBeNull();
      expect(lefts).toHaveLength(citation.length);
      // Reversed, each character would stand left of the one before it.
      const xs = lefts ?? [];
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size).toBe(xs.length);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('the PDF leaves bidi controls out, rather than drawing each as a space', async () => {
    expect(drawnText('ab\u202ec\u2067d\u200f')).toBe('abcd');
    expect(drawnText('\u202eŵ')).toBe('ŵ');
    const pdf = await readPdf(join(out, 'regions/north-east/pack.pdf'));
    expect(pdf.text).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(pdf.text.replace(/\s/g, '')).toContain(
      `${RLO_TEXT.replace('\u202e', '')}”north-east-2023.txt:${RLO_LINE}`.replace(/\s/g, ''),
    );
  });
});

describe('characters no PDF font has are reported, not silently boxed (item 11)', () => {
  it('a warning at the line names each character and says the PDF will not show it', () => {
    const found = diagnostics().filter((d) => d.code === 'pdf-glyph-missing');
    expect(found).toMatchObject([{ level: 'warning', file: 'north-east-2023.txt', line: FOREIGN_LINE }]);
    const message = found[0]?.message ?? '';
    for (const named of [
      '"就业" (U+5C31, U+4E1A)',
      '"😀" (U+1F600)',
      '"עבודה" (U+05E2, U+05D1, U+05D5, …)',
      '"عمل"',
    ])
      expect(message).toContain(named);
    expect(message).toContain('the PDF shows an empty box, a gap or letters in the wrong order');
    // Greek, Cyrillic and Welsh are drawn (Arimo), so they are not named.
    expect(message).not.toMatch(/U\+0(3|4)[0-9A-F]{2}\)|ŵ/);
  });

  it('the HTML still shows them', () => {
    const html = readFileSync(join(out, 'regions/north-east/pack.html'), 'utf8');
    expect(html).toContain(FOREIGN_TEXT);
  });
});
