import type { Passage } from '../model/index.ts';

/** An amount a region states that is not one of its figures, and why. */
export interface Limit {
  words: string;
  source: string;
  why: 'a limit in a commitment' | 'a limit';
}

// "up to £1.5 million per year", "up to 84 nights": a ceiling on what may be given, not a count of
// what was done. Bounded: at most four words after the number.
const UP_TO =
  /\bup to\s+£?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|%))?(?:\s+(?:per|a|each)\s+[a-z]+|\s+[a-z]+)?/gi;

/**
 * The amounts of a region's commitments and progress items stated as limits, which its figures
 * leave out: the reports say what they are rather than count them.
 */
export function limitsOf(passages: readonly Passage[]): Limit[] {
  const out: Limit[] = [];
  for (const p of passages) {
    if (p.scope !== 'regional' || (p.cls !== 'commitment' && p.cls !== 'progress')) continue;
    for (const m of p.text.matchAll(UP_TO)) {
      out.push({
        words: m[0].replace(/\s+/g, ' ').trim(),
        source: p.sources[0] ?? '',
        why: p.cls === 'commitment' ? 'a limit in a commitment' : 'a limit',
      });
    }
  }
  return out;
}
