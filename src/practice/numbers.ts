// Numbers in a sentence with what they count, in the document's words: "551,485 hours of Unpaid
// Work", "30% of hours to training and education related activities", "72 [peer mentors] now
// being utilised". Years, ranges, limits ("up to 84 nights"), spans of time ("the next 12 months")
// and statistics about reoffending ("nine percentage points") are not achievements and are skipped.

const WORDS: Record<string, number> = {
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
  twenty: 20,
  fifty: 50,
  hundred: 100,
};

const NUMBER = new RegExp(
  String.raw`(?<![\w.,/£-])(£\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\b(?:${Object.keys(WORDS).join('|')})\b)(\s?(?:%|[Pp]er ?cent\b))?(\s?(?:million|m)\b)?`,
  'g',
);

/** Words that end what a number counts: prepositions that start where or how, and clause breaks. */
const STOP = new Set(
  'to in into within with for at by from on across as via alongside including where when while so than during through which that after before'.split(
    ' ',
  ),
);
/** After a number, words that say what happens to it rather than what it counts. */
const VERBS = new Set('now being awaiting currently are were is was have has had'.split(' '));
/** A number that names rather than counts: "Tier 3", "Phase 2". */
const SERIAL = /\b(?:tier|level|phase|stage|wave|band|category|section|part|schedule|step)\s*$/i;
/** Characters either side of a number that are read for what it counts. */
const WINDOW = 200;
const TIME = /^(?:months?|weeks?|days?|years?|nights?)$/i;
/** Where people are, after "in": part of what a number counts, not where it was done. */
const PLACE = /^(?:prison|custody|work|employment|education|training|treatment)$/i;
const QUALIFIER = /\b(over|around|about|nearly|almost|approximately|up to|more than)\s*$/i;
const DETERMINERS = new Set('the a an our their its of use this these those all'.split(' '));

