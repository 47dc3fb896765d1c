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
import {
  build,
  DEFAULT_TEMPLATES,
  type MemoryWorld,
  memoryEffects,
  RENDERERS,
  type Renderers,
} from '../build/index.ts';
import { tuneV8ForBuild } from '../cli/tuning.ts';
import { MAX_BYTES } from '../ingest/decode.ts';
import { REFERENCE_FILE, readReference } from '../ingest/index.ts';
import { MAX_ITEM_CHARS } from '../ingest/limits.ts';
import { loadTemplates } from '../render/index.ts';
import { corpus } from './corpus.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SEEDS = join(ROOT, 'seeds');
// BENCH_SIZES= (empty) skips the stage table and runs only the scheduled and long-input runs.
const SIZES = (process.env.BENCH_SIZES ?? '4,12,120').split(',').filter(Boolean).map(Number);
// Whole builds run the compiled tool, as the installed command does; `npm run bench` compiles it.
if (!existsSync(join(ROOT, 'dist', 'cli.js')))
  throw new Error('dist/cli.js is missing: run `npm run prepare` to compile the tool (npm run bench does)');

const ms = (start: number) => performance.now() - start;
const fmt = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
/** A measure the run could not take (NaN) shows as n/a. */
const known = (n: number, show: (n: number) => string) => (Number.isNaN(n) ? 'n/a' : show(n));

interface Row {
  docs: number;
  regions: number;
  /** Reading the documents and computing the benchmarks, to the first document event. */
  read: number;
  charts: number;
  html: number;
  pdf: number;
  build: number;
  process: number;
  rss: number;
  chromium: number | null;
  reports: number;
}

/**
 * The stages of a whole build, timed through the engine itself: `build` over effects in memory
 * (so no disk in the numbers), with the real renderers wrapped in timers. Reading (ingest and
 * metrics) is the time to the first document event, which is emitted once both are done.
 */
