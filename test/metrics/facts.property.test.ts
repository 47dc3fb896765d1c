import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeBenchmarks, measureSummary, regionFacts, thingsToKnow } from '../../src/metrics/index.ts';
import {
  MEASURE_IDS,
  type MeasureId,
  measureById,
  type Plan,
  REGIONS,
  type Target,
} from '../../src/model/index.ts';
import { regionalView } from '../../src/render/view/regional.ts';
import { reference } from '../helpers/metrics.ts';
import { TEMPLATES, viewInput } from '../helpers/views.ts';

// Random runs of 1 to 12 regions over the five measures, with the cases that tripped the reports:
// ties, shared target levels, undated levels, baselines for other periods, targets due in other
// months, holding targets, a
// measure with no national figure, and a second edition. Every fact the metrics state is checked
// against a second implementation written here from the rules in README's Metrics section, and
// every "thing to know" as the pack words it.

const ref = reference();

interface Spec {
  measure: MeasureId;
  kind: 'increase' | 'maintain' | 'continue-increase';
  baseline: number;
  dated: boolean;
  yearPeriod: boolean;
  late: boolean;
  change: number;
}

const THEME: Record<MeasureId, Target['theme']> = {
  'employment-6w': 'training-skills-work',
  'employment-6m': 'training-skills-work',
  'housed-first-night': 'family-accommodation',
  'settled-accommodation-3m': 'family-accommodation',
  'sexual-offence-interventions': 'order-of-the-court',
};

function planOf(index: number, edition: number, specs: readonly Spec[]): Plan {
  const region = REGIONS[index];
  if (!region) throw new Error('no region');
  const targets: Target[] = specs.map((s, line) => ({
    theme: THEME[s.measure],
    measure: s.measure,
    kind: s.kind,
    baselinePct: s.baseline,
    baselinePeriod: s.dated ? (s.yearPeriod ? `${edition - 1}-04/${edition}-03` : `${edition}-03`) : null,
    changePp: s.kind === 'increase' ? s.change : null,
    targetPct: s.kind === 'increase' ? s.baseline + s.change : s.kind === 'maintain' ? s.baseline : null,
    targetMonth: s.kind === 'continue-increase' ? null : `${edition + 1}-${s.late ? '07' : '04'}`,
    sentence: 'fixture',
    line: line + 10,
  }));
  return {
    source: { file: `${region.id}-${edition}.txt`, sha256: '0'.repeat(64), format: 'text' },
    region: { id: region.id, name: region.name },
    title: null,
    planPeriod: null,
    edition,
    editionInferred: false,
    directors: [],
    nationalStatements: [],
    sections: (['training-skills-work', 'family-accommodation', 'order-of-the-court'] as const).map((id) => ({
      id,
      heading: id,
      line: 1,
      repeatLines: [],
      paragraphs: [],
      commitments: [],
      progress: [],
      opportunities: [],
      otherItems: [],
      targets: targets.filter((t) => t.theme === id),
    })),
  };
}

// Small value ranges so that ties and shared levels are common, not rare. A quarter of the
// baselines lie about the seeds' national figures (fixture ranges, not statistics), so that some
// regions start above one and the widest lead is tested, like periods and unlike.
const NEAR_NATIONAL: Record<MeasureId, { min: number; max: number }> = {
  'employment-6w': { min: 16, max: 22 },
  'employment-6m': { min: 23, max: 33 },
  'housed-first-night': { min: 83, max: 90 },
  'settled-accommodation-3m': { min: 72, max: 79 },
  'sexual-offence-interventions': { min: 10, max: 16 },
};
const spec = (measure: MeasureId) =>
  fc.record({
    measure: fc.constant(measure),
    kind: fc.constantFrom('increase', 'increase', 'increase', 'maintain', 'continue-increase'),
    baseline: fc.oneof(
      { arbitrary: fc.integer({ min: 10, max: 16 }), weight: 3 },
      { arbitrary: fc.integer(NEAR_NATIONAL[measure]), weight: 1 },
    ),
    dated: fc.constantFrom(true, true, true, true, false),
    yearPeriod: fc.constantFrom(false, false, false, true),
    late: fc.constantFrom(false, false, false, true),
    change: fc.integer({ min: 1, max: 4 }),
  }) as fc.Arbitrary<Spec>;

const regionSpecs = fc
  .subarray([...MEASURE_IDS], { minLength: 1 })
  .chain((measures) => fc.tuple(...measures.map(spec)));

const runs = fc.record({
  regions: fc.array(regionSpecs, { minLength: 1, maxLength: 12 }),
  editions: fc.constantFrom(1, 1, 2),
});

// Each run draws a fresh seed (printed on failure, to replay it), so successive runs of the suite
// cover new cases; FACTS_RUNS asks for a deeper search (say 5000) when the metrics change.
const NUM_RUNS = Number(process.env.FACTS_RUNS ?? 200);

