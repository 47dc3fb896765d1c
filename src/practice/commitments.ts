import type { CommitmentLink, Passage } from '../model/index.ts';
import type { Matcher } from './match.ts';
import { shared, terms } from './terms.ts';

/** Significant terms two items must share to be linked when they name no initiative in common. */
export const SHARED_TERMS = 2;

interface Item {
  passage: Passage;
  initiatives: Set<string>;
  terms: Set<string>;
}

/**
 * `b` answers (or repeats) `a`: they name an initiative in common, or share at least two
 * significant terms, or all of `a`'s when it has fewer ("Ensure more prison leavers have
 * accommodation on release" has one: accommodation).
 */
const related = (a: Item, b: Item) =>
  [...a.initiatives].some((i) => b.initiatives.has(i)) ||
  shared(a.terms, b.terms) >= Math.min(SHARED_TERMS, Math.max(1, a.terms.size));

/**
 * Each "We said we would" item linked to the "What we have done" items of the same region,
 * edition and section that answer it: they name an initiative in common, or share at least two
 * significant terms (all of the commitment's, when it has fewer). Across editions of a region, a commitment of an earlier edition is carried
 * forward when the next edition has a related commitment in the same section, else dropped; one of
 * a later edition is carried forward or new, against the edition before.
 */
export function commitmentLinks(all: readonly Passage[], match: Matcher): CommitmentLink[] {
  const item = (passage: Passage): Item => ({
    passage,
    initiatives: new Set(match.find(passage.text).map((m) => m.initiative)),
    terms: terms(passage.text),
  });
  const regional = all.filter((p) => p.scope === 'regional' && p.regionId !== null);
  const commitments = regional.filter((p) => p.cls === 'commitment').map(item);
  const progress = regional.filter((p) => p.cls === 'progress').map(item);
  const same = (a: Passage, b: Passage) =>
    a.regionId === b.regionId && a.edition === b.edition && a.section === b.section;
  const editions = new Map<string, number[]>();
  for (const c of commitments) {
    const list = editions.get(c.passage.regionId ?? '') ?? [];
    if (!list.includes(c.passage.edition)) list.push(c.passage.edition);
    editions.set(
      c.passage.regionId ?? '',
      list.sort((a, b) => a - b),
    );
  }
  return commitments.map((c) => {
    const p = c.passage;
    const answers = progress.filter((q) => same(p, q.passage) && related(c, q));
    const list = editions.get(p.regionId ?? '') ?? [p.edition];
    const at = list.indexOf(p.edition);
    const next = list[at + 1];
    const before = list[at - 1];
    const other = next ?? before;
    const others =
      other === undefined
        ? []
        : commitments.filter(
            (o) =>
              o.passage.regionId === p.regionId &&
              o.passage.edition === other &&
              o.passage.section === p.section &&
              related(c, o),
          );
    return {
      regionId: p.regionId as NonNullable<Passage['regionId']>,
      region: p.region,
      edition: p.edition,
      section: p.section,
      commitment: p.text,
      source: p.sources[0] ?? '',
      initiatives: [...c.initiatives],
      status: answers.length > 0 ? 'progress reported' : 'none reported',
      progress: answers.flatMap((q) => q.passage.sources),
      acrossEditions:
        other === undefined
          ? ''
          : others.length > 0
            ? 'carried forward'
            : next !== undefined
              ? 'dropped'
              : 'new',
      otherEdition: others.flatMap((o) => o.passage.sources),
    };
  });
}
