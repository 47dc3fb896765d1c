import type { Initiative } from '../model/index.ts';
import { abbreviationPattern, fold, synonymPattern } from './text.ts';

/** Where an initiative is named in a text: the offset and the words as written. */
export interface Match {
  initiative: string;
  index: number;
  end: number;
  words: string;
}

export interface Matcher {
  /** Every initiative named in the text, each once, at its first place; in taxonomy order. */
  find(text: string): Match[];
}

/** Compiles the taxonomy's synonyms and abbreviations once, for every item of a run. */
export function matcher(taxonomy: readonly Initiative[]): Matcher {
  const compiled = taxonomy.map((entry) => ({
    id: entry.id,
    synonyms: entry.synonyms.map(synonymPattern),
    abbreviations: entry.abbreviations.map(abbreviationPattern),
  }));
  return {
    find(text) {
      const folded = fold(text);
      const found: Match[] = [];
      for (const entry of compiled) {
        let best: Match | null = null;
        const consider = (re: RegExp, haystack: string) => {
          re.lastIndex = 0;
          const m = re.exec(haystack);
          if (m && (best === null || m.index < best.index))
            best = {
              initiative: entry.id,
              index: m.index,
              end: m.index + m[0].length,
              words: text.slice(m.index, m.index + m[0].length),
            };
        };
        for (const re of entry.synonyms) consider(re, folded);
        for (const re of entry.abbreviations) consider(re, text);
        if (best) found.push(best);
      }
      return found;
    },
  };
}
