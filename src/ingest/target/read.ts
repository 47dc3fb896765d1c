import {
  type Diagnostic,
  diagnostic,
  monthsBetween,
  periodEnd,
  type SectionId,
  type Target,
} from '../../model/index.ts';
import { tidy } from '../numbers.ts';
import { cleanText, matchForm } from '../text.ts';
import { measuresMentioned } from './lexicon.ts';
import { type Reading, type Role, readingsOf, statesAim } from './roles.ts';
import { spoken } from './words.ts';

export type TargetResult = { target: Target; notes: Diagnostic[] } | { error: Diagnostic };

const INCREASE = new Set(['increase', 'improve', 'raise', 'grow', 'lift', 'boost']);
const MAINTAIN = new Set(['maintain', 'hold', 'sustain', 'keep']);
const DECREASE = new Set(['reduce', 'decrease', 'lower', 'cut']);

/** The kind of target its verbs say, in the order the old reader gave them precedence. */
function kindOf(words: readonly string[]): Target['kind'] | 'reduction' {
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const continues = words.some(
    (w, i) => w === 'continue' && words[i + 1] === 'to' && INCREASE.has(words[i + 2] ?? ''),
  );
  if (has(DECREASE) && !has(INCREASE) && !has(MAINTAIN)) return 'reduction';
  if (continues) return 'continue-increase';
  if (has(MAINTAIN)) return 'maintain';
  if (has(INCREASE)) return 'increase';
  return 'qualitative';
}

const shown = (r: Reading) => {
  const f = r.figure;
  return f.type === 'percent' ? `${r.value}%` : f.type === 'change' ? `${r.value} percentage points` : '';
};

// Where one sentence ends and the next begins: a stop, maybe a closing quote or bracket, a space
// and a capital or an opening quote or bracket. "Apr. 2024" and "4.5%" do not end a sentence.
const SENTENCE_BREAK = /(?<=[.!?]["'”’)]?) (?=[A-Z"“‘(])/;

/**
 * Reads a target item. An item may say more than its target ("… from 14% in March 2023. This is up
 * from 12% a year before."): where exactly one of its sentences names a measure, no other states a
 * date, level or change, and that sentence reads completely, it is read alone; otherwise the whole
 * item is, so that a second statement of the target is an error rather than ignored.
 */
export function parseTarget(file: string, text: string, line: number, theme: SectionId): TargetResult {
  const whole = cleanText(text);
  const sentences = whole.split(SENTENCE_BREAK);
  if (sentences.length > 1) {
    const naming = sentences.filter((p) => measuresMentioned(matchForm(p)).length > 0);
    const others = sentences.filter((p) => !naming.includes(p));
    const alone =
      naming.length === 1 && !others.some((p) => statesAim(readingsOf(matchForm(p)).readings))
        ? parseSentence(file, naming[0] as string, line, theme)
        : undefined;
    if (alone && 'target' in alone) return { ...alone, target: { ...alone.target, sentence: whole } };
  }
  return parseSentence(file, text, line, theme);
}

/**
 * Reads one quantitative target sentence: the measure from the registry's lexicon, the kind from
 * its verb, and each figure's role from the words around it (roles.ts), so that word order and
 * wording may vary between documents. What a kind of target needs and cannot be found, or a role
 * stated twice with different values, makes the whole sentence an error rather than a half-read
 * or a guessed target.
 */
function parseSentence(file: string, text: string, line: number, theme: SectionId): TargetResult {
  const sentence = cleanText(text);
  const s = matchForm(text);
  const err = (msg: string, code = 'target-unreadable'): TargetResult => ({
    error: diagnostic(
      'error',
      code,
      file,
      line,
      `${msg} in target "${shorten(sentence)}". Rewrite the sentence in the form "By April 2024, <region> will increase the proportion <measure> by N percentage points from N% in March 2023", or record your own reading in readings.json (validate prints an entry to fill in).`,
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
  const measure = measures[0] as Target['measure'];

  const { words, readings } = readingsOf(s);
  let kind = kindOf(spoken(words).words.map((w) => w.text));
  if (kind === 'reduction') {
    return err(
      'expected a target to increase or maintain a proportion (every measure is higher-is-better); found a reduction',
    );
  }
  if (kind === 'qualitative')
    return err('expected "increase", "continue to increase" or "maintain"; found none');

  const byRole = (role: Role) => readings.filter((r) => r.role === role);
  const conflicts: string[] = [];
  // One value per role: the same figure stated twice is fine, two different ones are not.
  const one = <T extends number | string>(
    role: Role,
    pick: (r: Reading) => T | undefined,
    what: string,
    show: (v: T) => string,
  ): T | null => {
    const values = [...new Set(byRole(role).map(pick))].filter((v): v is T => v !== undefined);
    if (values.length > 1) conflicts.push(`expected one ${what}; found ${values.map(show).join(' and ')}`);
    return values[0] ?? null;
  };
  const pct = (v: number) => `${v}%`;
  let baselinePct = one('baseline', (r) => r.value, 'baseline', pct);
  const statedTarget = one('level', (r) => r.value, 'level to reach', pct);
  const changePp = one(
    'change',
    (r) => r.value,
    'change',
    (v) => `${v} percentage points`,
  );
  const targetMonth = one('due', (r) => r.targetMonth, 'date to reach it', String);
  const baselinePeriod = one('baseline-period', (r) => r.period, 'date for the baseline', String);
  // "at 38%" is the level a maintain target holds; in other kinds it says nothing the reader uses.
  const held = kind === 'maintain' ? one('at', (r) => r.value, 'level to maintain', pct) : null;
  if (conflicts.length > 0) return err(conflicts.join('; '));
  if (byRole('due').some((r) => r.yearOnly) && targetMonth === null)
    return err('expected a month and year after "By" (e.g. "By April 2024"); found a year alone');

  // A level to reach turns "continue to increase" into an ordinary increase target.
  if (kind === 'continue-increase' && (changePp !== null || statedTarget !== null)) kind = 'increase';

  const missing: string[] = [];
  const notes: Diagnostic[] = [];
  let targetPct: number | null = null;
  let change: number | null = changePp;

  if (kind === 'maintain') {
    baselinePct ??= held ?? statedTarget;
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
  if (missing.length > 0) {
    const unread = readings.filter((r) => r.role === 'none' && shown(r) !== '');
    const byPercent = unread.find((r) => r.figure.type === 'percent' && r.cue === 'by');
    const range = unread.find((r) => r.cue === 'range');
    const found = range
      ? `found a range ending at ${shown(range)}: state one figure`
      : byPercent
        ? `found "by ${shown(byPercent)}", which may be percentage points or a relative change: write "by ${byPercent.value} percentage points" for a change in the proportion`
        : unread.length > 0
          ? `found none (${unread.map(shown).join(', ')} stand${unread.length === 1 ? 's' : ''} where no word says what ${unread.length === 1 ? 'it is' : 'they are'}: write "from" before a baseline, "to" before a level to reach)`
          : 'found none';
    return err(`expected ${missing.join(', ')}; ${found}`);
  }

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

function shorten(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
