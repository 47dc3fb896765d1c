import {
  cpSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../src/build/manifest.ts';
import { digest, run, seedsCopy, tempDir } from '../helpers/cli.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';

/** Someone's project, given as --out by mistake. */
function someonesProject(): string {
  const dir = join(tempDir(), 'my-web-app');
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ name: 'my-web-app' }));
  writeFileSync(join(dir, 'src', 'app.js'), 'console.log("hello");\n');
  writeFileSync(join(dir, 'thesis.tex'), '\\documentclass{article}\n');
  return dir;
}

/** An input folder whose reading alone would fail (exit 1): a refusal of --out must come first. */
function brokenInput(): string {
  const input = seedsCopy();
  writeFileSync(join(input, 'empty.txt'), '');
  return input;
}

const html = ['--format', 'html'];

/** One earlier build, made once; each test changes its own copy. */
let earlier: Promise<string> | null = null;
async function copyOfEarlierBuild(): Promise<string> {
  earlier ??= (async () => {
    const out = join(tempDir(), 'out');
    const result = await run('build', '--input', SEEDS_DIR, '--out', out, ...html);
    if (result.code !== 0) throw new Error(`the earlier build failed: ${result.stderr}`);
    return out;
  })();
  const copy = join(tempDir(), 'out');
  cpSync(await earlier, copy, { recursive: true });
  return copy;
}

describe('an output folder that is not ours', { timeout: 120_000 }, () => {
  it('a folder with another tool’s manifest.json is refused with exit 2 before any input is read', async () => {
    const out = someonesProject();
    const before = digest(out);
    const result = await run('build', '--input', brokenInput(), '--out', out, '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`refusing to replace --out "${out}"`);
    expect(result.stderr).toContain('it names "my-web-app"');
    // Nothing was read: no document events, no diagnostics of the broken input.
    expect(result.stdout).not.toContain('"event":"document"');
    expect(result.stdout).not.toContain('file-empty');
    expect(digest(out)).toEqual(before);

    // With good input too: refused, and every file is as it was.
    const good = await run('build', '--input', SEEDS_DIR, '--out', out, ...html);
    expect(good.code).toBe(2);
    expect(digest(out)).toEqual(before);
  });

  it.each([
    ['a manifest of another format', (m: Record<string, unknown>) => ({ ...m, format: 99 }), 'format 99'],
    [
      'a manifest naming another tool',
      (m: Record<string, unknown>) => ({ ...m, tool: { name: 'other-tool', version: '1.0.0' } }),
      'it names "other-tool"',
    ],
    [
      'a manifest listing a path out of the folder',
      (m: Record<string, unknown>) => ({
        ...m,
        outputs: [{ path: '../secret.txt', sha256: 'x', bytes: 1, key: 'k', built_from: [] }],
      }),
      'does not match its schema',
    ],
  ])('%s is not taken for an earlier build', async (_, change, words) => {
    const out = await copyOfEarlierBuild();
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(change(manifest)));
    const before = digest(out);
    const result = await run('build', '--input', SEEDS_DIR, '--out', out, ...html);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(words);
    expect(digest(out)).toEqual(before);
  });

  it('an earlier build is recognised by its manifest, which names the tool and its format', async () => {
    const out = await copyOfEarlierBuild();
    const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    expect(manifest.format).toBe(1);
    expect(manifest.tool.name).toBe('regional-benchmarks');
    const again = await run('build', '--input', SEEDS_DIR, '--out', out, ...html);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is up to date');
  });

  it('an earlier build with a file someone added is refused, naming the file', async () => {
    const out = await copyOfEarlierBuild();
    writeFileSync(join(out, 'data', 'my-notes.txt'), 'notes');
    const result = await run('build', '--input', SEEDS_DIR, '--out', out, ...html, '--force');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no build wrote: data/my-notes.txt');
    expect(readFileSync(join(out, 'data', 'my-notes.txt'), 'utf8')).toBe('notes');
  });

  it('an earlier build with a link at a listed path is refused: reuse must not read through it', async () => {
    const out = await copyOfEarlierBuild();
    const secret = join(tempDir(), 'secret.txt');
    writeFileSync(secret, 'secret');
    rmSync(join(out, 'data', 'targets.csv'));
    symlinkSync(secret, join(out, 'data', 'targets.csv'));
    const result = await run('build', '--input', SEEDS_DIR, '--out', out, ...html);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('data/targets.csv (a link)');
  });

  it('a folder put back from an interrupted publish is checked like any other', async () => {
    const out = join(tempDir(), 'out');
    // What a killed publish would leave, had someone else's folder been there: it is put back, then refused.
    mkdirSync(join(dirname(out), '.out.old-999999'));
    writeFileSync(join(dirname(out), '.out.old-999999', 'thesis.tex'), 'mine');
    const result = await run('build', '--input', brokenInput(), '--out', out, ...html);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('thesis.tex');
    expect(readFileSync(join(out, 'thesis.tex'), 'utf8')).toBe('mine');
  });

  it('a symbolic link as --out is refused, even to an earlier build; the link and its folder stay', async () => {
    const real = await copyOfEarlierBuild();
    const before = digest(real);
    const link = join(tempDir(), 'link');
    symlinkSync(real, link);
    const result = await run('build', '--input', SEEDS_DIR, '--out', link, ...html, '--force');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`a symbolic link to ${real}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(real);
    expect(digest(real)).toEqual(before);
  });

  it('--out the input folder, inside it, or holding it is refused', async () => {
    const input = seedsCopy();
    for (const out of [input, join(input, 'out'), join(input, '..')]) {
      const result = await run('build', '--input', input, '--out', out, ...html);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toContain('expected --out outside --input and not containing it');
    }
    expect(statSync(join(input, 'out'), { throwIfNoEntry: false })).toBeUndefined();
    // Also when --input is a link into --out.
    const out = join(tempDir(), 'out');
    mkdirSync(out);
    const link = join(tempDir(), 'input-link');
    symlinkSync(out, link);
    const linked = await run('build', '--input', link, '--out', out, ...html);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('expected --out outside --input and not containing it');
  });

  it('--out naming a file, or a folder inside a file, exits 2 and says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.pdf');
    writeFileSync(file, 'mine');
    const named = await run('build', '--input', SEEDS_DIR, '--out', file, ...html);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('found a file');
    const within = await run('build', '--input', SEEDS_DIR, '--out', join(file, 'out'), ...html);
    expect(within.code).toBe(2);
    expect(within.stderr).toContain(`found that ${file} is a file, so no folder can be made inside it`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(named.stderr + within.stderr).not.toContain('This is a bug');
  });

  const shm = '/dev/shm';
  const emptyMountPoint = (() => {
    try {
      const [a, b] = [statSync(shm), statSync('/dev')];
      return a.dev !== b.dev && readFileSync('/proc/self/mountinfo', 'utf8').includes(` ${shm} `)
        ? readdirSync(shm).length === 0
        : false;
    } catch {
      return false;
    }
  })();
  it.skipIf(!emptyMountPoint)('--out a mount point is refused before anything is read', async () => {
    const result = await run('build', '--input', SEEDS_DIR, '--out', shm, ...html);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a mount point');
  });
});
