/**
 * Text clean-up shared by every ingest step. Extraction from PDF leaves non-breaking spaces,
 * zero-width characters, markdown emphasis and typographic quotes; parsing sees one form of each.
 */

import { withoutBidiControls } from '../format/bidi.ts';

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
// Printable ASCII and tabs, nearly every line of a document, have no compatibility forms.
const NOT_PLAIN = /[^\t -~]/;
// Compatibility forms left as written: an ellipsis reads as one, and NFKC would fuse a footnote
// mark ("14%¹") or a vulgar fraction ("4½" to "41⁄2") into the number before it.
const KEEP_AS_WRITTEN = /[^\u2026\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u215f\u2189]+/g;
// A soft hyphen marks where a word may break; inside a line it is invisible.
const SOFT_HYPHEN_INSIDE = /\u00ad(?!$)/g;

/**
 * Splits into lines the way editors number them: at LF, with any trailing CRs dropped (CRLF, or
 * the CRCRLF of a file converted twice); a file with no LF at all is an old CR-only one.
 */
export function splitLines(text: string): string[] {
  if (!text.includes('\n')) return text.split('\r');
  return text.split('\n').map((line) => line.replace(/(?<!\r)\r+$/, ''));
}

/**
 * Per-line normal form: odd spaces become spaces, invisible characters and bidirectional controls
 * go (characters.ts reports the controls), trailing space trimmed.
 */
export function normaliseLine(raw: string): string {
  const line = withoutBidiControls(raw).replace(ZERO_WIDTH, '').replace(SPACES, ' ').trimEnd();
  return !NOT_PLAIN.test(line) ? line : compatible(line).replace(SOFT_HYPHEN_INSIDE, '');
}

/**
 * Unicode compatibility forms to their plain letters (NFKC): ligatures that PDF extraction leaves
 * ("ﬁ" to "fi"), full-width digits and signs ("２５％" to "25%"), circled and other presentation
 * forms, so that every reader, and every report quoting the text, sees one spelling.
 */
function compatible(line: string): string {
  return line.replace(KEEP_AS_WRITTEN, (run) => run.normalize('NFKC'));
}

// Hyphens that may end a line inside a word: hyphen-minus, Unicode hyphen, soft hyphen.
const HYPHENS = new Set(['-', '\u2010', '\u00ad']);
const WORD_CHAR = /[\p{L}\d]/u;
// Anchored at the start and bounded: matched once per line, never retried along a long line.
const NEXT_WORD = /^\p{Ll}{1,40}/u;

/** The word that a line ends in before a hyphen ("employ-"), read backwards a bounded way. */
function brokenWord(text: string): string | undefined {
  if (!HYPHENS.has(text.slice(-1))) return undefined;
  let i = text.length - 1;
  while (i > 0 && text.length - i <= 40 && WORD_CHAR.test(text.charAt(i - 1))) i--;
  return i < text.length - 1 ? text.slice(i, -1) : undefined;
}
// Compounds whose hyphen is part of the spelling ("six-week", "percentage-points", "pre-sentence"):
// a first part that is a word of its own before a hyphen, or a second part that is.
const HYPHENATED_FIRST = new Set([
  ...['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  ...['first', 'second', 'third', 'half', 'long', 'short', 'well', 'self', 'non', 'full', 'part', 'co'],
  ...['whole', 'anti', 'cross', 'multi', 'peer', 'ex', 'high', 'low', 'step', 'joined', 'check'],
]);
const HYPHENATED_SECOND = new Set([
  ...['week', 'weeks', 'month', 'months', 'night', 'nights', 'year', 'years', 'point', 'points'],
  ...['based', 'led', 'term', 'wide', 'level', 'related', 'specific', 'free'],
  ...['focused', 'focussed', 'sentence', 'release', 'custody', 'up', 'going', 'making', 'social'],
  ...['sector', 'agency', 'established', 'establish', 'offender', 'offenders', 'commissioned'],
  ...['commissioning', 'down'],
]);

/**
 * Joins the lines of one paragraph or list item. A word broken at a line-end hyphen is rejoined
 * ("employ-" + "ment" is "employment", "percent-" + "age points" is "percentage points"), keeping
 * the hyphen where it belongs to the spelling ("six-" + "week" is "six-week"); a soft hyphen is
 * always a break. Other lines are joined with a space.
 */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const next = raw.trimStart();
    const first = brokenWord(out)?.toLowerCase();
    const word = NEXT_WORD.exec(next);
    if (first !== undefined && word) {
      const keep =
        !out.endsWith('\u00ad') &&
        (/\d$/.test(first) || HYPHENATED_FIRST.has(first) || HYPHENATED_SECOND.has(word[0]));
      out = `${out.slice(0, keep ? out.length : -1)}${next}`;
    } else out = out === '' ? raw : `${out} ${raw}`;
  }
  return out;
}

/** Item text for readers: emphasis markers removed and whitespace collapsed; quotes kept as written. */
export function cleanText(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Form used for matching patterns: lower case, straight quotes and dashes, `%` glued to its number. */
export function matchForm(text: string): string {
  const clean = cleanText(text);
  // Text that did not come through normaliseLine (a reading, a test) gets the same plain forms.
  return (NOT_PLAIN.test(clean) ? compatible(clean) : clean)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\bper ?cent\b/g, '%')
    .replace(/(\d)\s+%/g, '$1%')
    .replace(/(\d),(\d{3})\b/g, '$1$2');
}
