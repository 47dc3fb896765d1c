export { computeBenchmarks } from './benchmarks.ts';
export { citation } from './comparator.ts';
export { isLast, measureFact, measureSummary, regionFacts, thingsToKnow } from './facts.ts';
export { competitionRank, median, populationSd } from './stats.ts';
