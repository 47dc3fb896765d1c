import type { Word } from './target/words.ts';

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^jan(uary)?$/, 1],
  [/^feb(ruary)?$/, 2],
  [/^mar(ch)?$/, 3],
  [/^apr(il)?$/, 4],
  [/^may$/, 5],
  [/^june?$/, 6],
  [/^july?$/, 7],
  [/^aug(ust)?$/, 8],
  [/^sep(t(ember)?)?$/, 9],
  [/^oct(ober)?$/, 10],
  [/^nov(ember)?$/, 11],
  [/^dec(ember)?$/, 12],
];

/** Regex source for "April 2024", "April 24", "Apr. 2024"; capture groups: month word, year. */
export const MONTH_YEAR =
  '\\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+((?:19|20)\\d{2}|\\d{2})\\b';

export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTHS.find(([re]) => re.test(w))?.[1];
}

/** "March", "23" → "2023-03". Two-digit years are this century: the plans start in 2022. */
export function isoMonth(monthWord: string, yearText: string): string | undefined {
  const month = monthNumber(monthWord);
  if (month === undefined) return undefined;
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return `${year}-${String(month).padStart(2, '0')}`;
}

const iso = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** Days in a month (1-12) of a year, leap years included. */
export function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date as written: a month ("April 2024", "April '24"), a day ("1 April 2024", "April 1st, 2024",
 * "31/03/2024", "2024-03-31"), a performance or financial year ("2023/24", "2023-2024"), or a year alone.
 * `start` and `end` are word indices (end exclusive).
 */
export type WrittenDate =
  | { kind: 'month'; month: string; start: number; end: number }
  | { kind: 'day'; month: string; day: number; last: boolean; start: number; end: number }
  | { kind: 'fiscal'; startYear: number; start: number; end: number }
  | { kind: 'year'; year: number; start: number; end: number };

const fourDigitYear = (w: Word | undefined): number | undefined =>
  w?.kind === 'number' && /^(?:19|20)\d{2}$/.test(w.text) ? Number(w.text) : undefined;
const anyYear = (w: Word | undefined): number | undefined =>
  fourDigitYear(w) ?? (w?.kind === 'number' && /^\d{2}$/.test(w.text) ? 2000 + Number(w.text) : undefined);
const dayNumber = (w: Word | undefined): number | undefined =>
  w?.kind === 'number' && /^\d{1,2}$/.test(w.text) && Number(w.text) >= 1 && Number(w.text) <= 31
    ? Number(w.text)
    : undefined;
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);
const monthAt = (w: Word | undefined): number | undefined =>
  w?.kind === 'word' ? monthNumber(w.text) : undefined;

function dayDate(
  year: number,
  month: number,
  day: number,
  start: number,
  end: number,
): WrittenDate | undefined {
  if (day > daysIn(year, month)) return undefined;
  return { kind: 'day', month: iso(year, month), day, last: day === daysIn(year, month), start, end };
}

/** Reads the date that starts at words[i], if one does. */
export function readDate(words: readonly Word[], i: number): WrittenDate | undefined {
  const at = (k: number) => words[k];
  // "1 April 2024", "1st of April 2024", "31/03/2024"
  const day = dayNumber(at(i));
  if (day !== undefined) {
    let j = i + 1;
    if (ORDINAL.has(at(j)?.text ?? '')) j++;
    if (at(j)?.text === 'of') j++;
    const month = monthAt(at(j));
    if (month !== undefined) {
      let k = j + 1;
      if (at(k)?.text === '.') k++;
      if (at(k)?.text === ',') k++;
      const year = anyYear(at(k));
      if (year !== undefined) return dayDate(year, month, day, i, k + 1);
    }
    const sep = at(i + 1)?.text;
    if ((sep === '/' || sep === '.') && at(i + 3)?.text === sep) {
      const m = dayNumber(at(i + 2));
      const year = fourDigitYear(at(i + 4));
      if (m !== undefined && m <= 12 && year !== undefined) return dayDate(year, m, day, i, i + 5);
    }
  }
  // "April 2024", "Apr. 24", "April 1st, 2024", "April 1 2024"
  const month = monthAt(at(i));
  if (month !== undefined) {
    let j = i + 1;
    if (at(j)?.text === '.') j++;
    const d = dayNumber(at(j));
    if (d !== undefined) {
      let k = j + 1;
      if (ORDINAL.has(at(k)?.text ?? '')) k++;
      if (at(k)?.text === ',') k++;
      const year = fourDigitYear(at(k));
      if (year !== undefined) return dayDate(year, month, d, i, k + 1);
    }
    if (at(j)?.text === ',' || at(j)?.text === "'") j++;
    const year = anyYear(at(j));
    if (year !== undefined) return { kind: 'month', month: iso(year, month), start: i, end: j + 1 };
    return undefined;
  }
  // "2023/24", "2023-24", "2023/2024", "2023 to 2024"? only the written-together forms.
  const first = fourDigitYear(at(i));
  if (first !== undefined) {
    const sep = at(i + 1)?.text;
    // ISO "2024-03-31"
    if (sep === '-' && at(i + 3)?.text === '-' && /^\d{2}$/.test(at(i + 2)?.text ?? '')) {
      const m = Number(at(i + 2)?.text);
      const d = dayNumber(at(i + 4));
      if (m >= 1 && m <= 12 && d !== undefined && /^\d{2}$/.test(at(i + 4)?.text ?? ''))
        return dayDate(first, m, d, i, i + 5);
    }
    const second = at(i + 2);
    if ((sep === '/' || sep === '-') && second?.kind === 'number') {
      const endYear =
        second.text.length === 2 ? Math.floor(first / 100) * 100 + Number(second.text) : Number(second.text);
      if (endYear === first + 1) return { kind: 'fiscal', startYear: first, start: i, end: i + 3 };
    }
    return { kind: 'year', year: first, start: i, end: i + 1 };
  }
  return undefined;
}
