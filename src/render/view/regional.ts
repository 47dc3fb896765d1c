import { list } from '../../format/index.ts';
import {
  type BenchmarkRow,
  MEASURE_IDS,
  measureById,
  type RegionId,
  sectionById,
  THEME_IDS,
} from '../../model/index.ts';
import type { Templates } from '../templates.ts';
import { chartView, comparatorName, measureInSentence, methods, type ReportInput } from './common.ts';
import type { RegionalView, ReportSection, ThemeView } from './schema.ts';

/** A benchmark pack for one region's director: where the region stands, how far it aims, what it said it would do. */
export function regionalView(input: ReportInput, regionId: RegionId, templates: Templates): RegionalView {
  const plan = input.plans.find((p) => p.region.id === regionId && p.edition === input.edition);
  if (!plan) throw new Error(`no ${input.edition} plan for ${regionId}`);
  const peers = input.plans.filter((p) => p.edition === input.edition && p.region.id !== regionId);
  const rows = input.benchmarks.rows.filter((r) => r.edition === input.edition && r.region_id === regionId);
  const region = plan.region.name;
  const byMeasure = MEASURE_IDS.map((m) => rows.find((r) => r.measure === m)).filter(
    (r): r is BenchmarkRow => r !== undefined,
  );

  /** Everything a sentence about one measure may say, named as the templates name it. */
  const facts = (r: BenchmarkRow) => ({
    region,
    measure: measureInSentence(r.measure),
    baseline: r.baseline_pct,
    period: r.baseline_period,
    gap: r.baseline_gap_pp,
    comparatorName: comparatorName(r.comparator_kind),
    comparator: r.comparator_pct,
    comparatorPeriod: r.comparator_period,
    rank: r.baseline_rank,
    of: r.baseline_rank_of,
    target: r.target_pct,
    date: r.target_date,
    change: r.change_pp,
    perYear: r.pp_per_year,
    headroom: r.headroom_closure_pct,
    ambitionRank: r.ambition_rank,
    ambitionOf: r.ambition_rank_of,
    band: r.ambition_band
      ? templates.text(`band-${r.ambition_band}`, { comparatorName: comparatorName(r.comparator_kind) })
      : '',
    note: r.comparator_note,
    source: r.source,
  });

  const sentence = (r: BenchmarkRow): string => {
    const base = facts(r);
    const start = templates.text(
      r.comparator_pct === null ? 'measure-regional-start-no-comparator' : 'measure-regional-start',
      base,
    );
    const aim = templates.text(
      r.kind === 'increase'
        ? 'measure-regional-target'
        : r.kind === 'maintain'
          ? 'measure-regional-hold'
          : 'measure-regional-continue',
      base,
    );
    return `${start} ${aim}`;
  };

  // Three or four things to know: the widest gap below the comparator, the best-placed measure,
  // the most ambitious target, and what happened to last year's targets when that is known.
  const things: string[] = [];
  const compared = byMeasure.filter((r) => r.baseline_gap_pp !== null);
  const worst = [...compared].sort(
    (a, b) => (a.baseline_gap_pp as number) - (b.baseline_gap_pp as number),
  )[0];
  const best = [...compared].sort((a, b) => (b.baseline_gap_pp as number) - (a.baseline_gap_pp as number))[0];
  const thing = (name: string, r: BenchmarkRow) => templates.text(name, facts(r));
  if (worst) things.push(thing('thing-gap', worst));
  if (best && best !== worst) things.push(thing('thing-gap', best));
  const ambitious = byMeasure
    .filter((r) => r.ambition_rank !== null && (r.ambition_rank_of ?? 0) > 1 && r.kind === 'increase')
    .sort(
      (a, b) =>
        (a.ambition_rank as number) - (b.ambition_rank as number) || (b.change_pp ?? 0) - (a.change_pp ?? 0),
    )[0];
  if (ambitious) things.push(thing('thing-ambition', ambitious));
  const checked = rows.filter((r) => r.attained !== null);
  if (checked.length > 0) {
    things.push(
      templates.text('thing-attainment', {
        region,
        n: checked.filter((r) => r.attained).length,
        total: checked.length,
        previous: input.edition - 1,
      }),
    );
  }

  const sections: ReportSection[] = byMeasure.map((r) => ({
    id: r.measure,
    heading: measureById(r.measure).label,
    paragraphs: [
      sentence(r),
      ...(r.comparator_note ? [templates.text('comparator-note', { note: r.comparator_note })] : []),
    ],
    charts: [chartView(input, `${regionId}-${r.measure}`)],
    tables: [],
  }));

  const themes: ThemeView[] = THEME_IDS.map((id) => {
    const s = plan.sections.find((x) => x.id === id);
    const commitments = s?.commitments ?? [];
    const progress = s?.progress ?? [];
    const peerCounts = (k: 'commitments' | 'progress') =>
      peers.map((p) => p.sections.find((x) => x.id === id)?.[k].length ?? 0);
    const range = (values: number[]) =>
      values.length === 0 ? null : { low: Math.min(...values), high: Math.max(...values) };
    const inferred = [...commitments, ...progress].some((i) => i.inferred);
    return {
      id,
      heading: sectionById(id).label,
      counts: templates.text(peers.length > 0 ? 'theme-counts' : 'theme-counts-alone', {
        region,
        commitments: commitments.length,
        progress: progress.length,
        peerCommitments: range(peerCounts('commitments')),
        peerProgress: range(peerCounts('progress')),
        peers: peers.length,
        single: peers.length === 1,
      }),
      commitments: commitments.map((i) => ({ text: i.text, source: `${plan.source.file}:${i.line}` })),
      progress: progress.map((i) => ({ text: i.text, source: `${plan.source.file}:${i.line}` })),
      inferred: inferred ? templates.text('theme-inferred', {}) : '',
    };
  });

  const attainmentRows = rows.filter((r) => r.attained !== null || r.attainment_note !== '');
  const attainment: ReportSection = {
    id: 'attainment',
    heading: `Targets set in ${input.edition - 1}`,
    paragraphs:
      attainmentRows.length > 0
        ? attainmentRows.map((r) =>
            templates.text(r.attained === null ? 'attainment-not-checked' : 'attainment-row', {
              measure: measureById(r.measure).label,
              prior: r.prior_target_pct,
              outturn: r.outturn_pct,
              attained: r.attained,
              verdict: r.attained ? 'reached' : 'not reached',
              band: r.progress_band ? r.progress_band.replace(/-/g, ' ') : '',
              ratio: r.progress_ratio,
              note: r.attainment_note,
              previous: input.edition - 1,
            }),
          )
        : [
            templates.text('attainment-none', {
              region,
              edition: input.edition,
              previous: input.edition - 1,
            }),
          ],
    charts: [chartView(input, `${regionId}-attainment`)],
    tables: [],
  };

  const directors = plan.directors.map((d) => `${d.name}, ${d.role}`);
  return {
    kind: 'regional',
    title: `${region}: benchmark pack ${input.edition}`,
    subtitle: `Reducing Reoffending Plan annual update ${input.edition}, against national figures and the other regions`,
    edition: input.edition,
    path: `regions/${regionId}/pack.html`,
    author: 'Regional benchmarks (HMPPS Reducing Reoffending Plan analysis)',
    subject: `Benchmark pack for ${region}'s ${input.edition} Reducing Reoffending Plan update`,
    keywords: ['reducing reoffending', 'probation', 'benchmarks', region, String(input.edition)],
    date: input.date,
    region,
    regionId,
    directors,
    source: plan.source.file,
    intro: [
      templates.text('pack-intro', {
        region,
        edition: input.edition,
        peers: peers.map((p) => p.region.name),
        n: peers.length,
        directors: list(directors),
        file: plan.source.file,
      }),
    ],
    thingsToKnow: things,
    spine: chartView(input, `${regionId}-spine`),
    sections,
    themes,
    themesChart: chartView(input, `${regionId}-commitments-progress`),
    attainment,
    methods: methods(input, templates),
  };
}
