export { BENCHMARK_COLUMNS, benchmarksCsv } from './benchmarks-csv.ts';
export { toJson } from './json.ts';
export { TARGET_COLUMNS, targetsCsv } from './targets-csv.ts';
