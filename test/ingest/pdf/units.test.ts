import { describe, expect, it } from 'vitest';
import { takeBullet } from '../../../src/ingest/pdf/bullets.ts';
import { readingOrder } from '../../../src/ingest/pdf/columns.ts';
import { withoutFurniture } from '../../../src/ingest/pdf/furniture.ts';
import { rejoinHyphens } from '../../../src/ingest/pdf/hyphens.ts';
import { lineText, rowsOf } from '../../../src/ingest/pdf/lines.ts';
import { filledShapes } from '../../../src/ingest/pdf/shapes.ts';
import type { Box, PageContent, Run } from '../../../src/ingest/pdf/types.ts';
import {
  cite,
  diagnostic,
  formatDiagnostic,
  locate,
  locateDiagnostics,
  type Source,
} from '../../../src/model/index.ts';

/** A run of 10-point text at (x, y), each character 5 points wide. */
const run = (text: string, x: number, y: number, extra: Partial<Run> = {}): Run => ({
  text,
  x,
  y,
  width: 5 * text.length,
  size: 10,
  bold: false,
  symbol: false,
  ...extra,
});

describe('lines', () => {
  it('puts a space where runs have a gap, none inside a word or after a hyphen within one', () => {
    expect(lineText([run('Multi-', 0, 0), run('Agency', 34, 0), run('work', 70, 0)])).toBe(
      'Multi-Agency work',
    );
    expect(lineText([run('rehabilit', 0, 0), run(' ation.', 45, 0)])).toBe('rehabilitation.');
    expect(lineText([run('pre-', 0, 0), run(' ', 20, 0), run('and', 23, 0)])).toBe('pre- and');
    expect(lineText([run('Foreword', 0, 0), run('4', 200, 0)])).toBe('Foreword\t4');
  });

  it('groups runs by baseline, top of the page first', () => {
    const rows = rowsOf([run('second', 0, 100), run('first', 0, 120), run('also first', 30, 121)]);
    expect(rows.map(lineText)).toEqual(['first also first', 'second']);
  });
});

describe('columns', () => {
  it('reads the left column before the right one, and a full-width heading first', () => {
    const rows: Run[][] = [[run('A heading that runs across the whole width of the page', 0, 300)]];
    for (let i = 0; i < 5; i++)
      rows.push([
        run(`left line ${i} of text`, 0, 280 - 12 * i),
        run(`right line ${i} of text`, 150, 280 - 12 * i),
      ]);
    const order = readingOrder(rows).map((r) => lineText(r.runs));
    expect(order[0]).toMatch(/^A heading/);
    expect(order.slice(1, 6)).toEqual([0, 1, 2, 3, 4].map((i) => `left line ${i} of text`));
    expect(order.slice(6)).toEqual([0, 1, 2, 3, 4].map((i) => `right line ${i} of text`));
  });

  it('does not take a page number beside contents entries for a column', () => {
    const rows = [0, 1, 2, 3].map((i) => [
      run(`Entry number ${i}`, 0, 300 - 14 * i),
      run(`${i + 3}`, 400, 300 - 14 * i),
    ]);
    expect(readingOrder(rows).map((r) => lineText(r.runs))).toEqual(
      [0, 1, 2, 3].map((i) => `Entry number ${i}\t${i + 3}`),
    );
  });
});

describe('running headers and footers', () => {
  it('drops text repeated in the margins of most pages and bare page numbers, and keeps the body', () => {
    const page = (n: number): PageContent => ({
      number: n,
      width: 600,
      height: 800,
      shapes: [],
      runs: [
        run('North East Plan 2023', 40, 780, { size: 8 }),
        run(`Body text of page ${['one', 'two', 'three'][n - 1]}`, 40, 600),
        run(`${n}`, 300, 20, { size: 8 }),
      ],
    });
    const pages = withoutFurniture([page(1), page(2), page(3)]);
    expect(pages.map((p) => p.runs.map((r) => r.text))).toEqual([
      ['Body text of page one'],
      ['Body text of page two'],
      ['Body text of page three'],
    ]);
  });
});

