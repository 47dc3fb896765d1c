#!/usr/bin/env -S node --import tsx
import { tuneV8ForBuild } from './cli/tuning.ts';

// Before the rest of the tool is loaded, so its code is compiled under these settings.
tuneV8ForBuild();
const { main, processIo } = await import('./cli/index.ts');

const argv = process.argv.slice(2);
const stop = new AbortController();
// `watch` stops cleanly on Ctrl-C or SIGTERM, between builds. Other commands keep the default, so
// Ctrl-C ends a build at once; publishing is atomic, so out/ stays as it was.
if (argv[0] === 'watch') {
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
}
process.exitCode = await main(argv, processIo, stop.signal);
