import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Achievement } from '../../src/model/index.ts';
import { analysePractice } from '../../src/practice/index.ts';
import {
  ACHIEVEMENT_COLUMNS,
  achievementsCsv,
  COMMITMENT_COLUMNS,
  commitmentsCsv,
  PRACTICE_COLUMNS,
  practiceCsv,
} from '../../src/render/data/index.ts';
import { seedPlans } from '../helpers/seeds.ts';

const practice = analysePractice(seedPlans());
const rows = (csv: string) => parse(csv, { columns: true }) as Array<Record<string, string>>;

describe('practice data files', () => {
  it('practice.csv: one row per region × edition × initiative, counts and sources per list', () => {
    const csv = practiceCsv(practice.rows);
    expect(csv.split('\n')[0]).toBe(PRACTICE_COLUMNS.join(','));
    const all = rows(csv);
    const keys = all.map((r) => `${r.scope} ${r.region_id} ${r.edition} ${r.initiative_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const sw = all.find((r) => r.region_id === 'south-west' && r.initiative_id === 'employment-hubs');
    expect(sw).toMatchObject({
      scope: 'regional',
      region: 'South West',
      edition: '2023',
      theme: 'training-skills-work',
      commitment_n: '1',
      commitment_sources: 'south-west-2023.txt:80',
      progress_n: '1',
      progress_sources: 'south-west-2023.txt:90',
      priority_n: '0',
      other_n: '0',
    });
    const national = all.find((r) => r.scope === 'national' && r.initiative_id === 'employment-hubs');
    expect(national).toMatchObject({ region_id: '', other_n: '4' });
  });

  it('achievements.csv and commitments.csv: the columns the README describes', () => {
    const a = rows(achievementsCsv(practice.achievements));
    expect(Object.keys(a[0] ?? {})).toEqual([...ACHIEVEMENT_COLUMNS]);
    expect(a.find((r) => r.value === '551485')).toMatchObject({
      region_id: 'east-of-england',
      unit: 'count',
      counts: 'hours of Unpaid Work',
      sources: 'east-of-england-2023.txt:110',
    });
    expect(a.find((r) => r.value === '1011')?.sources).toBe(
      'east-of-england-2023.txt:37; east-of-england-2023.txt:178',
    );
    const c = rows(commitmentsCsv(practice.commitments));
    expect(Object.keys(c[0] ?? {})).toEqual([...COMMITMENT_COLUMNS]);
    expect(c.find((r) => r.source === 'yorkshire-and-the-humber-2023.txt:97')).toMatchObject({
      theme: 'training-skills-work',
      status: 'progress reported',
      progress_sources: 'yorkshire-and-the-humber-2023.txt:118',
      initiatives: 'employment-advisory-boards',
      across_editions: '',
    });
  });

  it('quotes document text as text, never as a formula', () => {
    const base = practice.achievements[0] as Achievement;
    const csv = achievementsCsv([{ ...base, sentence: '=HYPERLINK("http://x")', counts: '+1 hours' }]);
    const [row] = rows(csv);
    expect(row?.sentence).toBe('\'=HYPERLINK("http://x")');
    expect(row?.counts).toBe("'+1 hours");
  });
});
