import { STOP, stem } from './terms.ts';
import { fold } from './text.ts';

// Words that say where or how well, not what: two items sharing them ("national model", "performance
// data", "West Yorkshire") need not be about the same thing.
const GENERIC = new Set(
  `national model performance data regional target standard strategy strategies plan plans approach
  north south east west england yorkshire humber humberside midlands london wales group groups new
  number numbers access range level levels outcome outcomes time colleague colleagues assist team teams
  effective effectiveness health pilot pilots provider providers substance misuse drug drugs alcohol
  treatment employment training education accommodation police criminal justice`.split(/\s+/),
);

/** The distinctive words of a text, stemmed, in order: four letters or more, not stop or generic words. */
function words(text: string): (string | null)[] {
  return fold(text)
    .split(/[ &]+/)
    .filter(Boolean)
    .map((w) => {
      if (w.length < 4 || /^\d+$/.test(w) || STOP.has(w) || GENERIC.has(w)) return null;
      const s = stem(w);
      return STOP.has(s) || GENERIC.has(s) ? null : s;
    });
}

/**
 * The distinctive noun phrases of a text: two distinctive words standing side by side ("supported
 * housing", "sentence compliance"), and the distinctive words alone, each marked `w:`.
 */
export function phrases(text: string): Set<string> {
  const list = words(text);
  const out = new Set<string>();
  list.forEach((w, i) => {
    if (w === null) return;
    out.add(`w:${w}`);
    const next = list[i + 1];
    if (next) out.add(`${w} ${next}`);
  });
  return out;
}
