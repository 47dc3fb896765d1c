import { yearEnding } from '../../model/index.ts';
import type { WrittenDate } from '../dates.ts';
import { readNumber } from '../numbers.ts';
import { type Figure, figuresOf } from './recognisers.ts';
import { type Word, wordsOf } from './words.ts';

/**
 * What each figure of a target sentence stands for, decided from the words just before it (its
 * cue) and from the figure it follows: "from 14%" is a baseline, "to 18%" a level to reach,
 * "at 38%" a level held, "by 4 percentage points" a change, "by April 2024" the due date, and a
 * date that follows a baseline ("from 14% in March 2023", "(currently 21%, March 2023)") is when
 * the baseline was measured. Word order is free: each figure is read where it stands.
 */
export type Role = 'baseline' | 'level' | 'at' | 'change' | 'due' | 'baseline-period' | 'none';

export interface Reading {
  role: Role;
  figure: Figure;
  /** Percentages and changes: the figure's value. */
  value?: number;
  /** Due dates: the month a target is stated "by" (dueMonth gives the month it is counted at). */
  targetMonth?: string;
  /** Baseline periods: a month or twelve-month period. */
  period?: string;
  /** A due date that names a year and no month ("By 2024"). */
  yearOnly?: boolean;
  /** The word just before the figure, for messages about a figure whose role is unknown. */
  cue?: string;
}

// Cue phrases, matched against the last words before a figure; the longest that fits wins.
const PERCENT_CUES: ReadonlyArray<readonly [string, Role]> = [
  ['up to', 'none'],
  ['up from', 'baseline'],
  ['from', 'baseline'],
  ['baseline of', 'baseline'],
  ['baseline', 'baseline'],
  ['currently', 'baseline'],
  ['currently at', 'baseline'],
  ['currently stands at', 'baseline'],
  ['stands at', 'baseline'],
  ['standing at', 'baseline'],
  ['now', 'baseline'],
  ['now at', 'baseline'],
  ['compared with', 'baseline'],
  ['compared to', 'baseline'],
  ['against', 'baseline'],
  ['starting at', 'baseline'],
  ['current level of', 'baseline'],
  ['current rate of', 'baseline'],
  ['to', 'level'],
  ['to at least', 'level'],
  ['at least', 'level'],
  ['to over', 'level'],
  ['to above', 'level'],
  ['reach', 'level'],
  ['reaching', 'level'],
  ['reaches', 'level'],
  ['achieve', 'level'],
  ['achieving', 'level'],
  ['target of', 'level'],
  ['target level of', 'level'],
  ['at', 'at'],
  ['of', 'at'],
];
const CHANGE_CUES: ReadonlyArray<readonly [string, Role]> = [
  ['up to', 'none'],
  ['less than', 'none'],
];
const DATE_CUES: ReadonlyArray<readonly [string, Role]> = [
  ['by', 'due'],
  ['by the', 'due'],
  ['before', 'due'],
  ['before the', 'due'],
  ['no later than', 'due'],
  ['not later than', 'due'],
  ['no later than the', 'due'],
  ['in time for', 'due'],
  ['until', 'due'],
  ['due', 'due'],
  ['due by', 'due'],
  ['due in', 'due'],
  ['target date of', 'due'],
  ['deadline of', 'due'],
  ['since', 'none'],
];
// Words that may stand between a figure and the date it was measured at: "14%, in the performance
// year to March 2023", "21% as at March 2023", "(currently 21%, March 2023)".
const CONNECTIVES = new Set([
  'in',
  'at',
  'as',
  'of',
  'on',
  'during',
  'for',
  'the',
  'measured',
  'recorded',
  'performance',
  'financial',
  'reporting',
  'data',
  'period',
  'month',
  ',',
  '(',
  ')',
  ';',
]);
const MAX_CONNECTIVES = 6;

const split = (cues: ReadonlyArray<readonly [string, Role]>) =>
  cues.map(([phrase, role]) => [phrase.split(' '), role] as const).sort((a, b) => b[0].length - a[0].length);
const PERCENT = split(PERCENT_CUES);
const CHANGE = split(CHANGE_CUES);
const DATE = split(DATE_CUES);

/** The role of the longest cue phrase that ends the gap's words, if any. */
function cued(gap: readonly string[], cues: ReadonlyArray<readonly [string[], Role]>): Role | undefined {
  for (const [phrase, role] of cues) {
    if (phrase.length > gap.length) continue;
    if (phrase.every((w, k) => gap[gap.length - phrase.length + k] === w)) return role;
  }
  return undefined;
}

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The month a due date is stated "by", so that dueMonth() (the month before) is the last month
 * counted. "By April 2024" is April 2024: counted to the end of March. A day, or the end of a
 * month, is due at the end of the last month it completes: "by 31 March 2024", "by the end of
 * March 2024" and "by 1 April 2024" all mean the same as "By April 2024"; "by 15 April 2024" too.
 */
