import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { BenchmarksSchema, PlansFileSchema } from '../../src/model/index.ts';
import { digest, run, seedsCopy, snapshot, spawnCli, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const GOLDEN = join(import.meta.dirname, '..', 'golden');

describe('build', () => {
  it('writes the data files from seeds/', async () => {
    // The shared build of seeds/ (test/global-setup.ts).
    const out = inject('seedsBuild');
    const files = [...snapshot(out).keys()];
    expect(files.filter((f) => f.startsWith('data/'))).toEqual([
      'data/achievements.csv',
      'data/benchmarks.csv',
      'data/benchmarks.json',
      'data/commitments.csv',
      'data/diagnostics.json',
      'data/plans.json',
      'data/practice.csv',
      'data/targets.csv',
    ]);
    // Nine national charts, and per region a spine, five measures, commitments and attainment.
    const charts = files.filter((f) => f.startsWith('charts/') && f.endsWith('.svg'));
    expect(charts.filter((f) => f.startsWith('charts/national-'))).toHaveLength(9);
    for (const region of ['north-east', 'yorkshire-and-the-humber', 'east-of-england', 'south-west']) {
      expect(charts.filter((f) => f.startsWith(`charts/${region}-`))).toHaveLength(8);
    }
    for (const svg of charts) {
      expect(files).toContain(svg.replace('.svg', '.vl.json'));
      expect(files).toContain(svg.replace('.svg', '.csv'));
    }

    // Golden files, checked row by row against the documents and by hand when they were written.
    const golden = (name: string) => readFileSync(join(GOLDEN, name), 'utf8');
    expect(readFileSync(join(out, 'data/targets.csv'), 'utf8')).toBe(golden('targets.csv'));
    expect(readFileSync(join(out, 'data/benchmarks.csv'), 'utf8')).toBe(golden('benchmarks.csv'));

    const benchmarks = BenchmarksSchema.parse(
      JSON.parse(readFileSync(join(out, 'data/benchmarks.json'), 'utf8')),
    );
    expect(benchmarks.rows).toHaveLength(20);
    expect(benchmarks.reference_version).toBe('2025-07-31');
    expect(
      benchmarks.findings.filter((f) => f.kind === 'shared-target-level').map((f) => [f.measure, f.value]),
    ).toEqual([
      ['employment-6w', 19],
      ['housed-first-night', 90],
      ['settled-accommodation-3m', 80],
      ['sexual-offence-interventions', 70],
    ]);

    const plans = PlansFileSchema.parse(JSON.parse(readFileSync(join(out, 'data/plans.json'), 'utf8')));
    expect(plans.plans.map((p) => p.region.id)).toEqual([
      'north-east',
      'yorkshire-and-the-humber',
      'east-of-england',
      'south-west',
    ]);

    const diagnostics = JSON.parse(readFileSync(join(out, 'data/diagnostics.json'), 'utf8')).diagnostics;
    expect(diagnostics.map((d: { code: string }) => d.code)).toEqual([
      'plan-period-missing',
      'edition-inferred',
      'stray-glyph',
      'stray-glyph',
    ]);
  });

  it('gives the same bytes for the same inputs', async () => {
    // A second build into another folder, against the shared one.
    const a = inject('seedsBuild');
    const b = join(tempDir(), 'out');
    const result = await run('build', '--input', SEEDS_DIR, '--out', b);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Read 4 plan updates');
    const [first, second] = [snapshot(a), snapshot(b)];
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect([...first.keys()].filter((k) => !first.get(k)?.equals(second.get(k) as Buffer))).toEqual([]);
  });

  it('with an input error prints file:line diagnostics, exits 1 and leaves the output folder as it was', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    expect((await run('build', '--input', input, '--out', out, '--format', 'html')).code).toBe(0);
    const before = digest(out);

    const text = readFileSync(join(input, 'south-west-2023.txt'), 'utf8').replace(
      'by 3 percentage points from 16% in March 2023.',
      'by 3 percentage points from 16%.',
    );
    writeFileSync(join(input, 'south-west-2023.txt'), text);
    const result = await run('build', '--input', input, '--out', out, '--format', 'html');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^south-west-2023\.txt:73: error: expected when the baseline was measured .* \[target-unreadable\]$/m,
    );
    expect(result.stderr).toContain('nothing was written');
    expect(digest(out)).toEqual(before);
  });

  it('writes nothing at all when the first build fails', async () => {
    const input = seedsCopy();
    writeFileSync(join(input, 'empty.txt'), '');
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', input, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^empty\.txt: error: expected a plain-text plan update; found an empty file\..* \[file-empty\]$/m,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses two documents for the same region and edition, naming both', async () => {
    const input = seedsCopy();
    writeFileSync(join(input, 'copy-of-sw.txt'), readFileSync(join(input, 'south-west-2023.txt')));
    const result = await run('build', '--input', input, '--out', join(tempDir(), 'out'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'copy-of-sw.txt: error: expected one document per region and edition; found South West 2023 also in south-west-2023.txt',
    );
    expect(result.stderr).toContain(
      'south-west-2023.txt: error: expected one document per region and edition; found South West 2023 also in copy-of-sw.txt',
    );
  });

  it('reads the national reference beside the documents, and reports a broken one at its line', async () => {
    const input = seedsCopy();
    const original = readFileSync(join(input, 'national-figures.json'), 'utf8');
    writeFileSync(
      join(input, 'national-figures.json'),
      original.replace('"measure": "employment-6m"', '"measure": "employment-9m"'),
    );
    const broken = await run('build', '--input', input, '--out', join(tempDir(), 'out'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(
      /^national-figures\.json:\d+: error: expected a valid national figure at figures\.5\.measure; .* \[reference-invalid\]$/m,
    );

    // Without one, the project's own is used, with a note (test/cli/reference.test.ts).
    rmSync(join(input, 'national-figures.json'));
    const missing = await run('validate', '--input', input);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toMatch(
      /^national-figures\.json: info: expected the national reference national-figures\.json in the input folder .* \[reference-default\]$/m,
    );
  });

  it('names files it does not read', async () => {
    const input = seedsCopy();
    writeFileSync(join(input, 'notes.docx'), 'x');
    const result = await run('build', '--input', input, '--out', join(tempDir(), 'out'), '--format', 'html');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^notes\.docx: warning: .* \[file-ignored\]$/m);
  });

  it('refuses to replace a folder that holds something other than an earlier build', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'thesis.md'), 'precious');
    const result = await run('build', '--input', SEEDS_DIR, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refusing to replace');
    expect(readFileSync(join(out, 'thesis.md'), 'utf8')).toBe('precious');
  });
});

