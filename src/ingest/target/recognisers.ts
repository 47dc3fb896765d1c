import { readDate, type WrittenDate } from '../dates.ts';
import { readNumber } from '../numbers.ts';
import type { Word } from './words.ts';

/**
 * The figures of a sentence, found left to right, each once: percentages ("14%", "fifteen per
 * cent"), changes in percentage points ("4 percentage points", "five pp", "2.5 ppts"), dates
 * ("April 2024", "31 March 2024", "the end of March 2024", "end-March 2024", "2023/24") and
 * twelve-month periods ("the performance year to March 2023"). What each figure means is decided
 * afterwards from the words around it (roles.ts).
 */
export type Figure =
  | { type: 'percent'; value: number; start: number; end: number }
  | { type: 'change'; value: number; start: number; end: number }
  | { type: 'date'; date: WrittenDate; endOf: boolean; start: number; end: number }
  | { type: 'year-to'; month: string; start: number; end: number };

const POINTS = new Set(['point', 'points', 'pt', 'pts']);
const ABBREVIATED = new Set(['pp', 'pps', 'ppt', 'ppts']);

/** The end of a unit of change starting at words[i] ("percentage points", "pp", "p.p.", "% points"). */
function unitOfChange(words: readonly Word[], i: number): number {
  const at = (k: number) => words[k]?.text ?? '';
  let j = i;
  if (at(j) === '-') j++;
  const w = at(j);
  if (ABBREVIATED.has(w)) return j + 1;
  // "p.p." and "p.p"
  if (w === 'p' && at(j + 1) === '.' && at(j + 2) === 'p') return at(j + 3) === '.' ? j + 4 : j + 3;
  if (w === 'percentage' || w === 'percent' || w === '%' || w === 'pc' || w === 'pct') {
    let k = j + 1;
    if (at(k) === '-') k++;
    if (POINTS.has(at(k))) return k + 1;
    return -1;
  }
  if (POINTS.has(w)) return j + 1;
  return -1;
}

/** The figure starting at words[i], if one does. */
function figureAt(words: readonly Word[], i: number): Figure | undefined {
  const at = (k: number) => words[k]?.text ?? '';
  // "the end of March 2024", "end of March 2024", "end-March 2024", "the close of March 2024"
  if (at(i) === 'end' || at(i) === 'close') {
    let j = i + 1;
    if (at(j) === '-' || at(j) === 'of') j++;
    const date = readDate(words, j);
    if (date && (date.kind === 'month' || date.kind === 'fiscal' || date.kind === 'year'))
      return { type: 'date', date, endOf: true, start: i, end: date.end };
  }
  // "(the) (performance|financial|reporting) year to|ending March 2023", "12 months to March 2023"
  if (
    at(i) === 'year' ||
    (at(i) === '12' && at(i + 1) === 'months') ||
    (at(i) === 'twelve' && at(i + 1) === 'months')
  ) {
    let j = at(i) === 'year' ? i + 1 : i + 2;
    if (at(j) === 'to' || at(j) === 'ending' || at(j) === 'ended') {
      j++;
      const date = readDate(words, j);
      if (date && (date.kind === 'month' || date.kind === 'day'))
        return { type: 'year-to', month: date.month, start: i, end: date.end };
    }
  }
  const date = readDate(words, i);
  if (date) return { type: 'date', date, endOf: false, start: i, end: date.end };
  const number = readNumber(words, i);
  if (!number) return undefined;
  const unitEnd = unitOfChange(words, number.end);
  if (unitEnd > 0) return { type: 'change', value: number.value, start: i, end: unitEnd };
  if (at(number.end) === '%') return { type: 'percent', value: number.value, start: i, end: number.end + 1 };
  return undefined;
}

export function figuresOf(words: readonly Word[]): Figure[] {
  const figures: Figure[] = [];
  for (let i = 0; i < words.length; ) {
    const figure = figureAt(words, i);
    if (figure) {
      figures.push(figure);
      i = figure.end;
    } else i++;
  }
  return figures;
}
