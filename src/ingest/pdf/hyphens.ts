/**
 * A soft hyphen, or a hyphen set where hyphenation broke a word: U+2010 as Chromium writes it,
 * or a hyphen drawn as a run of its own (LibreOffice), which extract.ts writes as U+2010.
 */
const SOFT = /[\p{L}][\u00ad\u2010]$/u;
/** A hyphen or slash that is part of the text, at a line end after a letter or digit ("co-", "2022-", "partners/"). */
const HARD = /[\p{L}\p{N}][-/]$/u;

export interface FlowLine {
  text: string;
  /** Starts an item or a heading: nothing from the line before may move onto it. */
  starts: boolean;
}

/**
 * Words broken at line ends, made whole on the first line: the rest of the word moves up from
 * the next line. A hyphenation break goes ("rehabili-tation"); the hyphen of a compound stays
 * ("co-commissioning", "Multi-Agency", "re-offending"), as does a slash ("partners/stakeholders").
 * Soft hyphens that did not break a line are invisible on the page and go too. A line emptied by
 * the move is dropped.
 */
export function rejoinHyphens<T extends FlowLine>(lines: readonly T[]): T[] {
  const out = lines.map((l) => ({ ...l }));
  for (let i = 0; i + 1 < out.length; i++) {
    const line = out[i] as T;
    const next = out[i + 1] as T;
    const soft = SOFT.test(line.text);
    if (next.starts || !(soft || HARD.test(line.text))) continue;
    const m = /^(\S+)\s*/u.exec(next.text);
    if (!m || !/^[\p{L}\p{N}]/u.test(m[1] as string)) continue;
    line.text = (soft ? line.text.slice(0, -1) : line.text) + (m[1] as string);
    next.text = next.text.slice(m[0].length);
  }
  return out.filter((l) => l.text !== '').map((l) => ({ ...l, text: l.text.replace(/\u00ad/g, '') }));
}
