import { countRegionMentions, REGIONS, type RegionId } from '../model/index.ts';

export type RegionVerdict =
  | { ok: true; id: RegionId; evidence: 'title' | 'targets' | 'prose'; others: RegionId[] }
  | { ok: false; reason: 'none' | 'ambiguous'; candidates: RegionId[] };

/**
 * The region comes from what the document says, in order of trust: the title block, then the
 * subjects of its target sentences ("North East will increase …"), then the prose as a whole.
 * File names are never consulted: files get renamed and copied.
 */
export function recogniseRegion(
  title: string | null,
  targetSentences: readonly string[],
  prose: string,
): RegionVerdict {
  const layers: Array<['title' | 'targets' | 'prose', string]> = [
    ['title', title ?? ''],
    ['targets', targetSentences.join('\n')],
    ['prose', prose],
  ];
  for (const [evidence, text] of layers) {
    const ranked = rank(countRegionMentions(text));
    const [first, second] = ranked;
    if (!first) continue;
    if (second && second[1] === first[1]) {
      return {
        ok: false,
        reason: 'ambiguous',
        candidates: ranked.filter(([, c]) => c === first[1]).map(([id]) => id),
      };
    }
    return { ok: true, id: first[0], evidence, others: ranked.slice(1).map(([id]) => id) };
  }
  return { ok: false, reason: 'none', candidates: [] };
}

function rank(counts: Map<RegionId, number>): Array<[RegionId, number]> {
  const order = new Map(REGIONS.map((r, i) => [r.id, i]));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0));
}
