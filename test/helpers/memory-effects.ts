import type { BuildEvent, Content, Effects, Renderers } from '../../src/build/index.ts';
import { CliError, EXIT } from '../../src/build/index.ts';
import { memoryEffects as inMemory, type MemoryWorld } from '../../src/build/memory-effects.ts';
import { reference } from './metrics.ts';
import { TEMPLATES } from './views.ts';

/** A file system in memory: the input documents, the output folder, and a lock. */
export interface World extends MemoryWorld {
  /** Fails the next publish half-way through writing, as a full disk would. */
  failPublish: boolean;
}

export function world(documents: Record<string, string>): World {
  return {
    documents: new Map(Object.entries(documents)),
    reference: reference(),
    templates: TEMPLATES,
    out: null,
    locked: false,
    failPublish: false,
  };
}

/** The engine's effects over memory, with its events recorded and a publish that can be made to fail. */
export function memoryEffects(w: World): Effects & { events: BuildEvent[] } {
  const events: BuildEvent[] = [];
  const effects = inMemory(w, (e) => events.push(e));
  return {
    ...effects,
    events,
    publish: (files) => {
      if (w.failPublish) {
        // As a full disk would, part-way through staging: nothing is swapped in.
        w.failPublish = false;
        throw new CliError('no space left on device (ENOSPC)', EXIT.io);
      }
      effects.publish(files);
    },
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
