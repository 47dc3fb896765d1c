import type { SectionId, Target } from '../model/index.ts';
import { measuresMentioned } from './target/lexicon.ts';
import { figuresOf } from './target/recognisers.ts';
import { readingsOf } from './target/roles.ts';
import { wordsOf } from './target/words.ts';
import { cleanText, matchForm } from './text.ts';

export { parseTarget, type TargetResult } from './target/read.ts';

/** Whether a text carries a percentage or a change in percentage points, in figures or in words. */
function hasFigure(s: string): boolean {
  return figuresOf(wordsOf(s)).some((f) => f.type === 'percent' || f.type === 'change');
}

/** A list item in a targets list that carries a figure or names a measure. */
export function isQuantitative(text: string): boolean {
  const s = matchForm(text);
  return hasFigure(s) || measuresMentioned(s).length > 0;
}

// "will", then a verb, then "proportion", in that order. Found one after another rather than as
// /\bwill\b.*\b(?:…)\b.*\bproportion\b/, whose backtracking is cubic in a long line's words.
const TARGET_WORDS = [
  /\bwill\b/g,
  /\b(?:increase|maintain|improve|raise|hold|sustain)\b/g,
  /\bproportion\b/g,
];
// A sentence that states a change to reach by a date: "Lift the proportion … to 25% by April 2024".
const AIM = /\b(?:increase|maintain|improve|raise|hold|sustain|lift|boost|grow|keep)\b/;

/** Whether each pattern matches after the previous one's match, in one pass over the text. */
function inOrder(text: string, patterns: readonly RegExp[]): boolean {
  let from = 0;
  for (const pattern of patterns) {
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) return false;
    from = match.index + match[0].length;
  }
  return true;
}

/** Whether a figure of the sentence is a date the target is due by, and another a level or change. */
function statesTargetFigures(s: string): boolean {
  const roles = new Set(readingsOf(s).readings.map((r) => r.role));
  return roles.has('due') && (roles.has('level') || roles.has('change') || roles.has('at'));
}

/**
 * A sentence written the way targets are, wherever it stands: "X will increase the proportion …
 * %", or any sentence with a verb of increase or maintenance, a measure, a level or a change and
 * a date to reach it by. Used to catch targets outside a targets list, so none is lost to a
 * missing label. A report of progress ("went up from 20% to 23% this year") has no date to reach.
 */
export function looksLikeTarget(text: string): boolean {
  const s = matchForm(text);
  if (measuresMentioned(s).length === 0 || !hasFigure(s)) return false;
  return inOrder(s, TARGET_WORDS) || (AIM.test(s) && statesTargetFigures(s));
}

export function qualitativeTarget(text: string, line: number, theme: SectionId): Target {
  return {
    theme,
    measure: 'qualitative',
    kind: 'qualitative',
    baselinePct: null,
    baselinePeriod: null,
    changePp: null,
    targetPct: null,
    targetMonth: null,
    sentence: cleanText(text),
    line,
  };
}
