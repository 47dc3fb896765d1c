import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/ingest/targets.ts';
import type { Target } from '../../src/model/index.ts';

// Target sentences as other regions and later editions may write them. The figures are fixtures
// made up for the tests, not published ones.

type Read = [
  string,
  Target['kind'],
  number | null,
  string | null,
  number | null,
  number | null,
  string | null,
];
const figures = (t: Target): Read => [
  t.measure,
  t.kind,
  t.baselinePct,
  t.baselinePeriod,
  t.changePp,
  t.targetPct,
  t.targetMonth,
];

function read(sentence: string): Read {
  const result = parseTarget('doc.txt', sentence, 7, 'training-skills-work');
  if ('error' in result) throw new Error(`expected a reading; got ${result.error.message}`);
  return figures(result.target);
}

function refused(sentence: string) {
  const result = parseTarget('doc.txt', sentence, 7, 'training-skills-work');
  if (!('error' in result))
    throw new Error(`expected an error; read ${JSON.stringify(figures(result.target))}`);
  return result.error;
}

const SIX_WEEKS = 'the proportion employed six weeks after release';
const FOUR_FROM_14: Read = ['employment-6w', 'increase', 14, '2023-03', 4, 18, '2024-04'];
const withChange = (change: string) =>
  `By April 2024, North East will increase ${SIX_WEEKS} by ${change} from 14% in March 2023.`;

describe('numbers written in words', () => {
  it.each([
    ['four', 4],
    ['five', 5],
    ['ten', 10],
    ['twelve', 12],
    ['two and a half', 2.5],
    ['one point five', 1.5],
  ])('"by %s percentage points"', (words, value) => {
    expect(read(withChange(`${words} percentage points`))).toEqual([
      'employment-6w',
      'increase',
      14,
      '2023-03',
      value,
      14 + value,
      '2024-04',
    ]);
  });

  it('"from fourteen per cent" and "to twenty-five per cent"', () => {
    expect(
      read(
        `By April 2024, North East will increase ${SIX_WEEKS} from fourteen per cent in March 2023 to twenty-five per cent.`,
      ),
    ).toEqual(['employment-6w', 'increase', 14, '2023-03', 11, 25, '2024-04']);
  });

  it('"4½ percentage points"', () => {
    expect(read(withChange('4½ percentage points'))).toEqual([
      'employment-6w',
      'increase',
      14,
      '2023-03',
      4.5,
      18.5,
      '2024-04',
    ]);
  });
});

describe('compatibility forms in a sentence read on its own', () => {
  it('full-width figures and a ligature', () => {
    expect(read(withChange('４ percentage points').replace('14%', '１４％'))).toEqual(FOUR_FROM_14);
    expect(
      read(withChange('4 points').replace(SIX_WEEKS, 'the proportion housed on the ﬁrst night')),
    ).toEqual(['housed-first-night', 'increase', 14, '2023-03', 4, 18, '2024-04']);
  });
});

describe('the unit of change, however it is spelled', () => {
  it.each([
    '4 percentage points',
    '4 percentage point',
    '4 percentage-points',
    '4 pp',
    '4pp',
    '4 p.p.',
    '4 ppts',
    '4 ppt',
    '4 % points',
    '4% points',
    '4 percent points',
    '4 per cent points',
    '4 points',
    '4 pts',
    'four pp',
  ])('"by %s"', (change) => {
    expect(read(withChange(change))).toEqual(FOUR_FROM_14);
  });
});

