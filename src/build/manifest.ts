import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REFERENCE_FILE } from '../ingest/reference.ts';
import type { Plan } from '../model/index.ts';

export { sha256 } from '../model/index.ts';

const Changes = z
  .object({
    added: z.array(z.string()),
    changed: z.array(z.string()),
    removed: z.array(z.string()),
  })
  .strict();

/** What a build's manifest.json says it was written by: the marker that an output folder is ours. */
export const TOOL_NAME = 'regional-benchmarks';
/** The manifest's layout; raise it when the layout changes, so older builds are told apart. */
export const MANIFEST_FORMAT = 1;

/** A path inside the output folder: relative, with no `.` or `..` step, so it can never lead out of it. */
const OutputPath = z
  .string()
  .regex(/^[\w-][\w.-]*(\/[\w-][\w.-]*)*$/, 'expected a relative path inside the output folder')
  .refine((p) => !p.split('/').includes('..'), 'expected a path with no ".." step');

const ManifestFields = z
  .object({
    tool: z.object({ name: z.literal(TOOL_NAME), version: z.string() }).strict(),
    fingerprint: z
      .string()
      .describe(
        'hash of every input, the templates, the tool version and the options: equal means nothing to do',
      ),
    inputs: z
      .array(
        z
          .object({
            path: z.string(),
            sha256: z.string(),
            region_id: z.string().nullable(),
            edition: z.number().nullable(),
          })
          .strict(),
      )
      .describe('every document and the national reference, relative to the input folder'),
    templates_sha256: z.string(),
    reference: z
      .object({
        file: z.string(),
        origin: z.enum(['option', 'input', 'project']),
        version: z.string(),
        sha256: z.string(),
      })
      .strict()
      .optional()
      .describe(
        "the national reference used: given with --reference (option), national-figures.json in the input folder (input), or the project's own (project)",
      ),
    outputs: z.array(
      z
        .object({
          path: OutputPath,
          sha256: z.string(),
          bytes: z.number().int(),
          key: z
            .string()
            .describe('hash of what the output was rendered from; an equal key means it can be reused'),
          built_from: z.array(z.string()),
        })
        .strict(),
    ),
    targets: z
      .record(z.string(), z.string())
      .describe("every quantitative target's figures, to tell what changed next time"),
    counts: z
      .object({
        documents: z.number(),
        plans: z.number(),
        targets: z.number(),
        charts: z.number(),
        reports: z.number(),
      })
      .strict(),
    changes: z
      .object({ documents: Changes, targets: Changes })
      .strict()
      .describe('what changed since the build this one replaced'),
    left_out: z
      .array(
        z
          .object({ file: z.string(), line: z.number().int().positive().optional(), message: z.string() })
          .strict(),
      )
      .optional()
      .describe(
        'documents --keep-going left out, each with its first error; absent when none was. A build with any is never up to date',
      ),
  })
  .strict();

export const ManifestSchema = ManifestFields.extend({
  format: z.literal(MANIFEST_FORMAT).describe('the layout of this file; see MANIFEST_FORMAT'),
}).strict();
/** A build from before the manifest had a format: still ours, but its outputs are not reused. */
export const ManifestWithoutFormatSchema = ManifestFields;
export type Manifest = z.infer<typeof ManifestSchema>;
export type ManifestChanges = Manifest['changes'];

/** The manifest of the build in `outDir`, or null when there is none or it cannot be trusted. */
export function readManifest(outDir: string): Manifest | null {
  try {
    return ManifestSchema.parse(JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')));
  } catch {
    return null;
  }
}

const targetKey = (p: Plan, measure: string) => `${p.region.id} ${p.edition} ${measure}`;

/** Targets as comparable strings: "north-east 2023 housed-first-night" → its figures. */
export function targetSummaries(plans: readonly Plan[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of plans) {
    for (const t of p.sections.flatMap((s) => s.targets)) {
      if (t.measure === 'qualitative') continue;
      out.set(
        targetKey(p, t.measure),
        JSON.stringify([t.kind, t.baselinePct, t.baselinePeriod, t.changePp, t.targetPct, t.targetMonth]),
      );
    }
  }
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>) {
  const sorted = (xs: Iterable<string>) => [...xs].sort();
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    changed: sorted([...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k))),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
  };
}

/** Documents and targets added, changed and removed since the previous build's manifest. */
export function changesSince(
  previous: { inputs: Manifest['inputs']; targets: Map<string, string> } | null,
  inputs: Manifest['inputs'],
  targets: Map<string, string>,
): ManifestChanges {
  const docs = (xs: Manifest['inputs']) =>
    new Map(xs.filter((i) => i.path !== REFERENCE_FILE).map((i) => [i.path, i.sha256]));
  return {
    documents: diff(docs(previous?.inputs ?? []), docs(inputs)),
    targets: diff(previous?.targets ?? new Map(), targets),
  };
}
