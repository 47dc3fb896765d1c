import { type Achievement, type Initiative, type Passage, THEME_IDS, type ThemeId } from '../model/index.ts';
import type { Matcher } from './match.ts';
import { readNumbers } from './numbers.ts';
import { shared, terms } from './terms.ts';

/** Characters between a number and an initiative's name for the figure to be the initiative's. */
const NEAR = 100;

/**
 * Where achievements are stated: "What we have done" lists, the foreword, and the list of
 * achievements under "Delivering HMPPS and MOJ priorities" (national text in every update).
 */
function states(p: Passage): boolean {
  return (
    p.cls === 'progress' ||
    p.section === 'foreword' ||
    (p.section === 'national-priorities' && p.kind === 'item')
  );
}

const isTheme = (s: string): s is ThemeId => (THEME_IDS as readonly string[]).includes(s);

/**
 * The numbers of those passages with what they count, each tied to the initiative named nearest
 * to it. One region's figure stated twice (the foreword and a progress list) is one row with both
 * sources: same value and unit, and the same initiative or a significant word in common in what
 * they count ("1,011 prison leavers who would otherwise have become homeless" and "1,011 people
 * who would otherwise have become homeless").
 */
export function achievements(
  all: readonly Passage[],
  match: Matcher,
  taxonomy: readonly Initiative[],
): Achievement[] {
  const out: Achievement[] = [];
  for (const p of all.filter(states)) {
    const named = match.find(p.text);
    for (const n of readNumbers(p.text)) {
      // The initiative named nearest the number, within a clause or two of it.
      const nearest = [...named]
        .filter((m) => distance(m, n.index) <= NEAR)
        .sort((a, b) => distance(a, n.index) - distance(b, n.index) || a.index - b.index)[0];
      const initiative = nearest ? (taxonomy.find((t) => t.id === nearest.initiative) ?? null) : null;
      const twin = out.find(
        (a) =>
          a.regionId === p.regionId &&
          a.edition === p.edition &&
          a.value === n.value &&
          a.unit === n.unit &&
          // "over 23" and exactly 23 are two statements, not one figure told twice.
          a.qualifier === n.qualifier &&
          ((initiative !== null && a.initiative === initiative.id) ||
            shared(terms(a.counts), terms(n.counts)) > 0),
      );
      if (twin) {
        twin.sources.push(...p.sources.filter((s) => !twin.sources.includes(s)));
        continue;
      }
      out.push({
        scope: p.scope,
        regionId: p.regionId,
        region: p.region,
        edition: p.edition,
        section: p.section,
        theme: isTheme(p.section) ? p.section : (initiative?.theme ?? null),
        initiative: initiative?.id ?? null,
        value: n.value,
        unit: n.unit,
        qualifier: n.qualifier,
        // "over 100 Heads of Education, Skills and Work": a name with commas in it is counted whole.
        counts: countsOf(n, nearest),
        sentence: p.text,
        sources: [...p.sources],
      });
    }
  }
  return out;
}

/**
 * What a figure counts, as the reports print it: a name with commas in it whole ("over 100 Heads
 * of Education, Skills and Work"), and a rise named with the initiative it is in ("rise in IOM
 * cohort size") when the words before the number leave it out.
 */
function countsOf(n: { counts: string; qualifier: string }, nearest: { words: string } | undefined) {
  if (!nearest) return n.counts;
  if (nearest.words.startsWith(n.counts)) return nearest.words;
  if (n.qualifier === 'increase by' && n.counts.startsWith('rise in ') && !n.counts.includes(nearest.words))
    return `rise in ${nearest.words} ${n.counts.slice('rise in '.length)}`;
  return n.counts;
}

function distance(m: { index: number; end: number }, at: number): number {
  return at < m.index ? m.index - at : at >= m.end ? at - m.end : 0;
}
