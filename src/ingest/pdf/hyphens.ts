/** A soft hyphen, or the hyphen some writers put where a soft hyphen broke a word. */
const SOFT = /[\p{L}][\u00ad\u2010]$/u;
/** A hyphen or slash at a line end, after a letter or digit ("co-", "2022-", "partners/"). */
const HARD = /[\p{L}\p{N}][-/]$/u;
/** Words whose hyphen is the writer's: a compound that breaks at it is never rejoined without it. */
const PREFIXES = new Set(
  'co multi anti non pre post self cross inter intra sub semi ex well long short high low full part mid over under one two three four five six first second third year end day face'.split(
    ' ',
  ),
);
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

export interface FlowLine {
  text: string;
  /** Starts an item or a heading: nothing from the line before may move onto it. */
  starts: boolean;
}

/**
 * The words of a document, and the parts of its hyphenated words, in lower case; not the pieces
 * of words broken at line ends, which are what is to be decided.
 */
function vocabulary(lines: readonly FlowLine[]): Set<string> {
  const words = new Set<string>();
  const broken = (text: string | undefined) => text !== undefined && /[-/\u00ad\u2010]$/u.test(text);
  lines.forEach((line, i) => {
    let text = line.text;
    if (broken(text)) text = text.replace(/\S+$/u, '');
    if (broken(lines[i - 1]?.text)) text = text.replace(/^\S+/u, '');
    for (const word of text.toLowerCase().match(WORD) ?? []) {
      words.add(word);
      for (const part of word.split('-')) words.add(part);
    }
  });
  return words;
}

/**
 * Words broken at line ends, made whole on the first line: the rest of the word moves up from
 * the next line. A soft hyphen goes ("rehabili-tation"); the hyphen of a compound stays
 * ("co-commissioning", "Multi-Agency"), as does a slash ("partners/stakeholders"). Some writers
 * (LibreOffice) set a hyphenation break as a plain hyphen: it goes when the document has the word
 * whole elsewhere and not hyphenated, or when neither form is found, the part before it is no
 * known prefix, both parts are not words of the document, and the document's other breaks show
 * it hyphenates words. Soft hyphens that did not break a line are invisible on the page and go
 * too. A line emptied by the move is dropped.
 */
export function rejoinHyphens<T extends FlowLine>(lines: readonly T[]): T[] {
  const out = lines.map((l) => ({ ...l }));
  const words = vocabulary(lines);
  const breaks: Array<{ line: T; next: T; first: string; rest: string; taken: string; soft: boolean }> = [];
  for (let i = 0; i + 1 < out.length; i++) {
    const line = out[i] as T;
    const next = out[i + 1] as T;
    const soft = SOFT.test(line.text);
    if (next.starts || !(soft || HARD.test(line.text))) continue;
    const m = /^(\S+)\s*/u.exec(next.text);
    if (!m || !/^[\p{L}\p{N}]/u.test(m[1] as string)) continue;
    const first = (/[\p{L}\p{N}]+.$/u.exec(line.text)?.[0] ?? '').slice(0, -1).toLowerCase();
    breaks.push({ line, next, first, rest: m[1] as string, taken: m[0], soft });
  }
  const restWord = (rest: string) => (/^[\p{L}\p{N}]+/u.exec(rest)?.[0] ?? '').toLowerCase();
  const joinedKnown = (b: (typeof breaks)[number]) => {
    const second = restWord(b.rest);
    return words.has(b.first + second) && !words.has(`${b.first}-${second}`);
  };
  const hyphenates = breaks.some((b) => !b.soft && b.line.text.endsWith('-') && joinedKnown(b));
  for (const b of breaks) {
    const { line, next } = b;
    const second = restWord(b.rest);
    let drop = b.soft;
    if (!b.soft && line.text.endsWith('-') && /^\p{Ll}/u.test(b.rest)) {
      if (words.has(`${b.first}-${second}`)) drop = false;
      else if (joinedKnown(b)) drop = true;
      else
        drop =
          hyphenates &&
          !PREFIXES.has(b.first) &&
          !(b.first.length > 2 && second.length > 2 && words.has(b.first) && words.has(second));
    }
    line.text = (drop ? line.text.slice(0, -1) : line.text) + b.rest;
    next.text = next.text.slice(b.taken.length);
  }
  return out.filter((l) => l.text !== '').map((l) => ({ ...l, text: l.text.replace(/\u00ad/g, '') }));
}
