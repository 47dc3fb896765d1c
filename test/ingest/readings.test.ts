import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { type LocatedReading, readingsTemplate, readReadings } from '../../src/ingest/readings.ts';
import type { Plan, Reading } from '../../src/model/index.ts';
import { targetsCsv } from '../../src/render/data/index.ts';
import { lineOf, replaceOnce, SEED_FILES, seedText } from '../helpers/seeds.ts';

// Fixtures: North East's real update with one target sentence reworded (by the test) so the reader
// cannot read it: its baseline is named, not stated. The analyst's readings below are fixtures
// too; their figures are the ones the original sentence states (14% in March 2023, +4 pp).

const FILE = SEED_FILES['north-east'];
const ORIGINAL = 'by 4 percentage points from 14% in March 2023.';
const REWORDED = 'by 4 percentage points from the level in the March 2023 dashboard.';
const BROKEN = replaceOnce(seedText('north-east'), ORIGINAL, REWORDED);
const LINE = lineOf(BROKEN, REWORDED);
const SENTENCE =
  'By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from the level in the March 2023 dashboard.';

const reading = (extra: Partial<Reading> = {}): Reading => ({
  file: FILE,
  line: LINE,
  sentence: SENTENCE,
  measure: 'employment-6w',
  kind: 'increase',
  baselinePct: 14,
  baselinePeriod: '2023-03',
  changePp: 4,
  targetPct: 18,
  targetMonth: '2024-04',
  who: 'A. Analyst (fixture)',
  why: 'The baseline is named, not stated; 14% is the March 2023 figure the dashboard gives (fixture).',
  ...extra,
});

const run = (text: string, readings: Reading[]) =>
  ingest(
    [{ file: FILE, bytes: new TextEncoder().encode(text) }],
    readings.map((r, i): LocatedReading => ({ reading: r, at: 3 + i * 15 })),
  );

const targetsOf = (plan: Plan | undefined) =>
  (plan?.sections ?? []).flatMap((s) => s.targets).filter((t) => t.measure !== 'qualitative');

describe('an analyst reading a sentence the reader cannot', () => {
  it('without a reading: the sentence is an error at its line, and a template entry is offered', () => {
    const result = run(BROKEN, []);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'error', code: 'target-unreadable', file: FILE, line: LINE }),
    );
    expect(result.unread).toHaveLength(1);
    expect(readingsTemplate(result.unread)).toEqual({
      readings: [
        {
          file: FILE,
          line: LINE,
          sentence: SENTENCE,
          measure: null,
          kind: null,
          baselinePct: null,
          baselinePeriod: null,
          changePp: null,
          targetPct: null,
          targetMonth: null,
          who: '',
          why: '',
        },
      ],
    });
  });

  it("replaces the error with the analyst's target, filed where the reader would have, with who and why", () => {
    const result = run(BROKEN, [reading()]);
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    expect(result.unread).toEqual([]);
    const plan = result.plans[0];
    const target = targetsOf(plan).find((t) => t.measure === 'employment-6w');
    expect(target).toMatchObject({
      theme: 'training-skills-work',
      kind: 'increase',
      baselinePct: 14,
      targetPct: 18,
      line: LINE,
      sentence: SENTENCE,
      readBy: { analyst: 'A. Analyst (fixture)' },
    });
    // In document order among the section's targets, as the reader would have put it.
    const lines = plan?.sections.find((s) => s.id === 'training-skills-work')?.targets.map((t) => t.line);
    expect(lines).toEqual([...(lines ?? [])].sort((a, b) => a - b));
    const csv = targetsCsv(result.plans).split('\n');
    expect(csv[0]).toMatch(/,source,read_by$/);
    expect(csv.find((l) => l.includes(`${FILE}:${LINE},`))).toMatch(/,A\. Analyst \(fixture\)$/);
    expect(csv.filter((l) => l.endsWith(',parser'))).toHaveLength(targetsOf(plan).length - 1);
  });

  it('the same sentence with its line breaks and spaces changed still matches', () => {
    const spaced = SENTENCE.replace('will increase', 'will\n   increase');
    const result = run(BROKEN, [reading({ sentence: `  ${spaced} ` })]);
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('a reading whose sentence has changed is a stale reading at the line, and the error stays', () => {
    const edited = replaceOnce(BROKEN, 'March 2023 dashboard', 'March 2023 regional dashboard');
    const result = run(edited, [reading()]);
    const stale = result.diagnostics.find((d) => d.code === 'reading-stale');
    expect(stale).toMatchObject({ level: 'error', file: FILE, line: LINE });
    expect(stale?.message).toMatch(
      /^stale reading: expected the sentence read at readings\.json line 3, "By April/,
    );
    expect(stale?.message).toContain('regional dash');
    expect(stale?.message).toContain('correct the entry');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'target-unreadable', line: LINE }),
    );
  });

  it('a reading whose sentence has moved says the line it now stands at', () => {
    const moved = BROKEN.replace('\n', '\nAn added line.\n');
    const result = run(moved, [reading()]);
    const stale = result.diagnostics.find((d) => d.code === 'reading-stale');
    expect(stale?.message).toContain(`found no target sentence there`);
    expect(stale?.message).toContain(`The sentence now stands at ${FILE}:${LINE + 1}: correct "line"`);
  });

  it('a reading for a sentence the reader reads: a warning when they agree, an error when they do not', () => {
    const text = seedText('north-east');
    const sentence = SENTENCE.replace('the level in the March 2023 dashboard', '14% in March 2023');
    const agree = run(text, [reading({ sentence })]);
    expect(agree.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'warning', code: 'reading-not-needed', file: FILE, line: LINE }),
    );
    expect(targetsOf(agree.plans[0]).every((t) => t.readBy === undefined)).toBe(true);

    const differ = run(text, [reading({ sentence, baselinePct: 15, targetPct: 19 })]);
    const conflict = differ.diagnostics.find((d) => d.code === 'reading-conflict');
    expect(conflict).toMatchObject({ level: 'error', file: FILE, line: LINE });
    expect(conflict?.message).toContain(
      'as employment-6w, increase, baseline 14% (2023-03), change 4 pp, target 18% by 2024-04; the reading gives employment-6w, increase, baseline 15% (2023-03), change 4 pp, target 19% by 2024-04',
    );
  });

  it('a reading for a document not in the run is a warning at its line of readings.json', () => {
    const result = run(BROKEN, [reading(), reading({ file: 'north-west-2023.txt' })]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        code: 'reading-file-not-found',
        file: 'readings.json',
        line: 18,
      }),
    );
    expect(result.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
  });

  it('a reading that gives a measure the document already has a target for is an error', () => {
    const result = run(BROKEN, [reading({ measure: 'employment-6m' })]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ level: 'error', code: 'target-duplicate-measure', line: LINE }),
    );
  });

  it('a reading that gives a page for a text file names no line of it (PDFs: test/ingest/pdf)', () => {
    const result = run(BROKEN, [reading({ page: 3 })]);
    expect(result.diagnostics.find((d) => d.code === 'reading-stale')?.message).toContain(
      `at ${FILE}, page 3, line ${LINE}`,
    );
  });
});

