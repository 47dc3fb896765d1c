export { month, period, periodLong } from './dates.ts';
export { capital, count, list, num, ordinal, pct, plural, share, signed, signedPp } from './numbers.ts';
