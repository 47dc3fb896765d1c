import { defineConfig } from 'vitest/config';
import { COMMON, MOCKING } from './vitest.config.ts';

// `npm run test:unit`: the tests that need no browser, no PDF and no whole build on disk, for a
// quick answer while changing the reader, the metrics, the statements, the charts or the engine.
// The twelve-region chart compilation, the document mutations and the PDF reader's tests (pdfjs
// reading designed PDFs) are left to `npm test`.
const UNIT = [
  'test/ingest/**/*.test.ts',
  'test/metrics/**/*.test.ts',
  'test/build/engine.test.ts',
  'test/build/keep-going.test.ts',
  'test/charts/charts.test.ts',
  'test/charts/statements.test.ts',
  'test/charts/reader.test.ts',
  'test/render/statements.test.ts',
  'test/hardening/catalogue.test.ts',
  'test/bench/**/*.test.ts',
];

export default defineConfig({
  test: {
    ...COMMON,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, exclude: ['test/ingest/pdf/**', ...MOCKING] },
      },
      {
        extends: true,
        test: {
          name: 'unit-isolated',
          include: MOCKING.filter((m) => m.startsWith('test/metrics/')),
          pool: 'threads',
        },
      },
    ],
  },
});