export interface NumberRead {
  value: number;
  unit: 'count' | 'percent' | 'pounds';
  qualifier: '' | 'over' | 'around' | 'up to' | 'increase by';
  counts: string;
  index: number;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** The noun phrase a clause ends with: "Developed the use of peer mentors with" → "peer mentors". */
function nounBefore(text: string): string {
  const clause = text.split(/[,.;:()–—]/).at(-1) ?? '';
  const w = words(clause.replace(/[^\w\s&-]/g, ' '));
  while (
    w.length > 0 &&
    (STOP.has((w.at(-1) ?? '').toLowerCase()) || DETERMINERS.has((w.at(-1) ?? '').toLowerCase()))
  )
    w.pop();
  const out: string[] = [];
  for (let i = w.length - 1; i >= 0 && out.length < 5; i--) {
    const word = w[i] ?? '';
    if (STOP.has(word.toLowerCase()) || DETERMINERS.has(word.toLowerCase()) || /^(has|have|had)$/i.test(word))
      break;
    out.unshift(word);
  }
  // "increasing available bedspaces": the verb that leads the clause is not what is counted.
  if (out.length > 1 && /ing$/i.test(out[0] ?? '')) out.shift();
  return out.join(' ');
}

/** What follows a number, up to a stop word, a break or another number: at most eight words. */
function phraseAfter(text: string, percent: boolean): string {
  const clause = text.split(/[,.;:()–—]|\s-\s/)[0] ?? '';
  const out: string[] = [];
  const list = words(clause);
  for (let i = 0; i < list.length; i++) {
    const word = list[i] ?? '';
    const lower = word.toLowerCase();
    if (out.length >= 8 || /^\d/.test(word) || lower in WORDS) break;
    // "held in prison", "in work": where people are is part of what is counted.
    if (lower === 'in' && PLACE.test(list[i + 1] ?? '')) {
      out.push(word);
      continue;
    }
    // "30% in work after 6 months": the time a share is measured at is part of it.
    if (
      lower === 'after' &&
      out.length > 0 &&
      /^\d+$/.test(list[i + 1] ?? '') &&
      TIME.test(list[i + 2] ?? '')
    ) {
      out.push(word, list[i + 1] ?? '', list[i + 2] ?? '');
      break;
    }
    // "30% of hours to training": for a share, "to" says what the share went to.
    // A share may say where it is before what it is: "30% in work".
    if (STOP.has(lower) && !(percent && (lower === 'to' || out.length === 0))) break;
    if (out.length === 0 && (lower === 'and' || lower === 'or')) break;
    out.push(word);
  }
  while (out.length > 0 && /^(and|or|of)$/i.test(out.at(-1) ?? '')) out.pop();
  if (!percent) return out.join(' ');
  // A share says what it is a share of: "30% of hours to training" → "of hours spent on training".
  if (out[0]?.toLowerCase() !== 'of' && out[0]?.toLowerCase() !== 'in' && out.length > 0) out.unshift('of');
  // Only a share of what is spent (hours, time, money) is "spent on" something: "45% of referrals
  // to Commissioned Rehabilitative Services" keeps its "to".
  const to = out.findIndex((w) => w.toLowerCase() === 'to');
  if (to > 1 && SPENT.test(out[1] ?? '')) out.splice(to, 1, 'spent', 'on');
  return out.join(' ');
}

const SPENT = /^(hours?|time|funding|budget|money|spend(ing)?)$/i;

/** Every number in the sentence that counts something, in order. */
export function readNumbers(sentence: string): NumberRead[] {
  const out: NumberRead[] = [];
  let previous = '';
  for (const m of sentence.matchAll(NUMBER)) {
    const [whole, pounds, digits = '', percentSign, million] = m;
    const at = m.index ?? 0;
    // What a number counts lies within a clause or two of it: looking no further keeps a long
    // item's cost linear in its numbers, whatever its length.
    const before = sentence.slice(Math.max(0, at - WINDOW), at);
    const after = sentence.slice(at + whole.length, at + whole.length + WINDOW);
    const word = WORDS[digits.toLowerCase()];
    const value = word ?? Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const percent = percentSign !== undefined;
    const isYear = word === undefined && !percent && !pounds && /^(19|20)\d\d$/.test(digits);
    if (isYear || /^[-/–]\d/.test(after) || /^-/.test(after) || /\d[-–]$/.test(before)) continue;
    if (/^\s*percentage points?\b/i.test(after) || (/^\s+of\b/i.test(after) && word !== undefined)) continue;
    const qualifierWords = QUALIFIER.exec(before)?.[1]?.toLowerCase() ?? '';
    if (qualifierWords === 'up to' || SERIAL.test(before)) continue;
    // "all three Police and Crime Commissioners", "our three boards": the bodies a region works
    // with, context rather than something done.
    if (word !== undefined && /\b(?:all|our|its|their)\s*$/i.test(before)) continue;
    // "from 15% to 19%", "up from 23%": a change in a rate, which the national statements read.
    if (percent && /\b(?:from|to)\s*$/i.test(before)) continue;
    const rest = phraseAfter(after, percent);
    const first = words(rest)[0] ?? '';
    if (TIME.test(first)) continue;
    const increase = /\bincreased? by\s*$/i.test(before);
    let counts: string;
    if (increase) {
      const verb = /\s(?:(?:has|have)\s+)?increased? by\s*$/i.exec(before);
      const subject = verb ? before.slice(0, verb.index) : '';
      counts = `rise in ${nounBefore(subject) || 'what it names'}`;
    } else if (VERBS.has(first.toLowerCase())) {
      // "peer mentors with 72 now being utilised … with around 28 awaiting training"
      const noun = previous || nounBefore(before.replace(QUALIFIER, ''));
      previous = noun;
      counts = `${noun} ${rest}`.trim();
    } else if (rest === '') {
      // A number word that ends its clause is a pronoun or a total ("a collaborative one").
      if (word !== undefined) continue;
      counts = nounBefore(before.replace(QUALIFIER, ''));
    } else {
      counts = rest;
      previous = rest;
    }
    if (counts === '') continue;
    out.push({
      value: million ? value * 1_000_000 : value,
      unit: pounds ? 'pounds' : percent ? 'percent' : 'count',
      qualifier: increase
        ? 'increase by'
        : qualifierWords === 'over' || qualifierWords === 'more than'
          ? 'over'
          : qualifierWords
            ? 'around'
            : '',
      counts,
      index: at,
    });
  }
  return out;
}
