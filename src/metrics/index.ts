export { computeBenchmarks } from './benchmarks.ts';
export { citation, describePeriod } from './comparator.ts';
export { competitionRank, median, populationSd } from './stats.ts';