describe('the level before the baseline, or in brackets', () => {
  const LEVEL: Read = ['employment-6w', 'increase', 21, '2023-03', 4, 25, '2024-04'];
  it.each([
    `North East will lift ${SIX_WEEKS} to 25% by April 2024 from 21% in March 2023.`,
    `North East will increase ${SIX_WEEKS} to 25% by April 2024 (from 21% in March 2023).`,
    `North East will increase ${SIX_WEEKS} to 25% (currently 21%, March 2023) by April 2024.`,
    `North East will increase ${SIX_WEEKS} (from 21% in March 2023) to 25% by April 2024.`,
    `North East will increase ${SIX_WEEKS} from a baseline of 21% in March 2023 to reach 25% by April 2024.`,
    `By April 2024, North East will raise ${SIX_WEEKS} to at least 25%, from 21% as at March 2023.`,
  ])('%s', (sentence) => {
    expect(read(sentence)).toEqual(LEVEL);
  });
});

describe('the date anywhere, as a month, a day or the end of a month', () => {
  // One rule (README, "How targets are read": "When a target falls due"): a day date or the end of a month is due at the end
  // of the last whole month it completes, so all of these mean what "By April 2024" means.
  it.each([
    'By April 2024, North East will increase',
    'By Apr. 2024, North East will increase',
    'By 1 April 2024, North East will increase',
    'By 1st April 2024, North East will increase',
    'By April 1st 2024, North East will increase',
    'By April 1, 2024, North East will increase',
    'By 31 March 2024, North East will increase',
    'By 31st of March 2024, North East will increase',
    'By the end of March 2024, North East will increase',
    'By end-March 2024, North East will increase',
    'By end of March 2024, North East will increase',
    'By 31/03/2024, North East will increase',
    'By 2024-03-31, North East will increase',
    "By April '24, North East will increase",
    'By the end of 2023/24, North East will increase',
    'By 15 April 2024, North East will increase',
  ])('"%s …"', (opening) => {
    expect(read(`${opening} ${SIX_WEEKS} by 4 percentage points from 14% in March 2023.`)).toEqual(
      FOUR_FROM_14,
    );
  });

  it.each([
    `North East will increase ${SIX_WEEKS} by 4 percentage points from 14% in March 2023 by April 2024.`,
    `North East will, by April 2024, increase ${SIX_WEEKS} by 4 percentage points from 14% in March 2023.`,
    `North East will increase ${SIX_WEEKS} from 14% in March 2023 by 4 percentage points by the end of March 2024.`,
  ])('the date at the end or in the middle: %s', (sentence) => {
    expect(read(sentence)).toEqual(FOUR_FROM_14);
  });

  it('a day date for the baseline is its month; a financial year is the year to March', () => {
    expect(read(withChange('4 percentage points').replace('in March 2023', 'as at 31 March 2023'))).toEqual(
      FOUR_FROM_14,
    );
    expect(read(withChange('4 percentage points').replace('in March 2023', 'in 2022/23'))).toEqual([
      'employment-6w',
      'increase',
      14,
      '2022-04/2023-03',
      4,
      18,
      '2024-04',
    ]);
  });

  it('"by the end of April 2024" is due a month later than "By April 2024"', () => {
    expect(
      read(withChange('4 percentage points').replace('By April 2024', 'By the end of April 2024')),
    ).toEqual(['employment-6w', 'increase', 14, '2023-03', 4, 18, '2024-05']);
  });
});

describe('each measure in other words and word orders', () => {
  const opening = 'By April 2024, North East will increase';
  const tail = 'by 4 percentage points from 14% in March 2023.';
  it.each([
    ['employment-6w', 'the proportion in work six weeks after release'],
    ['employment-6w', 'the proportion in employment six weeks after leaving prison'],
    ['employment-6w', 'the proportion of prison leavers in jobs at six weeks'],
    ['employment-6w', 'the six-week employment rate'],
    ['employment-6w', 'the proportion employed 6 wks after release'],
    ['employment-6w', 'the proportion finding work within 6 weeks of discharge'],
    ['employment-6m', 'the six-month employment rate for people leaving custody'],
    ['employment-6m', 'the proportion in work 6 months after release'],
    ['housed-first-night', 'the proportion housed on the first night after release'],
    ['housed-first-night', 'the proportion in accommodation on the night of release'],
    ['housed-first-night', 'the proportion with housing on leaving custody'],
    ['housed-first-night', 'the proportion of prison leavers with homes on their first night'],
    ['settled-accommodation-3m', 'the proportion in settled housing three months after release'],
    ['settled-accommodation-3m', 'the proportion in stable accommodation 3 months after leaving prison'],
    ['settled-accommodation-3m', 'the three-month settled accommodation rate'],
    ['sexual-offence-interventions', 'the proportion of sex offender programmes completed'],
    ['sexual-offence-interventions', 'completions of sexual offending interventions'],
  ])('%s: "%s"', (measure, words) => {
    expect(read(`${opening} ${words} ${tail}`)).toEqual([
      measure,
      'increase',
      14,
      '2023-03',
      4,
      18,
      '2024-04',
    ]);
  });
});

