/**
 * Every number a reader sees is formatted here, so charts, HTML and PDF say the same thing in the
 * same way. A minus sign is the true minus (U+2212), which screen readers read as "minus".
 */

const MINUS = '\u2212';

/** 86.3 → "86.3%"; whole numbers stay whole: 90 → "90%". */
export function pct(value: number | null, places = 1): string {
  if (value === null) return '–';
  return `${trim(value, places)}%`;
}

/** −2.3 → "−2.3 pp", 3.7 → "+3.7 pp". */
export function signedPp(value: number | null, places = 1): string {
  if (value === null) return '–';
  const text = trim(Math.abs(value), places);
  return `${value > 0 ? '+' : value < 0 ? MINUS : ''}${text} pp`;
}

/** −2.3 → "−2.3", for cells whose header names the unit. */
export function signed(value: number | null, places = 1): string {
  if (value === null) return '–';
  const text = trim(Math.abs(value), places);
  return `${value > 0 ? '+' : value < 0 ? MINUS : ''}${text}`;
}

/** 5.5385 → "5.54" with two places; trailing zeros dropped so 3 stays "3". */
export function num(value: number | null, places = 1): string {
  if (value === null) return '–';
  const text = trim(Math.abs(value), places);
  return value < 0 ? `${MINUS}${text}` : text;
}

function trim(value: number, places: number): string {
  const fixed = (Math.round(value * 10 ** places) / 10 ** places).toFixed(places);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

const SMALL = [
  'no',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

/** 3 → "three"; numbers above twelve in figures, as style guides advise. */
export function count(n: number): string {
  return SMALL[n] ?? String(n);
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  const suffix = mod100 >= 11 && mod100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** (3, "error") → "3 errors"; (1, "error") → "1 error". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${plural(n, one, many)}`;
}

/**
 * ["a", "b", "c"] → "a, b and c". Items that hold commas themselves ("Jo Bloggs, Director") are
 * separated by semicolons, so three people never read as six.
 */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  if (items.some((i) => i.includes(','))) return `${items.slice(0, -1).join('; ')}; and ${last}`;
  return `${items.slice(0, -1).join(', ')} and ${last}`;
}

/** "a", "a or b", "a, b or c": the periods or months a comparison may use. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/**
 * A part of a whole, never "no of" or "one of one": (14, 15, 'baselines') → "14 of the 15
 * baselines"; (4, 4) → "all four baselines"; (0, 3) → "none of the three baselines"; (1, 1, …,
 * 'baseline') → "the one baseline".
 */
export function partOf(n: number, total: number, many: string, one: string): string {
  if (total === 1) return `the one ${one}`;
  if (n === total) return total === 2 ? `both ${many}` : `all ${count(total)} ${many}`;
  if (n === 0) return total === 2 ? `neither of the two ${many}` : `none of the ${count(total)} ${many}`;
  return `${count(n)} of the ${count(total)} ${many}`;
}

/** Capitalises the first letter, for counts that open a sentence. */
export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** (4, 4) → "all four"; (2, 2) → "both"; (2, 4) → "two of four"; (0, 4) → "none of four". */
export function share(n: number, total: number): string {
  if (n === total && total === 2) return 'both';
  if (n === total && total > 1) return `all ${count(total)}`;
  if (n === 0) return total === 2 ? 'neither of two' : `none of ${count(total)}`;
  return `${count(n)} of ${count(total)}`;
}

/**
 * A rank in words, ties read as ties and the field named: (2, 4, 2) → "joint 2nd highest of the 4
 * regions in this run"; the first is "highest", the last "lowest" (or the words given).
 */
export function standing(
  rank: number,
  of: number,
  ties: number,
  high = 'highest',
  low = 'lowest',
  field = 'regions in this run',
): string {
  const joint = ties > 1 ? 'joint ' : '';
  if (ties >= of)
    return of === 2
      ? 'level with the other region in this run'
      : `level with all ${count(of - 1)} other ${field}`;
  // Counted from the nearer end: the 3rd of 4 from the top is the 2nd lowest.
  const fromBottom = of - (rank + ties - 1) + 1;
  const place =
    rank === 1
      ? high
      : fromBottom === 1
        ? low
        : fromBottom < rank
          ? `${ordinal(fromBottom)} ${low}`
          : `${ordinal(rank)} ${high}`;
  return `${joint}${place} of the ${of} ${field}`;
}

/** (16, 17) → "16% to 17%"; (90, 90) → "90%": a range whose ends meet is one value. */
export function pctRange(low: number | null, high: number | null): string {
  return low === high ? pct(low) : `${pct(low)} to ${pct(high)}`;
}
