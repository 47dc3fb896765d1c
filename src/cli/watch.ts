import { watch as watchFolder } from 'node:fs';
import { TemplateError } from '../render/index.ts';
import type { BuildArgs } from './args.ts';
import { runBuild } from './build.ts';
import { CliError, EXIT } from './errors.ts';
import type { Emit } from './events.ts';
import type { Io } from './io.ts';

/** Changes closer together than this are one change: editors write a file in several steps. */
export const DEBOUNCE_MS = 400;

/**
 * Builds, then builds again whenever something in the input folder is added, changed or
 * removed. A build that fails (bad input, a broken template, another run holding the lock)
 * prints why and watching goes on, so a corrected document is picked up without a restart.
 * Stops when `signal` aborts (Ctrl-C or SIGTERM).
 */
export async function runWatch(options: BuildArgs, io: Io, emit: Emit, signal: AbortSignal): Promise<number> {
  const build = async (): Promise<void> => {
    try {
      await runBuild(options, emit);
    } catch (error) {
      if (error instanceof CliError || error instanceof TemplateError) io.stderr(`${error.message}\n`);
      else throw error;
    }
  };
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  // The folder is watched before the first build starts, so nothing added while it runs is missed.
  let running: Promise<void> = Promise.resolve();
  const watcher = watchFolder(options.input, { persistent: true }, (_type, name) => {
    if (name === null || name.startsWith('.')) return;
    changed.add(name);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed].sort();
      changed.clear();
      // Builds never overlap: a change during a build waits for it, then builds again.
      running = running.then(async () => {
        emit({ event: 'changed', files });
        await build();
      });
    }, DEBOUNCE_MS);
  });
  emit({ event: 'watching', input: options.input, out: options.out });
  running = running.then(build);
  await new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  return EXIT.ok;
}
