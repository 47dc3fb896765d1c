import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Reason, ReasonCodeSchema } from '../../src/model/index.ts';
import { TEMPLATES } from '../helpers/views.ts';

// The metrics give reasons as codes; templates/text/reason-<code>.hbs words each, for the reports
// and for the note columns of benchmarks.csv. The expected sentences are the ones the metrics
// wrote in English before the codes, so the published CSV reads as it did.

const WORDED: Array<[Reason, string]> = [
  [
    { code: 'baseline-undated' },
    'the document states no period for this level, so neither a national figure nor a peer median can be matched to it',
  ],
  [
    { code: 'national-not-comparable', period: '2024-04/2025-03' },
    'the national figure for the performance year April 2024 to March 2025 is not comparable (break in the series)',
  ],
  [
    { code: 'other-kind-used', period: '2023-03', used: '2022-04/2023-03' },
    'no national figure for March 2023 itself; compared with the performance year April 2022 to March 2023 instead',
  ],
  [{ code: 'no-national-figure', period: '2023-03' }, 'no national figure for March 2023'],
  [
    { code: 'run-median-used', period: '2023-03', n: 4 },
    'median baseline of all 4 regions in this run measured for March 2023',
  ],
  [
    { code: 'too-few-peers', period: '2025-03', n: 1 },
    'fewer than three regions with a baseline for March 2025 (1), so no peer median either',
  ],
  [{ code: 'target-undated' }, 'the target has no date'],
  [
    { code: 'target-kind-mismatch', baselineYear: false, figureYear: true },
    'regional figures for single months, against a national figure for a performance year',
  ],
  [
    { code: 'target-kind-mismatch', baselineYear: true, figureYear: false },
    'regional figures for performance years, against a national figure for a single month',
  ],
  [
    { code: 'target-no-national-series' },
    'no national figure is published for this measure, and a target is never compared with a median of baselines',
  ],
  [
    { code: 'target-not-published', period: '2023-04/2024-03' },
    'no national figure is published for the performance year April 2023 to March 2024, when the target falls due, and a target is not compared with a median of baselines',
  ],
  [
    { code: 'target-after-break', due: '2025-03', broke: '2024-05' },
    'it is due by the end of March 2025, after the national series broke in May 2024, so no national figure for then can be set against its starting point',
  ],
  [
    { code: 'target-baseline-figure-used', period: '2024-04/2025-03', used: '2023-03' },
    "no national figure is published for the performance year April 2024 to March 2025, when the target falls due; compared with the figure for March 2023, the baseline's period, instead",
  ],
  [{ code: 'attainment-no-baseline' }, 'no baseline to compare in one of the two editions'],
  [
    {
      code: 'attainment-after-break',
      broke: '2024-05',
      description: 'Probation Reset (fixture wording)',
      earlier: 2024,
      later: 2025,
    },
    'the series broke in May 2024 (Probation Reset (fixture wording)), so the 2024 target cannot be checked against the 2025 baseline',
  ],
  [
    {
      code: 'attainment-outturn',
      earlier: 2023,
      later: 2024,
      period: '2024-03',
      source: 'ne.txt:12',
      above: null,
    },
    '2024 baseline (March 2024) read as the outturn of the 2023 target (ne.txt:12)',
  ],
  [
    { code: 'attainment-outturn', earlier: 2023, later: 2024, period: null, source: 'ne.txt:12', above: 0 },
    '2024 baseline read as the outturn of the 2023 target (ne.txt:12); attained means above the earlier baseline of 0%',
  ],
  [
    {
      code: 'attainment-outturn',
      earlier: 2023,
      later: 2024,
      period: '2024-03',
      source: 'ne.txt:12',
      above: 24.5,
    },
    '2024 baseline (March 2024) read as the outturn of the 2023 target (ne.txt:12); attained means above the earlier baseline of 24.5%',
  ],
  [{ code: 'attainment-qualitative' }, 'qualitative target'],
];

describe('reasons are worded by the templates', () => {
  it.each(WORDED)('%o', (reason, words) => {
    expect(TEMPLATES.reasons([reason])).toBe(words);
  });

  it('several reasons read one after another, none as nothing', () => {
    expect(
      TEMPLATES.reasons([
        { code: 'no-national-figure', period: '2023-03' },
        { code: 'run-median-used', period: '2023-03', n: 3 },
      ]),
    ).toBe(
      'no national figure for March 2023; median baseline of all 3 regions in this run measured for March 2023',
    );
    expect(TEMPLATES.reasons([])).toBe('');
  });

  it('every code has its template, and every code is worded above', () => {
    for (const code of ReasonCodeSchema.options) {
      expect(
        existsSync(join(import.meta.dirname, '..', '..', 'templates', 'text', `reason-${code}.hbs`)),
        code,
      ).toBe(true);
      expect(
        WORDED.some(([r]) => r.code === code),
        code,
      ).toBe(true);
    }
  });

  it('a template given something other than reasons stops with the template and its line', () => {
    expect(() => TEMPLATES.text('band-none', { aim: {} })).toThrow(/band-none\.hbs:1: error: .*"reasons"/);
  });
});
