import { type Chart, nationalCharts, regionalCharts } from '../charts/index.ts';
import { ingest, REFERENCE_FILE } from '../ingest/index.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import {
  type Benchmarks,
  type Diagnostic,
  diagnostic,
  locateDiagnostics,
  type NationalReference,
  type Plan,
  READINGS_FILE,
  REGIONAL_FIGURES_FILE,
  REGIONS,
  sortDiagnostics,
} from '../model/index.ts';
import {
  achievementsCsv,
  benchmarksCsv,
  commitmentsCsv,
  practiceCsv,
  targetsCsv,
  toJson,
} from '../render/data/index.ts';
import {
  type IndexEntry,
  nationalView,
  practiceOf,
  type ReportInput,
  regionalView,
  renderIndexHtml,
  type Templates,
} from '../render/index.ts';
import { type Content, Outputs, type PreviousBuild } from './cache.ts';
import type { Renderers } from './effects.ts';
import type { Emit } from './events.ts';
import { type InputFolder, pageMaps, readPdfs } from './input.ts';
import { blockingErrors, type LeftOut, leftOutDocuments } from './left-out.ts';
import { changesSince, type Manifest, type ManifestChanges, sha256, targetSummaries } from './manifest.ts';

export type Format = 'html' | 'pdf';

export interface PipelineOptions {
  templates: Templates;
  formats: ReadonlySet<Format>;
  /** YYYY-MM-DD for report dates and PDF metadata. */
  date: string;
  /** --region: build only these packs (and the national summary); keep the others as they were. */
  regions: ReadonlySet<string> | null;
  /**
   * The build being replaced: unchanged outputs are taken from it, unless `force`; its manifest
   * tells what changed since (even under --force).
   */
  previous: PreviousBuild;
  force: boolean;
  emit: Emit;
  renderers: Renderers;
  toolVersion: string;
  /**
   * Awaited after each chart and report: it lets the event loop run (so a SIGTERM is seen while
   * rendering) and throws to stop the build. Absent: never stops.
   */
  checkpoint?: () => Promise<void>;
  /** --keep-going: leave out documents with errors and publish the others. */
  keepGoing?: boolean;
}

export interface PipelineResult {
  diagnostics: Diagnostic[];
  /** Documents --keep-going left out, with their first error; empty without the flag. */
  leftOut: LeftOut[];
  /** Null when any diagnostic is an error: nothing may be published then. */
  outputs: {
    outputs: Outputs;
    plans: Plan[];
    benchmarks: Benchmarks;
    edition: number;
    charts: number;
    reports: number;
    changes: ManifestChanges;
    targets: Map<string, string>;
  } | null;
}

const FORMAT_LABEL: Record<Format, string> = { html: 'HTML', pdf: 'PDF' };

/**
 * Everything a build publishes, computed in memory from the input folder: ingest, metrics,
 * charts, reports, index. Charts and reports whose inputs are unchanged since the previous build
 * are taken from it rather than rendered again. No file is written here; the caller publishes
 * the result atomically or not at all.
 */
