import { type Diagnostic, diagnostic, type Plan, REGIONS, sortDiagnostics } from '../model/index.ts';
import { parsePlan } from './parse-plan.ts';
import type { ExtractedText } from './pdf/types.ts';
import { applyReadings, type LocatedReading, type UnreadTarget } from './readings.ts';

export interface InputDocument {
  /** Name relative to the input folder; it identifies the file in diagnostics, never the region. */
  file: string;
  bytes: Uint8Array;
  /**
   * For a PDF, the text read from it and where its lines stand (read before ingest, by
   * build/input.ts readPdfs); null when it could not be read, its error already reported.
   */
  extracted?: ExtractedText | null;
}

export interface IngestResult {
  plans: Plan[];
  diagnostics: Diagnostic[];
  /** Target sentences still unread (no analyst's reading replaced their error), for `validate`'s entries to fill in. */
  unread: Array<UnreadTarget & { file: string }>;
}

/**
 * Every document of a run into plans. Pure: the caller reads the folder. Plans come out in
 * registry order then edition, so outputs never depend on file names or directory order.
 */
export function ingest(
  documents: readonly InputDocument[],
  readings: readonly LocatedReading[] = [],
): IngestResult {
  // A PDF's reading names a page and a line on it; the parsed text's lines are found from them.
  const maps = new Map(documents.flatMap((d) => (d.extracted ? [[d.file, d.extracted] as const] : [])));
  const read = applyReadings(
    [...documents]
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
      .map((d) =>
        d.extracted === null
          ? { file: d.file, plan: null, diagnostics: [] }
          : parsePlan(d.file, d.bytes, d.extracted),
      )
      .map((p) => ({ ...p, unread: p.unread ?? [] })),
    readings,
    maps,
  );
  const parsed = read.parsed;
  const diagnostics = [...parsed.flatMap((p) => p.diagnostics), ...read.diagnostics];
  const unread = parsed.flatMap((p) => p.unread.map((u) => ({ ...u, file: p.file })));
  const plans = parsed.flatMap((p) => (p.plan ? [p.plan] : []));

  const byKey = new Map<string, Plan[]>();
  for (const plan of plans) {
    const key = `${plan.region.id}@${plan.edition}`;
    byKey.set(key, [...(byKey.get(key) ?? []), plan]);
  }
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const plan of group) {
      const others = group.filter((p) => p !== plan).map((p) => p.source.file);
      diagnostics.push(
        diagnostic(
          'error',
          'duplicate-plan',
          plan.source.file,
          undefined,
          `expected one document per region and edition; found ${plan.region.name} ${plan.edition} also in ${others.join(', ')}. Remove the older copy.`,
        ),
      );
    }
  }

  const order = new Map(REGIONS.map((r, i) => [r.id, i]));
  plans.sort(
    (a, b) => (order.get(a.region.id) ?? 0) - (order.get(b.region.id) ?? 0) || a.edition - b.edition,
  );
  return { plans, diagnostics: sortDiagnostics(diagnostics), unread };
}
