import { defineConfig } from 'vitest/config';

// `npm run test:unit`: the tests that need no browser, no PDF and no whole build on disk, for a
// quick answer while changing the reader, the metrics, the statements, the charts or the engine.
export default defineConfig({
  test: {
    include: [
      'test/ingest/**/*.test.ts',
      'test/metrics/**/*.test.ts',
      'test/build/engine.test.ts',
      'test/charts/**/*.test.ts',
      'test/render/statements.test.ts',
      'test/hardening/catalogue.test.ts',
      'test/hardening/mutations.test.ts',
      'test/bench/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 120_000,
  },
});
