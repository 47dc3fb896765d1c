import { statSync, watch as watchFolder } from 'node:fs';
import { CliError, EXIT, systemError } from '../build/errors.ts';
import type { Emit } from '../build/events.ts';
import { checkOutputFolder } from '../build/publish.ts';
import { TemplateError } from '../render/index.ts';
import type { BuildArgs } from './args.ts';
import { runBuild } from './build.ts';
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
  // The same check as build's, so a missing folder is exit 2 with the same words, not a crash.
  try {
    if (!statSync(options.input).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new CliError(
      `input folder "${options.input}" cannot be read: expected a folder of plan updates (*.txt). Check --input.`,
      EXIT.usage,
    );
  }
  // A refused --out ends watch at once (exit 2), rather than failing every build it would run.
  checkOutputFolder(options);
  const build = async (): Promise<void> => {
    try {
      await runBuild(options, emit);
    } catch (thrown) {
      // Whatever stops one build, watching goes on: the next change may be the fix. runBuild has
      // already reported it (its `failed` event, with the exit code); a bug gets a word more.
      const error = systemError(thrown) ?? thrown;
      if (error instanceof CliError || error instanceof TemplateError) return;
      io.stderr(
        'This is a bug in regional-benchmarks, not in your input; nothing was written, and watching goes on. Run with DEBUG=1 for details and report it.\n',
      );
      if (process.env.DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
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
  // The folder can fail under the watcher (removed, unmounted): say so and stop, never crash.
  let failed: CliError | null = null;
  const stopped = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
    watcher.on('error', (error) => {
      const code = (error as NodeJS.ErrnoException).code;
      failed = new CliError(
        `stopped watching: expected to go on watching ${options.input}; found ${error.message}${code ? ` (${code})` : ''}. Check that the folder still exists and its disk is sound, then start watch again.`,
        systemError(error)?.exitCode ?? EXIT.io,
      );
      resolve();
    });
  });
  await stopped;
  clearTimeout(timer);
  watcher.close();
  await running;
  if (failed) throw failed;
  return EXIT.ok;
}
