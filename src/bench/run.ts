// npm run bench: times each stage and whole builds for 4, 12 and 120 documents, and compares our
// PDF rendering with headless Chromium printing the same HTML reports; then times a second run
// with nothing changed, and the longest inputs the reader accepts and refuses. Numbers go to
// README.md; the tests assert what these runs do, never how long they take.
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
import { DEFAULT_TEMPLATES } from '../build/index.ts';
import { chartFiles, nationalCharts, regionalCharts } from '../charts/index.ts';
import { tuneV8ForBuild } from '../cli/tuning.ts';
import { MAX_BYTES } from '../ingest/decode.ts';
import { ingest, REFERENCE_FILE, readReference } from '../ingest/index.ts';
import { MAX_ITEM_CHARS } from '../ingest/limits.ts';
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
// BENCH_SIZES= (empty) skips the stage table and runs only the scheduled and long-input runs.
const SIZES = (process.env.BENCH_SIZES ?? '4,12,120').split(',').filter(Boolean).map(Number);

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

interface Run {
  code: number;
  /** What the run did, from its --json events: published (and how much it rendered), up to date, or refused. */
  did: string;
  ms: number;
  process: number;
  /** CPU time of the whole process, on all its threads: on a busy machine, steadier than wall time. */
  cpu: number;
  rss: number;
}

/**
 * A build as a user runs it: a fresh process set up as src/cli.ts sets it up. `ms` is the build
 * itself (the command's work, from reading the input to publishing); `process` is the whole
 * process, Node's start and loading the tool included; and peak memory.
 */
function runBuild(input: string, out: string, ...extra: string[]): Run {
  const src = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  const argv = JSON.stringify(['build', '--input', input, '--out', out, '--json', ...extra]);
  const script = `import { tuneV8ForBuild } from ${src('src/cli/tuning.ts')};
tuneV8ForBuild();
const { main } = await import(${src('src/cli/index.ts')});
let events = '';
const t = performance.now();
const code = await main(${argv}, { stdout(s) { events += s; }, stderr() {}, tty: false });
const ms = performance.now() - t;
const all = events.trim().split('\\n').filter(Boolean).map((l) => JSON.parse(l));
const end = all.at(-1) ?? {};
const refused = [...new Set(all.filter((e) => e.event === 'diagnostic' && e.level === 'error').map((e) => e.code))];
const did = end.event === 'published' ? 'published: ' + end.rendered.length + ' files rendered, ' + end.reused + ' reused'
  : end.event === 'up-to-date' ? 'up to date: nothing rendered'
  : 'exit ' + code + ': ' + (refused.join(', ') || end.message);
const usage = process.resourceUsage();
console.log(JSON.stringify({ code, ms, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, rss: usage.maxRSS, did }));`;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = ms(start);
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  if (!line.startsWith('{')) throw new Error(`build did not report: ${result.stderr}`);
  const parsed = JSON.parse(line) as Omit<Run, 'process'>;
  return { ...parsed, process: wall, rss: parsed.rss / 1024 };
}

/** A whole build of everything (`--force`) into a fresh folder; it must succeed. */
function wholeBuild(input: string): { ms: number; process: number; rss: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'out');
  const run = runBuild(input, out, '--force');
  if (run.code !== 0) throw new Error(`build failed: ${run.did}`);
  rmSync(dirname(out), { recursive: true, force: true });
  return run;
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
if (rows.length > 0) process.stdout.write(`${lines.join('\n')}\n`);

// A scheduled run: the 12 documents built into an empty folder, then again with nothing changed.
// The second run reads and hashes the inputs, finds the manifest up to date and renders nothing.
const inputFolder = (docs: Map<string, Uint8Array>): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-in-'));
  for (const [file, bytes] of docs) writeFileSync(join(dir, file), bytes);
  copyFileSync(join(SEEDS, REFERENCE_FILE), join(dir, REFERENCE_FILE));
  return dir;
};
const runs: Array<{ name: string; run: Run }> = [];
const twelve = inputFolder(corpus(SEEDS, 12));
const scheduledOut = join(mkdtempSync(join(tmpdir(), 'bench-')), 'out');
runs.push({ name: '12 documents, first run into an empty folder', run: runBuild(twelve, scheduledOut) });
runs.push({ name: 'the same again, nothing changed', run: runBuild(twelve, scheduledOut) });
rmSync(twelve, { recursive: true, force: true });
rmSync(dirname(scheduledOut), { recursive: true, force: true });
process.stderr.write('measured a scheduled run\n');

// The longest input: the seeds with North East's progress list given one bullet of a megabyte of
// ordinary words (refused at its line), or as many bullets at the limit as the size limit allows
// (read and rendered: the most text one accepted document can hold, in items as long as allowed).
const ANCHOR =
  '- An Intensive Supervision Court pilot is underway, focussing on substance misuse at Teesside Crown Court.';
const WORDS =
  'the region continues to work with partners to reduce reoffending and support people on probation ';
const words = (length: number) =>
  WORDS.repeat(Math.ceil(length / WORDS.length))
    .slice(0, length)
    .trim();
const seedsWith = (bullets: string[]): Map<string, Uint8Array> => {
  const docs = new Map<string, Uint8Array>();
  for (const id of ['north-east', 'east-of-england', 'yorkshire-and-the-humber', 'south-west']) {
    let text = readFileSync(join(SEEDS, `${id}-2023.txt`), 'utf8');
    if (id === 'north-east') text = text.replace(ANCHOR, [ANCHOR, ...bullets].join('\n'));
    docs.set(`${id}-2023.txt`, new TextEncoder().encode(text));
  }
  return docs;
};
const bullet = `- ${words(MAX_ITEM_CHARS).padEnd(MAX_ITEM_CHARS, 'x')}`;
const fit = Math.floor((MAX_BYTES - 40_000) / (bullet.length + 1));
const hostile: Array<[string, string[]]> = [
  ['one bullet of 1 MB of ordinary words', [`- ${words(1_000_000)}`]],
  [
    `a 4 MB document: ${fit} bullets of ${MAX_ITEM_CHARS.toLocaleString('en-GB')} characters`,
    Array(fit).fill(bullet),
  ],
];
for (const [name, bullets] of hostile) {
  const input = inputFolder(seedsWith(bullets));
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'out');
  runs.push({ name, run: runBuild(input, out) });
  rmSync(input, { recursive: true, force: true });
  rmSync(dirname(out), { recursive: true, force: true });
  process.stderr.write(`measured ${name}\n`);
}

const [first, again] = runs;
const speedUp =
  first && again ? ` (${(first.run.ms / again.run.ms).toFixed(0)}× faster than the first run)` : '';
const runLines = [
  '| run | what it did | whole build | whole process | CPU time | peak memory |',
  '| --- | --- | --- | --- | --- | --- |',
  ...runs.map(
    ({ name, run }) =>
      `| ${name} | ${run.did}${run === again?.run ? speedUp : ''} | ${fmt(run.ms)} | ${fmt(run.process)} | ${fmt(run.cpu)} | ${Math.round(run.rss)} MB |`,
  ),
];
process.stdout.write(`\n${runLines.join('\n')}\n`);
