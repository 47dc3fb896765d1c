import { month, pct } from '../../format/index.ts';
import { hasPassed, measureSummary } from '../../metrics/index.ts';
import { diagnosticWhere, formatDiagnostic, MEASURE_IDS, measureById, THEME_IDS } from '../../model/index.ts';
import type { Templates } from '../templates.ts';
import {
  chartView,
  comparatorName,
  headings,
  measureInSentence,
  methods,
  type ReportInput,
} from './common.ts';
import { nationalGlance } from './glance.ts';
import { practiceNationalSection } from './practice.ts';
import { provenanceNotes } from './provenance.ts';
import type { NationalView, ReportSection } from './schema.ts';

/** "East of England (due by July 2024)": a region named with its target's date. */
const dated = (region: string, date: string | null) => (date ? `${region} (due by ${month(date)})` : region);

/** The annual national summary: every region side by side, findings written out. */
export function nationalView(input: ReportInput, templates: Templates): NationalView {
  const plans = input.plans.filter((p) => p.edition === input.edition);
  const rows = input.benchmarks.rows.filter((r) => r.edition === input.edition);
  const findings = input.benchmarks.findings.filter((f) => f.edition === input.edition);
  const regions = plans.map((p) => p.region.name);
  const measures = MEASURE_IDS.filter((m) => rows.some((r) => r.measure === m));
  // Targets whose month has come on the report date are worded in the past, never "would be".
  const pastDue = (m: string) => {
    const dated = rows.filter((r) => r.measure === m && r.kind === 'increase' && r.target_date !== null);
    return dated.length > 0 && dated.every((r) => hasPassed(r.target_date as string, input.date));
  };

  const keyFindings = [
    ...findings
      .filter((f) => f.kind === 'shared-target-level')
      .map((f) =>
        templates.text('finding-shared-level', {
          measure: measureInSentence(f.measure),
          value: f.value,
          n: f.figures.length,
          total: f.of,
          regions: f.figures.map((x) => x.region),
          past: pastDue(f.measure),
        }),
      ),
    ...measures.flatMap((m) => {
      const summary = measureSummary(input.benchmarks.rows, input.edition, m);
      const b = summary.baselines;
      const below = findings.find((f) => f.kind === 'below-comparator' && f.measure === m);
      const out: string[] = [];
      if (b && b.n >= 2 && b.low.value !== b.high.value) {
        out.push(
          templates.text('finding-range', {
            measure: measureInSentence(m),
            period: b.period,
            low: b.low,
            high: b.high,
            undated: summary.undated.map((u) => `${u.region}'s ${pct(u.value)}`),
          }),
        );
      }
      // Only against a national figure: half of any run starts below its own median.
      if (below?.comparator?.kind === 'national' && b?.comparison?.kind === 'national') {
        out.push(
          templates.text('finding-below', {
            measure: measureInSentence(m),
            n: below.figures.length,
            total: below.of,
            single: below.of === 1,
            regions: below.figures.map((x) => x.region),
            comparator: below.comparator.pct,
            comparatorPeriod: below.comparator.period,
            why: b.comparison.reasons,
          }),
        );
      }
      // What the targets would do, against the national figure for when they fall due.
      const levels = summary.levels;
      if (levels?.comparison && levels.compared > 0) {
        out.push(
          templates.text('finding-targets', {
            past: pastDue(m),
            measure: measureInSentence(m),
            comparison: levels.comparison,
            below: levels.belowTargets.map((x) => `${x.region} (${pct(x.target)})`),
            all: levels.below === 0,
            compared: levels.compared,
            notCompared: levels.notCompared.map((x) => dated(x.region, x.date)),
          }),
        );
      }
      return out;
    }),
  ];

  const measureSections: ReportSection[] = measures.map((m) => {
    const summary = measureSummary(input.benchmarks.rows, input.edition, m);
    const b = summary.baselines;
    const paragraphs = [
      templates.text('measure-national', {
        ...summary,
        measure: measureInSentence(m),
        single: b?.n === 1,
        sameBaseline: b !== null && b.low.value === b.high.value,
        comparatorName: b?.comparison ? comparatorName(b.comparison.kind) : '',
        median: b?.comparison?.kind === 'run-median',
        belowKnown: b?.below !== null && b?.below !== undefined,
        undated: summary.undated.map((u) => `${u.region} (${pct(u.value)})`),
      }),
      summary.levels
        ? templates.text('measure-national-targets', {
            past: pastDue(m),
            levels: summary.levels,
            steps: summary.levels.steps,
            single: summary.levels.n === 1,
            everyRegion: summary.levels.n === summary.regions,
            sameLevel: summary.levels.low === summary.levels.high,
            singleStep: summary.levels.steps.n < 2,
            published: input.reference.figures.some((f) => f.measure === m),
            sameStep: summary.levels.steps.largest.value === summary.levels.steps.smallest.value,
            notCompared: summary.levels.notCompared.map((x) => dated(x.region, x.date)),
            otherDates: summary.levels.steps.otherDates.map((x) => dated(x.region, x.date)),
          })
        : templates.text('measure-national-holding', summary),
    ];
    return {
      id: m,
      heading: measureById(m).label,
      paragraphs,
      charts: [chartView(input, `national-${m}`)],
      tables: [],
    };
  });

  const theme = (key: string) => chartView(input, key);
  const sections: ReportSection[] = [
    ...measureSections,
    {
      id: 'gaps',
      heading: 'Where each region starts',
      paragraphs: [templates.text('section-gaps', { regions: regions.length })],
      charts: [theme('national-gap-heatmap')],
      tables: [],
    },
    {
      id: 'ambition',
      heading: 'How far each target reaches',
      paragraphs: [templates.text('section-ambition', {})],
      charts: [theme('national-ambition-scatter')],
      tables: [],
    },
    {
      id: 'themes',
      heading: 'Commitments and progress by theme',
      paragraphs: [
        templates.text('section-themes', {
          themes: THEME_IDS.length,
          commitments: plans.reduce(
            (a, p) => a + p.sections.reduce((b, s) => b + s.commitments.length, 0),
            0,
          ),
          progress: plans.reduce((a, p) => a + p.sections.reduce((b, s) => b + s.progress.length, 0), 0),
          regions: regions.length,
        }),
      ],
      charts: [theme('national-commitments-progress')],
      tables: [],
    },
    practiceNationalSection(input, templates),
    {
      id: 'attainment',
      heading: 'Earlier targets',
      paragraphs: [
        templates.text('section-attainment', {
          edition: input.edition,
          previous: input.edition - 1,
          any: input.plans.some((p) => p.edition === input.edition - 1),
        }),
      ],
      charts: [theme('national-attainment')],
      tables: [],
    },
  ];

  const count = (level: string) => input.diagnostics.filter((d) => d.level === level).length;
  return {
    kind: 'national',
    glance: nationalGlance(input, templates),
    title: `Reducing Reoffending Plans: national benchmark summary ${input.edition}`,
    subtitle: `${regions.length} regional annual updates for ${input.edition}, against national figures and each other`,
    edition: input.edition,
    path: 'national/summary.html',
    author: 'Regional benchmarks (HMPPS Reducing Reoffending Plan analysis)',
    subject: `Benchmarks of the ${input.edition} regional Reducing Reoffending Plan updates against national figures and peers`,
    keywords: ['reducing reoffending', 'probation', 'benchmarks', String(input.edition), ...regions],
    date: input.date,
    intro: [
      templates.text('summary-intro', {
        edition: input.edition,
        n: regions.length,
        regions,
        reference: input.reference.version,
      }),
      ...provenanceNotes(input, input.plans, templates),
    ],
    keyFindings,
    sections,
    methods: methods(input, templates, {
      kind: 'national',
      attainment: input.benchmarks.rows.some((r) => r.edition === input.edition && r.attained !== null),
    }),
    headings: headings(templates, input.edition),
    quality: {
      summary: templates.text('data-quality', {
        documents: input.plans.length,
        current: plans.length,
        earlier: input.plans.length - plans.length,
        edition: input.edition,
        targets: rows.length,
        levels: rows.filter((r) => r.kind === 'increase').length,
        continuing: rows.filter((r) => r.kind === 'continue-increase').length,
        holding: rows.filter((r) => r.kind === 'maintain').length,
        errors: count('error'),
        warnings: count('warning'),
        notes: count('info'),
      }),
      documents: {
        caption: 'Documents read',
        columns: [
          { label: 'File', numeric: false },
          { label: 'Region', numeric: false },
          { label: 'Edition', numeric: true },
          { label: 'Quantitative targets', numeric: true },
          { label: 'Other text under targets', numeric: true },
          { label: 'Commitments', numeric: true },
          { label: 'Progress items', numeric: true },
          { label: 'SHA-256 (first 12)', numeric: false },
        ],
        rows: input.plans.map((p) => ({
          header: p.source.file,
          cells: [
            p.region.name,
            `${p.edition}${p.editionInferred ? ' (inferred)' : ''}`,
            // Explanatory paragraphs under "Regional targets" are kept as text, not counted as targets.
            String(
              p.sections.reduce((a, s) => a + s.targets.filter((t) => t.measure !== 'qualitative').length, 0),
            ),
            String(
              p.sections.reduce((a, s) => a + s.targets.filter((t) => t.measure === 'qualitative').length, 0),
            ),
            String(p.sections.reduce((a, s) => a + s.commitments.length, 0)),
            String(p.sections.reduce((a, s) => a + s.progress.length, 0)),
            p.source.sha256.slice(0, 12),
          ],
        })),
      },
      diagnostics: {
        caption: 'Every diagnostic of the run',
        columns: [
          { label: 'Where', numeric: false },
          { label: 'Level', numeric: false },
          { label: 'Message', numeric: false },
        ],
        rows: input.diagnostics.map((d) => ({
          header: diagnosticWhere(d),
          cells: [
            d.level,
            formatDiagnostic(d).slice(formatDiagnostic(d).indexOf(`${d.level}: `) + d.level.length + 2),
          ],
        })),
      },
    },
  };
}
