import type Handlebars from 'handlebars';
import {
  capital,
  count,
  list,
  month,
  num,
  ordinal,
  orList,
  partOf,
  pct,
  pctRange,
  period,
  periodLong,
  plural,
  share,
  signed,
  signedPp,
  standing,
} from '../format/index.ts';

/**
 * The helpers every template may use; each wraps the one formatter in src/format, so a number
 * reads the same in every sentence, table, chart and format.
 */
export function registerHelpers(hb: typeof Handlebars): void {
  const helpers: Record<string, (...args: never[]) => string | string[]> = {
    /** {{pct 86.3}} → 86.3% */
    pct: (value: number | null) => pct(value),
    /** {{signed 3.7}} → +3.7; {{signed -2}} → −2 */
    signed: (value: number | null) => signed(value),
    /** {{pp 3.7}} → +3.7 pp */
    pp: (value: number | null) => signedPp(value),
    /** {{ppWords -2.3}} → 2.3 percentage points below; {{ppWords 0}} → level with */
    ppWords: (value: number | null) =>
      value === null
        ? 'not comparable with'
        : value === 0
          ? 'level with'
          : `${num(Math.abs(value))} percentage ${Math.abs(value) === 1 ? 'point' : 'points'} ${value < 0 ? 'below' : 'above'}`,
    /** {{ppChange 4}} → 4 percentage points */
    ppChange: (value: number | null) =>
      value === null ? '–' : `${num(value)} percentage ${Math.abs(value) === 1 ? 'point' : 'points'}`,
    /** {{num 5.5385 2}} → 5.54 */
    num: (value: number | null, places: number) => num(value, typeof places === 'number' ? places : 1),
    /** {{month "2024-04"}} → April 2024 */
    month: (value: string | null) => month(value),
    /** {{period "2022-04/2023-03"}} → the year to March 2023 */
    period: (value: string | null) => period(value),
    periodLong: (value: string | null) => periodLong(value),
    /** {{rank 2 4}} → 2nd of 4 */
    rank: (position: number | null, of: number | null) =>
      position === null || of === null ? '–' : `${ordinal(position)} of ${of}`,
    ordinal: (n: number) => ordinal(n),
    /** {{standing rank "highest" "lowest"}} → joint 2nd highest of the 4 regions in this run */
    standing: (rank: { rank: number; of: number; ties: number } | null, high: string, low: string) =>
      rank === null ? '–' : standing(rank.rank, rank.of, rank.ties, high, low),
    /** {{pctRange 16 17}} → 16% to 17%; {{pctRange 90 90}} → 90% */
    pctRange: (low: number | null, high: number | null) => pctRange(low, high),
    /** {{list regions}} → North East, South West and Wales; {{list periods "one with no period"}}: lists and items, in order */
    list: (...parts: Array<string | readonly string[]>) => list(parts.flat()),
    /** {{orList (periodNames periods)}} → March 2023 or the year to March 2023 */
    orList: (...parts: Array<string | readonly string[]>) => orList(parts.flat()),
    /** {{periodNames periods}}: each period as {{period}} words it, as a list for {{list}} or {{orList}} */
    periodNames: (periods: readonly string[]) => periods.map((p) => period(p)),
    /** {{monthNames months}}: each month as {{month}} words it, as a list for {{list}} or {{orList}} */
    monthNames: (months: readonly string[]) => months.map((m) => month(m)),
    /** {{pctNames levels}}: each value as {{pct}} words it, as a list for {{list}} */
    pctNames: (values: ReadonlyArray<number | null>) => values.map((v) => pct(v)),
    /** {{partOf 14 15 "baselines" "baseline"}} → 14 of the 15 baselines; all four …; the one baseline */
    partOf: (n: number, total: number, many: string, one: string) => partOf(n, total, many, one),
    /** {{range 6 9}} → 6 to 9; {{range 6 6}} → 6 */
    range: (low: number, high: number) => (low === high ? String(low) : `${low} to ${high}`),
    /** {{share 4 4}} → all four; {{share 2 4}} → two of four */
    share: (n: number, total: number) => share(n, total),
    /** {{count 3}} → three */
    count: (n: number) => count(n),
    /** {{plural 2 "region"}} → regions; {{plural 1 "lies" "lie"}} → lies */
    plural: (n: number, one: string, many: string) =>
      typeof many === 'string' ? plural(n, one, many) : plural(n, one),
    /** {{lower "Employment at six weeks"}} → employment at six weeks: a label inside a sentence */
    lower: (text: string) => String(text).toLowerCase(),
    /** {{capital (count 3)}} → Three */
    capital: (text: string) => capital(String(text)),
  };
  for (const [name, fn] of Object.entries(helpers)) {
    hb.registerHelper(name, (...args: unknown[]) => {
      const options = args[args.length - 1] as { loc?: { start: { line: number; column: number } } };
      const values = args.slice(0, -1);
      // Strict mode does not check helper arguments, so a misspelt field would print "undefined";
      // refuse it here, in the form strict mode uses, so the error names the template's line.
      if (values.some((v) => v === undefined)) {
        const at = options.loc ? ` - ${options.loc.start.line}:${options.loc.start.column}` : '';
        throw new Error(`"${name}" was given a field that is not defined; check the field names${at}`);
      }
      return fn(...(values as never[]));
    });
  }
}
