import type { Mention, Passage } from '../model/index.ts';
import type { Matcher } from './match.ts';

/** Every initiative each passage names: one mention per passage and initiative, however often named. */
export function mentions(all: readonly Passage[], match: Matcher): Mention[] {
  return all.flatMap((passage) =>
    match.find(passage.text).map((m) => ({ initiative: m.initiative, passage, words: m.words })),
  );
}
