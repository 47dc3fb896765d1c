import { createRequire } from 'node:module';
import { counted } from '../format/index.ts';
import { REFERENCE_FILE } from '../ingest/reference.ts';
import { type NationalReference, READINGS_FILE, REGIONAL_FIGURES_FILE } from '../model/index.ts';
import { toJson } from '../render/data/json.ts';
import { renderReportHtml } from '../render/html/page.ts';
import type { Content } from './cache.ts';
import type { Effects, Renderers } from './effects.ts';
import { EXIT } from './errors.ts';
import { diagnosticEvents, tallyOf } from './events.ts';
import type { InputFolder } from './input.ts';
import { MANIFEST_FORMAT, type Manifest, sha256, TOOL_NAME } from './manifest.ts';
import type { Format } from './pipeline.ts';

/** What the user chose; what the previous build left is read through the effects. */
export interface BuildOptions {
  /** The output folder, as named in messages. */
  out: string;
  formats: ReadonlySet<Format>;
  /** --region: only these packs (and the national summary) are built; other packs are kept. */
  regions: ReadonlySet<string> | null;
  /** --force: render everything, reusing nothing from the previous build. */
  force: boolean;
  /** SOURCE_DATE_EPOCH, when the caller fixes the report date (reproducible builds). */
  epoch?: string | undefined;
  /** --keep-going: documents with errors are left out, the others published; the exit is still 1. */
  keepGoing?: boolean;
}

export const TOOL = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

/**
 * The renderers a real build uses. Vega, vega-lite and pdfmake are loaded on first use, not at
 * start: a build with nothing to do (the scheduled case) never needs them.
 */
export const RENDERERS: Renderers = {
  chart: async (chart) => (await import('../charts/files.ts')).chartFiles(chart),
  html: renderReportHtml,
  pdf: async (view) => {
    const { nationalPdf, regionalPdf, renderPdf } = await import('../render/pdf/index.ts');
    return renderPdf(view.kind === 'national' ? nationalPdf(view) : regionalPdf(view));
  },
};

/**
 * One build: refuses an output folder that is not ours, takes the lock, reads the input, renders
 * only what changed since the previous build, and publishes everything at once or nothing. Every
 * outcome ends with one final event: `published`, `up-to-date` or `failed` (input errors); an
 * error that stops the build (the lock, the file system, a signal, a bug) is thrown for the caller.
 */
export async function build(
  options: BuildOptions,
  effects: Effects,
  renderers: Renderers = RENDERERS,
): Promise<number> {
  effects.checkOutput();
  const release = effects.lock();
  try {
    effects.recover();
    return await buildLocked(options, effects, renderers);
  } finally {
    try {
      release();
    } catch {
      // The lock stays taken by this process, which is about to end: the next run takes it over.
    }
  }
}

