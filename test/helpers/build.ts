import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from './cli.ts';
import { SEEDS_DIR } from './seeds.ts';

/**
 * Builds everything from named texts plus the project's national reference (or from seeds/ when
 * texts is null) into a fresh output folder, and returns that folder.
 */
export async function buildFrom(texts: Record<string, string> | null, ...args: string[]): Promise<string> {
  const input = texts ? inputFolder(join(tempDir(), 'in'), texts) : SEEDS_DIR;
  const out = join(tempDir(), 'out');
  const result = await run('build', '--input', input, '--out', out, ...args);
  if (result.code !== 0) throw new Error(`build failed (${result.code}): ${result.stderr}`);
  return out;
}

/** Makes `dir` an input folder: the named texts and the project's national reference. */
export function inputFolder(dir: string, texts: Record<string, string>): string {
  mkdirSync(dir);
  copyFileSync(join(SEEDS_DIR, 'national-figures.json'), join(dir, 'national-figures.json'));
  for (const [file, text] of Object.entries(texts)) writeFileSync(join(dir, file), text);
  return dir;
}