describe('an item that says more than its target', () => {
  it('reads the sentence that names the measure, and quotes the whole item', () => {
    const item = `${withChange('4 percentage points')} This is up from 12% in March 2022. Nationally, the figure was 20%.`;
    const result = parseTarget('doc.txt', item, 7, 'training-skills-work');
    expect('target' in result && figures(result.target)).toEqual(FOUR_FROM_14);
    expect('target' in result && result.target.sentence).toBe(item);
  });
});

describe('kinds of target, in other words', () => {
  it('maintain, with the level held and its date', () => {
    expect(read(`By April 2024, North East will maintain ${SIX_WEEKS} at 38% (March 2023).`)).toEqual([
      'employment-6w',
      'maintain',
      38,
      '2023-03',
      0,
      38,
      '2024-04',
    ]);
  });

  it('continue to increase, from a baseline in a performance year', () => {
    expect(
      read(`North East will continue to increase ${SIX_WEEKS} from 16%, in the year ending March 2023.`),
    ).toEqual(['employment-6w', 'continue-increase', 16, '2022-04/2023-03', null, null, null]);
  });
});

describe('what is refused, with what was found', () => {
  it.each([
    [
      'two dates to reach it',
      `By April 2024, North East will increase ${SIX_WEEKS} to 25% from 21% in March 2023 by April 2025.`,
      'expected one date to reach it; found 2024-04 and 2025-04',
    ],
    [
      'two baselines',
      `By April 2024, North East will increase ${SIX_WEEKS} from 21% in March 2023 to 25% (from 19% in March 2022).`,
      'expected one baseline; found 21% and 19%',
    ],
    [
      'a change in per cent, which may be relative',
      withChange('4%'),
      'found "by 4%", which may be percentage points or a relative change',
    ],
    [
      'a percentage no word gives a role',
      `By April 2024, North East will increase ${SIX_WEEKS} 25% from 21% in March 2023.`,
      '25% stands where no word says what it is',
    ],
    [
      'a range of changes',
      withChange('3-4 percentage points'),
      'found a range ending at 4 percentage points',
    ],
    [
      'a range of levels',
      `By April 2024, North East will increase ${SIX_WEEKS} from 14% in March 2023 to between 20 and 25%.`,
      'found a range ending at 25%',
    ],
    [
      'a second sentence stating another date to reach it',
      `${withChange('4 percentage points')} We will then reach 22% by April 2025.`,
      'expected one date to reach it; found 2024-04 and 2025-04',
    ],
    [
      'a day that does not exist',
      withChange('4 percentage points').replace('By April 2024', 'By 31 February 2024'),
      'a date to reach it',
    ],
    ['a year with no month', withChange('4 points').replace('By April 2024', 'By 2024'), 'a month and year'],
    [
      'a lone "points" with no number',
      withChange('several points'),
      'a change ("by 4 percentage points") or a level to reach',
    ],
  ])('%s', (_, sentence, words) => {
    const error = refused(sentence);
    expect(error).toMatchObject({ level: 'error', code: 'target-unreadable', file: 'doc.txt', line: 7 });
    expect(error.message).toContain(words);
  });
});
