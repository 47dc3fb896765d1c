import { normaliseHeading, type SectionDefinition, sectionForHeading } from '../model/index.ts';
import { looksLikeTarget } from './targets.ts';
import { cleanText, normaliseLine, splitLines } from './text.ts';

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

const LABELS: ReadonlyArray<[LabelKind, RegExp]> = [
  ['targets', /^(?:regional )?targets$/],
  ['commitments', /^(?:what )?we said we would(?: do)?$/],
  [
    'progress',
    /^(?:what we ha(?:ve|s) (?:done|achieved)(?: so far)?(?: outcome progress)?|outcome progress)$/,
  ],
  ['opportunities', /^opportunities for the (?:next|coming) year$/],
];

// Symbols that only ever start a bullet may touch the text; dashes, asterisks and numbers must be
// followed by a space, or "**bold**" and "-5%" would read as bullets.
const BULLET = /^\s*(?:(?:[•»·▪■●◦‣⁃○]\s*)|(?:(?:[-–—*]|\d{1,2}[.)])\s+))+/;
// Starting only where a run of spaces starts: tried inside the run too, a long run is quadratic.
const PAGE_NUMBER = /(?<!\s)(?:\t|\s{2,})\d{1,3}$/;

export function labelOf(text: string): LabelKind | undefined {
  const normal = normaliseHeading(text);
  return LABELS.find(([, re]) => re.test(normal))?.[0];
}

function isGlyph(text: string): boolean {
  const t = text.trim();
  return /^\S{1,2}$/.test(t) || /^\d{1,3}$/.test(t);
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
  const lines: SourceLine[] = splitLines(text).map((raw, i) => ({ n: i + 1, text: normaliseLine(raw) }));
  const contents = contentsLines(lines);
  const preamble: SourceLine[] = [];
  const tokens: Token[] = [];
  let started = false;
  let list: RawItem[] | null = null;
  let paragraph: SourceLine[] | null = null;

  const flush = (): void => {
    const text = paragraph ? cleanText(paragraph.map((l) => l.text).join(' ')) : '';
    // A rule drawn in text ("____", "****") cleans to nothing: decoration, not a paragraph.
    if (paragraph && paragraph.length > 0 && text !== '') {
      const first = paragraph[0] as SourceLine;
      tokens.push({ type: 'paragraph', line: first.n, text, lines: paragraph });
    }
    if (list && list.length > 0) {
      for (const item of list)
        item.text = cleanText(item.lines.map((l) => l.text.replace(BULLET, '')).join(' '));
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