async function buildLocked(options: BuildOptions, effects: Effects, renderers: Renderers): Promise<number> {
  const { emit } = effects;
  await effects.checkpoint();
  const templates = effects.readTemplates();
  const folder = effects.readInput();
  emit({
    event: 'reference',
    file: folder.referenceSource.file,
    origin: folder.referenceSource.origin,
    version: folder.reference?.version ?? null,
  });
  const date = reportDate(options.epoch, folder.reference);
  const inputs = manifestInputs(folder);
  const fingerprint = sha256(
    JSON.stringify([
      TOOL.version,
      inputs.map((i) => [i.path, i.sha256]),
      templates.sha256,
      [...options.formats].sort(),
      options.regions ? [...options.regions].sort() : null,
      date,
      // Appended only when set, so a build without the flag keeps the fingerprint it had.
      ...(options.keepGoing ? ['keep-going'] : []),
    ]),
  );
  const manifest = effects.readManifest();
  const previous = { manifest, read: effects.readOutput };
  // A build that left documents out is never up to date: their errors are reported again, and
  // the exit is 1 again, until they are fixed.
  if (
    !options.force &&
    manifest?.fingerprint === fingerprint &&
    (manifest.left_out ?? []).length === 0 &&
    intact(manifest, effects)
  ) {
    emit({ event: 'up-to-date', exit: EXIT.ok, out: options.out, plans: manifest.counts.plans });
    return EXIT.ok;
  }

  // Templates are parsed only when there is something to build (unchanged, they parsed last time);
  // one that does not parse stops the build here, before anything is rendered.
  templates.check();
  // The pipeline (ingest, metrics, charts, views) is loaded only when there is something to build.
  const { runPipeline } = await import('./pipeline.ts');
  const { diagnostics, outputs, leftOut } = await runPipeline(folder, inputs, {
    templates,
    formats: options.formats,
    date,
    regions: options.regions,
    previous,
    force: options.force,
    emit,
    toolVersion: TOOL.version,
    checkpoint: effects.checkpoint,
    renderers,
    keepGoing: options.keepGoing ?? false,
  });
  diagnosticEvents(diagnostics, emit);
  const leftOutEvent = leftOut.map((l) => ({
    file: l.file,
    ...(l.line === undefined ? {} : { line: l.line }),
    message: l.message,
  }));
  const tally = tallyOf(diagnostics);
  if (!outputs) {
    emit({
      event: 'failed',
      exit: EXIT.inputErrors,
      out: options.out,
      message: `${counted(tally.errors, 'error')}, ${counted(tally.warnings, 'warning')}, ${counted(tally.notes, 'note')}; nothing was written to ${options.out}.${options.keepGoing ? ' (--keep-going leaves out only documents with errors; an error in the national reference, readings.json or the input folder, or no document left to publish, stops the build.)' : ''}`,
      ...tally,
    });
    return EXIT.inputErrors;
  }

  const regionOf = new Map(outputs.plans.map((p) => [p.source.file, p]));
  const files = new Map<string, Content>([...outputs.outputs.entries].map(([path, e]) => [path, e.content]));
  const record: Manifest = {
    format: MANIFEST_FORMAT,
    tool: { name: TOOL_NAME, version: TOOL.version },
    fingerprint,
    inputs: inputs.map((i) => ({
      ...i,
      region_id: regionOf.get(i.path)?.region.id ?? i.region_id,
      edition: regionOf.get(i.path)?.edition ?? i.edition,
    })),
    templates_sha256: templates.sha256,
    ...(folder.reference && folder.referenceSha256
      ? {
          reference: {
            ...folder.referenceSource,
            version: folder.reference.version,
            sha256: folder.referenceSha256,
          },
        }
      : {}),
    outputs: [...outputs.outputs.entries].map(([path, e]) => ({
      path,
      sha256: sha256(e.content),
      bytes: typeof e.content === 'string' ? Buffer.byteLength(e.content) : e.content.length,
      key: e.key,
      built_from: e.builtFrom,
    })),
    targets: Object.fromEntries(outputs.targets),
    counts: {
      documents: folder.documents.length,
      plans: outputs.plans.length,
      targets: outputs.targets.size,
      charts: outputs.charts,
      reports: outputs.reports,
    },
    changes: outputs.changes,
    ...(leftOut.length > 0 ? { left_out: leftOutEvent } : {}),
  };
  files.set('manifest.json', toJson(record));
  // A stop is acted on just before publishing; publishing itself is all or nothing.
  await effects.checkpoint();
  effects.publish(files);
  // Published with documents left out is still a failure to read them: exit 1, for the scheduler.
  const exit = leftOut.length > 0 ? EXIT.inputErrors : EXIT.ok;
  emit({
    event: 'published',
    exit,
    out: options.out,
    plans: outputs.plans.length,
    files: files.size,
    rendered: outputs.outputs.rendered,
    reused: outputs.outputs.reused,
    kept: outputs.outputs.kept,
    ...tally,
    ...(leftOut.length > 0 ? { left_out: leftOutEvent } : {}),
  });
  return exit;
}

/** Every input with its hash, hashed once; documents' regions and editions are filled in once they are read. */
function manifestInputs(folder: InputFolder): Manifest['inputs'] {
  return [
    ...folder.documents.map((d) => ({
      path: d.file,
      sha256: sha256(d.bytes),
      region_id: null,
      edition: null,
    })),
    ...(folder.referenceSha256
      ? [{ path: REFERENCE_FILE, sha256: folder.referenceSha256, region_id: null, edition: null }]
      : []),
    ...(folder.readingsSha256
      ? [{ path: READINGS_FILE, sha256: folder.readingsSha256, region_id: null, edition: null }]
      : []),
    ...(folder.regionalSha256
      ? [{ path: REGIONAL_FIGURES_FILE, sha256: folder.regionalSha256, region_id: null, edition: null }]
      : []),
  ];
}

/** True when every output the manifest lists is there with the bytes it recorded. */
function intact(manifest: Manifest, effects: Effects): boolean {
  return manifest.outputs.every((o) => {
    const bytes = effects.readOutput(o.path);
    return bytes !== null && sha256(bytes) === o.sha256;
  });
}

/**
 * The date reports carry: SOURCE_DATE_EPOCH when the caller fixes one (reproducible builds),
 * otherwise the newest publication date in the national reference, so it follows the inputs and
 * never the clock.
 */
export function reportDate(epoch: string | undefined, reference: NationalReference | null): string {
  if (epoch !== undefined && /^\d+$/.test(epoch))
    return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const dates = (reference?.figures ?? []).map((f) =>
    f.source.published.length === 7 ? `${f.source.published}-01` : f.source.published,
  );
  return dates.sort().at(-1) ?? '2000-01-01';
}
