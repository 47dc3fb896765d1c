import { bidiControlNames } from '../format/bidi.ts';
import { type Diagnostic, diagnostic } from '../model/index.ts';
import { pdfCanDraw } from '../render/pdf/fonts.ts';
import { normaliseLine, splitLines } from './text.ts';

/** Lines reported per file and kind; beyond them one diagnostic counts the rest. */
const MAX_LINES = 10;
/** Runs of characters named per line; beyond them the message counts the rest. */
const MAX_RUNS = 6;
/** Code points given per run; a longer run ends its list with an ellipsis. */
const MAX_CODES = 3;

// Invisible by definition (variation selectors, joiners, tags): fontkit draws them as nothing.
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL = /\p{Cc}/u;
// Printable ASCII and tabs: the PDF's font (Arimo) draws all of it and none of it is a control, so such a line
// (nearly every line of a real update) needs no closer look.
const PLAIN = /^[\t -~]*$/;

const code = (char: string) =>
  `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;

/** `"就业" (U+5C31, U+4E1A)`; a run holding a control character by its codes only, so the message stays printable. */
function shown(run: string): string {
  const chars = [...run];
  const codes = `${chars.slice(0, MAX_CODES).map(code).join(', ')}${chars.length > MAX_CODES ? ', …' : ''}`;
  return CONTROL.test(run) ? codes : `"${run}" (${codes})`;
}

function listed(items: readonly string[], max: number): string {
  const head = items.slice(0, max);
  const rest = items.length - head.length;
  if (rest > 0) return `${head.join(', ')} and ${rest} more`;
  return head.length === 1 ? (head[0] as string) : `${head.slice(0, -1).join(', ')} and ${head.at(-1)}`;
}

/** The runs of characters in a line that the PDF cannot draw, each once, in order. */
function undrawableRuns(line: string): string[] {
  const runs = new Set<string>();
  let run = '';
  for (const char of line) {
    if (!/\s/.test(char) && !IGNORABLE.test(char) && !pdfCanDraw(char)) {
      run += char;
      continue;
    }
    if (run) runs.add(run);
    run = '';
  }
  if (run) runs.add(run);
  return [...runs];
}

/**
 * Two things about a document's characters that its reader should hear of, at their lines:
 * - bidirectional controls, which the reader removes (normaliseLine) so that an unclosed
 *   right-to-left override cannot reverse the rest of a report's line, the citation included;
 * - characters no PDF font has (Chinese, Japanese, Arabic, Hebrew, emoji…): the HTML shows them,
 *   the PDF would show empty boxes, and nothing would say so. The PDF's one font is the embedded
 *   Arimo (src/render/pdf/fonts.ts); no system font is used, so they are reported. Right-to-left
 *   scripts are among them: pdfkit sets every line left to right, so they would read backwards.
 */
export function characterDiagnostics(file: string, text: string): Diagnostic[] {
  const bidi: Diagnostic[] = [];
  const glyphs: Diagnostic[] = [];
  let bidiLines = 0;
  let glyphLines = 0;
  splitLines(text).forEach((raw, i) => {
    if (PLAIN.test(raw)) return;
    const line = i + 1;
    const controls = bidiControlNames(raw);
    if (controls.length > 0 && ++bidiLines <= MAX_LINES) {
      bidi.push(
        diagnostic(
          'warning',
          'text-bidi-control',
          file,
          line,
          `expected plain text; found ${listed(controls, controls.length)}, which ${controls.length === 1 ? 'was' : 'were'} removed: such a control reorders the text after it, and left unclosed would reverse the rest of a report's line, its source reference included. Remove ${controls.length === 1 ? 'it' : 'them'} from the document.`,
        ),
      );
    }
    const missing = undrawableRuns(normaliseLine(raw));
    if (missing.length > 0 && ++glyphLines <= MAX_LINES) {
      glyphs.push(
        diagnostic(
          'warning',
          'pdf-glyph-missing',
          file,
          line,
          `expected characters the PDF's font can draw (Arimo: Latin, Greek and Cyrillic, set left to right); found ${listed(missing.map(shown), MAX_RUNS)}, which it has no glyph for or would set backwards: where this line is quoted, the PDF shows an empty box, a gap or letters in the wrong order in their place (the HTML shows them). Transliterate or translate the text if it must read in the PDF.`,
        ),
      );
    }
  });
  const more = (count: number, what: string, codeName: string): Diagnostic[] =>
    count > MAX_LINES
      ? [
          diagnostic(
            'warning',
            codeName,
            file,
            undefined,
            `found ${what} on ${count - MAX_LINES} more ${count - MAX_LINES === 1 ? 'line' : 'lines'} than the ${MAX_LINES} reported above; they are treated the same way.`,
          ),
        ]
      : [];
  return [
    ...bidi,
    ...more(bidiLines, 'bidirectional controls', 'text-bidi-control'),
    ...glyphs,
    ...more(glyphLines, 'characters the PDF cannot draw', 'pdf-glyph-missing'),
  ];
}
