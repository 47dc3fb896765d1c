import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReference } from '../../src/ingest/index.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const text = readFileSync(join(SEEDS_DIR, 'national-figures.json'), 'utf8');
const FIRST_URL =
  '"url": "https://www.gov.uk/government/statistics/offender-employment-outcomes-update-to-march-2024"';

/** The reference with one exact piece of its text replaced, read; fails loudly if the seed changed. */
function readWith(find: string, replacement: string) {
  const at = text.indexOf(find);
  if (at === -1) throw new Error(`expected "${find}" in the seed reference`);
  const changed = text.slice(0, at) + replacement + text.slice(at + find.length);
  const line = changed.slice(0, at).split('\n').length;
  return { result: readReference('national-figures.json', changed), line };
}

describe('the national reference file is checked for what its fields mean', () => {
  it.each([
    ['javascript:alert(document.domain)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://example.org/stats'],
  ])('a link to %s is refused at its line, saying only web addresses are accepted', (url) => {
    const { result, line } = readWith(FIRST_URL, `"url": ${JSON.stringify(url)}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toMatchObject([
      { code: 'reference-invalid', level: 'error', file: 'national-figures.json', line },
    ]);
    expect(result.diagnostics[0]?.message).toMatch(/^figures\.0\.source\.url: expected an https:\/\//);
    expect(result.diagnostics[0]?.message).toContain(`found ${JSON.stringify(url)}`);
  });

  it('http and https links are accepted', () => {
    expect(readWith(FIRST_URL, '"url": "http://example.org/stats"').result.ok).toBe(true);
    expect(readWith(FIRST_URL, '"url": null').result.ok).toBe(true);
  });

  it.each([['2024-02-31'], ['2023-02-29'], ['2024-13'], ['2024-00-10'], ['2024-7-25']])(
    'a publication date %s that the calendar does not have is refused at its line',
    (date) => {
      const { result, line } = readWith('"published": "2024-07-25"', `"published": "${date}"`);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.diagnostics).toMatchObject([{ code: 'reference-invalid', line }]);
      expect(result.diagnostics[0]?.message).toContain('figures.0.source.published');
      expect(result.diagnostics[0]?.message).toContain(`found "${date}"`);
    },
  );

  it('real dates, a leap day among them, and months are accepted', () => {
    expect(readWith('"published": "2024-07-25"', '"published": "2024-02-29"').result.ok).toBe(true);
    expect(readWith('"published": "2024-07-25"', '"published": "2024-07"').result.ok).toBe(true);
  });

  it.each([['2023-03/2022-04'], ['2023-03/2023-03']])(
    'a period %s that does not run forward is refused at its line',
    (period) => {
      const { result, line } = readWith('"period": "2022-04/2023-03"', `"period": "${period}"`);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.diagnostics).toMatchObject([{ code: 'reference-invalid', line }]);
      expect(result.diagnostics[0]?.message).toContain('figures.0.period');
      expect(result.diagnostics[0]?.message).toContain(`found "${period}"`);
      expect(result.diagnostics[0]?.message).toContain('Write the earlier month first');
    },
  );

  it('a UTF-8 byte-order mark is read, and lines still count from the first', () => {
    const withBom = `\uFEFF${text}`;
    const result = readReference('national-figures.json', withBom);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    expect(result.reference.figures.length).toBeGreaterThan(0);
    const broken = readReference('national-figures.json', withBom.replace('"value": 75.6', '"value": 175.6'));
    expect(broken.ok).toBe(false);
    if (broken.ok) return;
    expect(broken.diagnostics[0]?.line).toBe(text.split('\n').findIndex((l) => l.includes('75.6')) + 1);
  });
});