describe('validate', () => {
  it('prints diagnostics and exits 0 on the seeds', async () => {
    const result = await run('validate', '--input', SEEDS_DIR);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'south-west-2023.txt:104: info: expected a list label such as "We said we would:"',
    );
    expect(result.stdout).toBe('4 documents read: 0 errors, 0 warnings, 4 notes.\n');
  });

  it('--json gives machine-readable diagnostics and exits 1 on errors', async () => {
    const input = seedsCopy();
    writeFileSync(join(input, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]));
    const result = await run('validate', '--input', input, '--json');
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.documents).toBe(5);
    expect(parsed.plans).toBe(4);
    expect(parsed.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'file-not-text', level: 'error', file: 'binary.txt' }),
    );
  });
});

describe('usage', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['build', '--colour'], "Unknown option '--colour'"],
    [['validate', '--out', 'x'], '--out applies to build and watch only'],
  ])('%j exits 2 with a message and the usage', async (argv, words) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(result.stderr).toContain('Usage: regional-benchmarks');
  });

  it('a missing input folder exits 2', async () => {
    const result = await run('validate', '--input', join(tempDir(), 'nope'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be read');
  });

  it('the real entry point runs, and bad input never shows a stack trace', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'x.txt'), '');
    writeFileSync(
      join(dir, 'in', 'national-figures.json'),
      readFileSync(join(SEEDS_DIR, 'national-figures.json')),
    );
    const result = spawnCli('build', '--input', join(dir, 'in'), '--out', join(dir, 'out'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('x.txt: error:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(spawnCli('--help').stdout).toContain('Usage: regional-benchmarks');
  });
});
