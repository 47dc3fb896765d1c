import {
  type Diagnostic,
  diagnostic,
  type MeasureId,
  measuresMentioned,
  monthsBetween,
  periodEnd,
  type SectionId,
  type Target,
  yearEnding,
} from '../model/index.ts';
import { isoMonth, MONTH_YEAR } from './dates.ts';
import { NUMBER, parseNumber, tidy } from './numbers.ts';
import { cleanText, matchForm } from './text.ts';

export type TargetResult = { target: Target; notes: Diagnostic[] } | { error: Diagnostic };

const PCT = '(\\d+(?:\\.\\d+)?)%';

const re = {
  byMonth: new RegExp(`\\bby (?:the end of |end of )?${MONTH_YEAR}`),
  byYearOnly: /\bby (?:the end of |end of )?(20\d{2})\b/,
  from: new RegExp(`\\bfrom (?:a baseline of )?${PCT}`),
  at: new RegExp(`\\b(?:at|of) ${PCT}`),
  to: new RegExp(`(?<!\\bup )\\b(?:to|reach|reaching) ${PCT}`),
  change: new RegExp(`\\bby ${NUMBER}(?: |-)?(?:percentage points?|pp|% points?)\\b`),
  yearTo: new RegExp(
    `^[,;]?\\s*(?:\\(|in |at |as at |during |for |over )?(?:the )?(?:performance |financial |reporting )?year (?:to|ending) ${MONTH_YEAR}`,
  ),
  fiscalYear:
    /^[,;]?\s*(?:in |during |for )?(?:the )?(?:performance |financial )?(?:year )?(20\d{2})[/-](\d{2}|20\d{2})\b/,
  inMonth: new RegExp(`^[,;]?\\s*(?:\\(|in |at |as at |as of |during |for )?${MONTH_YEAR}`),
  maintain: /\b(?:maintain|hold|sustain|keep)\b/,
  continueIncrease: /\bcontinue to (?:increase|improve|raise|grow)\b/,
  increase: /\b(?:increase|improve|raise|grow|lift)\b/,
  decrease: /\b(?:reduce|decrease|lower|cut)\b/,
  percentish: /\d%|percentage point/,
};

/** A list item in a "Regional targets" list that carries a figure or names a measure. */
export function isQuantitative(text: string): boolean {
  const s = matchForm(text);
  return re.percentish.test(s) || measuresMentioned(s).length > 0;
}

// "will", then a verb, then "proportion", in that order. Found one after another rather than as
// /\bwill\b.*\b(?:…)\b.*\bproportion\b/, whose backtracking is cubic in a long line's words.
const TARGET_WORDS = [
  /\bwill\b/g,
  /\b(?:increase|maintain|improve|raise|hold|sustain)\b/g,
  /\bproportion\b/g,
];

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

/**
 * A sentence written the way targets are ("X will increase the proportion … %"), wherever it
 * stands. Used to catch targets outside a targets list, so none is lost to a missing label.
 */
