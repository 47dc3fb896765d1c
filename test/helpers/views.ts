import { join } from 'node:path';
import type { Benchmarks, Plan } from '../../src/model/index.ts';
import { loadTemplates, type ReportInput } from '../../src/render/index.ts';
import { reference } from './metrics.ts';

export const TEMPLATES = loadTemplates(join(import.meta.dirname, '..', '..', 'templates'));

/**
 * What a view is built from, with stand-in charts: the views ask for charts by id only to place
 * them, so sentence tests need not render a chart.
 */
export function viewInput(plans: Plan[], benchmarks: Benchmarks, edition: number): ReportInput {
  const standIn = (id: string) => ({
    chart: { id, title: id, subtitle: '', description: '', table: { columns: [], rows: [] } },
    svg: '',
  });
  // Optional charts (a region's trend, drawn only where it has two figures) are left out here:
  // the sections then keep their tables, as the sentence tests expect.
  const charts = { get: standIn, has: () => false } as unknown as ReportInput['charts'];
  return { edition, plans, benchmarks, charts, diagnostics: [], reference: reference(), date: '2025-07-31' };
}
