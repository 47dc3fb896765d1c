import { type Diagnostic, diagnostic } from '../model/index.ts';
import type { SourceLine, Token } from './tokens.ts';

/**
 * The longest bullet, paragraph or title block read. The published updates' longest is about 840
 * characters; a single item a thousand times longer took minutes to lay out (pdfmake's line
 * breaking is quadratic in the words of one paragraph), so anything past this is refused at its
 * line rather than rendered.
 */
export const MAX_ITEM_CHARS = 10_000;

const LIMIT = MAX_ITEM_CHARS.toLocaleString('en-GB');

/**
 * Lines are measured first, before any pattern is matched against them, so every later step works
 * on lines of bounded length. Twice the limit leaves room for indentation and bullet marks: a
 * longer line cannot hold an item within the limit unless most of it is blank.
 */
const MAX_LINE_CHARS = 2 * MAX_ITEM_CHARS;

/** Lines longer than MAX_LINE_CHARS, numbered as `splitLines` numbers them (at LF; at CR in a file with no LF). */
export function overLongLines(file: string, text: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  const separator = text.includes('\n') ? '\n' : '\r';
  let line = 1;
  let start = 0;
  for (;;) {
    const end = text.indexOf(separator, start);
    const length = (end === -1 ? text.length : end) - start;
    if (length > MAX_LINE_CHARS) {
      found.push(
        diagnostic(
          'error',
          'item-too-long',
          file,
          line,
          `expected bullets and paragraphs of at most ${LIMIT} characters (the longest in the published updates is under 1,000); found a line of ${length.toLocaleString('en-GB')} characters. Break it into bullets or paragraphs of their own, or check that the text extraction kept the document's line breaks.`,
        ),
      );
    }
    if (end === -1) return found;
    start = end + 1;
    line++;
  }
}

type Kind = 'bullet' | 'paragraph' | 'title block';

/** Bullets, paragraphs and the title block longer than MAX_ITEM_CHARS once their lines are joined. */
export function overLongItems(
  file: string,
  preamble: readonly SourceLine[],
  tokens: readonly Token[],
): Diagnostic[] {
  const items: Array<{ kind: Kind; line: number; length: number }> = [];
  const titleLength = preamble.reduce((sum, l) => sum + l.text.length + 1, 0);
  if (preamble[0] && titleLength > MAX_ITEM_CHARS)
    items.push({ kind: 'title block', line: preamble[0].n, length: titleLength });
  for (const token of tokens) {
    if (token.type === 'paragraph')
      items.push({ kind: 'paragraph', line: token.line, length: token.text.length });
    else if (token.type === 'list')
      for (const item of token.items)
        items.push({ kind: 'bullet', line: item.line, length: item.text.length });
  }
  const fix: Record<Kind, string> = {
    bullet: 'Split it into shorter bullets, one to a line',
    paragraph: 'Split it into shorter paragraphs, with a blank line between them',
    'title block': `The title block is every line before the first section heading: check that the heading ("Foreword") stands on a line of its own`,
  };
  return items
    .filter((i) => i.length > MAX_ITEM_CHARS)
    .map((i) =>
      diagnostic(
        'error',
        'item-too-long',
        file,
        i.line,
        `expected a ${i.kind} of at most ${LIMIT} characters (the longest in the published updates is under 1,000); found one of ${i.length.toLocaleString('en-GB')} characters starting at this line. ${fix[i.kind]}.`,
      ),
    );
}