describe('bullets', () => {
  it('takes a bullet glyph or a drawn mark off a line, and drops icons', () => {
    expect(takeBullet([run('•', 0, 0), run('Item', 10, 0)], [], new Set()).bullet).toBe(true);
    const disc: Box = { x0: 0, y0: 2, x1: 4, y1: 6 };
    const used = new Set<Box>();
    expect(takeBullet([run('Drawn item', 10, 0)], [disc], used).bullet).toBe(true);
    // Each mark marks one line.
    expect(takeBullet([run('Next line', 10, -12)], [disc], used).bullet).toBe(false);
    const icon = takeBullet(
      [run('Q', 0, 0, { symbol: true }), run('Regional targets', 14, 0)],
      [],
      new Set(),
    );
    expect(icon).toMatchObject({ bullet: false, runs: [{ text: 'Regional targets' }] });
    // A Wingdings mark alone on its page is an icon; marking several lines, a bullet.
    const mark = run('\uf0d8', 0, 0, { symbol: true });
    expect(
      takeBullet([mark, run('Opportunities', 14, 0)], [], new Set(), new Map([['\uf0d8', 1]])).bullet,
    ).toBe(false);
    expect(takeBullet([mark, run('An item', 14, 0)], [], new Set(), new Map([['\uf0d8', 3]])).bullet).toBe(
      true,
    );
  });

  it('finds small painted shapes from the operator list, curves and transform included', () => {
    const OPS = {
      save: 10,
      restore: 11,
      transform: 12,
      moveTo: 13,
      lineTo: 14,
      curveTo: 15,
      curveTo2: 16,
      curveTo3: 17,
      closePath: 18,
      rectangle: 19,
      stroke: 20,
      closeStroke: 21,
      fill: 22,
      eoFill: 23,
      fillStroke: 24,
      eoFillStroke: 25,
      closeFillStroke: 26,
      closeEOFillStroke: 27,
      endPath: 28,
      constructPath: 91,
      paintFormXObjectBegin: 74,
      paintFormXObjectEnd: 75,
    };
    // A disc of radius 2 drawn with curves about (2, 2), moved to (100, 700) by the transform; a
    // page-wide rule; and a clipping path, which paints nothing.
    const disc = [
      [13, 15, 15, 15, 15, 18],
      [0, 2, 0, 0.9, 0.9, 0, 2, 0, 3.1, 0, 4, 0.9, 4, 2, 4, 3.1, 3.1, 4, 2, 4, 0.9, 4, 0, 3.1, 0, 2],
      [0, 0, 4, 4],
    ];
    const shapes = filledShapes(
      OPS,
      [10, 12, 91, 22, 11, 91, 22, 91, 28],
      [
        null,
        [1, 0, 0, 1, 100, 700],
        disc,
        null,
        null,
        [[19], [0, 0, 500, 1], [0, 0, 500, 1]],
        null,
        [[19], [0, 0, 5, 5], []],
        null,
      ],
    );
    expect(shapes).toEqual([{ x0: 100, y0: 700, x1: 104, y1: 704 }]);
  });
});

describe('hyphens', () => {
  it('rejoins a hyphenation break without its hyphen and a compound with its own', () => {
    const lines = (...texts: string[]) => texts.map((text) => ({ text, starts: false }));
    expect(
      rejoinHyphens(
        lines('rehabili\u2010', 'tation and co-', 'commissioning with partners/', 'stakeholders'),
      ).map((l) => l.text),
    ).toEqual(['rehabilitation', 'and co-commissioning', 'with partners/stakeholders']);
    expect(
      rejoinHyphens([
        { text: 'a dash -', starts: false },
        { text: 'next', starts: false },
      ]).map((l) => l.text),
    ).toEqual(['a dash -', 'next']);
    expect(
      rejoinHyphens([
        { text: 'ends co-', starts: false },
        { text: '- a new item', starts: true },
      ]).map((l) => l.text),
    ).toEqual(['ends co-', '- a new item']);
  });
});

describe('locations in a PDF', () => {
  const source: Source = {
    file: 'north-east.pdf',
    sha256: '0'.repeat(64),
    format: 'pdf',
    pages: [1, 5, 5, 9],
    blankLines: [3, 7, 8],
  };

  it('are a page and a line on it, blank lines not counted; an empty page takes no line', () => {
    expect(locate(source, 1)).toEqual({ page: 1, line: 1 });
    expect(locate(source, 4)).toEqual({ page: 1, line: 3 });
    expect(locate(source, 6)).toEqual({ page: 3, line: 2 });
    expect(locate(source, 9)).toEqual({ page: 4, line: 1 });
    expect(cite(source, 9)).toBe('north-east.pdf, page 4, line 1');
    expect(cite({ file: 'a.txt', sha256: '0'.repeat(64), format: 'text' }, 9)).toBe('a.txt:9');
  });

  it('are given by diagnostics as page and line, in the form printed', () => {
    const [d] = locateDiagnostics(
      [diagnostic('error', 'x', 'north-east.pdf', 6, 'expected this; found that.')],
      new Map([[source.file, source]]),
    );
    expect(d).toMatchObject({ page: 3, line: 2 });
    expect(formatDiagnostic(d as NonNullable<typeof d>)).toBe(
      'north-east.pdf, page 3, line 2: error: expected this; found that. [x]',
    );
    expect(formatDiagnostic(diagnostic('error', 'x', 'a.txt', 6, 'm'))).toBe('a.txt:6: error: m [x]');
  });
});
