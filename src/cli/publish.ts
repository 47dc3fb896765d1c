import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CliError } from './errors.ts';

/** Output files by path relative to the output folder. */
export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

/** What identifies a folder as ours, so a mistyped --out can never replace someone's documents. */
const MARKERS = ['data/plans.json', 'manifest.json'];

/**
 * Writes every file into a staging folder beside the output folder, then swaps it in. A run that
 * fails before the swap leaves the previous output untouched; nothing is ever half-written.
 */
export function publish(outDir: string, files: OutputFiles): void {
  const target = resolve(outDir);
  if (
    existsSync(target) &&
    readdirSync(target).length > 0 &&
    !MARKERS.some((m) => existsSync(join(target, m)))
  ) {
    throw new CliError(
      `refusing to replace "${outDir}": it is not empty and holds no earlier build (data/plans.json). Choose an empty or new --out folder.`,
    );
  }
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.staging-${process.pid}`);
  const old = join(parent, `.${basename(target)}.old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [relative, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = resolve(staging, relative);
      if (!path.startsWith(staging + sep))
        throw new CliError(`refusing to write "${relative}": it is outside the output folder`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(target)) renameSync(target, old);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}
