import { describe, expect, it } from 'vitest';
import { readNumbers } from '../../src/practice/index.ts';

const read = (s: string) => readNumbers(s).map((n) => [n.value, n.unit, n.qualifier, n.counts]);

describe('numbers with what they count', () => {
  it('reads counts, shares and increases in the documents’ words', () => {
    expect(
      read(
        'Delivered 551,485 hours of Unpaid Work in the community and dedicated 30% of hours to training and education related activities, via the Community Campus.',
      ),
    ).toEqual([
      [551485, 'count', '', 'hours of Unpaid Work'],
      [30, 'percent', '', 'of hours spent on training and education related activities'],
    ]);
    // Only what is spent is "spent on" something.
    expect(read('45% of referrals to Commissioned Rehabilitative Services completed')).toEqual([
      [45, 'percent', '', 'of referrals to Commissioned Rehabilitative Services completed'],
    ]);
    expect(read('60% of prison leavers to employment')).toEqual([
      [60, 'percent', '', 'of prison leavers to employment'],
    ]);
    expect(read('our cohort size has increased by 100%.')).toEqual([
      [100, 'percent', 'increase by', 'rise in cohort size'],
    ]);
    expect(
      read(
        'Developed the use of peer mentors with 72 now being utilised in the community with around 28 awaiting training.',
      ),
    ).toEqual([
      [72, 'count', '', 'peer mentors now being utilised'],
      [28, 'count', 'around', 'peer mentors awaiting training'],
    ]);
    expect(
      read(
        'Recruited four Health and Justice Co-ordinators and one Health and Justice Manager within probation',
      ),
    ).toEqual([
      [4, 'count', '', 'Health and Justice Co-ordinators'],
      [1, 'count', '', 'Health and Justice Manager'],
    ]);
    expect(read('hired over 100 Heads of Education')).toEqual([[100, 'count', 'over', 'Heads of Education']]);
    expect(read('Commission up to £1.5 million per year')).toEqual([]);
    expect(read('Commission £1.5 million a year')).toEqual([[1_500_000, 'pounds', '', 'a year']]);
  });

  it('skips years, ranges, limits, spans of time, serial numbers and pronouns', () => {
    expect(read('During 2022/23 we worked with 18-25 year olds')).toEqual([]);
    expect(read('with up to 84 nights temporary accommodation')).toEqual([]);
    expect(read('over the next 12 months')).toEqual([]);
    expect(read('launch of the Community Accommodation Service Tier 3, increasing')).toEqual([]);
    expect(read('with HMP The Mount, HMP Peterborough and HMP Five Wells')).toEqual([]);
    expect(read('a collaborative and interchangeable one.')).toEqual([]);
    expect(read('up to nine percentage points less likely to reoffend')).toEqual([]);
    expect(read('increased from 15% to 19%, up from 23%')).toEqual([]);
    expect(read('one of the first regions')).toEqual([]);
  });

  it('reads an item at the length limit with a number every few words, each in its own clause', () => {
    // 10,000 characters, the longest item the reader accepts: words, then a figure, over and over.
    const clause = 'the region has seen its cohort size increased by 5%, and ';
    const item = clause.repeat(Math.floor(10_000 / clause.length));
    const read = readNumbers(item);
    expect(read).toHaveLength(Math.floor(10_000 / clause.length));
    expect(read.every((n) => n.counts === 'rise in cohort size' && n.value === 5)).toBe(true);
  });

  it('keeps where people are and when a share is measured, and leaves out the bodies a region works with', () => {
    expect(read('housing over 1,300 individuals who would otherwise be held in prison')).toEqual([
      [1300, 'count', 'over', 'individuals who would otherwise be held in prison'],
    ]);
    expect(read('with a further 30% in work after 6 months, up from 23%')).toEqual([
      [30, 'percent', '', 'in work after 6 months'],
    ]);
    expect(read('We work together with all three Police and Crime Commissioners (PCC)')).toEqual([]);
  });
});
