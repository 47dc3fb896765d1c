import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, seedsCopy, tempDir } from '../helpers/cli.ts';
import { lineOf, replaceOnce, SEED_FILES } from '../helpers/seeds.ts';

// validate on a copy of seeds/ where one target sentence is reworded by the test (a fixture) so
// that the reader cannot read it, and then read by hand with the template validate prints. The
// figures filled in are the original sentence's (16% in March 2023, +3 pp).

const SW = SEED_FILES['south-west'];
const REWORDED = 'by 3 percentage points from the level in the March 2023 dashboard.';

function brokenInput(): { input: string; line: number } {
  const input = seedsCopy();
  const path = join(input, SW);
  const text = replaceOnce(
    readFileSync(path, 'utf8'),
    'by 3 percentage points from 16% in March 2023.',
    REWORDED,
  );
  writeFileSync(path, text);
  return { input, line: lineOf(text, REWORDED) };
}

/** The JSON validate prints after its result line. */
function printedTemplate(stdout: string) {
  return JSON.parse(stdout.slice(stdout.indexOf('\n{') + 1));
}

describe('validate and readings.json', () => {
  it('prints a readings.json entry to fill in for each unreadable target, after the diagnostics', async () => {
    const { input, line } = brokenInput();
    const result = await run('validate', '--input', input);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${SW}:${line}: error: expected a baseline`);
    expect(result.stdout).toMatch(/^4 documents read: 1 error, 0 warnings, \d+ notes?\.\n/);
    expect(result.stdout).toContain(
      '1 target sentence could not be read. To record your own reading, fill in the fields, "who" and "why" of this entry and add it to readings.json in the input folder',
    );
    expect(printedTemplate(result.stdout)).toEqual({
      readings: [
        {
          file: SW,
          line,
          sentence: `By April 2024, South West will increase the proportion employed six weeks after release ${REWORDED}`,
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

  it('the template, filled in and saved as readings.json, clears the error', async () => {
    const { input } = brokenInput();
    const template = printedTemplate((await run('validate', '--input', input)).stdout);
    // Saved unfilled, it fails at its lines: half an entry is never taken for a reading.
    writeFileSync(join(input, 'readings.json'), JSON.stringify(template, null, 2));
    const unfilled = await run('validate', '--input', input);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toMatch(/readings\.json:\d+: error: .*measure/);

    Object.assign(template.readings[0], {
      measure: 'employment-6w',
      kind: 'increase',
      baselinePct: 16,
      baselinePeriod: '2023-03',
      changePp: 3,
      targetPct: 19,
      targetMonth: '2024-04',
      who: 'A. Analyst (fixture)',
      why: 'The baseline is named, not stated (fixture).',
    });
    writeFileSync(join(input, 'readings.json'), JSON.stringify(template, null, 2));
    const filled = await run('validate', '--input', input);
    expect(filled.code).toBe(0);
    expect(filled.stdout).toMatch(/^4 documents read: 0 errors, 0 warnings, \d+ notes?\.\n$/);
    // readings.json is read as the readings, never as a document or an ignored file.
    expect(filled.stderr).not.toContain('readings.json');
  });

  it('--json puts the entries in the validated event', async () => {
    const { input, line } = brokenInput();
    const result = await run('validate', '--input', input, '--json');
    expect(result.code).toBe(1);
    const event = JSON.parse(result.stdout);
    expect(event.readings_template.readings).toEqual([expect.objectContaining({ file: SW, line })]);
  });

  it('--keep-going names the documents a build would leave out; the exit is still 1', async () => {
    const { input } = brokenInput();
    const result = await run('validate', '--input', input, '--keep-going');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `--keep-going would leave out 1 document: ${SW} (target-unreadable); the others would be published.`,
    );
    const json = JSON.parse((await run('validate', '--input', input, '--keep-going', '--json')).stdout);
    expect(json).toMatchObject({
      exit: 1,
      blocked: false,
      left_out: [expect.objectContaining({ file: SW })],
    });
  });

  it('build --keep-going --json publishes the others and ends with a published event, exit 1', async () => {
    const { input, line } = brokenInput();
    const out = join(tempDir(), 'out');
    const result = await run(
      'build',
      '--input',
      input,
      '--out',
      out,
      '--format',
      'html',
      '--keep-going',
      '--json',
    );
    expect(result.code).toBe(1);
    const events = result.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
    expect(events.at(-1)).toMatchObject({
      event: 'published',
      exit: 1,
      left_out: [{ file: SW, line, message: expect.stringContaining('expected a baseline') }],
    });
    expect(readFileSync(join(out, 'national', 'summary.html'), 'utf8')).toContain(
      `One document was left out of this run because of errors`,
    );
    const without = await run('build', '--input', input, '--out', join(tempDir(), 'out'), '--format', 'html');
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('nothing was written');
  });
});
