import { cite, type MentionClass, type Passage, type Plan } from '../model/index.ts';
import { sharedKey } from './text.ts';

interface Placed extends Omit<Passage, 'scope' | 'sources' | 'regionId'> {
  regionId: NonNullable<Passage['regionId']>;
  file: string;
  line: number;
  /** As reports and data cite it: `file:12`, or `file, page 4, line 12` in a PDF. */
  place: string;
}

/** Every item of a plan, classed by its list: commitments, progress, priorities, and other text. */
function itemsOf(plan: Plan): Placed[] {
  const base = {
    regionId: plan.region.id,
    region: plan.region.name,
    edition: plan.edition,
    file: plan.source.file,
  };
  return plan.sections.flatMap((s) => {
    const of = (
      cls: MentionClass,
      kind: Placed['kind'],
      items: ReadonlyArray<{ text: string; line: number }>,
    ) =>
      items.map((i) => ({
        ...base,
        section: s.id,
        cls,
        kind,
        text: i.text,
        line: i.line,
        place: cite(plan.source, i.line),
      }));
    return [
      ...of('other', 'paragraph', s.paragraphs),
      ...of(
        'other',
        'target',
        s.targets.map((t) => ({ text: t.sentence, line: t.line })),
      ),
      ...of('commitment', 'item', s.commitments),
      ...of('progress', 'item', s.progress),
      ...of('priority', 'item', s.opportunities),
      ...of('other', 'item', s.otherItems),
    ].sort((a, b) => a.line - b.line);
  });
}

/**
 * Text is national when more than half of the documents of its edition, and at least two, hold it
 * word for word (case, quotes, punctuation and spacing aside), in the same section: the paragraph
 * of national achievements every update repeats, the Director General's foreword, the sentences
 * under the drugs targets. It stands once, with every place it stands; the rest is regional. A run
 * with one document of an edition has no national text: nothing can be seen to be shared.
 */
export function passages(plans: readonly Plan[]): Passage[] {
  const items = [...plans]
    .sort(
      (a, b) =>
        a.edition - b.edition || (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0),
    )
    .flatMap(itemsOf);
  const documents = new Map<number, number>();
  for (const p of plans) documents.set(p.edition, (documents.get(p.edition) ?? 0) + 1);
  const groups = new Map<string, Placed[]>();
  const keyOf = (i: Placed) => `${i.edition}\0${i.section}\0${sharedKey(i.text)}`;
  for (const i of items) groups.set(keyOf(i), [...(groups.get(keyOf(i)) ?? []), i]);
  const isNational = (group: readonly Placed[], edition: number) => {
    const files = new Set(group.map((g) => g.file)).size;
    return files >= 2 && files > (documents.get(edition) ?? 0) / 2;
  };
  const out: Passage[] = [];
  const done = new Set<string>();
  for (const i of items) {
    const key = keyOf(i);
    const group = groups.get(key) ?? [i];
    const source = i.place;
    const { file: _file, line: _line, place: _place, ...rest } = i;
    if (!isNational(group, i.edition)) {
      out.push({ ...rest, scope: 'regional', sources: [source] });
      continue;
    }
    if (done.has(key)) continue;
    done.add(key);
    out.push({
      ...rest,
      scope: 'national',
      regionId: null,
      region: '',
      sources: group.map((g) => g.place),
    });
  }
  return out;
}
