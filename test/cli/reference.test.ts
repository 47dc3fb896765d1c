import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE } from '../../src/build/input.ts';
import { loadTemplates, TemplateError } from '../../src/render/index.ts';
import { ROOT, run, seedsCopy, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

describe('the national reference', { timeout: 120_000 }, () => {
  it("an input folder without national-figures.json is built with the project's own, and says so", async () => {
    const input = seedsCopy();
    rmSync(join(input, 'national-figures.json'));
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', input, '--out', out, '--format', 'html', '--json');
    expect(result.code).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events).toContainEqual({
      event: 'reference',
      file: DEFAULT_REFERENCE,
      origin: 'project',
      version: '2025-07-31',
    });
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'diagnostic', code: 'reference-default', level: 'info' }),
    );
    expect(manifestOf(out).reference).toMatchObject({
      file: DEFAULT_REFERENCE,
      origin: 'project',
      version: '2025-07-31',
    });
    expect(DEFAULT_REFERENCE).toBe(join(ROOT, 'seeds', 'national-figures.json'));
  });

  it("--reference FILE is used instead of the input folder's, and named in the manifest", async () => {
    const input = seedsCopy();
    const reference = join(tempDir(), 'figures-2026.json');
    const text = readFileSync(join(SEEDS_DIR, 'national-figures.json'), 'utf8');
    writeFileSync(reference, text.replace(/"version": "[^"]+"/, '"version": "2026-test"'));
    const out = join(tempDir(), 'out');
    const result = await run(
      'build',
      '--input',
      input,
      '--out',
      out,
      '--format',
      'html',
      '--reference',
      reference,
    );
    expect(result.code).toBe(0);
    expect(manifestOf(out).reference).toMatchObject({
      file: reference,
      origin: 'option',
      version: '2026-test',
    });
    expect(JSON.parse(readFileSync(join(out, 'data/benchmarks.json'), 'utf8')).reference_version).toBe(
      '2026-test',
    );
    expect(result.stderr).toMatch(/^national-figures\.json: info: .*--reference .* \[reference-not-used\]$/m);

    const validate = await run('validate', '--input', input, '--reference', reference, '--json');
    expect(JSON.parse(validate.stdout).reference).toEqual({
      file: reference,
      origin: 'option',
      version: '2026-test',
    });
  });

  it('--reference naming nothing is a usage error (exit 2) that says what was expected', async () => {
    const missing = join(tempDir(), 'nope.json');
    const result = await run('validate', '--input', SEEDS_DIR, '--reference', missing);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--reference "${missing}" cannot be read: expected a national reference file (JSON, like seeds/national-figures.json); found nothing there`,
    );
  });
});

describe('--region', { timeout: 120_000 }, () => {
  it('naming a region with no document warns, and still builds the rest', async () => {
    const out = join(tempDir(), 'out');
    const result = await run(
      'build',
      '--input',
      SEEDS_DIR,
      '--out',
      out,
      '--format',
      'html',
      '--region',
      'london',
      '--region',
      'south-west',
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^--region london: warning: expected a 2023 plan update for London to build its pack; found none .* \[region-not-found\]$/m,
    );
    expect(result.stderr).not.toContain('--region south-west');
    expect(result.stdout).toContain('1 warning');
  });
});

describe('template errors in words', () => {
  const broken = (text: string) => {
    const dir = join(tempDir(), 'templates');
    cpSync(join(ROOT, 'templates'), dir, { recursive: true });
    writeFileSync(join(dir, 'text', 'finding-range.hbs'), text);
    return { dir, file: join(dir, 'text', 'finding-range.hbs') };
  };
  const context = { measure: 'housed', low: 1, high: 2, lowRegions: ['A'], highRegions: ['B'] };
  const errorOf = (f: () => unknown): string => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      return (error as Error).message;
    }
    throw new Error('expected a TemplateError; none was thrown');
  };

  it('an unknown field names the field, the expression and the template, and lists the fields it has', () => {
    const { dir, file } = broken('Baselines for\n{{measure}} run {{lowest}}.');
    const message = errorOf(() => loadTemplates(dir).text('finding-range', context));
    expect(message).toBe(
      `${file}:2: error: template text/finding-range cannot be rendered: expected a field this template is given; found "lowest" in {{lowest}}, which it is not given. Its fields are: high, highRegions, low, lowRegions, measure. Use one of those names or remove the expression. [template-render]`,
    );
    expect(message).not.toContain('[object Object]');
  });

  it('a helper given an unknown field names the field', () => {
    const { dir, file } = broken('Baselines for\n{{measure}} run from {{pct lowest}}.');
    const message = errorOf(() => loadTemplates(dir).text('finding-range', context));
    expect(message).toContain(
      `${file}:2: error: template text/finding-range cannot be rendered: expected the helper "pct" to be given fields this template has; found "lowest" in {{pct lowest}}.`,
    );
  });

  it('a path into a field that has no such part names the whole path', () => {
    const { dir } = broken('{{measure.name.short}}');
    const message = errorOf(() => loadTemplates(dir).text('finding-range', context));
    expect(message).toContain(
      'found "measure.name.short" in {{measure.name.short}}, but "measure" has no "name.short"',
    );
    expect(message).not.toContain('undefined');
  });

  it('an unknown helper is named as a helper, with the ones there are', () => {
    const { dir } = broken('{{percent low}}');
    const message = errorOf(() => loadTemplates(dir).text('finding-range', context));
    expect(message).toContain(
      'expected a helper; found "percent" in {{percent low}}, which is not one. The helpers are:',
    );
    expect(message).toContain('pct');
  });

  it.each([
    [
      'Baselines\nfor {{measure}\nrun.',
      ':2: error: template text/finding-range does not parse: expected "}}" to close the expression; found a character that cannot stand there, in "for {{measure}".',
    ],
    [
      'Baselines for\n{{#each lowRegions}} {{this}}',
      ':2: error: template text/finding-range does not parse: expected a closing "{{/…}}"; found the end of the template, in "{{#each lowRegions}} {{this}}". Close every {{#…}} block with its {{/…}}.',
    ],
    [
      '{{#if low}}x{{/each}}',
      ':1: error: template text/finding-range does not parse: expected the block {{#if}} to be closed by {{/if}}; found {{/each}}',
    ],
  ])('a syntax error is said in words, not parser tokens: %j', (text, words) => {
    const { dir, file } = broken(text);
    // Read and hashed at once; parsed on check() or first use, so that a run with nothing to do
    // parses none (build.ts checks them before it renders anything).
    const templates = loadTemplates(dir);
    expect(templates.sha256).toMatch(/^[0-9a-f]{64}$/);
    const message = errorOf(() => templates.check());
    expect(message).toContain(`${file}${words}`);
    expect(message).not.toMatch(/'[A-Z_]+'|CLOSE|OPEN_|INVALID|EOF/);
  });
});
