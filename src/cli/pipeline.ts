import { chartFiles, nationalCharts, regionalCharts } from '../charts/index.ts';
import { ingest } from '../ingest/index.ts';
import { computeBenchmarks } from '../metrics/index.ts';
import {
  type Benchmarks,
  type Diagnostic,
  hasErrors,
  type NationalReference,
  type Plan,
  sortDiagnostics,
} from '../model/index.ts';
import { benchmarksCsv, targetsCsv, toJson } from '../render/data/index.ts';
import {
  type IndexEntry,
  nationalPdf,
  nationalView,
  type ReportInput,
  regionalPdf,
  regionalView,
  renderIndexHtml,
  renderPdf,
  renderReportHtml,
  type Templates,
} from '../render/index.ts';
import type { InputFolder } from './input.ts';

export type Format = 'html' | 'pdf';

export interface PipelineOptions {
  templates: Templates;
  formats: ReadonlySet<Format>;
  /** YYYY-MM-DD for report dates and PDF metadata. */
  date: string;
}

export interface PipelineResult {
  diagnostics: Diagnostic[];
  /** Null when any diagnostic is an error: nothing may be published then. */
  outputs: {
    files: Map<string, string>;
    /** PDFs. */
    binary: Map<string, Uint8Array>;
    plans: Plan[];
    benchmarks: Benchmarks;
    edition: number;
  } | null;
}

/**
 * Everything a build publishes, computed in memory from the input folder: ingest, metrics,
 * charts. No file is touched here; the caller publishes the result atomically or not at all.
 */
export async function runPipeline(folder: InputFolder, options: PipelineOptions): Promise<PipelineResult> {
  const result = ingest(folder.documents);
  const metrics =
    folder.reference && !hasErrors(result.diagnostics)
      ? computeBenchmarks(result.plans, folder.reference)
      : null;
  const diagnostics = sortDiagnostics([
    ...folder.diagnostics,
    ...result.diagnostics,
    ...(metrics?.diagnostics ?? []),
  ]);
  if (hasErrors(diagnostics) || !metrics || result.plans.length === 0) return { diagnostics, outputs: null };

  const { benchmarks } = metrics;
  const plans = result.plans;
  // The annual summary is of the latest edition in the run; earlier ones feed attainment.
  const edition = Math.max(...plans.map((p) => p.edition));
  const current = plans.filter((p) => p.edition === edition);
  const ctx = { edition, benchmarks, plans: current };
  const charts = [...nationalCharts(ctx), ...current.flatMap((p) => regionalCharts(ctx, p.region.id))];

  const files = new Map<string, string>([
    ['data/plans.json', toJson({ plans })],
    ['data/targets.csv', targetsCsv(plans)],
    ['data/benchmarks.csv', benchmarksCsv(benchmarks.rows)],
    ['data/benchmarks.json', toJson(benchmarks)],
    ['data/diagnostics.json', toJson({ diagnostics })],
  ]);
  const rendered = new Map<string, { chart: (typeof charts)[number]; svg: string }>();
  for (const chart of charts) {
    for (const [path, content] of await chartFiles(chart)) {
      files.set(path, content);
      if (path.endsWith('.svg')) rendered.set(chart.id, { chart, svg: content });
    }
  }

  const input: ReportInput = {
    edition,
    plans,
    benchmarks,
    charts: rendered,
    diagnostics,
    reference: folder.reference as NationalReference,
    date: options.date,
  };
  const reports: IndexEntry[] = [];
  const binary = new Map<string, Uint8Array>();
  const add = (label: string, path: string, content: string | Uint8Array) => {
    if (typeof content === 'string') files.set(path, content);
    else binary.set(path, content);
    reports.push({
      label,
      path,
      bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
    });
  };
  const national = nationalView(input, options.templates);
  if (options.formats.has('html'))
    add('National summary (HTML)', 'national/summary.html', renderReportHtml(national, options.templates));
  if (options.formats.has('pdf'))
    add('National summary (PDF)', 'national/summary.pdf', await renderPdf(nationalPdf(national)));
  for (const plan of current) {
    const view = regionalView(input, plan.region.id, options.templates);
    const base = `regions/${plan.region.id}/pack`;
    if (options.formats.has('html'))
      add(`${plan.region.name} pack (HTML)`, `${base}.html`, renderReportHtml(view, options.templates));
    if (options.formats.has('pdf'))
      add(`${plan.region.name} pack (PDF)`, `${base}.pdf`, await renderPdf(regionalPdf(view)));
  }
  const data: IndexEntry[] = [...files.entries()]
    .filter(([path]) => path.startsWith('data/'))
    .map(([path, content]) => ({
      label: path.slice('data/'.length),
      path,
      bytes: Buffer.byteLength(content),
    }));
  files.set(
    'index.html',
    renderIndexHtml(
      {
        title: `Regional benchmarks ${edition}`,
        intro: `Benchmark reports for the ${edition} Reducing Reoffending Plan updates of ${current.length} ${current.length === 1 ? 'region' : 'regions'}, and the data behind them.`,
        reports,
        data,
        charts: charts.length,
      },
      options.templates,
    ),
  );
  return { diagnostics, outputs: { files, binary, plans, benchmarks, edition } };
}
