import { describe, expect, it } from 'vitest';
import { ingest } from '../../../src/ingest/index.ts';
import { readingsTemplate } from '../../../src/ingest/readings.ts';
import { cite, locateDiagnostics, type Reading } from '../../../src/model/index.ts';
import { pdfmakePdfs } from '../../fixtures/pdf/pdfmake.ts';
import { seedBlocks } from '../../fixtures/pdf/seed-blocks.ts';
import { replaceOnce, seedText } from '../../helpers/seeds.ts';
import { textOf } from './helpers.ts';

// Fixture: North East's real update with one target sentence reworded by the test so the reader
// cannot read it, laid out as a PDF by pdfmake. The analyst's figures are a fixture too: the ones
// the original sentence states (14% in March 2023, +4 pp by April 2024).
const FILE = 'north-east-2023.pdf';
const REWORDED = 'by 4 percentage points from the level in the March 2023 dashboard.';
const BROKEN = replaceOnce(
  seedText('north-east'),
  'by 4 percentage points from 14% in March 2023.',
  REWORDED,
);

async function document() {
  const [pdf] = await pdfmakePdfs([{ name: FILE, blocks: seedBlocks(BROKEN) }]);
  const bytes = new Uint8Array(pdf as Buffer);
  return { file: FILE, bytes, extracted: await textOf(bytes, FILE) };
}

const figures = {
  measure: 'employment-6w',
  kind: 'increase',
  baselinePct: 14,
  baselinePeriod: '2023-03',
  changePp: 4,
  targetPct: 18,
  targetMonth: '2024-04',
  who: 'A. Analyst (fixture)',
  why: 'The baseline is named, not stated (fixture).',
} as const;

describe('a reading of a PDF', () => {
  it('is offered, and taken, at the page and line the diagnostics and extract print', async () => {
    const doc = await document();
    const maps = new Map([[FILE, doc.extracted]]);
    const unread = ingest([doc]);
    const [error] = locateDiagnostics(
      unread.diagnostics.filter((d) => d.code === 'target-unreadable'),
      maps,
    );
    expect(error?.page).toBeGreaterThan(1);
    const entry = readingsTemplate(unread.unread, maps)?.readings[0] as Record<string, unknown>;
    expect({ page: entry.page, line: entry.line }).toEqual({ page: error?.page, line: error?.line });

    const reading = { ...entry, ...figures } as unknown as Reading;
    const read = ingest([doc], [{ reading, at: 2 }]);
    expect(read.diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const plan = read.plans[0];
    const target = plan?.sections.flatMap((s) => s.targets).find((t) => t.readBy !== undefined);
    expect(target?.targetPct).toBe(18);
    // The target keeps its line of the parsed text, so reports cite the page and line read.
    expect(plan && target ? cite(plan.source, target.line) : '').toBe(
      `${FILE}, page ${entry.page}, line ${entry.line}`,
    );
  });

  it('names a stale place at the page and line it was given', async () => {
    const doc = await document();
    const maps = new Map([[FILE, doc.extracted]]);
    const entry = readingsTemplate(ingest([doc]).unread, maps)?.readings[0] as Record<string, unknown>;
    const moved = { ...entry, ...figures, line: (entry.line as number) + 1 } as unknown as Reading;
    const result = ingest([doc], [{ reading: moved, at: 2 }]);
    const stale = locateDiagnostics(result.diagnostics, maps).find((d) => d.code === 'reading-stale');
    expect(stale).toMatchObject({ page: entry.page, line: (entry.line as number) + 1 });
    expect(stale?.message).toContain(`now stands at ${FILE}, page ${entry.page}, line ${entry.line}`);
  });

  it('without a page, for a PDF, names no line of it', async () => {
    const doc = await document();
    const maps = new Map([[FILE, doc.extracted]]);
    const entry = readingsTemplate(ingest([doc]).unread, maps)?.readings[0] as Record<string, unknown>;
    const { page: _page, ...noPage } = entry;
    const reading = { ...noPage, ...figures } as unknown as Reading;
    const result = ingest([doc], [{ reading, at: 2 }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['reading-stale', 'target-unreadable']),
    );
  });
});
