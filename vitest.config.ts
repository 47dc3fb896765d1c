import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Whole-build tests spawn the CLI; two cores leave little room for more parallelism.
    pool: 'forks',
    // A whole build takes about 5 s on a quiet 2-core machine and several times that on a busy
    // one, where vitest's defaults (5 s a test, 10 s a hook) failed suites whose beforeAll builds
    // the reports. Tests assert behaviour, never time: these limits only stop a test that hangs.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
