import { describe, expect, it } from 'vitest';
import { makePdf, textOf } from './helpers.ts';

/** Words that differ from page to page and from column to column, none a number. */
const lorem = (words: number, seed: string) =>
  Array.from({ length: words }, (_, i) => `${seed}${'abcdefghij'[i % 10]}${'klmnopq'[i % 7]}word`).join(' ');

// Small PDFs laid out by pdfmake, each isolating one thing the reader must do. pdfmake draws
// every bullet as a shape, so a list item is found only if shapes are read.
describe('the PDF reader on PDFs made for one case each', () => {
  it('reads two columns one after the other, never joining lines across the gutter', async () => {
    const bytes = await makePdf({
      content: [
        { text: 'A heading across the page', fontSize: 16, bold: true },
        {
          columns: [
            { text: `Left ${lorem(60, 'l')} left end.` },
            { text: `Right ${lorem(60, 'r')} right end.` },
          ],
          columnGap: 24,
        },
      ],
    });
    const lines = (await textOf(bytes)).text.split('\n');
    const left = lines.findIndex((l) => l.startsWith('Left '));
    const right = lines.findIndex((l) => l.startsWith('Right '));
    expect(left).toBeGreaterThan(0);
    expect(right).toBeGreaterThan(left);
    // Every left-column line comes before the right column, and no line holds words of both.
    expect(lines.slice(left, right).join(' ')).toContain('left end.');
    expect(lines.some((l) => /\bl\w*word/.test(l) && /\br\w*word/.test(l))).toBe(false);
  });

  it('writes bullets drawn as shapes as "- " items, their wrapped lines indented under them', async () => {
    const bytes = await makePdf({
      content: [
        { text: 'Regional targets', bold: true },
        {
          ul: [
            'By April 2024, increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023, which is a long item that wraps.',
            'A second item.',
          ],
        },
        { ul: ['A square item.'], type: 'square', margin: [0, 12, 0, 0] },
      ],
    });
    const { text } = await textOf(bytes);
    const lines = text.split('\n');
    expect(lines).toContain('- A second item.');
    expect(lines.filter((l) => l.startsWith('- By April 2024'))).toHaveLength(1);
    const first = lines.findIndex((l) => l.startsWith('- By April 2024'));
    expect(lines[first + 1]).toMatch(/^ {2}\S/);
    // The third list stands apart from the second: a wider gap than between items.
    expect(text).toMatch(/- A second item\.\n\n- A square item\./);
  });

  it('drops a running header and footer and bare page numbers, and says where each page starts', async () => {
    const names = ['', 'one', 'two', 'three'];
    const page = (n: number) => [
      { text: `Section ${n}`, fontSize: 16, bold: true },
      { text: lorem(40, names[n] as string), pageBreak: n < 3 ? 'after' : undefined },
    ];
    const bytes = await makePdf({
      header: { text: 'Reducing Reoffending Plan update', margin: [40, 20, 40, 0], fontSize: 8 },
      footer: (current: number, count: number) => ({
        text: `Page ${current} of ${count}`,
        alignment: 'right',
        margin: [40, 0],
        fontSize: 8,
      }),
      content: [1, 2, 3].flatMap(page),
    });
    const extracted = await textOf(bytes);
    expect(extracted.text).not.toContain('Reducing Reoffending Plan update');
    expect(extracted.text).not.toMatch(/Page \d of 3/);
    const lines = extracted.text.split('\n');
    expect(extracted.pages).toHaveLength(3);
    expect(extracted.pages.map((n) => lines[n - 1])).toEqual(['Section 1', 'Section 2', 'Section 3']);
    expect(extracted.blankLines.every((n) => lines[n - 1] === '')).toBe(true);
  });

  it('rejoins a word broken at a hyphenation break and keeps a compound hyphen; ligatures as letters', async () => {
    // Lines set one by one, as a typesetter breaks them: a hyphenation break (U+2010, as Chromium
    // and LibreOffice mark one), a compound broken at its own hyphen, a slash, ligature glyphs.
    const bytes = await makePdf({
      content: [
        {
          stack: [
            'Prison leavers need rehabili\u2010',
            'tation through co-',
            'commissioning with partners/',
            'stakeholders and eﬃcient ﬁne ﬂow.',
          ],
        },
      ],
    });
    const { text } = await textOf(bytes);
    expect(text).toBe(
      'Prison leavers need rehabilitation\nthrough co-commissioning\nwith partners/stakeholders\nand efficient fine flow.',
    );
  });
});
