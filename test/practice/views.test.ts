import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/index.ts';
import { loadTemplates } from '../../src/render/templates.ts';
import type { ReportInput } from '../../src/render/view/common.ts';
import { practiceNationalSection, practiceRegionalSection } from '../../src/render/view/practice.ts';
import type { Table } from '../../src/render/view/schema.ts';
import { planOf, replaceOnce, SEED_FILES, seedPlans, seedText } from '../helpers/seeds.ts';

const templates = loadTemplates(join(import.meta.dirname, '..', '..', 'templates'));
// The practice section reads the plans only; the rest of a report's input is not asked for.
const input = (plans: Plan[]) => ({ edition: 2023, plans }) as unknown as ReportInput;
const seeds = input(seedPlans());
const table = (tables: readonly Table[], caption: string) => {
  const found = tables.find((t) => t.caption.startsWith(caption));
  if (!found) throw new Error(`no table "${caption}" in ${tables.map((t) => t.caption).join(' / ')}`);
  return found;
};
const cells = (t: Table, header: string) => t.rows.find((r) => r.header === header)?.cells;

describe('"What regions are doing" in the reports', () => {
  const national = practiceNationalSection(seeds, templates);

  it('national: a regions × initiatives matrix, most and fewest named, national figures once', () => {
    const matrix = table(national.tables, 'Initiatives named by each region');
    expect(matrix.columns.map((c) => c.label)).toEqual([
      'Initiative',
      'North East',
      'Yorkshire and the Humber',
      'East of England',
      'South West',
      'Regions',
    ]);
    expect(cells(matrix, 'Employment Advisory Boards')).toEqual(['C1 P1', 'C1 P1 O1', '–', 'C1 P1', '3']);
    expect(cells(matrix, 'Local Citizenship Pathway')).toEqual(['–', '–', 'C1 P1', '–', '1']);
    expect(national.paragraphs[0]).toContain('Named by one region only: ');
    expect(national.paragraphs[0]).toContain('Going Forward into Employment');
    const figures = table(national.tables, 'Figures in the text every update repeats');
    expect(figures.rows.map((r) => r.header)).toEqual([
      '650',
      'over 1,300',
      '92',
      '30%',
      'over 100',
      'over 50',
    ]);
    expect(cells(figures, '650')).toEqual([
      'available bedspaces',
      'east-of-england-2023.txt:69 and 3 other documents',
    ]);
    expect(cells(table(national.tables, 'Commitments and the progress'), 'North East')?.[0]).toBe('25');
  });

  it('pack: what others report and it does not, with their sources; what it alone reports', () => {
    const pack = practiceRegionalSection(seeds, 'east-of-england', templates);
    const notOurs = table(pack.tables, 'Reported by other regions, not by East of England');
    expect(cells(notOurs, 'Employment Advisory Boards')).toEqual([
      'North East, South West, Yorkshire and the Humber',
      'North East: commitment: north-east-2023.txt:76; progress: north-east-2023.txt:91. South West: commitment: south-west-2023.txt:79; progress: south-west-2023.txt:89. Yorkshire and the Humber: commitment: yorkshire-and-the-humber-2023.txt:97; progress: yorkshire-and-the-humber-2023.txt:118; other text: yorkshire-and-the-humber-2023.txt:33',
    ]);
    const alone = table(pack.tables, 'Reported by East of England alone');
    expect(alone.rows.map((r) => r.header)).toEqual([
      'Mental Health Treatment Requirements',
      'Drug testing on probation',
      'Approved premises',
      'Making Every Adult Matter',
      'Local Citizenship Pathway',
      'Multi-Agency Public Protection Arrangements',
      'County lines',
    ]);
    const figures = table(pack.tables, "East of England's figures");
    expect(cells(figures, '1,011')).toEqual([
      'prison leavers who would otherwise have become homeless',
      'Community Accommodation Service Tier 3',
      'east-of-england-2023.txt:37, east-of-england-2023.txt:178',
    ]);
    expect(cells(figures, '551,485')?.[0]).toBe('hours of Unpaid Work');
    expect(figures.rows.some((r) => r.header === '650')).toBe(false);
    const commitments = table(pack.tables, 'Commitments');
    expect(
      cells(
        commitments,
        'Expand the offer of specialist drug-free wings in prison. (east-of-england-2023.txt:130)',
      ),
    ).toEqual(['Drugs and alcohol', 'progress reported', 'east-of-england-2023.txt:144']);
    const priorities = table(pack.tables, 'Opportunities and priorities for the next year');
    expect(priorities.rows).toHaveLength(6);
    // The CSTR paragraph all four updates share (EE:122, NE:100, SW:101, YH:131) names MHTRs too:
    // it counts for no region, and the words say the comparison is outside it.
    expect(alone.caption).toBe(
      'Reported by East of England alone (outside the text the updates share word for word)',
    );
    expect(pack.paragraphs[0]).toContain(
      'Outside that shared text, it alone reports Mental Health Treatment Requirements, Drug testing on probation, Approved premises, Making Every Adult Matter, Local Citizenship Pathway, Multi-Agency Public Protection Arrangements and County lines.',
    );
  });

  it('a run of one region names no most or fewest, and compares with no one', () => {
    const one = input(seedPlans().filter((p) => p.region.id === 'south-west'));
    const summary = practiceNationalSection(one, templates).paragraphs[0];
    expect(summary).not.toContain('Named by');
    expect(summary).toContain('With one update in the run, text that updates share cannot be told');
    const pack = practiceRegionalSection(one, 'south-west', templates);
    expect(pack.paragraphs[0]).toContain(
      'No other region is in this run to compare with, and text that updates share',
    );
    expect(pack.tables.map((t) => t.caption)).not.toContain('Reported by other regions, not by South West');
    expect(pack.tables.map((t) => t.caption)).not.toContain('Reported by South West alone');
  });

  it('sets figures side by side where two regions count the same initiative', () => {
    // Yorkshire's progress item reworded to give a number (a fixture, not the published text).
    const yorkshire = planOf(
      replaceOnce(
        seedText('yorkshire-and-the-humber'),
        '- Neurodiversity Support Managers are in post within all Yorkshire prisons.',
        '- Recruited 5 Neurodiversity Support Managers in Yorkshire prisons.',
      ),
      SEED_FILES['yorkshire-and-the-humber'],
    );
    const plans = seedPlans().map((p) => (p.region.id === 'yorkshire-and-the-humber' ? yorkshire : p));
    const section = practiceNationalSection(input(plans), templates);
    const side = table(section.tables, 'Figures that count the same thing');
    expect(side.rows.map((r) => r.header)).toEqual(['Neurodiversity Support Managers']);
    expect(side.rows[0]?.cells).toEqual([
      '2 additional Neurodiversity Support Managers (north-east-2023.txt:92)',
      '5 Neurodiversity Support Managers (yorkshire-and-the-humber-2023.txt:121)',
      '–',
      '–',
    ]);
    expect(section.paragraphs[0]).toContain('the figures stand side by side below');
    expect(practiceNationalSection(seeds, templates).paragraphs[0]).toContain(
      'Of the figures read here (counts, shares and sums of money in progress items and forewords, not limits or changes in a rate), no two regions give one for the same initiative',
    );
  });

  it('says in words when a region gives no figures, and what its limits are', () => {
    const ne = practiceRegionalSection(seeds, 'north-east', templates).paragraphs[0];
    expect(ne).toContain('does not name outside the text the updates share word for word');
    const sw = practiceRegionalSection(seeds, 'south-west', templates).paragraphs[0];
    expect(sw).not.toMatch(/\b0 figures/);
    expect(sw).toContain('up to £1.5 million per year (south-west-2023.txt:111, a limit in a commitment)');
    expect(sw).toContain('up to 84 nights (south-west-2023.txt:142, a limit)');
  });
});
