import { describe, expect, it } from 'vitest';
import type { Plan, Target } from '../../src/model/index.ts';
import { lineOf, parseText, planOf, replaceOnce, seedText } from '../helpers/seeds.ts';

const quantitative = (plan: Plan): Target[] =>
  plan.sections.flatMap((s) => s.targets).filter((t) => t.measure !== 'qualitative');
const summary = (plan: Plan) =>
  quantitative(plan).map((t) => [
    t.measure,
    t.kind,
    t.baselinePct,
    t.baselinePeriod,
    t.changePp,
    t.targetPct,
    t.targetMonth,
  ]);
const counts = (plan: Plan) =>
  plan.sections.map((s) => [
    s.id,
    s.targets.length,
    s.commitments.length,
    s.progress.length,
    s.opportunities.length,
  ]);

const NE_TARGET_6W =
  '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.';

describe('documents in forms not seen before read the same', () => {
  for (const region of ['north-east', 'east-of-england', 'yorkshire-and-the-humber', 'south-west'] as const) {
    const original = planOf(seedText(region));

    it(`${region}: CRLF line endings`, () => {
      const plan = planOf(seedText(region).replace(/\n/g, '\r\n'));
      expect(summary(plan)).toEqual(summary(original));
      expect(counts(plan)).toEqual(counts(original));
      expect(plan.directors).toEqual(original.directors);
    });

    it(`${region}: non-breaking spaces and zero-width characters`, () => {
      const text = seedText(region)
        .replace(/(\d+%) in March/g, '$1\u00a0in\u00a0March')
        .replace(/percentage points/g, 'percentage\u00a0points\u200b');
      expect(summary(planOf(text))).toEqual(summary(original));
    });

    it(`${region}: other bullet marks`, () => {
      for (const mark of ['•', '*', '▪', '»', '–', '1.']) {
        const plan = planOf(seedText(region).replace(/^- /gm, `${mark} `));
        expect(summary(plan)).toEqual(summary(original));
        expect(counts(plan)).toEqual(counts(original));
      }
    });

    it(`${region}: target sentences wrapped over several lines, indented or not`, () => {
      for (const indent of ['', '  ']) {
        const text = seedText(region).replace(
          /^(- By [^\n]{20,}?) (will increase the proportion) /gm,
          `$1\n${indent}$2\n${indent}`,
        );
        expect(text).not.toBe(seedText(region));
        const plan = planOf(text);
        expect(summary(plan)).toEqual(summary(original));
        // Each target is located at the line where its sentence starts in the wrapped text.
        const lines = text.split('\n');
        for (const t of quantitative(plan)) {
          const start = t.sentence.split(' ').slice(0, 3).join(' ');
          expect(lines[t.line - 1]?.replace(/^[-\s]+/, '').startsWith(start)).toBe(true);
        }
      }
    });
  }

  it('a document with no title block gets its region from the targets and an inferred edition', () => {
    const text = seedText('east-of-england').replace(/^[\s\S]*?(?=Contents)/, '\n\n');
    const parsed = parseText(text);
    expect(parsed.plan).toMatchObject({
      region: { id: 'east-of-england' },
      title: null,
      edition: 2023,
      editionInferred: true,
    });
    expect(parsed.diagnostics.find((d) => d.code === 'edition-inferred')).toMatchObject({ level: 'info' });
  });

  it('a document with no contents list reads the same', () => {
    const text = seedText('yorkshire-and-the-humber').replace(/Contents\n\n(?:[^\n]+\t\d+\n)+/, '');
    expect(summary(planOf(text))).toEqual(summary(planOf(seedText('yorkshire-and-the-humber'))));
  });

  it.each([
    ['North West', 'north-west'],
    ['Wales', 'wales'],
    ['Greater Manchester', 'greater-manchester'],
    ['Kent, Surrey and Sussex', 'kent-surrey-and-sussex'],
    ['London', 'london'],
  ])('another region, %s, is recognised from the text (never the file name)', (name, id) => {
    const text = seedText('north-east').replace(/North East/g, name);
    const plan = planOf(text, 'north-east-2023.txt');
    expect(plan.region).toEqual({ id, name });
    expect(summary(plan)).toEqual(summary(planOf(seedText('north-east'))));
  });

  it('rules drawn in text ("____", "****", "----") are decoration: the document reads the same', () => {
    const lines = seedText('north-east').split('\n');
    for (const [at, rule] of [
      [60, '****'],
      [40, '----------'],
      [20, '____'],
    ] as const)
      lines.splice(at, 0, '', rule, '');
    const plan = planOf(lines.join('\n'));
    expect(summary(plan)).toEqual(summary(planOf(seedText('north-east'))));
    expect(counts(plan)).toEqual(counts(planOf(seedText('north-east'))));
  });

  it('a later edition reads its own year, baselines and target dates', () => {
    const text = seedText('south-west')
      .replace('Annual Update 2023', 'Annual Update 2024')
      .replace(/March 2023/g, 'March 2024')
      .replace(/April 2024/g, 'April 2025');
    const plan = planOf(text);
    expect(plan.edition).toBe(2024);
    expect(summary(plan)[0]).toEqual(['employment-6w', 'increase', 16, '2024-03', 3, 19, '2025-04']);
  });

  it('"to N%" phrasing gives the level to reach, and the change from it', () => {
    const text = replaceOnce(
      seedText('north-east'),
      NE_TARGET_6W,
      '- By April 2024, North East will increase the proportion employed six weeks after release from 14% in March 2023 to 21%.',
    );
    expect(summary(planOf(text))[0]).toEqual(['employment-6w', 'increase', 14, '2023-03', 7, 21, '2024-04']);
  });

  it('decimal baselines and changes keep their precision', () => {
    const text = replaceOnce(
      seedText('north-east'),
      NE_TARGET_6W,
      '- By April 2024, North East will increase the proportion employed six weeks after release by 4.5 percentage points from 14.2% in March 2023.',
    );
    expect(summary(planOf(text))[0]).toEqual([
      'employment-6w',
      'increase',
      14.2,
      '2023-03',
      4.5,
      18.7,
      '2024-04',
    ]);
  });

  it('other phrasings: "per cent", a financial year, a number in words, an abbreviated month', () => {
    const text = replaceOnce(
      seedText('north-east'),
      NE_TARGET_6W,
      '- By Apr 2025, North East will increase the proportion employed six weeks after release by four percentage points from 14 per cent in 2023/24.',
    );
    expect(summary(planOf(text))[0]).toEqual([
      'employment-6w',
      'increase',
      14,
      '2023-04/2024-03',
      4,
      18,
      '2025-04',
    ]);
  });

  it('targets written without a "Regional targets" label are still read as targets', () => {
    const text = seedText('north-east').replace(/Regional targets\n/g, '');
    const parsed = parseText(text);
    expect(summary(parsed.plan as Plan)).toEqual(summary(planOf(seedText('north-east'))));
    expect(parsed.diagnostics.some((d) => d.code === 'targets-label-missing')).toBe(true);
  });

  it('a target left in a commitments list is read as a target, with a warning', () => {
    const sixMonths =
      '- North East will continue to increase the proportion employed six months after release from 16%, in the performance year to March 2023.\n';
    const moved = replaceOnce(
      replaceOnce(seedText('north-east'), sixMonths, ''),
      '- Ensure the New Futures Network operates at full capacity.\n',
      `- Ensure the New Futures Network operates at full capacity.\n${sixMonths}`,
    );
    const parsed = parseText(moved);
    expect(parsed.diagnostics.filter((d) => d.level !== 'info')).toMatchObject([
      { code: 'target-outside-targets-list', level: 'warning', line: lineOf(moved, sixMonths) },
    ]);
    expect(summary(parsed.plan as Plan)).toEqual(summary(planOf(seedText('north-east'))));
  });
});

