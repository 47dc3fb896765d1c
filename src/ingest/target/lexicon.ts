import { CONCEPTS, type ConceptId, MEASURES, MENTION_SPAN, type MeasureId } from '../../model/index.ts';
import { spoken, type Word, wordsOf } from './words.ts';

/**
 * Matches the measure registry's lexicon (src/model/measures.ts) against a sentence: each concept
 * is found as one of its phrases, and a measure is mentioned where all of its concepts stand within
 * MENTION_SPAN words of each other, in any order.
 */

interface Slot {
  optional: boolean;
  alternatives: ReadonlyArray<{ word: string; prefix: boolean } | { concept: ConceptId }>;
}

function compile(phrase: string): Slot[] {
  return phrase.split(' ').map((slot) => {
    const optional = slot.endsWith('?');
    const body = optional ? slot.slice(0, -1) : slot;
    return {
      optional,
      alternatives: body
        .split('|')
        .map((alt) =>
          alt.startsWith('@')
            ? { concept: alt.slice(1) as ConceptId }
            : alt.endsWith('*')
              ? { word: alt.slice(0, -1), prefix: true }
              : { word: alt, prefix: false },
        ),
    };
  });
}

const PHRASES = new Map<ConceptId, Slot[][]>(
  (Object.keys(CONCEPTS) as ConceptId[]).map((id) => [id, CONCEPTS[id].map(compile)]),
);

/**
 * The words a concept's phrases can start with, so that a position whose word starts none is
 * passed over without trying each phrase: the reader asks this of every word of every sentence
 * (a third of the time to parse a document, before). `null`: some phrase can match no word at all.
 */
interface Starts {
  exact: Set<string>;
  prefixes: string[];
}

function startsOf(slots: Slot[], s: number, depth: number): Starts | null {
  if (s === slots.length) return null;
  const slot = slots[s] as Slot;
  const starts: Starts = { exact: new Set(), prefixes: [] };
  for (const alt of slot.alternatives) {
    if (!('concept' in alt)) {
      if (alt.prefix) starts.prefixes.push(alt.word);
      else starts.exact.add(alt.word);
      continue;
    }
    const inner = depth > 3 ? null : conceptStarts(alt.concept, depth + 1);
    if (!inner) return null;
    merge(starts, inner);
  }
  if (slot.optional) {
    const rest = startsOf(slots, s + 1, depth);
    if (!rest) return null;
    merge(starts, rest);
  }
  return starts;
}

function merge(into: Starts, from: Starts): void {
  for (const w of from.exact) into.exact.add(w);
  into.prefixes.push(...from.prefixes);
}

function conceptStarts(concept: ConceptId, depth = 0): Starts | null {
  const starts: Starts = { exact: new Set(), prefixes: [] };
  for (const phrase of PHRASES.get(concept) ?? []) {
    const first = startsOf(phrase, 0, depth);
    if (!first) return null;
    merge(starts, first);
  }
  return starts;
}

const STARTS = new Map<ConceptId, Starts | null>([...PHRASES.keys()].map((id) => [id, conceptStarts(id)]));

function canStart(concept: ConceptId, word: string): boolean {
  const starts = STARTS.get(concept);
  if (!starts) return true;
  return starts.exact.has(word) || starts.prefixes.some((p) => word.startsWith(p));
}

/** The end (exclusive) of the longest phrase of `concept` starting at word `i`, or -1. */
function matchConcept(words: readonly Word[], i: number, concept: ConceptId, depth = 0): number {
  let best = -1;
  // A concept refers to another at most a couple of levels deep; a cycle would be a registry bug.
  if (depth > 3) return best;
  for (const phrase of PHRASES.get(concept) ?? []) {
    const end = matchSlots(words, i, phrase, 0, depth);
    if (end > best) best = end;
  }
  return best;
}

function matchSlots(words: readonly Word[], i: number, slots: Slot[], s: number, depth: number): number {
  if (s === slots.length) return i;
  const slot = slots[s] as Slot;
  let best = -1;
  if (slot.optional) best = matchSlots(words, i, slots, s + 1, depth);
  const word = words[i];
  if (word === undefined) return best;
  for (const alt of slot.alternatives) {
    let next = -1;
    if ('concept' in alt) next = matchConcept(words, i, alt.concept, depth + 1);
    else if (alt.prefix ? word.text.startsWith(alt.word) : word.text === alt.word) next = i + 1;
    if (next < 0) continue;
    const end = matchSlots(words, next, slots, s + 1, depth);
    if (end > best) best = end;
  }
  return best;
}

export interface Mention {
  measure: MeasureId;
  /** Offset in the text of the mention's first word. */
  at: number;
}

/**
 * Every measure mentioned in a text (in matchForm), each at the place of its first complete
 * mention. One pass per concept over the words, then a sliding window per measure: linear in the
 * sentence's length.
 */
export function measureMentions(text: string): Mention[] {
  const words = spoken(wordsOf(text)).words;
  const found = new Map<ConceptId, number[]>();
  for (const id of PHRASES.keys()) {
    const at: number[] = [];
    for (let i = 0; i < words.length; i++)
      if (canStart(id, (words[i] as Word).text) && matchConcept(words, i, id) > i) at.push(i);
    found.set(id, at);
  }
  const mentions: Mention[] = [];
  for (const measure of MEASURES) {
    const first = firstWindow(measure.requires.map((c) => found.get(c) ?? []));
    if (first !== undefined) mentions.push({ measure: measure.id, at: (words[first] as Word).at });
  }
  return mentions;
}

/** The start of the first window of MENTION_SPAN words holding a position from every list. */
function firstWindow(lists: ReadonlyArray<readonly number[]>): number | undefined {
  if (lists.some((l) => l.length === 0)) return undefined;
  const events = lists
    .flatMap((l, k) => l.map((pos) => ({ pos, k })))
    .sort((a, b) => a.pos - b.pos || a.k - b.k);
  const counts = new Array<number>(lists.length).fill(0);
  let covered = 0;
  let left = 0;
  for (const event of events) {
    counts[event.k] = (counts[event.k] ?? 0) + 1;
    if (counts[event.k] === 1) covered++;
    while (event.pos - (events[left] as { pos: number }).pos >= MENTION_SPAN) {
      const gone = events[left++] as { k: number };
      counts[gone.k] = (counts[gone.k] ?? 0) - 1;
      if (counts[gone.k] === 0) covered--;
    }
    if (covered === lists.length) return (events[left] as { pos: number }).pos;
  }
  return undefined;
}

/** The measures a text mentions, in registry order. */
export function measuresMentioned(text: string): MeasureId[] {
  return measureMentions(text).map((m) => m.measure);
}
