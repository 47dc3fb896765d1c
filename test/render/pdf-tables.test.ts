import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../src/render/pdf/document.ts';
import type { Table } from '../../src/render/view/schema.ts';

const table = (columns: [string, boolean][], rows: string[][]): Table => ({
  caption: 'A table',
  columns: columns.map(([label, numeric]) => ({ label, numeric })),
  rows: rows.map(([header, ...cells]) => ({ header: header ?? '', cells })),
});

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
    expect(columnWidths(diagnostics)).toEqual({
      widths: ['auto', 'auto', '*'],
      noWrap: [false, true, false],
    });

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
    // "the year to March 2023" is longer than a short cell: that column shares the rest.
    expect(columnWidths(targets)).toEqual({
      widths: ['auto', 'auto', '*', '*', '*'],
      noWrap: [false, true, false, false, false],
    });
  });
});
