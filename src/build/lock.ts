import { randomBytes } from 'node:crypto';
import {
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isAlive } from './alive.ts';
import { CliError, EXIT } from './errors.ts';

export const lockPath = (outDir: string) => {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.lock`);
};

export interface Holder {
  pid?: number;
  host?: string;
}

const GENERATION = /^(\d+)$/;
const FREE = /^(\d+)\.free$/;
const TEMPORARY = /^\.tmp-(\d+)-[0-9a-f]+$/;

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * One build at a time per output folder. A second run does not wait: it exits at once with code
 * 75 and names the run holding the lock, and the scheduler's next slot tries again. A lock left by
 * a killed run (its process is gone) is taken over.
 *
 * The lock is a folder beside the output folder (the output folder itself is swapped out by every
 * publish, so a lock inside it would vanish) holding numbered generations: `1`, `2`, ... The
 * highest one is the lock; its file names the process that holds it, and `N.free` beside it says
 * its holder has released it. A run takes the lock by creating the next generation, which the
 * file system lets exactly one run do (a hard link fails if the name exists), so a free or stale
 * lock is taken over by one run however many start at once: nothing is ever deleted and
 * re-created in its place. The highest generation is never removed, so a run that looked a while
 * ago can only create a lower number than the current one, sees the higher one, and steps back.
 * A run releases only the generation it created.
 */
export function acquireLock(outDir: string): () => void {
  const path = lockPath(outDir);
  const me: Holder = { pid: process.pid, host: hostname() };
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 50; attempt++) {
    if (!prepareFolder(path, outDir)) continue;
    const current = highest(path);
    if (current > 0) {
      const holder = readHolder(join(path, String(current)));
      if (holder === 'gone') continue;
      if (!isFree(path, current, holder)) throw locked(outDir, path, holder);
    }
    const mine = current + 1;
    if (!create(path, mine, me)) continue; // Another run created it first: look again.
    if (highest(path) !== mine) {
      // Created from an old look: a higher generation exists, and it decides. Ours never counted.
      unlinkQuietly(join(path, String(mine)));
      continue;
    }
    tidy(path, mine);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      try {
        writeFileSync(join(path, `${mine}.free`), '', { flag: 'wx' });
      } catch (error) {
        if (errno(error) !== 'EEXIST') throw error;
      }
    };
  }
  throw new CliError(
    `expected to take the lock ${path} within 50 attempts; found other runs taking it at the same time. Run again.`,
    EXIT.locked,
  );
}

/** The run holding the lock of `outDir`, or null when no live run holds it. */
export function lockHolder(outDir: string): Holder | null {
  const path = lockPath(outDir);
  try {
    if (lstatSync(path).isFile()) {
      const holder = readHolder(path);
      return holder === 'gone' || isStale(holder) ? null : holder;
    }
    const current = highest(path);
    const holder = current > 0 ? readHolder(join(path, String(current))) : 'gone';
    return holder === 'gone' || isFree(path, current, holder) ? null : holder;
  } catch (error) {
    if (errno(error) === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Makes sure the lock folder exists, and turns a lock file left by an earlier version of the tool
 * into nothing once its holder is gone. False means look again.
 */
function prepareFolder(path: string, outDir: string): boolean {
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if (errno(error) !== 'ENOENT') throw error;
    try {
      mkdirSync(path);
    } catch (mkdirError) {
      if (errno(mkdirError) !== 'EEXIST') throw mkdirError;
    }
    return true;
  }
  if (stat.isDirectory()) return true;
  if (stat.isFile()) {
    // An earlier version's lock: one file naming its holder.
    const holder = readHolder(path);
    if (holder !== 'gone' && !isStale(holder)) throw locked(outDir, path, holder);
    // unlink never removes a folder, so this cannot remove a lock another run has just made.
    unlinkQuietly(path);
    return false;
  }
  throw new CliError(
    `expected ${path} to be the lock folder this tool makes beside --out; found ${stat.isSymbolicLink() ? 'a symbolic link' : 'something else'}. Remove it if no build is running, and run again.`,
    EXIT.usage,
  );
}

function highest(path: string): number {
  let max = 0;
  for (const name of readdirSync(path)) {
    const match = GENERATION.exec(name);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max;
}

/** The holder a lock file names; an unreadable one counts as a holder that is gone. */
function readHolder(file: string): Holder | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errno(error) === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Holder;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // Lock files are written whole before they get their name, so this is not one of ours.
    return {};
  }
}

const isStale = (holder: Holder) => {
  const sameHost = holder.host === undefined || holder.host === hostname();
  return sameHost && (holder.pid === undefined || !isAlive(holder.pid));
};

function isFree(path: string, generation: number, holder: Holder): boolean {
  try {
    lstatSync(join(path, `${generation}.free`));
    return true;
  } catch {
    if (holder.pid === undefined && holder.host === undefined) {
      try {
        return Date.now() - lstatSync(join(path, String(generation))).mtimeMs > BEING_WRITTEN_MS;
      } catch {
        return true;
      }
    }
    return isStale(holder);
  }
}

/** Creates generation `n` with its content already in place; false when another run made it first. */
function create(path: string, n: number, me: Holder): boolean {
  const temporary = join(path, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(temporary, JSON.stringify(me), { flag: 'wx' });
    linkSync(temporary, join(path, String(n)));
    return true;
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(errno(error) ?? '')) throw error;
  } finally {
    unlinkQuietly(temporary);
  }
  // A file system without hard links (FAT, some network shares): create, then write. For the
  // instant between the two the file is empty, and an empty lock file that new is taken as held.
  try {
    writeFileSync(join(path, String(n)), JSON.stringify(me), { flag: 'wx' });
    return true;
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  }
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/** A lock file without a holder is being written (see create) for at most this long. */
const BEING_WRITTEN_MS = 5000;

/** Removes generations below ours, their release marks, and half-made files of runs that are gone. */
function tidy(path: string, mine: number): void {
  for (const name of readdirSync(path)) {
    const generation = GENERATION.exec(name) ?? FREE.exec(name);
    const temporary = TEMPORARY.exec(name);
    if (generation && Number(generation[1]) < mine) unlinkQuietly(join(path, name));
    else if (temporary && (Number(temporary[1]) === process.pid || !isAlive(Number(temporary[1]))))
      unlinkQuietly(join(path, name));
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Gone already, or a folder: either way nothing of ours is left there.
  }
}

function locked(outDir: string, path: string, holder: Holder): CliError {
  return new CliError(
    `another build (process ${holder.pid ?? 'not yet known'} on ${holder.host ?? 'this machine'}) is writing ${outDir}; this run stops so the two cannot mix. Run again when it has finished (lock: ${path}).`,
    EXIT.locked,
  );
}
