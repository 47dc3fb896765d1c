import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_FILES, SEEDS_DIR } from '../../helpers/seeds.ts';
import { FIXTURES, itemsOf, planOfFile, targetRows } from './helpers.ts';

// The designed PDFs made from each seed (test/fixtures/pdf/README.md) in three ways. Each must
// read, through the real ingest, as its text version does: the same targets.csv rows (where each
// stands aside) and the same items in the same sections and lists.
const WAYS = ['chromium', 'pdfmake', 'libreoffice'] as const;

describe('designed PDFs read as their text versions', () => {
  for (const seed of Object.values(SEED_FILES)) {
    const pdf = seed.replace(/\.txt$/, '.pdf');
    for (const way of WAYS) {
      it(`${way}/${pdf}`, async () => {
        const text = await planOfFile(join(SEEDS_DIR, seed), seed);
        const read = await planOfFile(join(FIXTURES, way, pdf), pdf);
        expect(read.errors).toEqual(text.errors);
        if (!text.plan || !read.plan) throw new Error('expected a plan from both');
        expect(read.plan.source.format).toBe('pdf');
        expect(targetRows(read.plan)).toEqual(targetRows(text.plan));
        expect(itemsOf(read.plan)).toEqual(itemsOf(text.plan));
        expect(read.plan.title).toBe(text.plan.title);
      });
    }
  }
});
