export { month, period, periodLong } from './dates.ts';
export { comparatorName } from './names.ts';
export {
  capital,
  count,
  counted,
  list,
  num,
  ordinal,
  orList,
  partOf,
  pct,
  pctRange,
  plural,
  share,
  signed,
  signedPp,
  standing,
} from './numbers.ts';