function plansOf(run: { regions: Spec[][]; editions: number }): Plan[] {
  const plans: Plan[] = [];
  for (let e = 0; e < run.editions; e++)
    run.regions.forEach((specs, i) => {
      plans.push(planOf(i, 2023 + e, specs));
    });
  return plans;
}

/** The second implementation: ranks, ties and extremes straight from the plans. */
function independent(plans: readonly Plan[], edition: number) {
  const all = plans
    .filter((p) => p.edition === edition)
    .flatMap((p) => p.sections.flatMap((s) => s.targets.map((t) => ({ region: p.region.id, t }))));
  const alike = (measure: string, period: string | null) =>
    period === null
      ? []
      : all.filter(
          (x) => x.t.measure === measure && x.t.baselinePeriod === period && x.t.baselinePct !== null,
        );
  return {
    baselineRank(region: string, measure: string) {
      const own = all.find((x) => x.region === region && x.t.measure === measure);
      const group = alike(measure, own?.t.baselinePeriod ?? null);
      if (!own || group.length < 2) return null;
      const v = own.t.baselinePct as number;
      return {
        rank: 1 + group.filter((x) => (x.t.baselinePct as number) > v).length,
        of: group.length,
        ties: group.filter((x) => x.t.baselinePct === v).length,
        lowest: group.every((x) => (x.t.baselinePct as number) >= v),
      };
    },
    stepRank(region: string, measure: string) {
      const mine = all.find((x) => x.region === region && x.t.measure === measure);
      // Steps are compared from the same baseline period to the same target month.
      const steps = all.filter(
        (x) =>
          x.t.measure === measure &&
          x.t.kind === 'increase' &&
          x.t.baselinePeriod === mine?.t.baselinePeriod &&
          x.t.targetMonth === mine?.t.targetMonth,
      );
      const own = steps.find((x) => x.region === region);
      // One level for all: a step only mirrors the start, and is not ranked.
      if (!own || steps.length < 2 || new Set(steps.map((x) => x.t.targetPct)).size === 1) return null;
      const d = own.t.changePp as number;
      return {
        rank: 1 + steps.filter((x) => (x.t.changePp as number) > d).length,
        of: steps.length,
        ties: steps.filter((x) => x.t.changePp === d).length,
      };
    },
    largestStep(region: string) {
      // Among its targets whose level not every other region due the same month shares.
      const shared = (x: (typeof all)[number]) => {
        const others = all.filter(
          (o) =>
            o.region !== region &&
            o.t.measure === x.t.measure &&
            o.t.kind === 'increase' &&
            o.t.baselinePeriod === x.t.baselinePeriod &&
            o.t.targetMonth === x.t.targetMonth,
        );
        return others.length > 0 && others.every((o) => o.t.targetPct === x.t.targetPct);
      };
      const own = all.filter((x) => x.region === region && x.t.kind === 'increase' && !shared(x));
      if (own.length < 2) return null;
      const max = Math.max(...own.map((x) => x.t.changePp as number));
      return {
        max,
        measures: own
          .filter((x) => x.t.changePp === max)
          .map((x) => x.t.measure)
          .sort(),
      };
    },
    /** Furthest above the national figure for the very period of its baseline, never alone on it. */
    widestLead(region: string) {
      const leads = all.flatMap((x) => {
        if (x.region !== region || x.t.baselinePeriod === null || x.t.baselinePct === null) return [];
        if (alike(x.t.measure, x.t.baselinePeriod).length < 2) return [];
        const figure = ref.figures.find(
          (f) => f.measure === x.t.measure && f.period === x.t.baselinePeriod && f.value !== null,
        );
        const gap = figure ? x.t.baselinePct - (figure.value as number) : 0;
        return gap > 0 ? [gap] : [];
      });
      return leads.length > 0 ? Math.max(...leads) : null;
    },
    peers(region: string, measure: string) {
      const own = all.find((x) => x.region === region && x.t.measure === measure);
      return alike(measure, own?.t.baselinePeriod ?? null)
        .filter((x) => x.region !== region)
        .map((x) => x.t.baselinePct as number);
    },
  };
}

