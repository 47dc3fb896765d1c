import type { Director } from '../model/index.ts';
import { cleanText } from './text.ts';

export interface SourceText {
  text: string;
  line: number;
  /** The original lines the text was joined from, for locating each name. */
  lines: ReadonlyArray<{ n: number; text: string }>;
}

// Regional leadership roles end in "Director(s)"; "Director General" is national leadership and
// is introduced on its own line, never as "Name, Role".
const ROLE =
  /,\s*((?:(?:Regional|Deputy|Area|Executive|Prison|Group|Probation|Interim|Acting)\s+)+Directors?)\b(?!\s+General)/g;
const NAME = /^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,3}$/;

/**
 * Directors sign the foreword as "Name, Regional Probation Director and Name and Name, Prison
 * Group Directors", sometimes wrapped over lines and sometimes running straight into a quotation.
 */
export function readDirectors(paragraphs: readonly SourceText[]): Director[] {
  const found: Director[] = [];
  for (const paragraph of paragraphs) {
    const text = cleanText(paragraph.text).split(/["“”]/)[0] ?? '';
    let cursor = 0;
    for (const match of text.matchAll(ROLE)) {
      const namesText = text
        .slice(cursor, match.index)
        .replace(/^\s*(?:,|and\b)\s*/, '')
        .trim();
      cursor = match.index + match[0].length;
      const role = (match[1] ?? '').replace(/Directors$/, 'Director');
      const names = namesText.split(/\s*(?:,|\band\b|&)\s*/).filter((n) => n.length > 0);
      if (names.length === 0 || !names.every((n) => NAME.test(n))) continue;
      for (const name of names) {
        found.push({ name, role, line: lineOf(paragraph, name) });
      }
    }
  }
  return found;
}

function lineOf(paragraph: SourceText, name: string): number {
  return paragraph.lines.find((l) => cleanText(l.text).includes(name))?.n ?? paragraph.line;
}
