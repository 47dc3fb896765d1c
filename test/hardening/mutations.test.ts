import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/ingest/index.ts';
import { SEED_FILES, type SeedRegion, seedText } from '../helpers/seeds.ts';

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'swap'; at: number; with: number }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'month'; at: number; month: string }
  | { kind: 'bullet'; at: number; mark: string }
  | { kind: 'crlf' }
  | { kind: 'nbsp'; at: number };

const MONTHS = ['January', 'March', 'April', 'July', 'Sept', 'December', 'Smarch'];
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 150 }) }),
  fc.record({ kind: fc.constant('month' as const), at: fc.nat(), month: fc.constantFrom(...MONTHS) }),
  fc.record({
    kind: fc.constant('bullet' as const),
    at: fc.nat(),
    mark: fc.constantFrom('• ', '* ', '» ', '', '1. ', '  '),
  }),
  fc.record({ kind: fc.constant('crlf' as const) }),
  fc.record({ kind: fc.constant('nbsp' as const), at: fc.nat() }),
);

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const i = 'at' in m ? m.at % out.length : 0;
  switch (m.kind) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, out[i] as string);
      break;
    case 'swap': {
      const j = m.with % out.length;
      [out[i], out[j]] = [out[j] as string, out[i] as string];
      break;
    }
    case 'number':
      out[i] = (out[i] as string).replace(/\d+/, String(m.value));
      break;
    case 'month':
      out[i] = (out[i] as string).replace(
        /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/,
        m.month,
      );
      break;
    case 'bullet':
      out[i] = (out[i] as string).replace(/^\s*[-•»*]\s+/, m.mark);
      break;
    case 'crlf':
      return out.map((l) => `${l}\r`);
    case 'nbsp':
      out[i] = (out[i] as string).replace(/ /g, '\u00a0');
      break;
  }
  return out;
}

const REGIONS = Object.keys(SEED_FILES) as SeedRegion[];

describe('the parser under mutation of the real documents', () => {
  it.each(REGIONS)(
    '%s: never throws, every diagnostic has its file and a real line, intact targets are still read',
    (region) => {
      const original = seedText(region);
      const lines = original.split('\n');
      const originalPlan = parsePlan('doc.txt', new TextEncoder().encode(original)).plan;
      const targets = (originalPlan?.sections.flatMap((s) => s.targets) ?? []).filter(
        (t) => t.measure !== 'qualitative',
      );
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const mutated = mutations.reduce(apply, lines);
          const text = mutated.join('\n');
          const parsed = parsePlan('doc.txt', new TextEncoder().encode(text));
          for (const d of parsed.diagnostics) {
            expect(d.file).toBe('doc.txt');
            if (d.line !== undefined) {
              expect(d.line).toBeGreaterThanOrEqual(1);
              expect(d.line).toBeLessThanOrEqual(mutated.length);
            }
          }
          if (!parsed.plan) {
            expect(parsed.diagnostics.some((d) => d.level === 'error')).toBe(true);
            return;
          }
          // Read means its figures were read; in a layout the mutation made ambiguous the quoted
          // sentence may carry a neighbouring line with it.
          const figures = (t: {
            measure: string;
            kind: string;
            baselinePct: number | null;
            changePp: number | null;
            targetPct: number | null;
            targetMonth: string | null;
          }) => JSON.stringify([t.measure, t.kind, t.baselinePct, t.changePp, t.targetPct, t.targetMonth]);
          const read = parsed.plan.sections.flatMap((s) => s.targets).map(figures);
          const clean = (l: string) => l.replace(/\r$/, '');
          for (const t of targets) {
            const source = lines[t.line - 1] as string;
            // Intact: its line is still there, word for word, and nothing else was done to it.
            if (!mutated.map(clean).includes(source)) continue;
            expect(read).toContain(figures(t));
          }
        }),
        { numRuns: 300, seed: 20231 },
      );
    },
  );
});
