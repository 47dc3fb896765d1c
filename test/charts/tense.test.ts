import { describe, expect, it } from 'vitest';
import { type Chart, nationalCharts } from '../../src/charts/index.ts';
import { tenseOf } from '../../src/charts/tense.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { TEMPLATES } from '../helpers/views.ts';

// The seeds' targets fall due in April and July 2024: worded as plans before then, in the past once
// every one has come, and said to be mixed between the two.
const texts = seedTexts();
const base = {
  edition: 2023,
  words: TEMPLATES,
  plans: plansFrom(texts),
  benchmarks: benchmarksOf(texts).benchmarks,
};
const titles = (date: string) =>
  Object.fromEntries(nationalCharts({ ...base, date }).map((c: Chart) => [c.id, c.title]));

describe('chart headlines take the tense of the report date', () => {
  const before = titles('2024-01-31');
  const after = titles('2025-07-31');
  const between = titles('2024-05-15');

  it('before any target falls due, targets are spoken of in the present', () => {
    expect(before['national-employment-6w']).toMatch(/^Three regions target less than/);
    expect(before['national-employment-6m']).toMatch(/^No region sets a higher level to reach: three aim /);
    expect(before['national-ambition-scatter']).toMatch(/\bplans?\b|range from/);
    for (const title of Object.values(before)) expect(title).not.toMatch(/fallen due/);
  });

  it('once every target has fallen due, in the past', () => {
    expect(after['national-employment-6w']).toMatch(/^Three regions targeted less than the national figure/);
    expect(after['national-employment-6m']).toMatch(
      /^No region set a higher level to reach: three aimed to keep increasing and one to hold/,
    );
    for (const title of Object.values(after)) {
      expect(title).not.toMatch(/\b(aims?|sets|targets less|plans)\b/);
      expect(title).not.toMatch(/fallen due/);
    }
  });

  it('with some due and some not, says so plainly', () => {
    // East of England's employment target is due by July 2024, the others by April 2024.
    expect(between['national-employment-6w']).toMatch(
      /^Three regions target less than .*\(three of the four dated targets have fallen due, the rest not yet\)$/,
    );
    expect(between['national-employment-6m']).toBe(after['national-employment-6m']);
  });

  it('counts only dated targets, and none without a report date', () => {
    const rows = [{ target_date: '2024-04' }, { target_date: null }, { target_date: '2024-07' }];
    expect(tenseOf(rows, '2024-07-01')).toEqual({ past: true, mixed: false, passed: 2, dated: 2 });
    expect(tenseOf(rows, '2024-06-30')).toEqual({ past: false, mixed: true, passed: 1, dated: 2 });
    expect(tenseOf(rows, undefined)).toEqual({ past: false, mixed: false, passed: 0, dated: 2 });
    expect(tenseOf([{ target_date: null }], '2030-01-01')).toMatchObject({ past: false, mixed: false });
  });
});
