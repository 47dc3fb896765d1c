export { ACHIEVEMENT_COLUMNS, achievementsCsv } from './achievements-csv.ts';
export { BENCHMARK_COLUMNS, benchmarksCsv } from './benchmarks-csv.ts';
export { COMMITMENT_COLUMNS, commitmentsCsv } from './commitments-csv.ts';
export { toJson } from './json.ts';
export { PRACTICE_COLUMNS, practiceCsv } from './practice-csv.ts';
export { TARGET_COLUMNS, targetsCsv } from './targets-csv.ts';
