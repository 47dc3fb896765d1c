import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REFERENCE_FILE } from '../ingest/index.ts';
import type { NationalReference } from '../model/index.ts';
import { toJson } from '../render/data/index.ts';
import { loadTemplates, TemplateError } from '../render/index.ts';
import { CliError, EXIT, EXIT_SIGNAL, type StopSignal, systemError } from './errors.ts';
import { diagnosticEvents, type Emit, FINAL_EVENTS, tallyOf } from './events.ts';
import { type InputFolder, readInputFolder } from './input.ts';
import { acquireLock } from './lock.ts';
import { MANIFEST_FORMAT, type Manifest, readManifest, sha256, TOOL_NAME } from './manifest.ts';
import { previousBuild } from './outputs.ts';
import { type Format, runPipeline } from './pipeline.ts';
import { assertReplaceable, checkOutputFolder, publish, recoverInterruptedPublish } from './publish.ts';

export interface BuildOptions {
  input: string;
  /** --reference FILE; null or absent: the input folder's national-figures.json, else the project's. */
  reference?: string | null;
  out: string;
  templates: string | null;
  formats: ReadonlySet<Format>;
  /** --region: only these packs (and the national summary) are built; other packs are kept. */
  regions: ReadonlySet<string> | null;
  /** --force: render everything, reusing nothing from the previous build. */
  force: boolean;
  /**
   * Aborted on SIGTERM or SIGINT: the build stops at its next step and never publishes; the lock
   * is released and the output folder is as it was. The abort reason is the signal's name.
   */
  signal?: AbortSignal;
}

/** The templates that ship with the tool, found from this file so the command works from any folder. */
export const DEFAULT_TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

export const TOOL = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };

/**
 * One build: one at a time per output folder, published atomically, only what changed rendered.
 * It always ends with one final event: `published`, `up-to-date` or `failed`. A build stopped by
 * an error (a held lock, a template, the file system, a stop signal, a bug) emits `failed` with the
 * exit code and message, then throws the error on for the caller to print; so a watch's rebuilds
 * end with an event too.
 */
export async function runBuild(
  options: BuildOptions,
  emit: Emit,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let finished = false;
  const tracked: Emit = (e) => {
    if (FINAL_EVENTS.has(e.event)) finished = true;
    emit(e);
  };
  try {
    return await buildWithLock(options, tracked, env);
  } catch (thrown) {
    if (!finished) {
      const error = systemError(thrown) ?? thrown;
      const known = error instanceof CliError || error instanceof TemplateError;
      const message = error instanceof Error ? error.message : String(error);
      emit({
        event: 'failed',
        exit: known ? error.exitCode : EXIT.internal,
        out: options.out,
        message: known ? message : `internal error: ${message}`,
        errors: 0,
        warnings: 0,
        notes: 0,
        thrown: true,
      });
    }
    throw thrown;
  }
}

async function buildWithLock(options: BuildOptions, emit: Emit, env: NodeJS.ProcessEnv): Promise<number> {
  // Before the lock (which is made beside --out) and before any input is read.
  checkOutputFolder(options);
  const release = acquireLock(options.out);
  try {
    recoverInterruptedPublish(options.out);
    // What was put back must be an earlier build too; refused before anything is read.
    assertReplaceable(options.out);
    return await buildLocked(options, emit, env);
  } finally {
    try {
      release();
    } catch {
      // The lock stays taken by this process, which is about to end: the next run takes it over.
    }
  }
}

async function buildLocked(options: BuildOptions, emit: Emit, env: NodeJS.ProcessEnv): Promise<number> {
  // A stop (SIGTERM, SIGINT) is acted on after each chart and report and just before publishing;
  // publishing is synchronous, so a stop never lands half-way through it.
  const checkpoint = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    stopIfAborted(options);
  };
  stopIfAborted(options);
  const templates = loadTemplates(options.templates ?? DEFAULT_TEMPLATES);
  const folder = readInputFolder(options.input, { reference: options.reference ?? null });
  emit({
    event: 'reference',
    file: folder.referenceSource.file,
    origin: folder.referenceSource.origin,
    version: folder.reference?.version ?? null,
  });
  const date = reportDate(env.SOURCE_DATE_EPOCH, folder.reference);
  const inputs = manifestInputs(folder);
  const fingerprint = sha256(
    JSON.stringify([
      TOOL.version,
      inputs.map((i) => [i.path, i.sha256]),
      templates.sha256,
      [...options.formats].sort(),
      options.regions ? [...options.regions].sort() : null,
      date,
    ]),
  );
  const manifest = readManifest(options.out);
  if (!options.force && manifest?.fingerprint === fingerprint && outputsIntact(options.out, manifest)) {
    emit({ event: 'up-to-date', exit: EXIT.ok, out: options.out, plans: manifest.counts.plans });
    return EXIT.ok;
  }

  const { diagnostics, outputs } = await runPipeline(folder, inputs, {
    templates,
    formats: options.formats,
    date,
    regions: options.regions,
    previous: previousBuild(options.out, manifest),
    force: options.force,
    previousManifest: manifest,
    emit,
    toolVersion: TOOL.version,
    checkpoint,
  });
  diagnosticEvents(diagnostics, emit);
  const tally = tallyOf(diagnostics);
  if (!outputs) {
    emit({
      event: 'failed',
      exit: EXIT.inputErrors,
      out: options.out,
      message: `${tally.errors} ${tally.errors === 1 ? 'error' : 'errors'}, ${tally.warnings} ${tally.warnings === 1 ? 'warning' : 'warnings'}, ${tally.notes} ${tally.notes === 1 ? 'note' : 'notes'}; nothing was written to ${options.out}.`,
      ...tally,
    });
    return EXIT.inputErrors;
  }

  const regionOf = new Map(outputs.plans.map((p) => [p.source.file, p]));
  const files = new Map([...outputs.outputs.entries].map(([path, e]) => [path, e.content]));
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
  };
  files.set('manifest.json', toJson(record));
  await checkpoint();
  publish(options.out, files);
  emit({
    event: 'published',
    exit: EXIT.ok,
    out: options.out,
    plans: outputs.plans.length,
    files: files.size,
    rendered: outputs.outputs.rendered,
    reused: outputs.outputs.reused,
    kept: outputs.outputs.kept,
    ...tally,
  });
  return EXIT.ok;
}

/**
 * Ends a build that was asked to stop, before it publishes: exit 128 + the signal's number (143 for
 * SIGTERM, 130 for SIGINT), as a shell reports a process the signal ended.
 */
function stopIfAborted(options: BuildOptions): void {
  const signal = options.signal;
  if (!signal?.aborted) return;
  const name: StopSignal = signal.reason === 'SIGINT' ? 'SIGINT' : 'SIGTERM';
  throw new CliError(
    `stopped by ${name} before publishing: nothing was written, and ${options.out} is as it was. Run the build again to publish.`,
    EXIT_SIGNAL[name],
  );
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
  ];
}

/** True when every output the manifest lists is on disk with the bytes it recorded. */
function outputsIntact(outDir: string, manifest: Manifest): boolean {
  const previous = previousBuild(outDir, manifest);
  return manifest.outputs.every((o) => {
    const bytes = previous.read(o.path);
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
