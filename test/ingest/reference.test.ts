import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReference } from '../../src/ingest/index.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const text = readFileSync(join(SEEDS_DIR, 'national-figures.json'), 'utf8');

describe('the national reference file', () => {
  it('holds the published figures as they stand, with their sources', () => {
    const result = readReference('national-figures.json', text);
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const value = (measure: string, period: string) =>
      result.reference.figures.find((f) => f.measure === measure && f.period === period)?.value;
    expect(value('employment-6w', '2022-04/2023-03')).toBe(17.4);
    expect(value('employment-6m', '2023-04/2024-03')).toBe(31.1);
    expect(value('housed-first-night', '2024-04/2025-03')).toBe(84);
    expect(value('settled-accommodation-3m', '2022-04/2023-03')).toBe(75.6);
    expect(value('employment-6w', '2023-03')).toBe(19.4);
    expect(value('housed-first-night', '2022-04')).toBe(88.7);
    expect(value('employment-6w', '2024-04/2025-03')).toBeNull();
    expect(result.reference.figures.some((f) => f.measure === 'sexual-offence-interventions')).toBe(false);
    expect(result.reference.series_breaks.map((b) => [b.measure, b.from])).toEqual([
      ['employment-6w', '2024-05'],
      ['employment-6m', '2024-05'],
      ['settled-accommodation-3m', '2024-05'],
    ]);
    for (const f of result.reference.figures) expect(f.source.publisher).toBe('Ministry of Justice');
  });

  it('a schema error is reported at its line', () => {
    const broken = text.replace('"value": 75.6', '"value": 175.6');
    const result = readReference('national-figures.json', broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = broken.split('\n').findIndex((l) => l.includes('175.6')) + 1;
    expect(result.diagnostics).toMatchObject([{ code: 'reference-invalid', level: 'error', line }]);
    expect(result.diagnostics[0]?.message).toContain('figures.13.value');
  });

  it('a syntax error is reported at its line', () => {
    const broken = text.replace('"value": 17.4,', '"value": 17.4,,');
    const result = readReference('national-figures.json', broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toMatchObject([
      { code: 'reference-not-json', line: broken.split('\n').findIndex((l) => l.includes('17.4,,')) + 1 },
    ]);
  });

  it('two figures for the same measure and period are refused', () => {
    const data = JSON.parse(text);
    data.figures.push(data.figures[0]);
    const result = readReference('x.json', JSON.stringify(data, null, 2));
    expect(result.ok).toBe(false);
  });
});
