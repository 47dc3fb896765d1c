import { fold } from './text.ts';

// Words too common in these documents to tie a commitment to a progress item: function words,
// and the words every theme uses (prison, probation, people, services, support, partners…).
export const STOP = new Set(
  `about across after again against also among approach area areas assess available been before being
  both business continue continued deliver delivered delivering delivery develop developed developing
  during each effective ensure establish established every from further have having help including
  increase increased into local more most need needs offer opportunities opportunity other over partner
  partners partnership people person place prison prisons prisoner prisoners probation provide provided
  region regional release service services should since staff such support supported supporting than that
  their them there these they this those through throughout under until upon using well were what when
  where which while will with within work worked working year years improve improved improving
  community communities make made implement implemented introduce introduced continuing full fully all
  leaver leavers`.split(/\s+/),
);

/** A crude stem, enough to meet "recruit" and "recruited", "board" and "boards". */
export function stem(word: string): string {
  if (word.endsWith('ies') && word.length >= 6) return `${word.slice(0, -3)}y`;
  for (const ending of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) return word.slice(0, -ending.length);
  }
  return word;
}

/** The significant terms of a text: words of four letters or more outside the stop list, stemmed. */
export function terms(text: string): Set<string> {
  return new Set(
    fold(text)
      .split(/[ &]+/)
      .filter((w) => w.length >= 4 && !/^\d+$/.test(w) && !STOP.has(w))
      .map(stem)
      .filter((w) => !STOP.has(w)),
  );
}

export function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const t of a) if (b.has(t)) n++;
  return n;
}
