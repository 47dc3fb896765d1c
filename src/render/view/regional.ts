import { list, pct } from '../../format/index.ts';
import { hasPassed, regionFacts, thingsToKnow } from '../../metrics/index.ts';
import {
  cite,
  type MeasureFact,
  measureById,
  type RegionId,
  sectionById,
  THEME_IDS,
  type Thing,
} from '../../model/index.ts';
import type { Templates } from '../templates.ts';
import {
  chartView,
  comparatorName,
  headings,
  measureInSentence,
  methods,
  type ReportInput,
} from './common.ts';
import { glanceRowsOf, regionalGlance, trendTable } from './glance.ts';
import { practiceRegionalSection } from './practice.ts';
import { provenanceNotes } from './provenance.ts';
import type { RegionalView, ReportSection, ThemeView } from './schema.ts';

/** A benchmark pack for one region's director: where the region stands, how far it aims, what it said it would do. */
export function regionalView(input: ReportInput, regionId: RegionId, templates: Templates): RegionalView {
  const plan = input.plans.find((p) => p.region.id === regionId && p.edition === input.edition);
  if (!plan) throw new Error(`no ${input.edition} plan for ${regionId}`);
  const peers = input.plans.filter((p) => p.edition === input.edition && p.region.id !== regionId);
  const rows = input.benchmarks.rows.filter((r) => r.edition === input.edition && r.region_id === regionId);
  const region = plan.region.name;

  const heads = headings(templates, input.edition);
  const facts = regionFacts(input.benchmarks.rows, regionId, input.edition);
  // A target whose month has come on the report date is worded in the past, never "would".
  const words = (f: MeasureFact) => ({
    ...f,
    past: f.aim.kind === 'increase' && f.aim.date !== null && hasPassed(f.aim.date, input.date),
    measure: measureInSentence(f.measure),
    comparatorName: f.comparison ? comparatorName(f.comparison.kind) : '',
  });

  const sentence = (f: MeasureFact): string => {
    const base = words(f);
    const start = templates.text(
      f.comparison === null
        ? 'measure-regional-start-no-comparator'
        : f.comparison.kind === 'run-median'
          ? 'measure-regional-start-median'
          : 'measure-regional-start',
      { ...base, regions: f.rank?.of ?? 0 },
    );
    const aim =
      f.aim.kind === 'increase'
        ? templates.text('measure-regional-target', {
            ...base,
            // A rate a year says something only when the target is not a year away.
            rate: f.aim.months !== 12 && f.aim.perYear !== null,
            band: templates.text(f.aim.band ? `band-${f.aim.band}` : 'band-none', base),
          })
        : templates.text(
            f.aim.kind === 'maintain' ? 'measure-regional-hold' : 'measure-regional-continue',
            base,
          );
    return `${start} ${aim}`;
  };

  const checked = rows.filter((r) => r.attained !== null);
  const things = thingsToKnow(
    facts,
    checked.length > 0
      ? {
          reached: checked.filter((r) => r.attained).length,
          checked: checked.length,
          previous: input.edition - 1,
        }
      : null,
  ).map((t) => thingSentence(t, templates, input.date));

  const glanceRows = glanceRowsOf(input, regionId);
  const glance = regionalGlance(input, regionId, templates, glanceRows);
  const sections: ReportSection[] = facts.map((f) => {
    const row = glanceRows.find((r) => r.measure === f.measure);
    const trend = row ? trendTable(input, row, templates) : null;
    // The trend chart, where the region has two figures or more, is printed with the trend table
    // as its data; elsewhere the table stands alone, as the national figures may still be several.
    const trendId = `${regionId}-${f.measure}-trend`;
    const trendChart = input.charts.has(trendId)
      ? { ...chartView(input, trendId), ...(trend ? { table: trend } : {}) }
      : null;
    return {
      id: f.measure,
      heading: measureById(f.measure).label,
      paragraphs: [sentence(f)],
      charts: [chartView(input, `${regionId}-${f.measure}`), ...(trendChart ? [trendChart] : [])],
      tables: trend && !trendChart ? [trend] : [],
    };
  });

  // The note on lists without a label is said once a pack, at the first theme it concerns, naming
  // every such theme: four times the same words in one part read as four different findings.
  const listsOf = (id: (typeof THEME_IDS)[number]) => {
    const s = plan.sections.find((x) => x.id === id);
    return [...(s?.commitments ?? []), ...(s?.progress ?? [])];
  };
  const unlabelled = THEME_IDS.filter((id) => listsOf(id).some((i) => i.inferred));
  const inferredNote =
    unlabelled.length === 0
      ? ''
      : templates.text('theme-inferred', {
          all: unlabelled.every((id) => listsOf(id).every((i) => i.inferred)),
          themes: unlabelled.map((id) => sectionById(id).label),
        });
  const themes: ThemeView[] = THEME_IDS.map((id) => {
    const s = plan.sections.find((x) => x.id === id);
    const commitments = s?.commitments ?? [];
    const progress = s?.progress ?? [];
    const peerCounts = (k: 'commitments' | 'progress') =>
      peers.map((p) => p.sections.find((x) => x.id === id)?.[k].length ?? 0);
    const range = (values: number[]) =>
      values.length === 0 ? null : { low: Math.min(...values), high: Math.max(...values) };
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
      commitments: commitments.map((i) => ({ text: i.text, source: cite(plan.source, i.line) })),
      progress: progress.map((i) => ({ text: i.text, source: cite(plan.source, i.line) })),
      inferred: id === unlabelled[0] ? inferredNote : '',
    };
  });

  const attainmentRows = rows.filter((r) => r.attained !== null || r.attainment_reasons.length > 0);
  const attainment: ReportSection = {
    id: 'attainment',
    heading: heads.attainment,
    paragraphs:
      attainmentRows.length > 0
        ? attainmentRows.map((r) =>
            templates.text(r.attained === null ? 'attainment-not-checked' : 'attainment-row', {
              measure: measureById(r.measure).label,
              prior: r.prior_target_pct,
              outturn: r.outturn_pct,
              attained: r.attained,
              verdict: r.attained ? 'reached' : 'not reached',
              keepIncreasing: r.kind === 'continue-increase',
              earlier:
                input.benchmarks.rows.find(
                  (e) =>
                    e.region_id === r.region_id && e.measure === r.measure && e.edition === r.edition - 1,
                )?.baseline_pct ?? null,
              band: r.progress_band ? r.progress_band.replace(/-/g, ' ') : '',
              ratio: r.progress_ratio,
              why: r.attainment_reasons,
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
    glance,
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
        // "Name (Role)": three people never read as six, whatever the separators.
        directors: list(plan.directors.map((d) => `${d.name} (${d.role})`)),
        file: plan.source.file,
      }),
      ...provenanceNotes(
        input,
        input.plans.filter((p) => p.region.id === regionId),
        templates,
      ),
    ],
    thingsToKnow: things,
    spine: chartView(input, `${regionId}-spine`),
    sections,
    themes,
    themesChart: chartView(input, `${regionId}-commitments-progress`),
    attainment,
    practice: practiceRegionalSection(input, regionId, templates),
    methods: methods(input, templates, { kind: 'regional', attainment: checked.length > 0 }),
    headings: heads,
  };
}