describe('broken documents give a diagnostic at the right line', () => {
  const broken = (replacement: string) => {
    const text = replaceOnce(seedText('north-east'), NE_TARGET_6W, replacement);
    return parseText(text, 'north-east-2023.txt');
  };
  const only = (parsed: ReturnType<typeof parseText>, code: string) =>
    parsed.diagnostics.filter((d) => d.code === code);

  it.each([
    [
      'no baseline date',
      '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14%.',
      'target-unreadable',
      'when the baseline was measured',
    ],
    [
      'no change and no level',
      '- By April 2024, North East will increase the proportion employed six weeks after release from 14% in March 2023.',
      'target-unreadable',
      'a change ("by 4 percentage points")',
    ],
    [
      'no date to reach it',
      '- North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.',
      'target-unreadable',
      'a date to reach it',
    ],
    [
      'an unknown measure',
      '- By April 2024, North East will increase the proportion in education by 4 percentage points from 14% in March 2023.',
      'target-unreadable',
      'one of the five measures',
    ],
    [
      'a year with no month',
      '- By 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.',
      'target-unreadable',
      'a month and year after "By"',
    ],
    [
      'a reduction',
      '- By April 2024, North East will reduce the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.',
      'target-unreadable',
      'found a reduction',
    ],
    [
      'a percentage above 100',
      '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 140% in March 2023.',
      'percent-out-of-range',
      'between 0% and 100%; found 140%',
    ],
    [
      'a target date before its baseline',
      '- By January 2023, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.',
      'target-before-baseline',
      'to come after the baseline',
    ],
  ])('%s', (_, sentence, code, words) => {
    const parsed = broken(sentence);
    const found = only(parsed, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'error', file: 'north-east-2023.txt', line: 69 });
    expect(found[0]?.message).toContain(words);
    expect(found[0]?.message).toContain('expected');
  });

  it('a stated level that disagrees with baseline plus change is a warning; the stated level is kept', () => {
    const parsed = broken(
      '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023 to 19%.',
    );
    expect(only(parsed, 'target-arithmetic-mismatch')).toMatchObject([{ level: 'warning', line: 69 }]);
    expect(quantitative(parsed.plan as Plan)[0]).toMatchObject({ changePp: 4, targetPct: 19 });
  });

  it('a wrapped unreadable target is reported at the line where it starts', () => {
    const parsed = broken(
      '- By April 2024, North East will increase the proportion\n  employed six weeks after release by 4 percentage points\n  from 14%.',
    );
    expect(only(parsed, 'target-unreadable')).toMatchObject([{ line: 69 }]);
  });

  it('two targets for the same measure, naming both lines', () => {
    const parsed = broken(
      `${NE_TARGET_6W}\n- By April 2024, North East will increase the proportion employed six weeks after release by 2 percentage points from 14% in March 2023.`,
    );
    expect(only(parsed, 'target-duplicate-measure')).toMatchObject([{ level: 'error', line: 70 }]);
    expect(only(parsed, 'target-duplicate-measure')[0]?.message).toContain('the first is at line 69');
  });

  it('an empty file', () => {
    expect(parseText('', 'empty.txt').diagnostics).toMatchObject([
      { code: 'file-empty', level: 'error', file: 'empty.txt' },
    ]);
  });

  it('a file that is not text', () => {
    const parsed = parsePlanBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]));
    expect(parsed.diagnostics).toMatchObject([{ code: 'file-not-text', level: 'error', file: 'x.pdf.txt' }]);
    expect(parsed.plan).toBeNull();
  });

  it('a document with no recognisable region', () => {
    const parsed = parseText(seedText('north-east').replace(/North East/g, 'Northern'), 'mystery.txt');
    expect(parsed.plan).toBeNull();
    expect(only(parsed, 'region-unrecognised')).toMatchObject([{ level: 'error', file: 'mystery.txt' }]);
  });

  it('a document with no sections', () => {
    const parsed = parseText('South West\n\nSome notes about reoffending.\n', 'notes.txt');
    expect(parsed.diagnostics).toMatchObject([{ code: 'no-sections', level: 'error' }]);
  });

  it('a missing section is a warning naming it', () => {
    const text = seedText('south-west').replace(/\nDelivering the order of the court\n/g, '\n');
    const parsed = parseText(text);
    expect(only(parsed, 'section-missing')).toMatchObject([{ level: 'warning' }]);
    expect(only(parsed, 'section-missing')[0]?.message).toContain('Delivering the order of the court');
    // Its target was not dropped: it was read into the section before it.
    expect(quantitative(parsed.plan as Plan).map((t) => t.measure)).toContain('sexual-offence-interventions');
  });
});

import { parsePlan } from '../../src/ingest/index.ts';

function parsePlanBytes(bytes: Uint8Array) {
  return parsePlan('x.pdf.txt', bytes);
}
