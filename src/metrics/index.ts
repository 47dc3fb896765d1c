export { computeBenchmarks } from './benchmarks.ts';
export { citation } from './comparator.ts';
export { isLast, measureFact, measureSummary, regionFacts, thingsToKnow } from './facts.ts';
export { type GlanceInput, glanceRow, glanceRows } from './glance.ts';
export { rate, ratedRow, SIMILAR_PP } from './rating.ts';
export { competitionRank, median, populationSd } from './stats.ts';
export { hasPassed, nationalMovement, targetStatus } from './status.ts';
