import { normaliseHeading, type SectionDefinition, sectionForHeading } from '../model/index.ts';
import { looksLikeTarget } from './targets.ts';
import { cleanText, joinLines, normaliseLine, splitLines } from './text.ts';

export type LabelKind = 'targets' | 'commitments' | 'progress' | 'opportunities';

export interface SourceLine {
  n: number;
  text: string;
}

export interface RawItem {
  text: string;
  line: number;
  lines: SourceLine[];
}

export type Token =
  | { type: 'heading'; section: SectionDefinition; line: number; text: string }
  | { type: 'label'; label: LabelKind; line: number; text: string }
  | { type: 'glyph'; line: number; text: string }
  | { type: 'list'; line: number; items: RawItem[] }
  | { type: 'paragraph'; line: number; text: string; lines: SourceLine[] };

export interface Tokenised {
  /** Non-blank lines before the contents list or the first heading: the title block. */
  preamble: SourceLine[];
  tokens: Token[];
}

// Label lines are short (see labelOf), and each pattern is words in a fixed order.
const LABELS: ReadonlyArray<[LabelKind, RegExp]> = [
  // "Regional targets", "Our targets", "Key performance targets", "Targets for 2024/25",
  // "Our targets for the next year", "Measures of success"
  [
    'targets',
    /^(?:our |regional |key |performance |key performance |our key )?targets?(?: for (?:20\d{2}(?: \d{2}(?:\d{2})?)?|the (?:next|coming) year|this year|next year))?(?: are| include)?$/,
  ],
  ['targets', /^(?:our |key )?(?:measures of success|success measures|how we will measure success)$/],
  ['commitments', /^(?:what )?we said we would(?: do)?$/],
  [
    'progress',
    /^(?:what we ha(?:ve|s) (?:done|achieved)(?: so far)?(?: outcome progress)?|outcome progress)$/,
  ],
  ['opportunities', /^opportunities for the (?:next|coming) year$/],
];

// Symbols that only ever start a bullet may touch the text; dashes, asterisks, numbers and
// letters must be followed by a space, or "**bold**" and "-5%" would read as bullets. Numbered
// items: "1.", "1)", "(1)", "(a)", "a)", "a.", "i)", "(iv)", "iv.".
const ROMAN = '(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)';
const BULLET = new RegExp(
  `^\\s*(?:(?:[•»·▪■●◦‣⁃○]\\s*)|(?:(?:[-–—*]|\\d{1,2}[.)]|\\(\\d{1,2}\\)|\\(?[a-z][.)]|\\([a-z]\\)|\\(?${ROMAN}[.)]|\\(${ROMAN}\\))\\s+))+`,
);
// Starting only where a run of spaces starts: tried inside the run too, a long run is quadratic.
const PAGE_NUMBER = /(?<!\s)(?:\t|\s{2,})\d{1,3}$/;

export function labelOf(text: string): LabelKind | undefined {
  if (text.length > 120) return undefined;
  const normal = normaliseHeading(text);
  return LABELS.find(([, re]) => re.test(normal))?.[0];
}

function isGlyph(text: string): boolean {
  return /^\S{1,2}$/.test(text.trim());
}

// Page furniture a text export leaves between the lines of a page: "7", "Page 7", "Page 7 of 12",
// "- 7 -", "North East Reducing Reoffending Plan 2023 | 7", "7 | North East …". Tested only on
// short lines, and each pattern is anchored at both ends with bounded runs.
const FOOTERS = [
  /^\d{1,3}$/,
  /^page \d{1,3}(?: of \d{1,3})?$/i,
  /^[-–—] ?\d{1,3} ?[-–—]$/,
  /^[^|]{1,120} \| ?(?:page )?\d{1,3}$/i,
  /^(?:page )?\d{1,3} ?\| [^|]{1,120}$/i,
];

/** A running footer or page number, which is skipped wherever it stands. */
export function isPageFurniture(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 140 || /[.!?:;]$/.test(t.replace(/\s*\|.*$/, ''))) return false;
  return FOOTERS.some((re) => re.test(t));
}

const finishes = (text: string) => /[.!?]["'”’)]?$/.test(text.trim());

/** A bare number that a sentence wrapped onto a line of its own ("bedspaces to" / "650" / "and …"). */
function wrappedNumber(lines: readonly SourceLine[], i: number): boolean {
  const before = lines[i - 1]?.text ?? '';
  const after = lines[i + 1]?.text ?? '';
  return (
    /^\s*\d{1,3}\s*$/.test((lines[i] as SourceLine).text) &&
    before.trim() !== '' &&
    !finishes(before) &&
    /^\s*\p{Ll}/u.test(after)
  );
}

/**
 * The document's lines without its page furniture. Where a footer stands between a sentence and
 * its continuation ("… the proportion" / "Page 7" / "employed six weeks …"), the blank lines
 * around it go too, so the page break does not cut the sentence; elsewhere they stay, and end a
 * list or paragraph as any blank line does.
 */
function withoutPageFurniture(lines: readonly SourceLine[]): SourceLine[] {
  const kept: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (!isPageFurniture(line.text) || wrappedNumber(lines, i)) {
      kept.push(line);
      continue;
    }
    let next = i + 1;
    while (next < lines.length && (lines[next] as SourceLine).text.trim() === '') next++;
    let previous = kept.length;
    while (previous > 0 && (kept[previous - 1] as SourceLine).text.trim() === '') previous--;
    const before = kept[previous - 1];
    const after = lines[next];
    const continues =
      before !== undefined &&
      after !== undefined &&
      !finishes(before.text) &&
      !BULLET.test(after.text) &&
      /^\s*[\p{Ll}\d]/u.test(after.text);
    if (continues) {
      kept.length = previous;
      i = next - 1;
    }
  }
  return kept;
}

