import type { MeasureId, NationalStatement } from '../model/index.ts';
import { isoMonth, MONTH_YEAR } from './dates.ts';
import { measureMentions } from './target/lexicon.ts';
import { cleanText, matchForm } from './text.ts';

// A figure is matched from the first digit of its number only: tried from every digit of a long
// run of digits, the second pattern is quadratic.
const PAIRS: ReadonlyArray<{ pattern: RegExp; from: number; to: number }> = [
  // "increased from 15% to 19%"
  { pattern: /\bfrom (\d+(?:\.\d+)?)% to (\d+(?:\.\d+)?)%/g, from: 1, to: 2 },
  // "30% in work after 6 months, up from 23%"
  {
    pattern:
      /(?<!\d)(\d+(?:\.\d+)?)%([^%]{0,80}?),? (?:up|down|rising|falling|increased|decreased|rose|fell) from (\d+(?:\.\d+)?)%/g,
    from: 3,
    to: 1,
  },
];
const SINCE = new RegExp(`\\bsince ${MONTH_YEAR}`);

/**
 * National figures quoted in the "Delivering HMPPS and MOJ priorities" section, e.g. "Since April
 * 2022, the proportion … finding work within six weeks of release increased from 15% to 19%, with
 * a further 30% in work after 6 months, up from 23%". Each figure pair takes the measure named
 * between it and the previous pair, so one sentence can carry several statements.
 */
export function readNationalStatements(text: string, line: number): NationalStatement[] {
  const s = matchForm(text);
  const sinceMatch = SINCE.exec(s);
  const since = sinceMatch ? (isoMonth(sinceMatch[1] ?? '', sinceMatch[2] ?? '') ?? null) : null;
  const hits: Array<{ index: number; end: number; from: number; to: number }> = [];
  for (const { pattern, from, to } of PAIRS) {
    for (const m of s.matchAll(pattern)) {
      hits.push({ index: m.index, end: m.index + m[0].length, from: Number(m[from]), to: Number(m[to]) });
    }
  }
  hits.sort((a, b) => a.index - b.index);
  const statements: NationalStatement[] = [];
  let windowStart = 0;
  for (const hit of hits) {
    const measure = lastMeasureIn(s.slice(windowStart, hit.end));
    windowStart = hit.end;
    if (!measure) continue;
    statements.push({ measure, fromPct: hit.from, toPct: hit.to, since, text: cleanText(text), line });
  }
  return statements;
}

function lastMeasureIn(window: string): MeasureId | undefined {
  let best: { id: MeasureId; at: number } | undefined;
  for (const m of measureMentions(window)) if (!best || m.at > best.at) best = { id: m.measure, at: m.at };
  return best?.id;
}
