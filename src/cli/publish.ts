import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { isAlive } from './alive.ts';
import { CliError } from './errors.ts';

/** Output files by path relative to the output folder. */
export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

/** What identifies a folder as ours, so a mistyped --out can never replace someone's documents. */
const MARKERS = ['data/plans.json', 'manifest.json'];

const sibling = (target: string, kind: 'staging' | 'old', pid: number) =>
  join(dirname(target), `.${basename(target)}.${kind}-${pid}`);

/**
 * Undoes what a killed run left beside the output folder. Publishing renames the old folder
 * aside, then the new one in: a run killed between the two leaves only the old one aside, and it
 * is put back. Staging folders of runs that are gone are removed. Called with the lock held.
 */
export function recoverInterruptedPublish(outDir: string): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(target)}.`;
  for (const name of readdirSync(parent).sort()) {
    const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(staging|old)-(\\d+)$`).exec(
      name,
    );
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Writes every file into a staging folder beside the output folder, then swaps it in. A run that
 * fails or is killed before the swap leaves the previous output untouched; nothing is ever
 * half-written.
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
  mkdirSync(dirname(target), { recursive: true });
  const staging = sibling(target, 'staging', process.pid);
  const old = sibling(target, 'old', process.pid);
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
