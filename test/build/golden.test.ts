import { describe, expect, it } from 'vitest';
import { buildCase, compareWithGolden, goldenCases } from '../helpers/golden.ts';

// Golden folders: test/input/<case>/ builds (HTML only, real charts and templates) to what
// test/output/<case>/ holds. A difference writes test/output/<case>-changed/ beside it: diff the
// two folders, and once every change has been read and is right, replace <case> with <case>-changed.

describe('golden folders', () => {
  for (const name of goldenCases()) {
    it(name, async () => {
      const difference = compareWithGolden(name, await buildCase(name));
      expect(
        difference,
        difference.written
          ? `test/output/${name} differs from the build; what was built is in ${difference.written} for review`
          : undefined,
      ).toEqual({ missing: [], unexpected: [], changed: [], written: null });
    });
  }
});
