import {
  type Initiative,
  MENTION_CLASSES,
  type Mention,
  type MentionClass,
  type RegionId,
  type Scope,
} from '../model/index.ts';

/** One region × edition × initiative (or the national text of an edition × initiative). */
export interface PracticeRow {
  scope: Scope;
  regionId: RegionId | null;
  region: string;
  edition: number;
  initiative: Initiative;
  /** Per class: the places it is named, file:line, in document order. */
  sources: Record<MentionClass, string[]>;
}

/**
 * Mentions gathered per region, edition and initiative; national text per edition and initiative,
 * once. Rows in edition, region (national first) and taxonomy order.
 */
export function practiceRows(found: readonly Mention[], taxonomy: readonly Initiative[]): PracticeRow[] {
  const rows = new Map<string, PracticeRow>();
  for (const m of found) {
    const p = m.passage;
    const key = `${p.edition}\0${p.scope}\0${p.regionId ?? ''}\0${m.initiative}`;
    let row = rows.get(key);
    if (!row) {
      const initiative = taxonomy.find((t) => t.id === m.initiative);
      if (!initiative) continue;
      row = {
        scope: p.scope,
        regionId: p.regionId,
        region: p.region,
        edition: p.edition,
        initiative,
        sources: Object.fromEntries(MENTION_CLASSES.map((c) => [c, []])) as unknown as Record<
          MentionClass,
          string[]
        >,
      };
      rows.set(key, row);
    }
    row.sources[p.cls].push(...p.sources);
  }
  const order = new Map(taxonomy.map((t, i) => [t.id, i]));
  return [...rows.values()].sort(
    (a, b) =>
      a.edition - b.edition ||
      (a.scope === b.scope ? 0 : a.scope === 'national' ? -1 : 1) ||
      (a.region < b.region ? -1 : a.region > b.region ? 1 : 0) ||
      (order.get(a.initiative.id) ?? 0) - (order.get(b.initiative.id) ?? 0),
  );
}
