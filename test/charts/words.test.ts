import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ChartWords, nationalCharts, regionalCharts } from '../../src/charts/index.ts';
import { loadTemplates } from '../../src/render/index.ts';
import { benchmarksOf, plansFrom, seedTexts } from '../helpers/metrics.ts';
import { TEMPLATES } from '../helpers/views.ts';

// Chart text is worded by templates/text/chart-*.hbs, reached through ChartContext.words: the specs
// compute the facts, and the charts stage never imports the render stage.

const texts = seedTexts();
const run = { edition: 2023, plans: plansFrom(texts), benchmarks: benchmarksOf(texts).benchmarks };

/** The project's templates, recording which were asked for; one template's words replaced. */
function recording(replaced: string, words: string): { words: ChartWords; asked: Set<string> } {
  const asked = new Set<string>();
  return {
    asked,
    words: {
      text: (name, facts) => {
        asked.add(name);
        return name === replaced ? words : TEMPLATES.text(name, facts);
      },
      terms: (name, facts, names) => {
        asked.add(name);
        return TEMPLATES.terms(name, facts, names);
      },
    },
  };
}

describe('chart text comes from the templates', () => {
  it('a reworded headline template rewords the headline, in the chart and in its spec', () => {
    const { words, asked } = recording('chart-heatmap-headline', 'Reworded headline (fixture wording)');
    const heatmap = nationalCharts({ ...run, words }).find((c) => c.id === 'national-gap-heatmap');
    expect(heatmap?.title).toBe('Reworded headline (fixture wording)');
    expect(JSON.stringify(heatmap?.spec.title)).toContain('Reworded headline (fixture wording)');
    expect(heatmap?.description.startsWith('Reworded headline (fixture wording).')).toBe(true);
    expect(asked.has('chart-heatmap-plotted')).toBe(true);
  });

  it("every chart's headline and subtitle are asked of a chart-* template", () => {
    const { words, asked } = recording('', '');
    const charts = [
      ...nationalCharts({ ...run, words }),
      ...run.plans.flatMap((p) => regionalCharts({ ...run, words }, p.region.id)),
    ];
    const kinds = new Set(charts.map((c) => c.kind));
    for (const kind of kinds) {
      expect(
        [...asked].some((name) => name.startsWith(`chart-${kind}-`)),
        kind,
      ).toBe(true);
    }
    // Every name asked for is a template that ships with the project.
    const shipped = new Set(
      readdirSync(join(import.meta.dirname, '..', '..', 'templates', 'text')).map((f) =>
        f.replace(/\.hbs$/, ''),
      ),
    );
    for (const name of asked) expect(shipped.has(name), name).toBe(true);
  });

  it('a labels template missing a name, or naming one not asked for, stops the build saying which', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chart-labels-'));
    cpSync(join(import.meta.dirname, '..', '..', 'templates'), dir, { recursive: true });
    writeFileSync(
      join(dir, 'text', 'chart-scatter-axes.hbs'),
      'x | Baseline ({{unit}}) ;;\nz | Planned change (fixture wording)\n',
    );
    const templates = loadTemplates(dir);
    expect(() =>
      nationalCharts({ ...run, words: templates }).find((c) => c.id === 'national-ambition-scatter'),
    ).toThrow(
      /chart-scatter-axes\.hbs: error: expected one "name \| words" line for each of x, y; missing: y; not known: z\..*\[template-terms\]/,
    );
  });

  it('the charts stage imports nothing from the render stage', () => {
    const dir = join(import.meta.dirname, '..', '..', 'src', 'charts');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/from '(\.\.\/)+render\//);
    }
  });
});
