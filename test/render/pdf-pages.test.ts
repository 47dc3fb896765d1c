import { readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderPdf } from '../../src/render/index.ts';
import { BODY_FONT } from '../../src/render/pdf/fonts.ts';
import { tempDir } from '../helpers/cli.ts';
import { goldenCases } from '../helpers/golden.ts';
import { FIGURE_PATHS, NEAR_EMPTY_LINES, nearEmpty, pageProfiles } from '../helpers/pdf-pages.ts';
import { markedContent } from '../helpers/pdf-structure.ts';

// Pages a reader does not skip: no PDF of the seeds or of a golden case has an empty or near-empty
// page, that is fewer than NEAR_EMPTY_LINES lines of text between the running header and the page
// number and no figure (fewer than FIGURE_PATHS painted paths). The running header and the page
// number are not counted: a page with only those is empty.

/** Every PDF under a build's output folder. */
function pdfsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .map((f) => join(dir, f));
}

const builds: Record<string, string> = {};

beforeAll(() => {
  builds.seeds = inject('seedsBuild');
  // The golden cases are built as HTML by the golden test; as PDF by the global setup.
  Object.assign(builds, inject('goldenPdfBuilds'));
  const missing = goldenCases().filter((name) => !builds[name]);
  if (missing.length > 0) throw new Error(`no PDF build of the golden cases ${missing.join(', ')}`);
});

describe('PDF pages a reader does not skip', () => {
  it('the threshold is what it says: a near-empty page is caught, a page of text or a chart is not', () => {
    const page = (lines: number, paths: number) => ({ page: 1, lines, paths, text: '' });
    expect(nearEmpty([page(NEAR_EMPTY_LINES - 1, 0)])).toHaveLength(1);
    expect(nearEmpty([page(0, FIGURE_PATHS - 1)])).toHaveLength(1);
    expect(nearEmpty([page(NEAR_EMPTY_LINES, 0), page(1, FIGURE_PATHS)])).toEqual([]);
  });

  it('finds a real near-empty page: a PDF whose second page holds one line and a page number', async () => {
    const path = join(tempDir(), 'near-empty.pdf');
    const lines = Array.from({ length: 20 }, (_, i) => `Line ${i + 1} of a page that is read.`);
    writeFileSync(
      path,
      await renderPdf({
        pageSize: 'A4',
        pageMargins: [40, 50, 40, 50],
        defaultStyle: { font: BODY_FONT },
        header: () => ({ text: 'Running header', margin: [40, 20, 40, 0] }),
        footer: (page: number) => ({ text: `Page ${page}`, alignment: 'center', margin: [0, 15, 0, 0] }),
        content: [
          ...lines,
          { text: 'A lone heading', pageBreak: 'before' },
          { text: 'More', pageBreak: 'before' },
          ...lines,
        ],
      }),
    );
    const pages = await pageProfiles(path);
    expect(pages.map((p) => p.lines)).toEqual([20, 1, 21]);
    expect(nearEmpty(pages).map((p) => p.page)).toEqual([2]);
  });

  it('seeds and every golden case: no empty or near-empty page in any pack or summary', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const [name, dir] of Object.entries(builds)) {
      for (const pdf of pdfsUnder(dir)) {
        const pages = await pageProfiles(pdf);
        checked += pages.length;
        for (const p of nearEmpty(pages))
          found.push(`${name}/${relative(dir, pdf)} page ${p.page}: ${p.lines} lines (${p.text})`);
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(found).toEqual([]);
  }, 120_000);

  it('a pack has no contents page; its outline (bookmarks) lists its sections', async () => {
    const pack = join(builds.seeds as string, 'regions', 'north-east', 'pack.pdf');
    const pages = await pageProfiles(pack);
    expect(pages.flatMap((p) => p.text.split(' / ')).filter((line) => line.trim() === 'Contents')).toEqual(
      [],
    );
    const { outline } = await markedContent(pack);
    expect(outline).toContain('Summary');
    expect(outline.length).toBeGreaterThan(5);
  });

  it('a section with nothing to show says why in a line or two, with no empty chart', async () => {
    const pack = join(builds.seeds as string, 'regions', 'north-east', 'pack.pdf');
    // pdfkit sets each word on its own, so pdfjs reads the words with no spaces between them.
    const bare = (t: string) => t.replace(/\s+/g, '');
    const text = bare((await pageProfiles(pack)).map((p) => p.text).join(' / '));
    expect(text).toContain(bare('Targets set in 2022'));
    expect(text).toContain(
      bare('North East has no 2022 update in this run, so no earlier target is checked.'),
    );
    // The empty chart's own title, which said it again, is not drawn.
    expect(text).not.toContain(bare('No earlier target can be checked yet'));
  });
});
