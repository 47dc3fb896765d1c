import { hasPassed } from '../metrics/status.ts';
import type { BenchmarkRow } from '../model/index.ts';
import type { ChartWords } from './chart.ts';

/**
 * Whether the targets a headline speaks of have fallen due on the report date, as the report's
 * text words them (render/view: a target whose month has come is spoken of in the past). Only
 * dated targets count: a target with no date never falls due.
 */
export interface Tense {
  /** Every dated target has fallen due: "targeted", "aimed for", "set". */
  past: boolean;
  /** Some have fallen due and some have not: the headline says so after its present tense. */
  mixed: boolean;
  passed: number;
  dated: number;
}

export function tenseOf(rows: readonly Pick<BenchmarkRow, 'target_date'>[], date: string | undefined): Tense {
  const dated = rows.map((r) => r.target_date).filter((d): d is string => d !== null);
  const passed = date === undefined ? 0 : dated.filter((d) => hasPassed(d, date)).length;
  return {
    past: dated.length > 0 && passed === dated.length,
    mixed: passed > 0 && passed < dated.length,
    passed,
    dated: dated.length,
  };
}

/** The plain note a headline of mixed tense ends with (templates/text/chart-due-mixed.hbs). */
export const mixedNote = (tense: Tense, words: ChartWords): string =>
  tense.mixed ? ` ${words.text('chart-due-mixed', tense)}` : '';
