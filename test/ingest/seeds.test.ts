import { describe, expect, it } from 'vitest';
import type { Plan, SectionId } from '../../src/model/index.ts';
import { seedPlans } from '../helpers/seeds.ts';

const plans = seedPlans();
const plan = (region: string): Plan => {
  const found = plans.find((p) => p.region.id === region);
  if (!found) throw new Error(`no plan for ${region}`);
  return found;
};
const target = (region: string, measure: string) => {
  const found = plan(region)
    .sections.flatMap((s) => s.targets)
    .filter((t) => t.measure === measure);
  expect(found).toHaveLength(1);
  return found[0];
};

type Row = [string, string, string, number, string | null, number | null, number | null, string | null];
// region, measure, kind, baseline, baseline period, change, target, target month — the issue's table.
const PINNED: Row[] = [
  ['north-east', 'employment-6w', 'increase', 14, '2023-03', 4, 18, '2024-04'],
  ['north-east', 'employment-6m', 'continue-increase', 16, '2022-04/2023-03', null, null, null],
  ['north-east', 'housed-first-night', 'increase', 84, '2023-03', 6, 90, '2024-04'],
  ['north-east', 'settled-accommodation-3m', 'increase', 74, '2023-03', 6, 80, '2024-04'],
  ['north-east', 'sexual-offence-interventions', 'increase', 66, '2023-03', 4, 70, '2024-04'],
  ['east-of-england', 'employment-6w', 'increase', 16, '2023-03', 4, 20, '2024-07'],
  ['east-of-england', 'employment-6m', 'continue-increase', 24, '2022-04/2023-03', null, null, null],
  ['east-of-england', 'housed-first-night', 'increase', 81, '2023-03', 9, 90, '2024-04'],
  ['east-of-england', 'settled-accommodation-3m', 'increase', 66, '2023-03', 14, 80, '2024-04'],
  ['east-of-england', 'sexual-offence-interventions', 'increase', 49, '2023-03', 22, 71, '2024-04'],
  ['yorkshire-and-the-humber', 'employment-6w', 'increase', 17, '2023-03', 2, 19, '2024-04'],
  ['yorkshire-and-the-humber', 'employment-6m', 'continue-increase', 27, '2022-04/2023-03', null, null, null],
  ['yorkshire-and-the-humber', 'housed-first-night', 'increase', 81, '2023-03', 9, 90, '2024-04'],
  ['yorkshire-and-the-humber', 'settled-accommodation-3m', 'increase', 69, '2023-03', 11, 80, '2024-04'],
  ['yorkshire-and-the-humber', 'sexual-offence-interventions', 'increase', 54, '2023-03', 16, 70, '2024-04'],
  ['south-west', 'employment-6w', 'increase', 16, '2023-03', 3, 19, '2024-04'],
  ['south-west', 'employment-6m', 'maintain', 38, null, 0, 38, '2024-04'],
  ['south-west', 'housed-first-night', 'increase', 85, '2023-03', 5, 90, '2024-04'],
  ['south-west', 'settled-accommodation-3m', 'increase', 71, '2023-03', 9, 80, '2024-04'],
  ['south-west', 'sexual-offence-interventions', 'increase', 69, '2023-03', 1, 70, '2024-04'],
];

