import { createHash } from 'node:crypto';
import type { BuildEvent } from '../../src/build/events.ts';
import type { Content, Effects, Emit, InputFolder, Renderers } from '../../src/build/index.ts';
import { CliError, EXIT } from '../../src/build/index.ts';
import { ManifestSchema } from '../../src/build/manifest.ts';
import { reference } from './metrics.ts';
import { TEMPLATES } from './views.ts';

/** A file system in memory: the input documents, the output folder, and a lock. */
export interface World {
  documents: Map<string, string>;
  out: Map<string, Content> | null;
  locked: boolean;
  /** Fails the next publish half-way through writing, as a full disk would. */
  failPublish: boolean;
}

export function world(documents: Record<string, string>): World {
  return { documents: new Map(Object.entries(documents)), out: null, locked: false, failPublish: false };
}

const sha = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

/** Effects over a World: what the engine would do to a disk, done to maps, in milliseconds. */
export function memoryEffects(w: World): Effects & { events: BuildEvent[] } {
  const events: BuildEvent[] = [];
  const emit: Emit = (e) => events.push(e);
  const ref = reference();
  const referenceText = JSON.stringify(ref);
  return {
    events,
    checkOutput: () => {},
    lock: () => {
      if (w.locked) throw new CliError('another build holds the lock', EXIT.locked);
      w.locked = true;
      return () => {
        w.locked = false;
      };
    },
    recover: () => {},
    readInput: (): InputFolder => ({
      documents: [...w.documents]
        .sort()
        .map(([file, text]) => ({ file, bytes: new TextEncoder().encode(text) })),
      reference: ref,
      referenceSha256: sha(referenceText),
      referenceSource: { file: 'national-figures.json', origin: 'input' },
      diagnostics: [],
    }),
    readTemplates: () => TEMPLATES,
    readManifest: () => {
      const text = w.out?.get('manifest.json');
      if (text === undefined) return null;
      const parsed = ManifestSchema.safeParse(JSON.parse(String(text)));
      return parsed.success ? parsed.data : null;
    },
    readOutput: (path) => {
      const c = w.out?.get(path);
      return c === undefined ? null : typeof c === 'string' ? new TextEncoder().encode(c) : c;
    },
    publish: (files) => {
      // Staged aside, swapped in whole: a failure part-way leaves the previous output as it was.
      const staged = new Map<string, Content>();
      for (const [path, content] of files) {
        if (w.failPublish && staged.size > files.size / 2) {
          w.failPublish = false;
          throw new CliError('no space left on device (ENOSPC)', EXIT.io);
        }
        staged.set(path, content);
      }
      w.out = staged;
    },
    emit,
    checkpoint: async () => {},
  };
}

/** Stand-in renderers that count what they are asked to render and make small, stable bytes. */
export function standInRenderers(): Renderers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    chart: async (chart) => {
      calls.push(`chart ${chart.id}`);
      return new Map<string, Content>([
        [`charts/${chart.id}.svg`, `<svg>${chart.title}</svg>`],
        [`charts/${chart.id}.vl.json`, '{}'],
        [`charts/${chart.id}.csv`, 'a\n'],
      ]);
    },
    html: (view) => {
      calls.push(`html ${view.path}`);
      return `<html>${view.title}</html>`;
    },
    pdf: async (view) => {
      calls.push(`pdf ${view.path}`);
      return new TextEncoder().encode(`%PDF ${view.title}`);
    },
  };
}
