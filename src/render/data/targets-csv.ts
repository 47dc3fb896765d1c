import { toCsv } from '../../format/csv.ts';
import { cite, type Plan } from '../../model/index.ts';

export const TARGET_COLUMNS = [
  'region_id',
  'region',
  'edition',
  'theme',
  'measure',
  'kind',
  'baseline_pct',
  'baseline_period',
  'change_pp',
  'target_pct',
  'target_date',
  'source',
  'read_by',
] as const;

/** One row per quantitative target, with who read it; qualitative targets live in plans.json only. */
export function targetsCsv(plans: readonly Plan[]): string {
  const rows = plans.flatMap((plan) =>
    plan.sections.flatMap((section) =>
      section.targets
        .filter((t) => t.measure !== 'qualitative')
        .map((t) => [
          plan.region.id,
          plan.region.name,
          plan.edition,
          t.theme,
          t.measure,
          t.kind,
          t.baselinePct ?? '',
          t.baselinePeriod ?? '',
          t.changePp ?? '',
          t.targetPct ?? '',
          t.targetMonth ?? '',
          cite(plan.source, t.line),
          // Who read the figures: the parser, or the analyst named in readings.json.
          t.readBy?.analyst ?? 'parser',
        ]),
    ),
  );
  return toCsv(TARGET_COLUMNS, rows);
}