function headingOf(text: string): SectionDefinition | undefined {
  if (/^\s/.test(text) || BULLET.test(text)) return undefined;
  return sectionForHeading(text.replace(PAGE_NUMBER, ''));
}

/**
 * Reads a document line by line into tokens. Blank lines separate runs; within a run a bullet
 * starts an item and any following non-bullet line continues it (wrapped bullets), while an
 * indented line after a blank is an item whose bullet mark the extraction lost.
 */
export function tokenise(text: string): Tokenised {
  const lines = withoutPageFurniture(
    splitLines(text).map((raw, i) => ({ n: i + 1, text: normaliseLine(raw) })),
  );
  const contents = contentsLines(lines);
  const preamble: SourceLine[] = [];
  const tokens: Token[] = [];
  let started = false;
  let list: RawItem[] | null = null;
  let paragraph: SourceLine[] | null = null;

  const flush = (): void => {
    const text = paragraph ? cleanText(joinLines(paragraph.map((l) => l.text))) : '';
    // A rule drawn in text ("____", "****") cleans to nothing: decoration, not a paragraph.
    if (paragraph && paragraph.length > 0 && text !== '') {
      const first = paragraph[0] as SourceLine;
      tokens.push({ type: 'paragraph', line: first.n, text, lines: paragraph });
    }
    if (list && list.length > 0) {
      for (const item of list)
        item.text = cleanText(joinLines(item.lines.map((l) => l.text.replace(BULLET, ''))));
      tokens.push({
        type: 'list',
        line: (list[0] as RawItem).line,
        items: list.filter((i) => i.text.length > 0),
      });
    }
    paragraph = null;
    list = null;
  };

  for (const [index, line] of lines.entries()) {
    const t = line.text;
    if (t.trim() === '') {
      flush();
      continue;
    }
    if (contents.has(line.n)) {
      flush();
      started = true;
      continue;
    }
    const heading = headingOf(t);
    if (heading) {
      flush();
      started = true;
      tokens.push({ type: 'heading', section: heading, line: line.n, text: cleanText(t) });
      continue;
    }
    // Before the first heading only title lines belong to the title block; a bullet or a target
    // sentence there is content that strayed, and is kept as such (never swallowed into the title).
    if (!started && !BULLET.test(t) && !looksLikeTarget(t)) {
      if (!isGlyph(t)) preamble.push(line);
      continue;
    }
    const label = /^\s/.test(t) || BULLET.test(t) ? undefined : labelOf(t);
    if (label) {
      flush();
      tokens.push({ type: 'label', label, line: line.n, text: cleanText(t) });
      continue;
    }
    if (isGlyph(t) && !BULLET.test(t)) {
      flush();
      tokens.push({ type: 'glyph', line: line.n, text: t.trim() });
      continue;
    }
    const previousBlank = index === 0 || (lines[index - 1]?.text.trim() ?? '') === '';
    // An indented line starts an item when nothing is open to continue (after a blank or a label).
    const open: SourceLine[] | null = paragraph;
    const afterSentence =
      open !== null && /[.!?]["'”’)]?$/.test((open[open.length - 1] as SourceLine).text.trim());
    const startsItem =
      BULLET.test(t) ||
      (/^\s/.test(t) && (previousBlank || (!list && !paragraph) || (afterSentence && looksLikeTarget(t))));
    if (startsItem) {
      // A paragraph and a list are never open together: continuation lines join the list.
      if (paragraph) flush();
      list ??= [];
      list.push({ text: '', line: line.n, lines: [line] });
    } else if (list) {
      const item = list[list.length - 1] as RawItem;
      // An indented line after a finished sentence that reads as a target on its own is an item
      // whose bullet was lost, not the wrapped end of the one before; an unindented line after a
      // finished sentence is a paragraph that follows the list with no blank line between.
      const previous = (item.lines[item.lines.length - 1] as SourceLine).text.trim();
      const finished = /[.!?]["'”’)]?$/.test(previous);
      if (/^\s/.test(t) && /[.;:]$/.test(previous) && looksLikeTarget(t))
        list.push({ text: '', line: line.n, lines: [line] });
      else if (!/^\s/.test(t) && finished) {
        flush();
        paragraph = [line];
      } else item.lines.push(line);
    } else {
      paragraph ??= [];
      paragraph.push(line);
    }
  }
  flush();
  return { preamble, tokens };
}

/**
 * Lines of a contents list: the heading lines after a "Contents" line, lines ending in a page
 * number, and runs of headings with no blank line between them (a contents list whose "Contents"
 * line was lost). Real headings stand alone between blank lines.
 */
function contentsLines(lines: readonly SourceLine[]): Set<number> {
  const found = new Set<number>();
  const isHeading = (l: SourceLine | undefined): boolean =>
    l !== undefined && headingOf(l.text) !== undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (normaliseHeading(line.text) === 'contents') {
      found.add(line.n);
      let j = i + 1;
      while (j < lines.length && (lines[j] as SourceLine).text.trim() === '') j++;
      while (j < lines.length && isHeading(lines[j])) found.add((lines[j++] as SourceLine).n);
      continue;
    }
    if (
      isHeading(line) &&
      (PAGE_NUMBER.test(line.text) || isHeading(lines[i + 1]) || isHeading(lines[i - 1]))
    ) {
      found.add(line.n);
    }
  }
  return found;
}