describe('readings.json is checked as strictly as the reader checks itself', () => {
  const text = (readings: unknown[]) => JSON.stringify({ readings }, null, 2);
  /** Where the second entry starts: after "{", "readings": [, the first entry's 12 fields and its braces. */
  const SECOND = 17;

  it('a valid file gives each reading with the line its entry starts on', () => {
    const result = readReadings(text([reading(), reading({ line: LINE + 1 })]));
    expect(result.ok && result.readings.map((r) => r.at)).toEqual([3, SECOND]);
  });

  it('invalid JSON is an error at its line', () => {
    const result = readReadings('{\n  "readings": [\n    {,\n  ]\n}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]).toMatchObject({
      code: 'readings-not-json',
      file: 'readings.json',
      line: 3,
    });
  });

  it.each([
    ['a figure left null', { changePp: null }, 'changePp', 'expected the change in percentage points'],
    ['arithmetic that does not add up', { targetPct: 19 }, 'targetPct', 'to equal baselinePct plus changePp'],
    ['a date before the baseline', { targetMonth: '2023-01' }, 'targetMonth', 'to come after the baseline'],
    ['no one named', { who: '  ' }, 'who', 'who'],
    ['an unknown field', { confidence: 'high' }, '', 'confidence'],
    ['a qualitative kind', { kind: 'qualitative' }, 'kind', 'kind'],
  ])('%s is an error at the line of the field', (_, change, field, words) => {
    const lines = text([reading(), { ...reading(), ...change }]).split('\n');
    const result = readReadings(lines.join('\n'));
    expect(result.ok).toBe(false);
    const d = !result.ok ? result.diagnostics[0] : undefined;
    expect(d).toMatchObject({ code: 'readings-invalid', level: 'error', file: 'readings.json' });
    expect(d?.message).toContain(words);
    const at = field === '' ? SECOND : lines.findIndex((l, i) => i >= SECOND && l.includes(`"${field}"`)) + 1;
    expect(d?.line).toBe(at);
  });

  it('unfilled template entries do not validate', () => {
    const template = readingsTemplate(run(BROKEN, []).unread);
    const result = readReadings(JSON.stringify(template, null, 2));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics.map((d) => d.message).join(' ')).toContain('measure');
  });

  it('two readings of one place are an error at the second', () => {
    const result = readReadings(text([reading(), reading()]));
    expect(!result.ok && result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'readings-invalid',
        line: SECOND,
        message: expect.stringContaining('line 3'),
      }),
    ]);
  });

  it('maintain and continue-increase readings need their own fields', () => {
    const maintain = reading({ kind: 'maintain', changePp: 0, targetPct: 14, targetMonth: null });
    expect(readReadings(text([maintain])).ok).toBe(true);
    const cont = reading({ kind: 'continue-increase', changePp: null, targetPct: null });
    expect(readReadings(text([cont])).ok).toBe(true);
    const bad = readReadings(text([reading({ kind: 'continue-increase' })]));
    expect(!bad.ok && bad.diagnostics.map((d) => d.message).join(' ')).toContain('expected null');
  });
});
