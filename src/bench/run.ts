// npm run bench: times each stage and whole builds for 4, 12 and 120 documents, and compares our
// PDF rendering with headless Chromium printing the same HTML reports. Numbers go to README.md.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chartFiles, nationalCharts, regionalCharts } from '../charts/index.ts';
import { DEFAULT_TEMPLATES } from '../cli/build.ts';
import { tuneV8ForBuild } from '../cli/tuning.ts';
import { ingest, REFERENCE_FILE, readReference } from '../ingest/index.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import {
  loadTemplates,
  nationalPdf,
  nationalView,
  type ReportInput,
  regionalPdf,
  regionalView,
  renderPdf,
  renderReportHtml,
} from '../render/index.ts';
import { corpus } from './corpus.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS = join(ROOT, 'seeds');
const SIZES = (process.env.BENCH_SIZES ?? '4,12,120').split(',').map(Number);

const ms = (start: number) => performance.now() - start;
const fmt = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

interface Row {
  docs: number;
  regions: number;
  ingest: number;
  metrics: number;
  charts: number;
  html: number;
  pdf: number;
  build: number;
  process: number;
  rss: number;
  chromium: number | null;
  reports: number;
}

async function stages(
  docs: Map<string, Uint8Array>,
): Promise<Omit<Row, 'build' | 'process' | 'rss' | 'chromium'> & { htmlFiles: Map<string, string> }> {
  const referenceText = readFileSync(join(SEEDS, REFERENCE_FILE), 'utf8');
  const reference = readReference(REFERENCE_FILE, referenceText);
  if (!reference.ok) throw new Error('reference');
  let t = performance.now();
  const { plans } = ingest([...docs].map(([file, bytes]) => ({ file, bytes })));
  const ingestMs = ms(t);
  t = performance.now();
  const { benchmarks } = computeBenchmarks(plans, reference.reference);
  const metricsMs = ms(t);
  const edition = Math.max(...plans.map((p) => p.edition));
  const current = plans.filter((p) => p.edition === edition);
  const ctx = { edition, benchmarks, plans: current };
  t = performance.now();
  const charts = [...nationalCharts(ctx), ...current.flatMap((p) => regionalCharts(ctx, p.region.id))];
  const svgs = new Map();
  for (const chart of charts)
    svgs.set(chart.id, { chart, svg: (await chartFiles(chart)).get(`charts/${chart.id}.svg`) });
  const chartsMs = ms(t);
  const templates = loadTemplates(DEFAULT_TEMPLATES);
  const input: ReportInput = {
    edition,
    plans,
    benchmarks,
    charts: svgs,
    diagnostics: [],
    reference: reference.reference,
    date: '2025-07-31',
  };
  t = performance.now();
  const views = [
    { path: 'national/summary', view: nationalView(input, templates), pdf: nationalPdf },
    ...current.map((p) => ({
      path: `regions/${p.region.id}/pack`,
      view: regionalView(input, p.region.id, templates),
      pdf: regionalPdf,
    })),
  ];
  const htmlFiles = new Map(
    views.map((v) => [`${v.path}.html`, renderReportHtml(v.view as never, templates)]),
  );
  const htmlMs = ms(t);
  t = performance.now();
  for (const v of views) await renderPdf((v.pdf as (x: unknown) => object)(v.view));
  const pdfMs = ms(t);
  return {
    docs: docs.size,
    regions: current.length,
    ingest: ingestMs,
    metrics: metricsMs,
    charts: chartsMs,
    html: htmlMs,
    pdf: pdfMs,
    reports: views.length,
    htmlFiles,
  };
}

/**
 * A whole build as a user runs it: a fresh process set up as src/cli.ts sets it up, everything
 * rendered. `ms` is the build itself (the command's work, from reading the input to publishing);
 * `process` is the whole process, Node's start and loading the tool included; and peak memory.
 */
function wholeBuild(input: string): { ms: number; process: number; rss: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'out');
  const src = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  const script = `import { tuneV8ForBuild } from ${src('src/cli/tuning.ts')};
tuneV8ForBuild();
const { main } = await import(${src('src/cli/index.ts')});
const t = performance.now();
const code = await main(['build', '--input', ${JSON.stringify(input)}, '--out', ${JSON.stringify(out)}, '--force'], { stdout() {}, stderr() {}, tty: false });
console.log(JSON.stringify({ code, ms: performance.now() - t, rss: process.resourceUsage().maxRSS }));`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const wall = ms(start);
  const last = result.stdout.trim().split('\n').at(-1) ?? '{}';
  const parsed = JSON.parse(last) as { code: number; ms: number; rss: number };
  if (parsed.code !== 0) throw new Error(`build failed: ${result.stderr}`);
  rmSync(dirname(out), { recursive: true, force: true });
  return { ms: parsed.ms, process: wall, rss: parsed.rss / 1024 };
}

/** Chromium printing the same HTML reports to PDF, one warm browser, pages one after another. */
async function chromiumPrint(dir: string, files: Map<string, string>): Promise<number | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    // Warm up: the first page pays for starting the renderer.
    const paths = [...files.keys()].map((p) => join(dir, p));
    await page.goto(pathToFileURL(paths[0] as string).href);
    await page.pdf({ format: 'A4' });
    const t = performance.now();
    for (const path of paths) {
      await page.goto(pathToFileURL(path).href);
      await page.pdf({ format: 'A4', printBackground: true });
    }
    return ms(t);
  } finally {
    await browser.close();
  }
}

// Stages are timed in this process, set up as a build's process is.
tuneV8ForBuild();
const rows: Row[] = [];
for (const size of SIZES) {
  const docs = corpus(SEEDS, size);
  const input = mkdtempSync(join(tmpdir(), 'bench-in-'));
  for (const [file, bytes] of docs) writeFileSync(join(input, file), bytes);
  copyFileSync(join(SEEDS, REFERENCE_FILE), join(input, REFERENCE_FILE));
  const s = await stages(docs);
  const html = mkdtempSync(join(tmpdir(), 'bench-html-'));
  for (const [path, content] of s.htmlFiles) {
    mkdirSync(dirname(join(html, path)), { recursive: true });
    writeFileSync(join(html, path), content);
  }
  const build = wholeBuild(input);
  const chromium = await chromiumPrint(html, s.htmlFiles);
  rows.push({ ...s, build: build.ms, process: build.process, rss: build.rss, chromium });
  rmSync(input, { recursive: true, force: true });
  rmSync(html, { recursive: true, force: true });
  process.stderr.write(`measured ${size} documents\n`);
}

const header = [
  'documents',
  'regions (latest edition)',
  'ingest',
  'metrics',
  'charts',
  'HTML',
  'PDF (ours)',
  'PDF (Chromium, warm)',
  'ours ÷ Chromium',
  'whole build',
  'whole process',
  'peak memory',
];
const lines = [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map(
    (r) =>
      `| ${[
        r.docs,
        `${r.regions} (${r.reports} reports)`,
        fmt(r.ingest),
        fmt(r.metrics),
        fmt(r.charts),
        fmt(r.html),
        fmt(r.pdf),
        r.chromium === null ? 'n/a' : fmt(r.chromium),
        r.chromium === null ? 'n/a' : (r.pdf / r.chromium).toFixed(2),
        fmt(r.build),
        fmt(r.process),
        `${Math.round(r.rss)} MB`,
      ].join(' | ')} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
