import { describe, expect, it } from 'vitest';
import { analysePractice } from '../../src/practice/index.ts';
import { seedPlans } from '../helpers/seeds.ts';

// Expectations checked by reading the four 2023 updates in seeds/ line by line.
const practice = analysePractice(seedPlans());
const NE = 'north-east-2023.txt';
const EOE = 'east-of-england-2023.txt';
const YH = 'yorkshire-and-the-humber-2023.txt';
const SW = 'south-west-2023.txt';

const row = (region: string | null, initiative: string) =>
  practice.rows.find((r) => r.regionId === region && r.initiative.id === initiative);

describe('practice across regions (seeds)', () => {
  it('locates Employment Advisory Boards in three regions, by list, and not in East of England', () => {
    expect(row('north-east', 'employment-advisory-boards')?.sources).toEqual({
      commitment: [`${NE}:76`],
      progress: [`${NE}:91`],
      priority: [],
      other: [],
    });
    expect(row('yorkshire-and-the-humber', 'employment-advisory-boards')?.sources).toEqual({
      commitment: [`${YH}:97`],
      progress: [`${YH}:118`],
      priority: [],
      other: [`${YH}:33`],
    });
    expect(row('south-west', 'employment-advisory-boards')?.sources).toEqual({
      commitment: [`${SW}:79`],
      progress: [`${SW}:89`],
      priority: [],
      other: [],
    });
    expect(row('east-of-england', 'employment-advisory-boards')).toBeUndefined();
  });

  it('classes mentions by list: priorities, forewords, progress', () => {
    expect(row('yorkshire-and-the-humber', 'naloxone')?.sources.priority).toEqual([`${YH}:243`]);
    expect(row('east-of-england', 'naloxone')?.sources.progress).toEqual([`${EOE}:148`]);
    expect(row('north-east', 'naloxone')).toBeUndefined();
    expect(row('east-of-england', 'local-citizenship-pathway')?.sources).toMatchObject({
      commitment: [`${EOE}:169`],
      progress: [`${EOE}:183`],
    });
    expect(row('north-east', 'intensive-supervision-courts')?.sources.progress).toEqual([`${NE}:130`]);
    expect(row('yorkshire-and-the-humber', 'cas3')?.sources).toMatchObject({
      commitment: [`${YH}:174`],
      progress: [`${YH}:195`, `${YH}:227`],
      other: [`${YH}:39`],
    });
    expect(row('south-west', 'alcohol-abstinence-monitoring')?.sources.other).toEqual([`${SW}:27`]);
  });

  it('attributes the text every update repeats once, as national, never to a region', () => {
    const national = practice.passages.filter((p) => p.scope === 'national');
    const achievementsList = national.find((p) =>
      p.text.startsWith('launch of the Community Accommodation Service Tier 3'),
    );
    expect(achievementsList?.sources).toEqual([`${EOE}:69`, `${NE}:49`, `${SW}:53`, `${YH}:70`]);
    expect(achievementsList?.regionId).toBeNull();
    // The Employment Boards of the national list are not North East's, East of England's…
    expect(row(null, 'employment-hubs')?.sources.other).toEqual([
      `${EOE}:73`,
      `${NE}:53`,
      `${SW}:57`,
      `${YH}:74`,
    ]);
    expect(row('east-of-england', 'employment-hubs')).toBeUndefined();
    expect(row('yorkshire-and-the-humber', 'employment-hubs')).toBeUndefined();
    // The sentences under the drugs targets are the same in all four, wrapped differently in one.
    expect(row(null, 'mental-health-treatment-requirements')?.sources.other).toEqual([
      `${EOE}:122`,
      `${NE}:100`,
      `${SW}:101`,
      `${YH}:131`,
    ]);
    expect(row('north-east', 'mental-health-treatment-requirements')).toBeUndefined();
    const figures = practice.achievements.filter((a) => [650, 1300, 92].includes(a.value));
    expect(
      figures.map((a) => [a.scope, a.regionId, a.value, a.qualifier, a.counts, a.sources.length]),
    ).toEqual([
      ['national', null, 650, '', 'available bedspaces', 4],
      ['national', null, 1300, 'over', 'individuals who would otherwise be held in prison', 4],
      ['national', null, 92, '', 'prisons', 4],
    ]);
  });

  it('reads the regions’ own figures with what they count', () => {
    const find = (value: number) =>
      practice.achievements.filter((a) => a.value === value && a.scope === 'regional');
    const pick = (value: number) =>
      find(value).map((a) => [a.regionId, a.theme, a.initiative, a.unit, a.qualifier, a.counts, a.sources]);
    expect(pick(1011)).toEqual([
      [
        'east-of-england',
        'family-accommodation',
        'cas3',
        'count',
        '',
        'prison leavers who would otherwise have become homeless',
        [`${EOE}:37`, `${EOE}:178`],
      ],
    ]);
    expect(pick(551485)).toEqual([
      [
        'east-of-england',
        'training-skills-work',
        'unpaid-work',
        'count',
        '',
        'hours of Unpaid Work',
        [`${EOE}:110`],
      ],
    ]);
    expect(find(30).map((a) => [a.regionId, a.initiative, a.unit, a.sources])).toEqual([
      ['east-of-england', 'ete-allowance-unpaid-work', 'percent', [`${EOE}:110`]],
    ]);
    expect(pick(23)).toEqual([
      [
        'east-of-england',
        'drugs-alcohol',
        'dependency-and-recovery',
        'count',
        'over',
        'Dependency & Recovery staff',
        [`${EOE}:36`],
      ],
      // The same staff counted exactly: kept apart from "over 23", so neither reads as the other.
      [
        'east-of-england',
        'drugs-alcohol',
        'dependency-and-recovery',
        'count',
        '',
        'Dependency and Recovery staff',
        [`${EOE}:143`],
      ],
    ]);
    expect(pick(72)).toEqual([
      [
        'east-of-england',
        'drugs-alcohol',
        'peer-mentors',
        'count',
        '',
        'peer mentors now being utilised',
        [`${EOE}:147`],
      ],
    ]);
    expect(pick(8)).toEqual([
      ['east-of-england', 'drugs-alcohol', 'drug-free-wings', 'count', '', 'Drug Free Wings', [`${EOE}:144`]],
    ]);
    expect(pick(100)).toEqual([
      [
        'north-east',
        'order-of-the-court',
        'integrated-offender-management',
        'percent',
        'increase by',
        'rise in IOM cohort size',
        [`${NE}:193`],
      ],
    ]);
  });

  it('links commitments to the progress that answers them', () => {
    const status = (source: string) => {
      const c = practice.commitments.find((x) => x.source === source);
      return c ? [c.status, c.progress] : null;
    };
    expect(status(`${NE}:76`)).toEqual(['progress reported', [`${NE}:91`]]);
    // The HMIP thematic inspection, not the Dependency and Recovery service or the court pilot.
    expect(status(`${NE}:123`)).toEqual(['progress reported', [`${NE}:131`]]);
    expect(status(`${NE}:182`)).toEqual(['none reported', []]);
    // One significant word ("accommodation"), shared: the CAS3 launch and the housing specialists.
    expect(status(`${NE}:147`)).toEqual(['progress reported', [`${NE}:161`, `${NE}:162`]]);
    expect(status(`${NE}:148`)).toEqual(['none reported', []]);
    expect(status(`${YH}:97`)).toEqual(['progress reported', [`${YH}:118`]]);
    expect(status(`${EOE}:130`)).toEqual(['progress reported', [`${EOE}:144`]]);
    expect(status(`${EOE}:165`)).toEqual(['none reported', []]);
    expect(status(`${EOE}:200`)).toEqual(['none reported', []]);
    expect(status(`${SW}:85`)).toEqual(['progress reported', [`${SW}:93`]]);
    expect(status(`${SW}:164`)).toEqual(['none reported', []]);
    // Checked by hand against the seed lines: two common words ("national", "model") no longer link.
    expect(status(`${NE}:79`)).toEqual(['none reported', []]);
    expect(status(`${NE}:179`)).toEqual(['none reported', []]);
    expect(status(`${NE}:111`)).toEqual(['progress reported', [`${NE}:133`]]);
    expect(status(`${NE}:80`)).toEqual(['progress reported', [`${NE}:88`]]);
    expect(status(`${NE}:151`)).toEqual(['progress reported', [`${NE}:163`]]);
    expect(status(`${EOE}:101`)).toEqual(['none reported', []]);
    expect(status(`${EOE}:199`)).toEqual(['progress reported', [`${EOE}:213`, `${EOE}:214`]]);
    expect(status(`${SW}:79`)).toEqual(['progress reported', [`${SW}:89`]]);
    expect(status(`${SW}:106`)).toEqual(['progress reported', [`${SW}:117`]]);
    expect(status(`${SW}:135`)).toEqual(['progress reported', [`${SW}:142`]]);
    expect(status(`${SW}:136`)).toEqual(['none reported', []]);
    expect(status(`${SW}:137`)).toEqual(['progress reported', [`${SW}:145`]]);
    expect(status(`${SW}:138`)).toEqual(['progress reported', [`${SW}:146`]]);
    expect(status(`${SW}:160`)).toEqual(['progress reported', [`${SW}:173`]]);
    expect(status(`${SW}:163`)).toEqual(['none reported', []]);
    expect(status(`${YH}:149`)).toEqual(['none reported', []]);
    expect(status(`${YH}:187`)).toEqual(['none reported', []]);
    expect(status(`${YH}:217`)).toEqual(['none reported', []]);
    expect(status(`${YH}:219`)).toEqual(['progress reported', [`${YH}:228`]]);
    // One edition each: nothing to carry forward or drop.
    expect(new Set(practice.commitments.map((c) => c.acrossEditions))).toEqual(new Set(['']));
    // Every commitment of every update is there, once.
    expect(practice.commitments).toHaveLength(
      seedPlans().reduce((n, p) => n + p.sections.reduce((m, s) => m + s.commitments.length, 0), 0),
    );
  });
});

