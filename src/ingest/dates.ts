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
