import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, EXIT, type Renderers, readInputFolder } from '../../../src/build/index.ts';
import { ingest } from '../../../src/ingest/index.ts';
import { TARGET_COLUMNS, targetsCsv } from '../../../src/render/data/targets-csv.ts';
import { run, tempDir } from '../../helpers/cli.ts';
import { memoryEffects, world } from '../../helpers/memory-effects.ts';
import { SEED_FILES, SEEDS_DIR } from '../../helpers/seeds.ts';
import { FIXTURES } from './helpers.ts';

// Charts and pages are not what is tested here: stand-ins keep the build fast.
const renderers: Renderers = {
  chart: async (chart) =>
    new Map([
      [`charts/${chart.id}.svg`, '<svg/>'],
      [`charts/${chart.id}.vl.json`, '{}'],
      [`charts/${chart.id}.csv`, ''],
    ]),
  html: () => '<html></html>',
  pdf: async () => {
    throw new Error('no PDF report is asked for');
  },
};

/** A folder holding the Chromium fixtures of the four seeds, and anything else given. */
function pdfFolder(extra: Record<string, string> = {}): string {
  const dir = join(tempDir('rb-pdf-'), 'input');
  mkdirSync(dir);
  for (const seed of Object.values(SEED_FILES)) {
    const pdf = seed.replace(/\.txt$/, '.pdf');
    copyFileSync(join(FIXTURES, 'chromium', pdf), join(dir, pdf));
  }
  for (const [name, from] of Object.entries(extra)) copyFileSync(from, join(dir, name));
  return dir;
}

const withoutSource = (csv: string) => {
  const source = TARGET_COLUMNS.indexOf('source');
  return csv
    .trim()
    .split(/\r?\n/)
    .map((row) => (row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).filter((_, i) => i !== source).join(''));
};

describe('a build from PDFs', () => {
  it('publishes the targets of the text versions, each cited by page and line', async () => {
    const dir = pdfFolder();
    const w = world({});
    const effects = { ...memoryEffects(w), readInput: () => readInputFolder(dir) };
    const code = await build(
      { out: 'out', formats: new Set(['html'] as const), regions: null, force: false },
      effects,
      renderers,
    );
    const errors = effects.events.filter((e) => e.event === 'diagnostic' && e.level === 'error');
    expect(errors).toEqual([]);
    expect(code).toBe(EXIT.ok);
    const published = w.out?.get('data/targets.csv');
    const csv = typeof published === 'string' ? published : Buffer.from(published ?? []).toString('utf8');
    const text = ingest(
      Object.values(SEED_FILES).map((file) => ({ file, bytes: readFileSync(join(SEEDS_DIR, file)) })),
    );
    expect(withoutSource(csv)).toEqual(withoutSource(targetsCsv(text.plans)));
    const fields = (row: string) =>
      (row.match(/("([^"]|"")*"|[^,]*)(,|$)/g) ?? []).map((f) => f.replace(/,$/, ''));
    const sources = csv
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((row) => fields(row)[TARGET_COLUMNS.indexOf('source')]);
    expect(sources).toHaveLength(csv.trim().split(/\r?\n/).length - 1);
    for (const source of sources) expect(source).toMatch(/^"[a-z-]+-2023\.pdf, page \d+, line \d+"$/);
  });

  it('refuses a scan, a damaged and an encrypted PDF with an error at each file, never a crash', async () => {
    const edge = (name: string) => join(FIXTURES, 'edge', name);
    const dir = pdfFolder({
      'scan.pdf': edge('scanned-no-text-layer.pdf'),
      'damaged.pdf': edge('damaged.pdf'),
      'locked.pdf': edge('encrypted.pdf'),
    });
    const { code, stderr } = await run('validate', '--input', dir);
    expect(code).toBe(EXIT.inputErrors);
    expect(stderr).toMatch(/^scan\.pdf: error: .*\[pdf-no-text\]$/m);
    expect(stderr).toMatch(/^damaged\.pdf: error: .*\[pdf-damaged\]$/m);
    expect(stderr).toMatch(/^locked\.pdf: error: .*\[pdf-encrypted\]$/m);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    // The other documents read as they do alone.
    expect(stderr).not.toMatch(/2023\.pdf.*error/);
  });

  it('names a diagnostic in a PDF by its page and line', async () => {
    // A target sentence that no reader can read, placed in a PDF made for the purpose.
    const { makePdf } = await import('./helpers.ts');
    const seed = readFileSync(join(SEEDS_DIR, SEED_FILES['north-east']), 'utf8');
    const dir = join(tempDir('rb-pdf-'), 'input');
    mkdirSync(dir);
    const content = seed
      .split(/\n\s*\n/)
      .map((block) => block.trim())
      .filter((block) => block !== '')
      .map((block) =>
        block.replace(
          'By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.',
          'By April 2024, North East will increase the proportion employed six weeks after release by a lot.',
        ),
      )
      .map((block) => ({ text: block.replace(/\*\*/g, ''), margin: [0, 0, 0, 10] }));
    writeFileSync(join(dir, 'north-east-2023.pdf'), await makePdf({ content }));
    const { stderr } = await run('validate', '--input', dir);
    expect(stderr).toMatch(/^north-east-2023\.pdf, page \d+, line \d+: error: /m);
  });
});

describe('extract', () => {
  it('prints each line of a PDF with its page and line, and of a text file with its line', async () => {
    const pdf = await run('extract', join(FIXTURES, 'chromium', 'north-east-2023.pdf'));
    expect(pdf.code).toBe(EXIT.ok);
    expect(pdf.stdout).toMatch(/^page 2, line 1: Contents$/m);
    expect(pdf.stdout).toMatch(/^page \d+, line \d+: - By April 2024, North East will increase/m);
    const txt = await run('extract', join(SEEDS_DIR, SEED_FILES['north-east']));
    expect(txt.code).toBe(EXIT.ok);
    expect(txt.stdout).toMatch(/^line 5: Contents$/m);
  });

  it('says why a file cannot be read, with the exit codes of the other commands', async () => {
    const damaged = await run('extract', join(FIXTURES, 'edge', 'damaged.pdf'));
    expect(damaged.code).toBe(EXIT.inputErrors);
    expect(damaged.stderr).toMatch(/damaged\.pdf: error: .*\[pdf-damaged\]/);
    expect((await run('extract', join(tempDir(), 'none.pdf'))).code).toBe(EXIT.usage);
    expect((await run('extract')).code).toBe(EXIT.usage);
  });
});
