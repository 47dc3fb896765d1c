/**
 * The reader's word form of a sentence: the matchForm text (lower case, `%` glued to its number)
 * cut into words, numbers and single punctuation marks in one left-to-right pass, each with its
 * place. Digits and letters are cut apart ("6wks" is "6" and "wks"), so that abbreviations glued
 * to a number read as they would with a space.
 */

export type WordKind = 'word' | 'number' | 'mark';

export interface Word {
  text: string;
  kind: WordKind;
  /** Offset of the word in the text it was cut from. */
  at: number;
}

// One token per match, tried at each position once: letters, a number with an optional decimal
// part, or any other single non-space character. Nothing here can backtrack past a token.
const TOKEN = /(\p{L}+)|(\d+(?:\.\d+)?)|(\S)/uy;

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) {
      i++;
      continue;
    }
    const kind: WordKind = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'number' : 'mark';
    words.push({ text: m[0], kind, at: i });
    i += m[0].length;
  }
  return words;
}

/** The words and numbers only, with the index each has in `words`: phrases read across marks. */
export function spoken(words: readonly Word[]): { words: Word[]; index: number[] } {
  const out: Word[] = [];
  const index: number[] = [];
  words.forEach((w, i) => {
    if (w.kind !== 'mark') {
      out.push(w);
      index.push(i);
    }
  });
  return { words: out, index };
}
