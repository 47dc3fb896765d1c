import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isAlive } from './alive.ts';
import { CliError } from './errors.ts';

/** 75 is sysexits' EX_TEMPFAIL: try again later. */
export const EXIT_LOCKED = 75;

export const lockPath = (outDir: string) => {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.lock`);
};

/**
 * One build at a time per output folder. The lock is a file beside the folder (the folder itself
 * is swapped out by every publish, so a lock inside it would vanish). A second run does not wait:
 * it exits at once with code 75 and names the run holding the lock, and the scheduler's next slot
 * tries again. A lock left by a killed run (its process is gone) is taken over.
 */
export function acquireLock(outDir: string): () => void {
  const path = lockPath(outDir);
  mkdirSync(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: { pid?: number; host?: string } = {};
      try {
        holder = JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // Unreadable: a run was killed while writing it.
      }
      const sameHost = holder.host === undefined || holder.host === hostname();
      if (sameHost && (holder.pid === undefined || !isAlive(holder.pid))) {
        rmSync(path, { force: true });
        continue;
      }
      throw new CliError(
        `another build (process ${holder.pid} on ${holder.host}) is writing ${outDir}; this run stops so the two cannot mix. Run again when it has finished (lock: ${path}).`,
        EXIT_LOCKED,
      );
    }
  }
  throw new CliError(`could not take the lock ${path}; remove it if no build is running`, EXIT_LOCKED);
}
