import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakable } from '../../src/render/pdf/breaks.ts';

const ZWSP = '\u200b';
const LineBreaker = createRequire(import.meta.url)('linebreak') as new (
  text: string,
) => { nextBreak(): { position: number } | null };

/** The pieces pdfmake cannot break inside: text between its line breaker's opportunities. */
function unbreakable(text: string): string[] {
  const breaker = new LineBreaker(text);
  const pieces: string[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    pieces.push(text.slice(last, next.position).replaceAll(ZWSP, '').trim());
    last = next.position;
  }
  return pieces;
}

describe('break opportunities in long tokens', () => {
  it('adds one only where the line breaking rules leave a long piece', () => {
    // "north-" already breaks; "east-2023.txt:53" does not, so it is broken once, after the full stop.
    expect(breakable('north-east-2023.txt:53')).toBe(`north-east-2023.${ZWSP}txt:53`);
    expect(breakable('see kent-surrey-and-sussex-2023.txt:73.')).toBe(
      `see kent-surrey-and-sussex-2023.${ZWSP}txt:73.`,
    );
    // Every piece of these already breaks somewhere: nothing is added.
    expect(breakable('charts/london-commitments-progress.csv')).toBe(
      'charts/london-commitments-progress.csv',
    );
    expect(breakable('Settled accommodation interventions')).toBe('Settled accommodation interventions');
  });

  it('splits a word with no punctuation only past 40 characters, every 24', () => {
    const word = 'A'.repeat(60);
    expect(breakable(word).split(ZWSP)).toEqual(['A'.repeat(24), 'A'.repeat(24), 'A'.repeat(12)]);
    expect(breakable('B'.repeat(40))).toBe('B'.repeat(40));
  });

  it('never changes the text itself, and leaves no piece longer than 40 characters', () => {
    const token = fc
      .array(fc.constantFrom('a', 'b', 'Z', '2', '0', '-', '.', ':', '_', '/', ' ', 'é', 'ŵ'), {
        maxLength: 120,
      })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(token, (text) => {
        const out = breakable(text);
        expect(out.replaceAll(ZWSP, '')).toBe(text);
        for (const piece of unbreakable(out)) expect(piece.length).toBeLessThanOrEqual(40);
      }),
      { numRuns: 300 },
    );
  });
});
