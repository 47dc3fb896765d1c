// Text as the matchers read it. Every function here keeps the length of the text, so a match found
// in the folded text is at the same place in the item as written (which numbers are read from).

/** Lower case (ASCII), every character that is not a letter, digit or "&" a space; same length. */
export function fold(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase()).replace(/[^a-z0-9&]/g, ' ');
}

/** One word of a synonym, in the singular or plural: "strategy" also "strategies", "board" also "boards". */
function wordPattern(word: string): string {
  if (word === 'and') return '(?:and|&)';
  if (/^\d+$/.test(word)) return word;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}(?:y|ies)`;
  return `${word}(?:s|es)?`;
}

/** A synonym as a pattern over folded text: whole words, any run of spaces between them. */
export function synonymPattern(synonym: string): RegExp {
  const words = fold(synonym).trim().split(/ +/).filter(Boolean);
  return new RegExp(`(?<![a-z0-9&])${words.map(wordPattern).join(' +')}(?![a-z0-9])`, 'g');
}

/**
 * An abbreviation as a pattern over the text as written: case matters ("ATR", never "atr" or the
 * letters inside "MATRIX"), whole word, optionally a plural "s" ("DRRs").
 */
export function abbreviationPattern(abbreviation: string): RegExp {
  const escaped = abbreviation.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}s?(?![A-Za-z0-9])`, 'g');
}

/** Text compared for sharing between documents: folded, quotes and markdown gone, spaces collapsed. */
export function sharedKey(text: string): string {
  return fold(text.replace(/[*'’‘"“”]/g, ''))
    .replace(/ +/g, ' ')
    .trim();
}