describe('every fact a report states, checked against a second implementation', () => {
  it(`ranks, ties, peers, largest steps, lowest and highest starts, leads and comparisons hold over ${NUM_RUNS} random runs`, () => {
    fc.assert(
      fc.property(runs, (run) => {
        const plans = plansOf(run);
        const { benchmarks } = computeBenchmarks(plans, ref);
        const edition = 2022 + run.editions;
        const check = independent(plans, edition);
        for (const plan of plans.filter((p) => p.edition === edition)) {
          const id = plan.region.id;
          const facts = regionFacts(benchmarks.rows, id, edition);
          for (const f of facts) {
            const row = benchmarks.rows.find(
              (r) => r.region_id === id && r.measure === f.measure && r.edition === edition,
            );
            // A rank is among like periods, carries its ties and is never among fewer than two.
            const rank = check.baselineRank(id, f.measure);
            expect(f.rank === null ? null : { rank: f.rank.rank, of: f.rank.of, ties: f.rank.ties }).toEqual(
              rank === null ? null : { rank: rank.rank, of: rank.of, ties: rank.ties },
            );
            // The published row says the same as the fact (the reports and the CSV agree).
            expect(row?.baseline_rank ?? null).toBe(f.rank?.rank ?? null);
            // An undated level is compared with nothing.
            if (f.baselinePeriod === null) expect(f.comparison).toBeNull();
            // A region is never its own peer.
            const peers = check.peers(id, f.measure);
            expect(row?.peer_baseline_n).toBe(peers.length);
            expect(row?.peer_baseline_min ?? null).toBe(peers.length ? Math.min(...peers) : null);
            if (f.aim.kind === 'increase') {
              const step = check.stepRank(id, f.measure);
              expect(f.aim.rank).toEqual(step);
              // A target is compared with a national figure only, for when it falls due.
              if (f.aim.comparison) expect(f.aim.comparison.kind).toBe('national');
              if (f.aim.band === 'below-comparator')
                expect(f.aim.target).toBeLessThan(f.aim.comparison?.value as number);
            } else {
              expect(row?.ambition_rank ?? null).toBeNull();
            }
          }

          // Earlier targets checked, as the pack passes them: they may take a place of their own.
          const checked = benchmarks.rows.filter(
            (r) => r.region_id === id && r.edition === edition && r.attained !== null,
          );
          const things = thingsToKnow(
            facts,
            checked.length > 0
              ? {
                  reached: checked.filter((r) => r.attained).length,
                  checked: checked.length,
                  previous: edition - 1,
                }
              : null,
          );
          expect(things.length).toBeLessThanOrEqual(5);
          const largest = check.largestStep(id);
          const step = things.find((t) => t.kind === 'largest-step');
          if (step?.kind === 'largest-step') {
            expect(largest).not.toBeNull();
            expect(step.change).toBe(largest?.max);
            expect(step.measures.map((m) => m.measure).sort()).toEqual(largest?.measures);
          }
          const lowest = things.find((t) => t.kind === 'lowest-in-run');
          if (lowest?.kind === 'lowest-in-run') {
            for (const f of lowest.facts) expect(check.baselineRank(id, f.measure)?.lowest).toBe(true);
          }
          // The best position: every measure it starts first on (ties included), never alone on the
          // period, and its widest lead over a national figure for the same period; second in
          // priority, so stated whenever it holds.
          const firsts = facts
            .filter((f) => check.baselineRank(id, f.measure)?.rank === 1)
            .map((f) => f.measure)
            .sort();
          const widestLead = check.widestLead(id);
          const best = things.find((t) => t.kind === 'best-position');
          if (firsts.length > 0 || widestLead !== null) {
            expect(best?.kind).toBe('best-position');
            if (best?.kind === 'best-position') {
              expect(best.highest.map((f) => f.measure).sort()).toEqual(firsts);
              if (widestLead === null) expect(best.lead).toBeNull();
              else expect(best.lead?.gap).toBeCloseTo(widestLead, 1);
            }
          } else expect(best).toBeUndefined();
          const gap = things.find((t) => t.kind === 'widest-national-gap');
          if (gap?.kind === 'widest-national-gap') {
            expect(gap.fact.comparison?.kind).toBe('national');
            const gaps = facts.filter((f) => f.comparison?.kind === 'national').map((f) => f.gap as number);
            expect(gap.fact.gap).toBe(Math.min(...gaps));
            expect(gap.fact.gap).toBeLessThan(0);
          }

          // And as the pack words them: the largest step names its size and every tied measure.
          const view = regionalView(viewInput(plans, benchmarks, edition), id, TEMPLATES);
          if (step?.kind === 'largest-step' && largest) {
            const sentence = view.thingsToKnow.find((t) => /largest planned step|same step/.test(t)) ?? '';
            expect(sentence).toContain(`${largest.max} percentage point`);
            if (largest.measures.length < step.of)
              for (const m of largest.measures)
                expect(sentence).toContain(
                  measureById(m as MeasureId)
                    .label.toLowerCase()
                    .slice(1),
                );
          }
          for (const t of view.thingsToKnow) expect(t).not.toMatch(/\b1(st)? of 1\b|\bno of\b/);
          // And as the pack words it: "joint highest" exactly where the first place is shared.
          if (best?.kind === 'best-position')
            for (const f of best.highest) {
              const r = check.baselineRank(id, f.measure);
              const said = view.thingsToKnow.join(' ');
              const label = measureById(f.measure).label.toLowerCase().slice(1);
              expect(said).toMatch(
                new RegExp(`${(r?.ties ?? 1) > 1 ? 'joint ' : '(?<!joint )'}highest on .${label}`),
              );
            }
        }
        // The national summary never states a range whose ends meet as a range.
        for (const m of MEASURE_IDS) {
          const s = measureSummary(benchmarks.rows, edition, m);
          if (s.baselines) expect(s.baselines.low.value).toBeLessThanOrEqual(s.baselines.high.value);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, 600_000);
});
