import type { CommitmentLink, Passage } from '../model/index.ts';
import type { Matcher } from './match.ts';
import { phrases } from './phrases.ts';
import { shared, terms } from './terms.ts';

/**
 * A distinctive word alone ties two items only when at most this many items of the region's
 * update use it: "charities" in a commitment and one progress item, not "accommodation" in twenty.
 */
export const RARE_WORD_ITEMS = 2;

interface Item {
  passage: Passage;
  initiatives: Set<string>;
  terms: Set<string>;
  phrases: Set<string>;
}

/**
 * `b` answers (or repeats) `a`: they name an initiative in common; or share a distinctive
 * two-word phrase ("supported housing"), or a distinctive word no other item of the update uses
 * ("charities", "compliance"); or `a` has one significant word and `b` has it ("Ensure more
 * prison leavers have accommodation on release"). Two common words in common are not enough:
 * "national" and "model" tie a unified operating model to the IOM model.
 */
const related = (a: Item, b: Item, rare: (w: string) => boolean) =>
  [...a.initiatives].some((i) => b.initiatives.has(i)) ||
  [...a.phrases].some((t) => b.phrases.has(t) && (!t.startsWith('w:') || rare(t))) ||
  (a.terms.size === 1 && shared(a.terms, b.terms) === 1);

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
    phrases: phrases(passage.text),
  });
  const regional = all.filter((p) => p.scope === 'regional' && p.regionId !== null);
  const commitments = regional.filter((p) => p.cls === 'commitment').map(item);
  const progress = regional.filter((p) => p.cls === 'progress').map(item);
  // How many items of each region's update use each distinctive word.
  const uses = new Map<string, number>();
  for (const p of regional) {
    for (const t of phrases(p.text)) {
      if (!t.startsWith('w:')) continue;
      const key = `${p.regionId}|${p.edition}|${t}`;
      uses.set(key, (uses.get(key) ?? 0) + 1);
    }
  }
  const rareIn = (p: Passage) => (t: string) =>
    (uses.get(`${p.regionId}|${p.edition}|${t}`) ?? 0) <= RARE_WORD_ITEMS;
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
    const answers = progress.filter((q) => same(p, q.passage) && related(c, q, rareIn(p)));
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
              related(c, o, (t) => rareIn(p)(t) && rareIn(o.passage)(t)),
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
