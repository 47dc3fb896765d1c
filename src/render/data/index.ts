export { toJson } from './json.ts';
export { TARGET_COLUMNS, targetsCsv } from './targets-csv.ts';
