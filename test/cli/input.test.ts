import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInputFolder } from '../../src/build/input.ts';
import { run, seedsCopy, tempDir } from '../helpers/cli.ts';

const codesOf = (folder: ReturnType<typeof readInputFolder>) =>
  folder.diagnostics.map((d) => `${d.file}: ${d.level} ${d.code}`);

describe('the input folder: only regular files inside it are read', () => {
  it('a link to a file outside the folder is not read, and its text is not published', async () => {
    const input = seedsCopy();
    const outside = join(tempDir(), 'private-south-west.txt');
    renameSync(join(input, 'south-west-2023.txt'), outside);
    symlinkSync(outside, join(input, 'link.txt'));

    const folder = readInputFolder(input);
    expect(folder.documents.map((d) => d.file)).not.toContain('link.txt');
    const warning = folder.diagnostics.find((d) => d.file === 'link.txt');
    expect(warning).toMatchObject({ level: 'warning', code: 'link-outside' });
    expect(warning?.message).toContain(outside);

    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', input, '--out', out, '--format', 'html');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^link\.txt: warning: expected files inside the input folder; .* \[link-outside\]$/m,
    );
    const plans = readFileSync(join(out, 'data/plans.json'), 'utf8');
    expect(plans).not.toContain('South West');
    expect(plans).not.toContain('link.txt');
  });

  it('a link that stays inside the folder is read', () => {
    const input = seedsCopy();
    mkdirSync(join(input, 'originals'));
    renameSync(join(input, 'south-west-2023.txt'), join(input, 'originals', 'south-west-2023.txt'));
    symlinkSync(join('originals', 'south-west-2023.txt'), join(input, 'sw.txt'));
    const folder = readInputFolder(input);
    expect(folder.documents.map((d) => d.file)).toContain('sw.txt');
    expect(codesOf(folder)).toEqual(['originals: warning folder-ignored']);
  });

  it('a dangling link, a FIFO, a folder named *.txt, a hidden file and a name with a line break each get a warning naming them, and nothing hangs', async () => {
    const input = seedsCopy();
    symlinkSync(join(input, 'nowhere.txt'), join(input, 'gone.txt'));
    execFileSync('mkfifo', [join(input, 'pipe.txt')]);
    mkdirSync(join(input, 'old.txt'));
    writeFileSync(join(input, '.draft.txt'), readFileSync(join(input, 'south-west-2023.txt')));
    writeFileSync(join(input, 'evil\nsouth-west-2023.txt: error: forged.txt'), 'x');
    writeFileSync(join(input, 'bell\u0007.txt'), 'x');

    const folder = readInputFolder(input);
    expect(folder.documents.map((d) => d.file)).toEqual([
      'east-of-england-2023.txt',
      'north-east-2023.txt',
      'south-west-2023.txt',
      'yorkshire-and-the-humber-2023.txt',
    ]);
    expect(codesOf(folder).sort()).toEqual(
      [
        '.draft.txt: warning file-hidden',
        'bell\\u0007.txt: warning file-name-unsafe',
        'evil\\u000Asouth-west-2023.txt: error: forged.txt: warning file-name-unsafe',
        'gone.txt: warning link-dangling',
        'old.txt: warning folder-ignored',
        'pipe.txt: warning file-special',
      ].sort(),
    );
    expect(folder.diagnostics.find((d) => d.file === 'pipe.txt')?.message).toContain('a named pipe (FIFO)');

    const result = await run('validate', '--input', input);
    expect(result.code).toBe(0);
    // No line of the output is forged by a file name: the line break is shown escaped.
    expect(result.stderr).not.toMatch(/^south-west-2023\.txt: error: forged/m);
    for (const name of ['gone.txt', 'pipe.txt', 'old.txt', '.draft.txt', 'evil\\u000Asouth-west']) {
      expect(result.stderr).toContain(`${name}`);
    }
  });
});

describe('the national reference in the input folder', () => {
  it('a link to a reference outside the folder is refused; --reference may name one anywhere', async () => {
    const input = seedsCopy();
    const outside = join(tempDir(), 'figures.json');
    renameSync(join(input, 'national-figures.json'), outside);
    symlinkSync(outside, join(input, 'national-figures.json'));
    const folder = readInputFolder(input);
    expect(folder.reference).toBeNull();
    expect(folder.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'national-figures.json', level: 'error', code: 'link-outside' }),
    );
    expect(readInputFolder(input, { reference: outside }).reference?.version).toBe('2025-07-31');

    const fifo = join(tempDir(), 'figures.fifo');
    execFileSync('mkfifo', [fifo]);
    const result = await run('validate', '--input', input, '--reference', fifo);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('found a named pipe (FIFO)');
  });
});

describe('the input folder: size before read', () => {
  it('a 1 GB sparse file is refused without being read into memory', async () => {
    const input = seedsCopy();
    const huge = join(input, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 1024 ** 3);

    const before = process.memoryUsage().arrayBuffers;
    const folder = readInputFolder(input);
    const grown = process.memoryUsage().arrayBuffers - before;
    // Reading the file would hold 1 GB in the folder's documents; the four seeds are about 150 KB.
    expect(grown).toBeLessThan(32 * 1024 * 1024);
    expect(folder.documents.map((d) => d.file)).not.toContain('huge.txt');
    expect(folder.diagnostics).toContainEqual(
      expect.objectContaining({ file: 'huge.txt', level: 'error', code: 'file-too-large' }),
    );

    const result = await run('validate', '--input', input);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^huge\.txt: error: expected a plan update of at most 4 MB .*; found 1024\.0 MB, which was not read\. .* \[file-too-large\]$/m,
    );
  });

  it('a PDF has a limit of its own: 8 MB is read (and found damaged), 33 MB refused unread', () => {
    const input = seedsCopy();
    for (const [name, size] of [
      ['photos.pdf', 8 * 1024 ** 2],
      ['huge.pdf', 33 * 1024 ** 2],
    ] as const) {
      writeFileSync(join(input, name), '');
      truncateSync(join(input, name), size);
    }
    const folder = readInputFolder(input);
    expect(folder.documents.map((d) => d.file)).toContain('photos.pdf');
    expect(folder.documents.map((d) => d.file)).not.toContain('huge.pdf');
    expect(folder.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'huge.pdf',
        code: 'file-too-large',
        message: expect.stringMatching(
          /^expected a PDF of at most 32 MB; found 33\.0 MB, which was not read\./,
        ),
      }),
    );
  });
});
