import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTemplates } from '../render/templates.ts';
import type { Effects } from './effects.ts';
import { CliError, EXIT_SIGNAL, type StopSignal } from './errors.ts';
import type { Emit } from './events.ts';
import { readInputFolder } from './input.ts';
import { acquireLock } from './lock.ts';
import { readManifest } from './manifest.ts';
import { assertReplaceable, checkOutputFolder, publish, recoverInterruptedPublish } from './publish.ts';

/** The templates that ship with the tool, found from this file so the command works from any folder. */
export const DEFAULT_TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Where a build reads and writes on the file system: what the user named on the command line. */
export interface Places {
  input: string;
  out: string;
  /** --templates; null: the project's own. */
  templates: string | null;
  /** --reference FILE; null or absent: the input folder's national-figures.json, else the project's. */
  reference?: string | null;
}

/**
 * Effects over the file system: the input folder read as untrusted (regular files inside it only,
 * sized before reading), the output folder replaced atomically beside itself, a lock file beside it.
 * `signal` (SIGTERM, SIGINT) stops the build at its next checkpoint, before it publishes.
 */
export function fileSystemEffects(places: Places, emit: Emit, signal?: AbortSignal): Effects {
  const stopIfAborted = () => {
    if (!signal?.aborted) return;
    const name: StopSignal = signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
    throw new CliError(
      `stopped by ${name} before publishing: nothing was written, and ${places.out} is as it was. Run the build again to publish.`,
      EXIT_SIGNAL[name],
    );
  };
  return {
    checkOutput: () => checkOutputFolder(places),
    lock: () => acquireLock(places.out),
    recover: () => {
      recoverInterruptedPublish(places.out);
      // What was put back must be an earlier build too; refused before anything is read.
      assertReplaceable(places.out);
    },
    readInput: () => readInputFolder(places.input, { reference: places.reference ?? null }),
    readTemplates: () => loadTemplates(places.templates ?? DEFAULT_TEMPLATES),
    readManifest: () => readManifest(places.out),
    readOutput: (path) => {
      try {
        return readFileSync(join(places.out, path));
      } catch {
        return null;
      }
    },
    publish: (files) => publish(places.out, files),
    emit,
    // Lets the event loop run, so a signal is seen while rendering, then acts on it.
    checkpoint: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      stopIfAborted();
    },
  };
}
