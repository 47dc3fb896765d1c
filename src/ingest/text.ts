/**
 * Text clean-up shared by every ingest step. Extraction from PDF leaves non-breaking spaces,
 * zero-width characters, markdown emphasis and typographic quotes; parsing sees one form of each.
 */

import { withoutBidiControls } from '../format/bidi.ts';

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

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
  return withoutBidiControls(raw).replace(ZERO_WIDTH, '').replace(SPACES, ' ').trimEnd();
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
  return cleanText(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\bper ?cent\b/g, '%')
    .replace(/(\d)\s+%/g, '$1%')
    .replace(/(\d),(\d{3})\b/g, '$1$2');
}
