export { month, period, periodLong } from './dates.ts';
export { capital, count, list, num, ordinal, pct, plural, signed, signedPp } from './numbers.ts';
