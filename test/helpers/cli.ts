import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { main } from '../../src/cli/index.ts';
import { SEEDS_DIR } from './seeds.ts';

export const ROOT = join(import.meta.dirname, '..', '..');

export function tempDir(prefix = 'rb-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh copy of seeds/ that a test may change. */
export function seedsCopy(): string {
  const dir = join(tempDir(), 'seeds');
  cpSync(SEEDS_DIR, dir, { recursive: true });
  return dir;
}

/** Runs the command line in-process, capturing what it prints. */
export async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), tty: false });
  return { code, stdout, stderr };
}

/** Runs the real entry point as a user would, in a child process. */
export function spawnCli(...argv: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli.ts'), ...argv], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its bytes, for comparing whole builds. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/**
 * Every file under a folder by its sha256, for comparing whole folders: `toEqual` on the Buffers
 * themselves compares them byte by byte through vitest's generic equality, which took seconds a
 * comparison on a build's few megabytes.
 */
export function digest(dir: string): Map<string, string> {
  return new Map(
    [...snapshot(dir)].map(([path, bytes]) => [path, createHash('sha256').update(bytes).digest('hex')]),
  );
}
