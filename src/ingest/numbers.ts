import type { Word } from './target/words.ts';

const UNITS: Record<string, number> = {
  zero: 0,
  nil: 0,
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
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const FRACTIONS: Record<string, number> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };
/**
 * Reads a number starting at words[i]: figures ("4", "4.5", "4½") or words ("four", "twenty-five",
 * "twenty five", "one hundred", "two and a half", "four point five"). Returns its value and the
 * index after its last word, or undefined when no number starts there.
 */
export function readNumber(words: readonly Word[], i: number): { value: number; end: number } | undefined {
  const w = words[i];
  if (!w) return undefined;
  let value: number;
  let end = i + 1;
  if (w.kind === 'number') {
    value = Number(w.text);
    const fraction = FRACTIONS[words[end]?.text ?? ''];
    if (fraction !== undefined && !w.text.includes('.') && words[end]?.at === w.at + w.text.length) {
      value += fraction;
      end++;
    }
    return { value, end };
  }
  if (w.kind !== 'word') return undefined;
  const tens = TENS[w.text];
  const unit = UNITS[w.text];
  if (tens !== undefined) {
    value = tens;
    // "twenty-five", "twenty five"
    const gap = words[end]?.text === '-' ? 1 : 0;
    const next = UNITS[words[end + gap]?.text ?? ''];
    if (next !== undefined && next >= 1 && next <= 9) {
      value += next;
      end += gap + 1;
    }
  } else if (unit !== undefined) value = unit;
  else if (w.text === 'a' && words[end]?.text === 'hundred') return { value: 100, end: end + 1 };
  else return undefined;
  if (value === 1 && words[end]?.text === 'hundred') return { value: 100, end: end + 1 };
  // "two and a half", "four point five"
  if (words[end]?.text === 'and' && words[end + 1]?.text === 'a') {
    const part = { half: 0.5, quarter: 0.25 }[words[end + 2]?.text ?? ''];
    if (part !== undefined) return { value: value + part, end: end + 3 };
  }
  if (words[end]?.text === 'point') {
    let digits = '';
    let j = end + 1;
    for (; j < words.length && digits.length < 3; j++) {
      const d = UNITS[(words[j] as Word).text];
      if (d === undefined || d > 9) break;
      digits += String(d);
    }
    if (digits !== '') return { value: Number(`${value}.${digits}`), end: j };
  }
  return { value, end };
}

/** Rounds away binary noise (14.1 + 2.2) so stored figures are the ones a reader would write. */
export function tidy(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
