import { toCsv } from '../format/csv.ts';
import type { Chart } from './chart.ts';

// Its own module, loading no chart code: the reports embed the CSV in their pages (a data: link)
// without rendering a chart.

/** The data behind a chart as CSV: charts/<id>.csv, and each page's own copy of it. */
export function chartCsv(chart: Chart): string {
  return toCsv(
    chart.table.columns.map((c) => c.key),
    chart.table.rows.map((r) => chart.table.columns.map((c) => r[c.key])),
  );
}