function statedBy(date: WrittenDate, endOf: boolean): Pick<Reading, 'targetMonth' | 'yearOnly'> {
  switch (date.kind) {
    case 'month':
      return { targetMonth: endOf ? nextMonth(date.month) : date.month };
    case 'day':
      return { targetMonth: date.last ? nextMonth(date.month) : date.month };
    case 'fiscal':
      // The end of a performance year (April to March): "by the end of 2024/25" is March 2025.
      return { targetMonth: `${date.startYear + 1}-04` };
    case 'year':
      return endOf ? { targetMonth: `${date.year + 1}-01` } : { yearOnly: true };
  }
}

/** The month or twelve-month period a date names when it says when a baseline was measured. */
function measuredIn(figure: Figure): string | undefined {
  if (figure.type === 'year-to') return yearEnding(figure.month);
  if (figure.type !== 'date') return undefined;
  const date = figure.date;
  if (date.kind === 'month' || date.kind === 'day') return date.month;
  if (date.kind === 'fiscal') return yearEnding(`${date.startYear + 1}-03`);
  return undefined;
}

const RANGE_JOINS = new Set(['-', 'to', 'and', 'or']);

/**
 * Whether a figure is the top of a range ("3-4 percentage points", "between 20 and 25%"): a number
 * that is no figure of its own, then a joining word, right before it. A range is no single figure
 * to read, so it takes no role and the sentence is reported rather than read as its top.
 */
function isRange(words: readonly Word[], from: number, start: number): boolean {
  const join = words[start - 1];
  if (!join || !RANGE_JOINS.has(join.text)) return false;
  for (let k = Math.max(from, start - 5); k < start - 1; k++)
    if (readNumber(words, k)?.end === start - 1) return true;
  return false;
}

/** Reads the role of every figure, in sentence order. */
export function assignRoles(words: readonly Word[], figures: readonly Figure[]): Reading[] {
  const readings: Reading[] = [];
  let previousEnd = 0;
  for (const figure of figures) {
    const gapWords = words.slice(Math.max(previousEnd, figure.start - 8), figure.start);
    const gap = gapWords.filter((w) => w.kind !== 'mark').map((w) => w.text);
    const adjoining =
      figure.start - previousEnd <= MAX_CONNECTIVES + 2 &&
      words.slice(previousEnd, figure.start).every((w) => CONNECTIVES.has(w.text));
    const before = readings[readings.length - 1];
    const from = previousEnd;
    previousEnd = figure.end;
    if ((figure.type === 'percent' || figure.type === 'change') && isRange(words, from, figure.start)) {
      readings.push({ role: 'none', figure, value: figure.value, cue: 'range' });
      continue;
    }
    if (figure.type === 'percent') {
      const cue = gap[gap.length - 1];
      readings.push({
        role: cued(gap, PERCENT) ?? 'none',
        figure,
        value: figure.value,
        ...(cue ? { cue } : {}),
      });
      continue;
    }
    if (figure.type === 'change') {
      readings.push({ role: cued(gap, CHANGE) ?? 'change', figure, value: figure.value });
      continue;
    }
    const cue = figure.type === 'date' ? cued(gap, DATE) : undefined;
    if (figure.type === 'date' && cue === 'due') {
      readings.push({ role: 'due', figure, ...statedBy(figure.date, figure.endOf) });
      continue;
    }
    if (cue === undefined && adjoining && before) {
      // A date right after a figure says when that figure stands: a baseline's (or a level
      // held's) measurement, or the month a level is to be reached in.
      if (before.role === 'baseline' || before.role === 'at') {
        const period = measuredIn(figure);
        if (period !== undefined) {
          readings.push({ role: 'baseline-period', figure, period });
          continue;
        }
      }
      if (before.role === 'level' && figure.type === 'date' && figure.date.kind !== 'year') {
        readings.push({ role: 'due', figure, ...statedBy(figure.date, true) });
        continue;
      }
    }
    readings.push({ role: 'none', figure });
  }
  return readings;
}

/** The figures of a text in matchForm, each with its role. */
export function readingsOf(matchFormText: string): { words: Word[]; readings: Reading[] } {
  const words = wordsOf(matchFormText);
  return { words, readings: assignRoles(words, figuresOf(words)) };
}

/** Whether a text states what only a target states: a due date, a level to reach or hold, a change. */
export function statesAim(readings: readonly Reading[]): boolean {
  return readings.some(
    (r) => r.role === 'due' || r.role === 'level' || r.role === 'change' || r.role === 'at',
  );
}
