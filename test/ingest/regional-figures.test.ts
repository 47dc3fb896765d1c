import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFolder } from '../../src/build/input.ts';
import { main } from '../../src/cli/index.ts';
import { readRegionalFigures } from '../../src/ingest/regional-figures.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'regional-figures', 'regional-figures.json');
const SEEDS = join(import.meta.dirname, '..', '..', 'seeds');
const text = readFileSync(FIXTURE, 'utf8');

describe('regional-figures.json', () => {
  it('reads the fixture, which says it is one', () => {
    const read = readRegionalFigures(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.figures.description).toMatch(/TEST FIXTURE, NOT OFFICIAL STATISTICS/);
    expect(read.figures.figures.map((f) => [f.region, f.measure, f.period, f.value])).toEqual([
      ['north-east', 'employment-6w', '2024-03', 19],
      ['north-east', 'housed-first-night', '2023-04/2024-03', 85],
    ]);
  });

  it('refuses a region that is not one, at its line, saying what was expected', () => {
    const bad = text.replace(
      '"region": "north-east",\n      "period": "2023-04',
      '"region": "narnia",\n      "period": "2023-04',
    );
    const read = readRegionalFigures(bad);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const line = bad.split('\n').findIndex((l) => l.includes('"narnia"')) + 1;
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        level: 'error',
        code: 'regional-figures-invalid',
        file: 'regional-figures.json',
        line,
      }),
    ]);
    expect(read.diagnostics[0]?.message).toMatch(
      /^expected an official regional figure at figures\.1\.region/,
    );
  });

  it('refuses a second figure for one region, measure and period, and a value over 100', () => {
    const data = JSON.parse(text);
    data.figures.push({ ...data.figures[0] });
    data.figures[1].value = 140;
    const read = readRegionalFigures(JSON.stringify(data, null, 2));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /a second for north-east employment-6w 2024-03/,
    );
    expect(read.diagnostics.some((d) => /figures\.1\.value/.test(d.message))).toBe(true);
    expect(read.diagnostics.every((d) => typeof d.line === 'number')).toBe(true);
  });

  it('refuses JSON that does not parse, at the line of the error', () => {
    const read = readRegionalFigures('{\n  "version": "x",\n  "figures": [],\n}');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostics[0]).toMatchObject({ code: 'regional-figures-not-json', line: 4 });
  });

  describe('in the input folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rb-regional-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    copyFileSync(join(SEEDS, 'north-east-2023.txt'), join(dir, 'north-east-2023.txt'));
    copyFileSync(join(SEEDS, 'national-figures.json'), join(dir, 'national-figures.json'));

    it('is read beside national-figures.json, and is no plan update', () => {
      copyFileSync(FIXTURE, join(dir, 'regional-figures.json'));
      const folder = readInputFolder(dir);
      expect(folder.documents.map((d) => d.file)).toEqual(['north-east-2023.txt']);
      expect(folder.regional?.version).toBe('fixture-1');
      expect(folder.regionalSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(folder.diagnostics.filter((d) => d.level !== 'info')).toEqual([]);
    });

    it('decides the status of a past-due target in the built pack, marked as official', async () => {
      copyFileSync(FIXTURE, join(dir, 'regional-figures.json'));
      const out = mkdtempSync(join(tmpdir(), 'rb-regional-out-'));
      let stderr = '';
      const code = await main(['build', '--input', dir, '--out', out, '--format', 'html'], {
        stdout: () => {},
        stderr: (t) => {
          stderr += t;
        },
        tty: false,
      });
      expect(code, stderr).toBe(0);
      const html = readFileSync(join(out, 'regions', 'north-east', 'pack.html'), 'utf8');
      // The fixture's 19% for March 2024 against the 18% target; 85% for the year against 90%.
      expect(html).toContain('18% by April 2024: met, 19% in March 2024 (official)');
      expect(html).toContain('90% by April 2024: not met, 85% in the year to March 2024 (official)');
      expect(html).toContain('Test fixture: not a publication');
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(JSON.stringify(manifest.inputs)).toContain('regional-figures.json');
      rmSync(out, { recursive: true, force: true });
    });

    it('stops the run with an error at file:line when it does not validate', () => {
      writeFileSync(join(dir, 'regional-figures.json'), text.replace('"value": 19', '"value": "19"'));
      const folder = readInputFolder(dir);
      expect(folder.regional).toBeNull();
      const line =
        readFileSync(join(dir, 'regional-figures.json'), 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('"value": "19"')) + 1;
      expect(folder.diagnostics).toContainEqual(
        expect.objectContaining({ level: 'error', file: 'regional-figures.json', line }),
      );
    });
  });
});