describe('the four real documents', () => {
  it('read as four 2023 plans, one per region, in registry order', () => {
    expect(plans.map((p) => [p.region.id, p.edition])).toEqual([
      ['north-east', 2023],
      ['yorkshire-and-the-humber', 2023],
      ['east-of-england', 2023],
      ['south-west', 2023],
    ]);
  });

  it.each(PINNED)(
    '%s %s: %s from %s (%s) by %s to %s in %s',
    (region, measure, kind, b, period, change, t, month) => {
      expect(target(region, measure)).toMatchObject({
        kind,
        baselinePct: b,
        baselinePeriod: period,
        changePp: change,
        targetPct: t,
        targetMonth: month,
      });
    },
  );

  it('has exactly the five quantitative targets per region, each with its source line', () => {
    for (const p of plans) {
      const quantitative = p.sections.flatMap((s) => s.targets).filter((t) => t.measure !== 'qualitative');
      expect(quantitative).toHaveLength(5);
    }
    expect(target('north-east', 'employment-6w')?.line).toBe(69);
    expect(target('south-west', 'sexual-offence-interventions')?.line).toBe(154);
    expect(target('north-east', 'sexual-offence-interventions')?.sentence).toBe(
      'By April 2024, North East will increase the proportion of sexual offence interventions completed by 4 percentage points from 66% in March 2023.',
    );
  });

  it('reads the two qualitative treatment-requirement targets of every drugs section, wrapped lines joined', () => {
    for (const p of plans) {
      const drugs = p.sections.find((s) => s.id === 'drugs-alcohol');
      expect(drugs?.targets.map((t) => t.kind)).toEqual(['qualitative', 'qualitative']);
      expect(
        drugs?.targets[0]?.sentence.startsWith('Community Sentence Treatment Requirements (CSTRs) include'),
      ).toBe(true);
      expect(drugs?.targets[1]?.sentence.startsWith('We are driving up use of treatment requirements')).toBe(
        true,
      );
    }
    const wrapped = plan('north-east').sections.find((s) => s.id === 'drugs-alcohol')?.targets[0];
    expect(wrapped?.line).toBe(100);
    expect(wrapped?.sentence).toContain(
      'include Drug Rehabilitation Requirements (DRRs), Alcohol Treatment Requirements (ATRs)',
    );
    expect(wrapped?.sentence.endsWith('offending behaviour, in the community.')).toBe(true);
  });

  it('names the directors with their roles', () => {
    const directors = (region: string) => plan(region).directors.map((d) => `${d.name}, ${d.role}`);
    expect(directors('north-east')).toEqual([
      'Bronwen Elphick, Regional Probation Director',
      'Simon Walters, Prison Group Director',
    ]);
    expect(directors('east-of-england')).toEqual([
      'Steve Johnson-Proctor, Regional Probation Director',
      'Simon Cartwright, Prison Group Director',
      'Gary Monaghan, Prison Group Director',
    ]);
    expect(directors('yorkshire-and-the-humber')).toEqual([
      'Lynda Marginson, Regional Probation Director',
      'Helen Judge, Prison Group Director',
    ]);
    expect(directors('south-west')).toEqual([
      'Angela Cossins, Regional Probation Director',
      'Paul Woods, Prison Group Director',
      'Jeannine Hendrick, Prison Group Director',
    ]);
  });

  it('extracts the national statements every document repeats', () => {
    const lines: Record<string, number> = {
      'north-east': 53,
      'east-of-england': 73,
      'yorkshire-and-the-humber': 74,
      'south-west': 57,
    };
    for (const p of plans) {
      expect(p.nationalStatements.map((s) => [s.measure, s.fromPct, s.toPct, s.since, s.line])).toEqual([
        ['employment-6w', 15, 19, '2022-04', lines[p.region.id]],
        ['employment-6m', 23, 30, '2022-04', lines[p.region.id]],
      ]);
    }
  });

  it('takes the plan period and edition from the title, or infers the edition when there is none', () => {
    expect(plan('east-of-england')).toMatchObject({
      planPeriod: { start: 2022, end: 2025 },
      editionInferred: false,
    });
    expect(plan('south-west').title).toBe('South West Reducing Reoffending Plan 2022-25 Annual Update 2023');
    expect(plan('north-east')).toMatchObject({
      title: null,
      planPeriod: null,
      edition: 2023,
      editionInferred: true,
    });
  });

  // Counted by reading each document: [commitments, progress] per themed section.
  const COUNTS: Record<string, Partial<Record<SectionId, [number, number]>>> = {
    'north-east': {
      'training-skills-work': [6, 5],
      'drugs-alcohol': [6, 5],
      'family-accommodation': [6, 4],
      'order-of-the-court': [7, 5],
    },
    'east-of-england': {
      'training-skills-work': [6, 6],
      'drugs-alcohol': [7, 6],
      'family-accommodation': [8, 7],
      'order-of-the-court': [8, 6],
    },
    'yorkshire-and-the-humber': {
      'training-skills-work': [9, 6],
      'drugs-alcohol': [6, 4],
      'family-accommodation': [9, 5],
      'order-of-the-court': [7, 4],
    },
    'south-west': {
      'training-skills-work': [7, 5],
      'drugs-alcohol': [7, 5],
      'family-accommodation': [4, 4],
      'order-of-the-court': [7, 5],
    },
  };
  it.each(Object.keys(COUNTS))('%s: commitments and progress per theme', (region) => {
    const counted = Object.fromEntries(
      plan(region)
        .sections.filter((s) => s.id in (COUNTS[region] ?? {}))
        .map((s) => [s.id, [s.commitments.length, s.progress.length]]),
    );
    expect(counted).toEqual(COUNTS[region]);
  });

  it('counts the opportunities for next year', () => {
    expect(
      plans.map((p) => p.sections.find((s) => s.id === 'priorities-next-year')?.opportunities.length),
    ).toEqual([4, 5, 6, 3]);
  });

  it('records which lists were classified by position rather than by label', () => {
    const training = (region: string) => plan(region).sections.find((s) => s.id === 'training-skills-work');
    // North East: no "We said we would" label before the repeated heading; progress is labelled.
    expect(training('north-east')?.commitments.every((i) => i.inferred)).toBe(true);
    expect(training('north-east')?.progress.every((i) => !i.inferred)).toBe(true);
    // South West: progress follows the repeated heading with no label at all.
    expect(training('south-west')?.progress.every((i) => i.inferred)).toBe(true);
    // Yorkshire labels both lists.
    expect(training('yorkshire-and-the-humber')?.commitments.some((i) => i.inferred)).toBe(false);
    // North East drugs: unlabelled commitments, then one labelled after the repeated heading.
    const drugs = plan('north-east').sections.find((s) => s.id === 'drugs-alcohol');
    expect(drugs?.commitments.map((i) => i.inferred)).toEqual([true, true, true, true, true, false]);
    expect(drugs?.commitments[5]?.text.startsWith('Identify, pilot and commission services')).toBe(true);
  });

  it('keeps every section in order, with the repeated heading lines of the themed ones', () => {
    for (const p of plans) {
      expect(p.sections.map((s) => s.id)).toEqual([
        'foreword',
        'national-priorities',
        'training-skills-work',
        'drugs-alcohol',
        'family-accommodation',
        'order-of-the-court',
        'priorities-next-year',
      ]);
      for (const s of p.sections)
        expect(s.repeatLines).toHaveLength(
          ['foreword', 'national-priorities', 'priorities-next-year'].includes(s.id) ? 0 : 1,
        );
    }
  });

  it('removes markdown emphasis but keeps the wording', () => {
    const foreword = plan('north-east').sections[0];
    expect(foreword?.paragraphs.some((p) => p.text.includes('**'))).toBe(false);
  });
});
