import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { nationalCharts, regionalCharts } from '../../src/charts/index.ts';
import {
  loadTemplates,
  NationalViewSchema,
  nationalView,
  RegionalViewSchema,
  regionalView,
} from '../../src/render/index.ts';
import { buildFrom } from '../helpers/build.ts';
import { ROOT, run, snapshot, tempDir } from '../helpers/cli.ts';
import { benchmarksOf, plansFrom, reference, seedTexts } from '../helpers/metrics.ts';
import { flat, readPdf } from '../helpers/pdf.ts';
import { oneRegionTexts } from '../helpers/regions.ts';
import { SEEDS_DIR } from '../helpers/seeds.ts';
import { TEMPLATES } from '../helpers/views.ts';

// The shared build of seeds/ (test/global-setup.ts), HTML and PDF.
const out = inject('seedsBuild');
const read = (path: string) => readFileSync(join(out, path), 'utf8');

const REGIONS = ['north-east', 'yorkshire-and-the-humber', 'east-of-england', 'south-west'];
const NAMES = ['North East', 'Yorkshire and the Humber', 'East of England', 'South West'];

describe('the reports from seeds/', () => {
  it('writes the national summary, a pack per region and the index, in HTML and PDF', () => {
    const files = [...snapshot(out).keys()];
    expect(files).toContain('index.html');
    expect(files).toContain('national/summary.html');
    expect(files).toContain('national/summary.pdf');
    for (const region of REGIONS) {
      expect(files).toContain(`regions/${region}/pack.html`);
      expect(files).toContain(`regions/${region}/pack.pdf`);
    }
  });

  it('HTML pages are single, self-contained, script-free files', () => {
    for (const page of ['national/summary.html', 'regions/north-east/pack.html', 'index.html']) {
      const html = read(page);
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB"/);
      expect(html).not.toMatch(/<script|<link |<img |<iframe|@import|url\((?!#)/i);
      expect(html).not.toMatch(/\ssrc=/);
      expect(html).toContain('Content-Security-Policy');
      expect(html).toContain('<a href="#main-content" class="govuk-skip-link">');
      for (const landmark of ['<header', '<main', '<footer']) expect(html).toContain(landmark);
      expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    }
  });

  it('headings never skip a level', () => {
    for (const page of ['national/summary.html', 'regions/north-east/pack.html']) {
      const levels = [...read(page).matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level - (levels[i - 1] as number)).toBeLessThanOrEqual(1);
      });
    }
  });

  it('every chart is followed by its data table, with caption and header scopes, and its CSV in the page itself', () => {
    const html = read('national/summary.html');
    const figures = [...html.matchAll(/<figure class="app-figure" id="figure-([a-z0-9-]+)">/g)].map(
      (m) => m[1] as string,
    );
    // The seeds are one edition each: the attainment chart would be empty, so it is left out.
    expect(figures).not.toContain('national-attainment');
    expect(figures.length).toBe(8);
    for (const id of figures) {
      const after = html.slice(html.indexOf(`id="figure-${id}"`));
      const next = after.indexOf('<figure', 10);
      const block = next === -1 ? after : after.slice(0, next);
      expect(block).toMatch(/<table class="govuk-table">\s*<caption/);
      expect(block).toContain('<th scope="col"');
      expect(block).toContain('<th scope="row"');
      // The link works with the page alone (e-mailed without charts/): the CSV is in it, as a data:
      // URL saved under the chart's file name, the same bytes as charts/<id>.csv.
      const link =
        /<a class="govuk-link" href="data:text\/csv;charset(?:=|&#x3D;)utf-8,([^"]*)" download="([^"]+)">/.exec(
          block,
        );
      expect(link?.[2]).toBe(`${id}.csv`);
      const inPage = decodeURIComponent((link?.[1] ?? '').replace(/&#x27;/g, "'").replace(/&amp;/g, '&'));
      expect(inPage).toBe(snapshot(out).get(`charts/${id}.csv`)?.toString('utf8'));
      expect(inPage.split('\n').length).toBeGreaterThan(2);
    }
  });

  it('the national summary states the key findings, each figure with its comparator and period', () => {
    const html = read('national/summary.html');
    expect(html).toContain(
      'All four regions aimed for the same level of housed on the first night: 90% (North East, Yorkshire and the Humber, East of England and South West).',
    );
    expect(html).toContain(
      'All four regions start below the national figure for housed on the first night, 86.3% for March 2023',
    );
    expect(html).toContain(
      'Baselines for employed 6 weeks after release (March 2023) run from 14% (North East) to 17% (Yorkshire and the Humber).',
    );
    // Half of any run starts below its own median: not a finding.
    expect(html).not.toContain('start below the peer median');
  });

  it('the regional pack speaks to its director, with numbers that name their comparator and source', () => {
    const html = read('regions/north-east/pack.html');
    expect(html).toContain('Bronwen Elphick, Regional Probation Director');
    expect(html).toContain(
      'North East&#x27;s baseline of 84% (March 2023) is 2.3 percentage points below the national figure of 86.3% for March 2023; it is the 2nd highest of the 4 regions in this run with a baseline for March 2023.',
    );
    expect(html).toContain(
      'Its target of 90% by April 2024, a step of 6 percentage points, was the level every other region aimed for by then, so the size of its step depended only on where it started. Had it been reached, it would have put the region 4.3 percentage points above the national figure of 85.7% for the year to March 2024, when the target fell due',
    );
    // Quoted commitments with their source lines, each isolated so neither can reorder the other.
    expect(html).toContain(
      '<q class="app-word-break"><bdi>Ensure the New Futures Network operates at full capacity.</bdi></q> <span class="app-source"><bdi>north-east-2023.txt:75</bdi></span>',
    );
    expect(html).toContain(
      'North East lists 6 commitments and 5 progress items; the other three regions list 6 to 9 commitments and 5 to 6 progress items.',
    );
  });

  it('methods and sources cite every national figure used, with its publication', () => {
    const html = read('national/summary.html');
    expect(html).toContain(
      'Ministry of Justice, Offender Accommodation Outcomes – Statistical Summary, update to March 2024 (2024-07-25)',
    );
    expect(html).toContain(
      'href="https://www.gov.uk/government/statistics/offender-employment-outcomes-update-to-march-2024"',
    );
    // The summary defines what it shows, and not the published columns it never states.
    expect(html).toContain('Months to target');
    expect(html).not.toContain('Headroom closure');
    expect(html).toContain('15% to 19% since April 2022');
  });

  it('the index lists every report and data file with its size', () => {
    const html = read('index.html');
    for (const path of [
      'national/summary.html',
      'national/summary.pdf',
      'regions/south-west/pack.pdf',
      'data/benchmarks.csv',
      'data/plans.json',
    ]) {
      expect(html).toMatch(
        new RegExp(
          `<a class="govuk-link" href="${path.replace(/[./]/g, '\\$&')}">[^<]+</a></th><td class="govuk-table__cell">${path.replace(/[./]/g, '\\$&')}</td><td class="govuk-table__cell govuk-table__cell--numeric">\\d+(\\.\\d)?\u00a0(KB|MB)</td>`,
        ),
      );
    }
  });

  it('the national PDF: first page, page numbers, metadata, and its figures and sources in the text', async () => {
    const pdf = await readPdf(join(out, 'national/summary.pdf'));
    expect(pdf.pages).toBeGreaterThanOrEqual(12);
    expect(pdf.info).toMatchObject({
      Title: 'Reducing Reoffending Plans: national benchmark summary 2023',
      Author: 'Regional benchmarks (HMPPS Reducing Reoffending Plan analysis)',
      Subject:
        'Benchmarks of the 2023 regional Reducing Reoffending Plan updates against national figures and peers',
      Creator: 'regional-benchmarks',
    });
    expect(String(pdf.info.Keywords)).toContain('North East');
    expect(pdf.language).toBe('en-GB');
    // No contents page: the outline (bookmarks) serves, and no page is a list of headings.
    expect(pdf.pageTexts.some((t) => /^\s*Contents\s*$/m.test(t))).toBe(false);
    expect(flat(pdf.text)).toContain(`Page 3 of ${pdf.pages}`);
    for (const name of NAMES) expect(flat(pdf.text)).toContain(name);
    expect(flat(pdf.text)).toContain('86.3%');
    expect(flat(pdf.text)).toContain(
      'Offender Accommodation Outcomes – Statistical Summary, update to March 2024',
    );
    expect(flat(pdf.text)).toContain(
      // The seeds' report is dated after every target fell due: the headline speaks in the past.
      'Three regions targeted less than the national figure for the year to March 2024',
    );
  });

  it('each pack PDF holds its region, its key figures and its sources', async () => {
    const pdf = await readPdf(join(out, 'regions/north-east/pack.pdf'));
    const text = flat(pdf.text);
    expect(pdf.info).toMatchObject({ Title: 'North East: benchmark pack 2023' });
    // Named once, by the introduction; the first page's band names the source document.
    expect(text).toContain('Bronwen Elphick (Regional Probation Director)');
    expect(text).toContain('2.3 percentage points below the national figure of 86.3% for March 2023');
    // pdfmake may wrap a source at its hyphens; the reader still sees the whole reference.
    expect(text.replace(/- /g, '-')).toContain('north-east-2023.txt:75');
    expect(text).toContain('Employment Rates following Release from Custody, ad hoc statistics bulletin');
  });

  it('table row headers wrap between words, never inside one', async () => {
    // The summary table's first column is squeezed most. A word split across lines is drawn as two
    // text runs, "accommodatio" then "n"; the page text joins them again, the runs do not.
    const pdf = await readPdf(join(out, 'regions/north-east/pack.pdf'));
    const page = pdf.pageTexts.findIndex((t) => t.includes('Data behind the chart'));
    const words = new Set(
      [
        'Employed 6 weeks after release',
        'Employed 6 months after release',
        'Housed on the first night',
        'Settled accommodation at 3 months',
        'Sexual offence interventions completed',
      ].flatMap((label) => label.split(' ')),
    );
    const tokens = (pdf.pageItems[page] ?? []).flatMap((item) => item.split(/\s+/)).filter(Boolean);
    expect(tokens).toContain('accommodation');
    const split = tokens.flatMap((token, i) => {
      const next = tokens[i + 1] ?? '';
      return !words.has(token) && words.has(token + next) ? [`${token}|${next}`] : [];
    });
    expect(split).toEqual([]);
  });

  it('view models validate against their schemas, and the HTML and PDF are built from the same one', async () => {
    const { plans, benchmarks } = {
      plans: plansFrom(seedTexts()),
      benchmarks: benchmarksOf(seedTexts()).benchmarks,
    };
    const ctx = { edition: 2023, words: TEMPLATES, plans, benchmarks };
    const charts = new Map();
    for (const chart of [...nationalCharts(ctx), ...regionalCharts(ctx, 'south-west')]) {
      // Drawn already by the shared build of the same documents.
      charts.set(chart.id, { chart, svg: read(`charts/${chart.id}.svg`) });
    }
    const templates = loadTemplates(join(ROOT, 'templates'));
    const input = {
      edition: 2023,
      plans,
      benchmarks,
      charts,
      diagnostics: [],
      reference: reference(),
      date: '2025-07-31',
    };
    const national = NationalViewSchema.parse(nationalView(input, templates));
    const pack = RegionalViewSchema.parse(regionalView(input, 'south-west', templates));
    expect(national.sections.map((s) => s.id)).toEqual([
      'employment-6w',
      'employment-6m',
      'housed-first-night',
      'settled-accommodation-3m',
      'sexual-offence-interventions',
      'gaps',
      'ambition',
      'themes',
      'practice',
      'attainment',
    ]);
    expect(pack.thingsToKnow.length).toBeGreaterThanOrEqual(3);
    expect(pack.directors).toEqual([
      'Angela Cossins, Regional Probation Director',
      'Paul Woods, Prison Group Director',
      'Jeannine Hendrick, Prison Group Director',
    ]);
    // Every sentence of the pack appears in its HTML page and in its PDF.
    const html = read('regions/south-west/pack.html');
    // A paragraph may run on to the next page: the page's footer and running header are left out.
    const document = await readPdf(join(out, 'regions/south-west/pack.pdf'));
    const pdf = flat(
      document.text.replace(
        new RegExp(`\\s*Page \\d+ of \\d+\\s*(?:${String(document.info.Title)}\\s+)?`, 'g'),
        ' ',
      ),
    );
    for (const sentence of [...pack.thingsToKnow, ...pack.sections.flatMap((s) => s.paragraphs)]) {
      expect(html).toContain(sentence.replace(/'/g, '&#x27;').replace(/"/g, '&quot;'));
      expect(pdf.replace(/- /g, '-')).toContain(flat(sentence));
    }
  });
});

/** Pages with nothing but the running header and the page number: a reader would stumble on them. */
async function blankPages(dir: string): Promise<string[]> {
  const pdfs = [...snapshot(dir).keys()].filter((f) => f.endsWith('.pdf'));
  const blank: string[] = [];
  for (const file of pdfs) {
    const pdf = await readPdf(join(dir, file));
    pdf.pageTexts.forEach((text, i) => {
      const body = flat(text)
        .replace(String(pdf.info.Title), '')
        .replace(/Page \d+ of \d+/, '')
        .trim();
      if (body.length < 20) blank.push(`${file} page ${i + 1}`);
    });
  }
  return blank;
}

describe('PDF pages', () => {
  it('no page of any report is blank', async () => {
    expect(await blankPages(out)).toEqual([]);
  });
});

describe('templates', () => {
  it('a copy pointed at with --templates rewords the reports without code', async () => {
    const dir = join(tempDir(), 'templates');
    cpSync(join(ROOT, 'templates'), dir, { recursive: true });
    writeFileSync(join(dir, 'text', 'measure-regional-hold.hbs'), 'It holds the line.');
    writeFileSync(
      join(dir, 'text', 'finding-range.hbs'),
      'On {{measure}} the lowest start is {{pct low.value}} and the highest {{pct high.value}}.',
    );
    const reworded = await buildFrom(null, '--templates', dir, '--format', 'html');
    const html = readFileSync(join(reworded, 'national/summary.html'), 'utf8');
    expect(html).toContain('On housed on the first night the lowest start is 81% and the highest 85%.');
    expect(readdirSync(join(reworded, 'national'))).toEqual(['summary.html']);
  });

  it('headings are worded once, in text/headings.hbs, for the HTML and the PDF alike', async () => {
    const dir = join(tempDir(), 'templates');
    cpSync(join(ROOT, 'templates'), dir, { recursive: true });
    const path = join(dir, 'text', 'headings.hbs');
    writeFileSync(
      path,
      readFileSync(path, 'utf8')
        .replace('thingsToKnow | Things to know', 'thingsToKnow | Points to note')
        .replace('page | Page {{page}} of {{pages}}', 'page | Sheet {{page}}/{{pages}}'),
    );
    const reworded = await buildFrom(oneRegionTexts(), '--templates', dir);
    expect(readFileSync(join(reworded, 'regions/south-west/pack.html'), 'utf8')).toContain(
      '<h3 class="govuk-heading-m">Points to note</h3>',
    );
    const pdf = await readPdf(join(reworded, 'regions/south-west/pack.pdf'));
    expect(flat(pdf.text)).toContain('Points to note');
    expect(flat(pdf.text)).not.toContain('Things to know');
    expect(flat(pdf.text)).toContain(`Sheet 2/${pdf.pages}`);
  });

  it('a headings template that leaves one out is an error that names it, and nothing is written', async () => {
    const dir = join(tempDir(), 'templates');
    cpSync(join(ROOT, 'templates'), dir, { recursive: true });
    const path = join(dir, 'text', 'headings.hbs');
    writeFileSync(path, readFileSync(path, 'utf8').replace('keyFindings | Key findings ;;\n', ''));
    const target = join(tempDir(), 'out');
    const result = await run(
      'build',
      '--input',
      SEEDS_DIR,
      '--out',
      target,
      '--templates',
      dir,
      '--format',
      'html',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('text/headings.hbs');
    expect(result.stderr).toContain('missing: keyFindings');
    expect(existsSync(target)).toBe(false);
  });

  it('a template error names the template file and line, exits 1 and writes nothing', async () => {
    const dir = join(tempDir(), 'templates');
    cpSync(join(ROOT, 'templates'), dir, { recursive: true });
    writeFileSync(join(dir, 'text', 'finding-range.hbs'), 'Baselines\nfor {{measure}\nrun.');
    const target = join(tempDir(), 'out');
    const result = await run('build', '--input', SEEDS_DIR, '--out', target, '--templates', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${join(dir, 'text', 'finding-range.hbs')}:2: error: template text/finding-range does not parse`,
    );
    expect(() => readdirSync(target)).toThrow();

    writeFileSync(
      join(dir, 'text', 'finding-range.hbs'),
      'Baselines for\n{{measure}} run from {{pct lowest}}.',
    );
    const missing = await run('build', '--input', SEEDS_DIR, '--out', target, '--templates', dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      `${join(dir, 'text', 'finding-range.hbs')}:2: error: template text/finding-range cannot be rendered: expected the helper "pct" to be given fields this template has; found "lowest" in {{pct lowest}}`,
    );
  });
});

describe('any number of regions', () => {
  it('one region: the reports hold, and say there is no peer to compare with', async () => {
    const single = await buildFrom(oneRegionTexts());
    const html = readFileSync(join(single, 'regions/south-west/pack.html'), 'utf8');
    expect(html).toContain('no other region is in this run to compare with');
    // Its figures are its own and the national ones; with peers, theirs are named as a source too.
    expect(html).toContain(
      'Every figure comes from the update (south-west-2023.txt) or from a cited national statistic.',
    );
    expect(read('regions/south-west/pack.html')).toContain(
      'Every figure comes from the update (south-west-2023.txt), from the other regions&#x27; updates or from a cited national statistic.',
    );
    const pdf = await readPdf(join(single, 'national/summary.pdf'));
    expect(flat(pdf.text)).toContain('South West');
  });

  it('twelve regions: a pack each, every region in the national summary', async () => {
    const regions = readdirSync(join(inject('twelveBuild'), 'regions'));
    expect(regions).toHaveLength(12);
    const twelve = inject('twelvePdfBuild');
    const pdf = await readPdf(join(twelve, 'national/summary.pdf'));
    for (const name of ['Greater Manchester', 'Kent, Surrey and Sussex', 'Wales', 'London'])
      expect(flat(pdf.text)).toContain(name);
    const pack = await readPdf(join(twelve, 'regions/wales/pack.pdf'));
    expect(pack.info.Title).toBe('Wales: benchmark pack 2023');
    // The summary is the one report whose layout twelve regions change; the packs are the seeds'
    // (whose pages test/render/pdf-pages.test.ts reads) with other names and numbers, so one is read.
    expect(await blankPages(twelve)).toEqual([]);
  });
});
