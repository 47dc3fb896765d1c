const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  'twenty-five': 25,
  thirty: 30,
};

/** Regex source for a number written in figures (with decimals) or as a word. */
export const NUMBER = `(\\d+(?:\\.\\d+)?|${Object.keys(WORDS).join('|')})`;

export function parseNumber(text: string): number | undefined {
  const t = text.toLowerCase();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return WORDS[t];
}

/** Rounds away binary noise (14.1 + 2.2) so stored figures are the ones a reader would write. */
export function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
