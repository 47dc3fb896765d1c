import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Whole-build tests spawn the CLI; two cores leave little room for more parallelism.
    pool: 'forks',
    testTimeout: 60_000,
  },
});
