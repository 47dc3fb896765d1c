import { defineConfig } from 'vitest/config';
import { BUILD_V8_FLAGS } from './src/cli/tuning.ts';

/**
 * Files that replace a module with vi.mock (node:fs failing, a measure's polarity turned, the
 * pipeline throwing). Each gets a fresh process, so that no other file meets the replacement.
 */
export const MOCKING = [
  'test/cli/environment.test.ts',
  'test/cli/json-internal.test.ts',
  'test/metrics/attainment-polarity.test.ts',
];

/** What both configs share: the pool, the workers and the limits that only stop a hang. */
export const COMMON = {
  pool: 'forks',
  // Vitest runs one worker fewer than the cores, which on this 2-core machine is one: the files
  // ran one after another while a core idled. Two workers share what the child processes and the
  // browser leave.
  maxWorkers: 2,
  minWorkers: 1,
  // A whole build takes about 5 s on a quiet 2-core machine and several times that on a busy
  // one, where vitest's defaults (5 s a test, 10 s a hook) failed suites whose beforeAll builds
  // the reports. Tests assert behaviour, never time: these limits only stop a test that hangs.
  testTimeout: 120_000,
  hookTimeout: 240_000,
  poolOptions: {
    // A forks worker runs its files one after another in the same process, which keeps the loaded
    // modules (vega, pdfmake, pdfjs) and what V8 compiled of them: loading them again for each of
    // 70 files was about a fifth of the suite's time.
    // Workers are set up as the command's process is (src/cli/tuning.ts): most of their time is
    // builds, and at V8's default interrupt budget they spent much of it compiling code that runs
    // briefly, on the core the other worker needs. (Worker threads take no V8 flags.)
    forks: { isolate: false, execArgv: [...BUILD_V8_FLAGS] as string[] },
    threads: { isolate: true },
  },
} as const;

export default defineConfig({
  test: {
    ...COMMON,
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: MOCKING,
          globalSetup: ['test/global-setup.ts'],
        },
      },
      // Vitest decides isolation per pool, not per project: the mocking files run in threads,
      // each file in a fresh one.
      { extends: true, test: { name: 'isolated', include: MOCKING, pool: 'threads' } },
    ],
  },
});