describe('practice in a PDF', () => {
  it('cites a page and a line, as every report and data file does', () => {
    // East of England as if read from a PDF whose second page starts at line 100 (a fixture).
    const plans = seedPlans().map((p) =>
      p.region.id === 'east-of-england'
        ? {
            ...p,
            source: {
              file: 'east-of-england-2023.pdf',
              sha256: p.source.sha256,
              format: 'pdf' as const,
              pages: [1, 100],
              blankLines: [],
            },
          }
        : p,
    );
    const pdf = analysePractice(plans);
    const drugFree = pdf.rows.find(
      (r) => r.regionId === 'east-of-england' && r.initiative.id === 'drug-free-wings',
    );
    expect(drugFree?.sources.commitment).toEqual(['east-of-england-2023.pdf, page 2, line 31']);
    expect(pdf.achievements.find((a) => a.value === 8)?.sources).toEqual([
      'east-of-england-2023.pdf, page 2, line 45',
    ]);
    // Shared text still counts once, each document cited in its own way.
    expect(
      pdf.rows.find((r) => r.regionId === null && r.initiative.id === 'employment-hubs')?.sources.other,
    ).toEqual(['east-of-england-2023.pdf, page 1, line 73', `${NE}:53`, `${SW}:57`, `${YH}:74`]);
  });
});