/** One "thing to know" in words: the fact chose itself by rule; the template only words it. */
function thingSentence(t: Thing, templates: Templates, date: string): string {
  switch (t.kind) {
    case 'widest-national-gap':
      return templates.text(`thing-${t.kind}`, { ...t, measure: measureInSentence(t.fact.measure) });
    case 'lowest-in-run':
      return inRun(t.region, t.facts, 'lowest', templates);
    case 'best-position': {
      const highest = t.highest.length > 0 ? inRun(t.region, t.highest, 'highest', templates) : '';
      const lead = t.lead
        ? templates.text('thing-best-lead', {
            region: t.region,
            after: highest !== '',
            // Already said to start highest on it: the lead adds only the national figure.
            also: t.highest.some((f) => f.measure === t.lead?.measure),
            fact: t.lead,
            measure: measureInSentence(t.lead.measure),
          })
        : '';
      return [highest, lead].filter((x) => x !== '').join(' ');
    }
    case 'target-short-of-national':
      return templates.text('thing-target-short-of-national', {
        region: t.region,
        past: t.facts.every(
          (f) => f.aim.kind === 'increase' && f.aim.date !== null && hasPassed(f.aim.date, date),
        ),
        n: t.facts.length,
        items: aimItems(t.facts, 'thing-short-item', templates),
      });
    case 'largest-step':
      return templates.text('thing-largest-step', {
        change: t.change,
        of: t.of,
        all: t.measures.length === t.of,
        two: t.of === 2,
        measures: t.measures.map((m) => measureInSentence(m.measure)),
      });
    case 'attainment':
      return templates.text('thing-attainment', t);
    case 'undated-level':
      return templates.text('thing-undated-level', {
        region: t.region,
        items: t.facts.map((f) => `${measureInSentence(f.measure)} (${pct(f.baseline)})`),
        n: t.facts.length,
      });
    case 'target-not-comparable':
      return templates.text('thing-target-not-comparable', {
        region: t.region,
        n: t.facts.length,
        items: aimItems(t.facts, 'thing-not-comparable-item', templates),
      });
  }
}

/** One sentence per field compared in: "Of the 4 regions … for March 2023, it starts lowest on …". */
function inRun(
  region: string,
  facts: readonly MeasureFact[],
  end: 'highest' | 'lowest',
  templates: Templates,
): string {
  const fields = new Map<string, MeasureFact[]>();
  for (const f of facts) {
    const key = `${f.rank?.of} ${f.baselinePeriod}`;
    fields.set(key, [...(fields.get(key) ?? []), f]);
  }
  return [...fields.values()]
    .map((group) =>
      templates.text(`thing-${end}-in-run`, {
        region,
        of: group[0]?.rank?.of ?? 0,
        period: group[0]?.baselinePeriod ?? null,
        items: group.map((f) =>
          templates.text(`thing-${end}-item`, {
            joint: (f.rank?.ties ?? 1) > 1,
            measure: measureInSentence(f.measure),
            baseline: f.baseline,
          }),
        ),
      }),
    )
    .join(' ');
}

/** Each fact's level to reach worded by one template, as the items of a "thing to know". */
function aimItems(facts: readonly MeasureFact[], template: string, templates: Templates): string[] {
  return facts.flatMap((f) =>
    f.aim.kind === 'increase'
      ? [
          templates.text(template, {
            ...f.aim,
            measure: measureInSentence(f.measure),
            why: f.aim.noComparison,
          }),
        ]
      : [],
  );
}