export function looksLikeTarget(text: string): boolean {
  const s = matchForm(text);
  return inOrder(s, TARGET_WORDS) && re.percentish.test(s) && measuresMentioned(s).length > 0;
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

/**
 * Reads one quantitative target sentence. Each part (measure, direction, baseline, change, level,
 * date) is found on its own so that word order may vary between documents; what a kind of target
 * needs and cannot be found makes the whole sentence an error rather than a half-read target.
 */
export function parseTarget(file: string, text: string, line: number, theme: SectionId): TargetResult {
  const sentence = cleanText(text);
  const s = matchForm(text);
  const missing: string[] = [];
  const err = (msg: string, code = 'target-unreadable'): TargetResult => ({
    error: diagnostic(
      'error',
      code,
      file,
      line,
      `${msg} in target "${shorten(sentence)}". Rewrite the sentence in the form "By April 2024, <region> will increase the proportion <measure> by N percentage points from N% in March 2023".`,
    ),
  });

  const measures = measuresMentioned(s);
  if (measures.length === 0) {
    return err(
      'expected one of the five measures (employment at six weeks or six months, housed on the first night, settled accommodation at three months, sexual offence interventions); found none',
    );
  }
  if (measures.length > 1)
    return err(`expected one measure; found ${measures.length} (${measures.join(', ')})`);
  const measure = measures[0] as MeasureId;

  if (re.decrease.test(s) && !re.increase.test(s) && !re.maintain.test(s)) {
    return err(
      'expected a target to increase or maintain a proportion (every measure is higher-is-better); found a reduction',
    );
  }
  let kind: Target['kind'] = re.continueIncrease.test(s)
    ? 'continue-increase'
    : re.maintain.test(s)
      ? 'maintain'
      : re.increase.test(s)
        ? 'increase'
        : 'qualitative';
  if (kind === 'qualitative')
    return err('expected "increase", "continue to increase" or "maintain"; found none');

  let targetMonth: string | null = null;
  const by = re.byMonth.exec(s);
  if (by) targetMonth = isoMonth(by[1] ?? '', by[2] ?? '') ?? null;
  else if (re.byYearOnly.test(s))
    return err('expected a month and year after "By" (e.g. "By April 2024"); found a year alone');

  let baselinePct: number | null = null;
  let baselinePeriod: string | null = null;
  const from = re.from.exec(s);
  if (from) {
    baselinePct = Number(from[1]);
    baselinePeriod = readPeriod(s.slice(from.index + from[0].length));
  }

  const changeMatch = re.change.exec(s);
  const changePp = changeMatch ? (parseNumber(changeMatch[1] ?? '') ?? null) : null;
  const toMatch = re.to.exec(s);
  const statedTarget = toMatch ? Number(toMatch[1]) : null;

  // A level to reach turns "continue to increase" into an ordinary increase target.
  if (kind === 'continue-increase' && (changePp !== null || statedTarget !== null)) kind = 'increase';

  const notes: Diagnostic[] = [];
  let targetPct: number | null = null;
  let change: number | null = changePp;

  if (kind === 'maintain') {
    if (baselinePct === null) {
      const at = re.at.exec(s);
      if (at) baselinePct = Number(at[1]);
    }
    if (baselinePct === null) missing.push('the level to maintain ("at 38%")');
    targetPct = baselinePct;
    change = baselinePct === null ? null : 0;
  } else if (kind === 'continue-increase') {
    if (baselinePct === null) missing.push('a baseline ("from 24%")');
    if (baselinePct !== null && baselinePeriod === null)
      missing.push('when the baseline was measured ("in the performance year to March 2023")');
  } else {
    if (baselinePct === null) missing.push('a baseline ("from 14%")');
    if (baselinePct !== null && baselinePeriod === null)
      missing.push('when the baseline was measured ("in March 2023")');
    if (changePp === null && statedTarget === null)
      missing.push('a change ("by 4 percentage points") or a level to reach ("to 18%")');
    if (targetMonth === null) missing.push('a date to reach it ("By April 2024")');
    if (baselinePct !== null) {
      if (statedTarget !== null) {
        targetPct = statedTarget;
        if (changePp === null) change = tidy(statedTarget - baselinePct);
        else if (Math.abs(baselinePct + changePp - statedTarget) > 1e-6) {
          notes.push(
            diagnostic(
              'warning',
              'target-arithmetic-mismatch',
              file,
              line,
              `expected the stated level ${statedTarget}% to equal the baseline ${baselinePct}% plus the change ${changePp} percentage points (${tidy(baselinePct + changePp)}%); found a difference. The stated level is used; check the document.`,
            ),
          );
        }
      } else if (changePp !== null) {
        targetPct = tidy(baselinePct + changePp);
      }
    }
  }
  if (missing.length > 0) return err(`expected ${missing.join(', ')}; found none`);

  for (const [name, value] of [
    ['baseline', baselinePct],
    ['target', targetPct],
  ] as const) {
    if (value !== null && (value < 0 || value > 100)) {
      return err(`expected a ${name} between 0% and 100%; found ${value}%`, 'percent-out-of-range');
    }
  }
  if (kind === 'increase' && change !== null && change <= 0) {
    return err(
      `expected an increase to be above its baseline; found a change of ${change} percentage points`,
      'target-not-an-increase',
    );
  }
  if (
    targetMonth !== null &&
    baselinePeriod !== null &&
    monthsBetween(periodEnd(baselinePeriod), targetMonth) <= 0
  ) {
    return err(
      `expected the target date ${targetMonth} to come after the baseline ${baselinePeriod}; found it does not`,
      'target-before-baseline',
    );
  }

  return {
    target: {
      theme,
      measure,
      kind,
      baselinePct,
      baselinePeriod,
      changePp: change,
      targetPct,
      targetMonth,
      sentence,
      line,
    },
    notes,
  };
}

/** The period written right after a baseline figure: "in March 2023", "in the performance year to March 2023". */
function readPeriod(after: string): string | null {
  const year = re.yearTo.exec(after);
  if (year) {
    const end = isoMonth(year[1] ?? '', year[2] ?? '');
    return end ? yearEnding(end) : null;
  }
  const fiscal = re.fiscalYear.exec(after);
  if (fiscal) {
    const startYear = Number(fiscal[1]);
    return yearEnding(`${startYear + 1}-03`);
  }
  const month = re.inMonth.exec(after);
  if (month) return isoMonth(month[1] ?? '', month[2] ?? '') ?? null;
  return null;
}

function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