async function stages(
  docs: Map<string, Uint8Array>,
): Promise<Omit<Row, 'build' | 'process' | 'rss' | 'chromium'> & { htmlFiles: Map<string, string> }> {
  const reference = readReference(REFERENCE_FILE, readFileSync(join(SEEDS, REFERENCE_FILE), 'utf8'));
  if (!reference.ok) throw new Error('reference');
  const spent = { chart: 0, html: 0, pdf: 0 };
  const timed = async <R>(kind: keyof typeof spent, work: () => R | Promise<R>): Promise<R> => {
    const t = performance.now();
    const result = await work();
    spent[kind] += ms(t);
    return result;
  };
  const renderers: Renderers = {
    chart: (chart) => timed('chart', () => RENDERERS.chart(chart)),
    html: (view, templates) => {
      const t = performance.now();
      const html = RENDERERS.html(view, templates);
      spent.html += ms(t);
      return html;
    },
    pdf: (view) => timed('pdf', () => RENDERERS.pdf(view)),
  };
  const world: MemoryWorld = {
    documents: docs,
    reference: reference.reference,
    templates: loadTemplates(DEFAULT_TEMPLATES),
    out: null,
    locked: false,
  };
  let read = Number.NaN;
  let regions = 0;
  const start = performance.now();
  const code = await build(
    { out: 'memory', formats: new Set(['html', 'pdf']), regions: null, force: true },
    memoryEffects(world, (e) => {
      if (e.event === 'document' && Number.isNaN(read)) read = ms(start);
      if (e.event === 'report' && e.path.endsWith('/pack.pdf')) regions += 1;
    }),
    renderers,
  );
  if (code !== 0 || !world.out) throw new Error(`the engine failed on ${docs.size} documents (exit ${code})`);
  const htmlFiles = new Map(
    [...world.out]
      .filter(([path]) => path.endsWith('.html') && path !== 'index.html')
      .map(([path, content]) => [path, String(content)]),
  );
  return {
    docs: docs.size,
    regions,
    read,
    charts: spent.chart,
    html: spent.html,
    pdf: spent.pdf,
    reports: htmlFiles.size,
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
 * A build as a user runs it: a fresh process running the compiled tool (dist/, which `npm run
 * bench` compiles first) set up as dist/cli.js sets it up. `ms` is the build itself (the command's
 * work, from reading the input to publishing); `process` is the whole process, Node's start and
 * loading the tool included; and peak memory.
 */
function runBuild(input: string, out: string, ...extra: string[]): Run {
  const dist = (path: string) => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  const argv = JSON.stringify(['build', '--input', input, '--out', out, '--json', ...extra]);
  const script = `import { tuneV8ForBuild } from ${dist('dist/cli/tuning.js')};
tuneV8ForBuild();
const { main } = await import(${dist('dist/cli/index.js')});
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
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
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

/**
 * The command exactly as a scheduler runs it, `node dist/cli.js build --json`: the whole process,
 * median of `times` runs (the wall time only; a child's CPU time and memory are not visible here).
 */
function runEntry(input: string, out: string, times: number): Run {
  const walls: number[] = [];
  let last: { code: number; did: string } = { code: -1, did: '' };
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), 'build', '--input', input, '--out', out, '--json'],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    walls.push(ms(start));
    const end = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { event?: string };
    last = {
      code: result.status ?? -1,
      did:
        end.event === 'up-to-date' ? 'up to date: nothing rendered' : `exit ${result.status}: ${end.event}`,
    };
  }
  const median = walls.sort((a, b) => a - b)[Math.floor(walls.length / 2)] ?? NaN;
  return { ...last, ms: NaN, process: median, cpu: NaN, rss: NaN };
}

/** A whole build of everything (`--force`) into a fresh folder; it must succeed. */
function wholeBuild(input: string): { ms: number; process: number; rss: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'bench-')), 'out');
  const run = runBuild(input, out, '--force');
  if (run.code !== 0) throw new Error(`build failed: ${run.did}`);
  rmSync(dirname(out), { recursive: true, force: true });
  return run;
}

/**
 * Chromium printing the same HTML reports to PDF, pages one after another: `cold` launches the
 * browser and prints them all, `warm` then prints them all again in the same page.
 */
async function chromiumPrint(
  dir: string,
  files: Map<string, string>,
): Promise<{ cold: number; warm: number } | null> {
  if (!existsSync('/usr/bin/chromium')) return null;
  const { chromium } = await import('playwright-core');
  const paths = [...files.keys()].map((p) => join(dir, p));
  const printAll = async (page: import('playwright-core').Page) => {
    for (const path of paths) {
      await page.goto(pathToFileURL(path).href);
      await page.pdf({ format: 'A4', printBackground: true });
    }
  };
  const t = performance.now();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await printAll(page);
    const cold = ms(t);
    const w = performance.now();
    await printAll(page);
    return { cold, warm: ms(w) };
  } finally {
    await browser.close();
  }
}

// Stages are timed in this process, set up as a build's process is.
tuneV8ForBuild();
const rows: Row[] = [];
// Like with like: Chromium is timed warm (launched, its first pages printed), so ours is too. The
// first size is rendered once untimed, which loads pdfmake and parses Arimo; what that start costs
// each side is reported on its own, below the table.
let startUp: {
  ours: { cold: number; warm: number };
  chromium: { cold: number; warm: number } | null;
} | null = null;
for (const [index, size] of SIZES.entries()) {
  const docs = corpus(SEEDS, size);
  const input = mkdtempSync(join(tmpdir(), 'bench-in-'));
  for (const [file, bytes] of docs) writeFileSync(join(input, file), bytes);
  copyFileSync(join(SEEDS, REFERENCE_FILE), join(input, REFERENCE_FILE));
  const cold = index === 0 ? await stages(docs) : null;
  const s = await stages(docs);
  const html = mkdtempSync(join(tmpdir(), 'bench-html-'));
  for (const [path, content] of s.htmlFiles) {
    mkdirSync(dirname(join(html, path)), { recursive: true });
    writeFileSync(join(html, path), content);
  }
  const build = wholeBuild(input);
  const chromium = await chromiumPrint(html, s.htmlFiles);
  if (cold) startUp = { ours: { cold: cold.pdf, warm: s.pdf }, chromium };
  rows.push({
    ...s,
    build: build.ms,
    process: build.process,
    rss: build.rss,
    chromium: chromium?.warm ?? null,
  });
  rmSync(input, { recursive: true, force: true });
  rmSync(html, { recursive: true, force: true });
  process.stderr.write(`measured ${size} documents\n`);
}

const header = [
  'documents',
  'regions (latest edition)',
  'read and benchmark',
  'charts',
  'HTML',
  'PDF (ours, warm)',
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
        fmt(r.read),
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
if (startUp) {
  const { ours, chromium } = startUp;
  const side = (t: { cold: number; warm: number }) => `${fmt(t.cold)} cold, ${fmt(t.warm)} warm`;
  process.stdout.write(
    `\nStart-up, paid once per process, on the ${rows[0]?.docs} documents' ${rows[0]?.reports} reports: ours ${side(ours)} ` +
      `(loading pdfmake, parsing Arimo); Chromium ${chromium ? side(chromium) : 'n/a'} (launching the browser).\n`,
  );
}

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
runs.push({
  name: 'the same again, as a scheduler runs it: `node dist/cli.js build --json` (median of 5)',
  run: runEntry(twelve, scheduledOut, 5),
});
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
      `| ${name} | ${run.did}${run === again?.run ? speedUp : ''} | ${known(run.ms, fmt)} | ${fmt(run.process)} | ${known(run.cpu, fmt)} | ${known(run.rss, (n) => `${Math.round(n)} MB`)} |`,
  ),
];
process.stdout.write(`\n${runLines.join('\n')}\n`);
