import { createRequire } from 'node:module';

// The line breaker pdfmake itself uses (Unicode's line breaking rules), so the break opportunities
// found here are exactly the ones pdfmake will see.
const require = createRequire(import.meta.url);
const LineBreaker = require('linebreak') as new (
  text: string,
) => { nextBreak(): { position: number } | null };

const ZWSP = '\u200b';

/** The longest piece of a token left without a break: about 50 pt at a table cell's 8 pt. */
const LONGEST = 12;
/** A word with no punctuation is split only past this length, every FORCED characters. */
const LONGEST_WORD = 40;
const FORCED = 24;

/**
 * Long unbroken tokens (file:line sources, ids, pasted URLs) would run past a narrow table column;
 * a zero-width space inside them lets pdfmake wrap them there. Only where the line breaking rules
 * give no opportunity of their own within LONGEST characters: each zero-width space is a run of
 * its own in another font (fonts.ts), and inserting them after every punctuation mark made them
 * a tenth of PDF time.
 */
export function breakable(text: string): string {
  return text.replace(/\S{13,}/g, (token) =>
    naturalPieces(token)
      .map((piece) => (piece.length > LONGEST ? breakPiece(piece) : piece))
      .join(''),
  );
}

/** A token cut at the break opportunities the rules already give it (after "north-", "charts/"). */
function naturalPieces(token: string): string[] {
  const breaker = new LineBreaker(token);
  const pieces: string[] = [];
  let last = 0;
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) {
    if (next.position > last) pieces.push(token.slice(last, next.position));
    last = next.position;
  }
  return pieces;
}

/** A piece broken after its punctuation, as few times as keeps each part within LONGEST. */
function breakPiece(piece: string): string {
  const parts: string[] = [];
  let part = '';
  for (const segment of piece.split(/(?<=[/:_.-])(?=.)/)) {
    if (part && part.length + segment.length > LONGEST) {
      parts.push(part);
      part = segment;
    } else part += segment;
  }
  parts.push(part);
  // A word with no punctuation that could not fit a line (pasted URLs, hostile input) still wraps.
  return parts
    .map((p) =>
      p.length > LONGEST_WORD ? p.replace(new RegExp(`(.{${FORCED}})(?=.)`, 'g'), `$1${ZWSP}`) : p,
    )
    .join(ZWSP);
}
