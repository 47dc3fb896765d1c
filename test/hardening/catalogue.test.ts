import { describe, expect, it } from 'vitest';
import { MAX_BYTES } from '../../src/ingest/decode.ts';
import { ingest, parsePlan } from '../../src/ingest/index.ts';
import { computeBenchmarks } from '../../src/metrics/index.ts';
import { reference } from '../helpers/metrics.ts';
import { replaceOnce, seedText } from '../helpers/seeds.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const codes = (ds: ReadonlyArray<{ code: string; level: string }>) =>
  ds.filter((d) => d.level !== 'info').map((d) => d.code);
const NE_6W =
  '- By April 2024, North East will increase the proportion employed six weeks after release by 4 percentage points from 14% in March 2023.';

describe('a catalogue of bad inputs, each with its diagnostic', () => {
  it('an empty file', () => {
    expect(parsePlan('e.txt', new Uint8Array()).diagnostics).toMatchObject([
      { code: 'file-empty', level: 'error', file: 'e.txt' },
    ]);
  });

  it('a binary file', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(parsePlan('p.txt', png).diagnostics).toMatchObject([{ code: 'file-not-text', level: 'error' }]);
  });

  it('a UTF-16 file is read, with a note', () => {
    const text = seedText('south-west');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const parsed = parsePlan('sw16.txt', utf16);
    expect(parsed.diagnostics.find((d) => d.code === 'file-encoding-utf16')).toMatchObject({ level: 'info' });
    expect(parsed.plan?.region.id).toBe('south-west');
  });

  it('a Latin-1 file is read, with a warning at the first byte that is not UTF-8', () => {
    // The South West update has "£1.5 million"; in Latin-1 the pound sign is the single byte 0xA3.
    const text = seedText('south-west');
    const latin1 = Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
    const parsed = parsePlan('sw1.txt', latin1);
    const line = text.split('\n').findIndex((l) => l.includes('£')) + 1;
    expect(parsed.diagnostics.find((d) => d.code === 'file-encoding-latin1')).toMatchObject({
      level: 'warning',
      line,
    });
    expect(
      parsed.plan?.sections.flatMap((s) => s.commitments).some((i) => i.text.includes('£1.5 million')),
    ).toBe(true);
  });

  it('a 50 MB file is refused before it is parsed', () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const parsed = parsePlan('huge.txt', huge);
    expect(parsed.diagnostics).toMatchObject([{ code: 'file-too-large', level: 'error', file: 'huge.txt' }]);
    expect(huge.length).toBeGreaterThan(MAX_BYTES);
  });

  it('a document with no sections', () => {
    expect(codes(parsePlan('n.txt', bytes('North East\n\nNotes on reoffending.\n')).diagnostics)).toEqual([
      'no-sections',
    ]);
  });

  it('a duplicate region and edition', () => {
    const result = ingest([
      { file: 'a.txt', bytes: bytes(seedText('north-east')) },
      { file: 'b.txt', bytes: bytes(seedText('north-east')) },
    ]);
    expect(codes(result.diagnostics)).toEqual(['duplicate-plan', 'duplicate-plan']);
  });

  it('a percentage above 100, and a target date before its baseline', () => {
    const over = parsePlan(
      'o.txt',
      bytes(replaceOnce(seedText('north-east'), NE_6W, NE_6W.replace('from 14%', 'from 114%'))),
    );
    expect(over.diagnostics.find((d) => d.level === 'error')).toMatchObject({
      code: 'percent-out-of-range',
      line: 69,
    });
    const early = parsePlan(
      'd.txt',
      bytes(replaceOnce(seedText('north-east'), NE_6W, NE_6W.replace('By April 2024', 'By April 2022'))),
    );
    expect(early.diagnostics.find((d) => d.level === 'error')).toMatchObject({
      code: 'target-before-baseline',
      line: 69,
    });
  });

  it('conflicting national statements', () => {
    const a = ingest([
      { file: 'ne.txt', bytes: bytes(seedText('north-east')) },
      {
        file: 'sw.txt',
        bytes: bytes(
          seedText('south-west').replace('increased from 15% to 19%', 'increased from 16% to 19%'),
        ),
      },
    ]);
    const { diagnostics } = computeBenchmarks(a.plans, reference());
    expect(diagnostics).toMatchObject([
      { code: 'national-statements-disagree', level: 'warning', file: 'sw.txt', line: 57 },
    ]);
  });

  it('an unknown region, and a region named like a path', () => {
    for (const name of ['Atlantis', '../../etc', '..\\..\\windows', '/etc/passwd']) {
      const parsed = parsePlan('x.txt', bytes(seedText('north-east').replaceAll('North East', name)));
      expect(parsed.plan).toBeNull();
      expect(codes(parsed.diagnostics)).toContain('region-unrecognised');
    }
  });

  it('a target sentence moved anywhere is still read, with a warning, never lost', () => {
    const text = seedText('north-east');
    const moved = replaceOnce(
      replaceOnce(text, `${NE_6W}\n`, ''),
      '- strategic review of all HMPPS designed accredited programmes',
      `- strategic review of all HMPPS designed accredited programmes\n${NE_6W}`,
    );
    const parsed = parsePlan('m.txt', bytes(moved));
    expect(parsed.diagnostics.find((d) => d.code === 'target-outside-targets-list')).toMatchObject({
      level: 'warning',
    });
    const target = parsed.plan?.sections.flatMap((s) => s.targets).find((t) => t.measure === 'employment-6w');
    expect(target).toMatchObject({ theme: 'training-skills-work', baselinePct: 14, targetPct: 18 });
  });
});