export async function runPipeline(
  unread: InputFolder,
  inputs: Manifest['inputs'],
  options: PipelineOptions,
): Promise<PipelineResult> {
  const { emit } = options;
  const folder = await readPdfs(unread);
  const result = ingest(folder.documents, folder.readings);
  // Lines of a PDF's extracted text, given as the page and line a reader finds them at.
  const maps = pageMaps(folder.documents);
  const read = sortDiagnostics(locateDiagnostics([...folder.diagnostics, ...result.diagnostics], maps));
  // --keep-going: documents with errors are left out and the rest published; any other error
  // (the reference, readings.json, the folder) still stops the build.
  const leftOut = options.keepGoing ? leftOutDocuments(read, folder) : [];
  const left = new Set(leftOut.map((l) => l.file));
  const kept = result.plans.filter((p) => !left.has(p.source.file));
  const metrics =
    folder.reference && blockingErrors(result.diagnostics, leftOut).length === 0
      ? computeBenchmarks(kept, folder.reference)
      : null;
  const diagnostics = sortDiagnostics([...read, ...locateDiagnostics(metrics?.diagnostics ?? [], maps)]);
  for (const p of kept)
    emit({ event: 'document', file: p.source.file, region: p.region.name, edition: p.edition });
  if (blockingErrors(diagnostics, leftOut).length > 0 || !metrics || kept.length === 0)
    return { diagnostics, outputs: null, leftOut };

  const { benchmarks } = metrics;
  const plans = kept;
  const reference = folder.reference as NationalReference;
  const sources = [
    ...folder.documents.map((d) => d.file),
    REFERENCE_FILE,
    ...(folder.readingsSha256 ? [READINGS_FILE] : []),
    ...(folder.regionalSha256 ? [REGIONAL_FIGURES_FILE] : []),
  ];
  // The annual summary is of the latest edition in the run; earlier ones feed attainment.
  const edition = Math.max(...plans.map((p) => p.edition));
  const current = plans.filter((p) => p.edition === edition);
  const built = current.filter((p) => options.regions === null || options.regions.has(p.region.id));
  const others = current.filter((p) => !built.includes(p));
  // --region names a region with no document of this edition: say so rather than build nothing for it.
  for (const id of [...(options.regions ?? [])].sort()) {
    if (built.some((p) => p.region.id === id)) continue;
    const name = REGIONS.find((r) => r.id === id)?.name ?? id;
    diagnostics.push(
      diagnostic(
        'warning',
        'region-not-found',
        `--region ${id}`,
        undefined,
        `expected a ${edition} plan update for ${name} to build its pack; found none in the input folder, so no pack was built for it. Add its document to the input folder, or check the region id.`,
      ),
    );
  }
  diagnostics.splice(0, diagnostics.length, ...sortDiagnostics(diagnostics));
  const out = new Outputs(options.previous, !options.force);

  out.put('data/plans.json', toJson({ plans }), sources);
  out.put('data/targets.csv', targetsCsv(plans), sources);
  // Its note columns are worded by the templates, as the reports' notes are.
  out.put('data/benchmarks.csv', benchmarksCsv(benchmarks.rows, options.templates.reasons), [
    ...sources,
    'templates/',
  ]);
  out.put('data/benchmarks.json', toJson(benchmarks), sources);
  const practice = practiceOf(plans);
  out.put('data/practice.csv', practiceCsv(practice.rows), sources);
  out.put('data/achievements.csv', achievementsCsv(practice.achievements), sources);
  out.put('data/commitments.csv', commitmentsCsv(practice.commitments), sources);
  out.put('data/diagnostics.json', toJson({ diagnostics }), sources);

  const ctx = {
    edition,
    benchmarks,
    plans: current,
    words: options.templates,
    date: options.date,
    reference,
    regional: folder.regional ?? null,
  };
  const charts: Chart[] = [...nationalCharts(ctx), ...built.flatMap((p) => regionalCharts(ctx, p.region.id))];
  const svgs = new Map<string, { chart: Chart; svg: string }>();
  for (const chart of charts) {
    const key = sha256(JSON.stringify(['chart', options.toolVersion, chart.spec, chart.table]));
    const paths = ['svg', 'vl.json', 'csv'].map((ext) => `charts/${chart.id}.${ext}`);
    const { files, status } = await out.produce(paths, key, sources, () => options.renderers.chart(chart));
    svgs.set(chart.id, { chart, svg: text(files.get(`charts/${chart.id}.svg`)) });
    emit({ event: 'chart', id: chart.id, status });
    await options.checkpoint?.();
  }

  const input: ReportInput = {
    edition,
    plans,
    benchmarks,
    charts: svgs,
    diagnostics,
    reference,
    regional: folder.regional ?? null,
    date: options.date,
    leftOut,
  };
  const reportSources = [...sources, 'templates/'];
  const report = async (path: string, view: object, render: () => Promise<Content>) => {
    const key = sha256(JSON.stringify(['report', options.toolVersion, options.templates.sha256, path, view]));
    const { status } = await out.produce(
      [path],
      key,
      reportSources,
      async () => new Map([[path, await render()]]),
    );
    emit({ event: 'report', path, status });
    await options.checkpoint?.();
  };
  const national = nationalView(input, options.templates);
  if (options.formats.has('html'))
    await report('national/summary.html', national, async () =>
      options.renderers.html(national, options.templates),
    );
  if (options.formats.has('pdf'))
    await report('national/summary.pdf', national, () => options.renderers.pdf(national));
  for (const plan of built) {
    const view = regionalView(input, plan.region.id, options.templates);
    const base = `regions/${plan.region.id}/pack`;
    if (options.formats.has('html'))
      await report(`${base}.html`, view, async () => options.renderers.html(view, options.templates));
    if (options.formats.has('pdf')) await report(`${base}.pdf`, view, () => options.renderers.pdf(view));
  }
  for (const plan of others) {
    for (const path of [
      ...out.previousPaths(`regions/${plan.region.id}/`),
      ...out.previousPaths(`charts/${plan.region.id}-`),
    ]) {
      if (out.keep(path) && path.startsWith('regions/')) emit({ event: 'report', path, status: 'kept' });
    }
  }

  const previous = options.previous.manifest;
  const targets = targetSummaries(plans);
  const changes = changesSince(
    previous ? { inputs: previous.inputs, targets: new Map(Object.entries(previous.targets)) } : null,
    inputs,
    targets,
  );
  const entries = [...out.entries.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const bytes = (c: Content) => (typeof c === 'string' ? Buffer.byteLength(c) : c.length);
  const reports: IndexEntry[] = entries
    .filter(([path]) => path.startsWith('national/') || path.startsWith('regions/'))
    .map(([path, e]) => ({ label: reportLabel(path, current), path, bytes: bytes(e.content) }));
  const data: IndexEntry[] = entries
    .filter(([path]) => path.startsWith('data/'))
    .map(([path, e]) => ({ label: path.slice('data/'.length), path, bytes: bytes(e.content) }));
  out.put(
    'index.html',
    renderIndexHtml(
      {
        title: `Regional benchmarks ${edition}`,
        intro: `Benchmark reports for the ${edition} Reducing Reoffending Plan updates of ${current.length} ${current.length === 1 ? 'region' : 'regions'}, and the data behind them.`,
        reports,
        data,
        charts: entries.filter(([path]) => path.endsWith('.svg')).length,
        changes,
      },
      options.templates,
    ),
    [...reportSources],
  );
  return {
    diagnostics,
    leftOut,
    outputs: {
      outputs: out,
      plans,
      benchmarks,
      edition,
      charts: charts.length,
      reports: reports.length,
      changes,
      targets,
    },
  };
}

function text(content: Content | undefined): string {
  if (content === undefined) throw new Error('chart SVG missing');
  return typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
}

function reportLabel(path: string, plans: readonly Plan[]): string {
  const format = FORMAT_LABEL[path.endsWith('.pdf') ? 'pdf' : 'html'];
  if (path.startsWith('national/')) return `National summary (${format})`;
  const id = path.split('/')[1];
  return `${plans.find((p) => p.region.id === id)?.region.name ?? id} pack (${format})`;
}
