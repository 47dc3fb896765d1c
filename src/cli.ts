#!/usr/bin/env node
import { tuneV8ForBuild } from './cli/tuning.ts';

// Before the rest of the tool is loaded, so its code is compiled under these settings.
tuneV8ForBuild();
const { main, processIo } = await import('./cli/index.ts');
const { EXIT_SIGNAL } = await import('./build/errors.ts');

const argv = process.argv.slice(2);
const stop = new AbortController();
// `watch` stops cleanly on Ctrl-C or SIGTERM, between builds. A build stops at its next step,
// before it publishes: it releases its lock, writes nothing, prints why (a final `failed` event
// with --json) and exits 143 (SIGTERM) or 130 (SIGINT). A second signal ends the process at once;
// publishing is atomic and the next run clears what is left, so out/ stays as it was.
// `validate` writes nothing and keeps the default.
if (argv[0] === 'watch' || argv[0] === 'build') {
  for (const name of ['SIGINT', 'SIGTERM'] as const) {
    process.on(name, () => {
      if (stop.signal.aborted) process.exit(EXIT_SIGNAL[name]);
      stop.abort(name);
    });
  }
}
process.exitCode = await main(argv, processIo, stop.signal);
