import { readReadings } from '../ingest/readings.ts';
import type { NationalReference } from '../model/index.ts';
import type { Templates } from '../render/index.ts';
import type { Content } from './cache.ts';
import type { Effects } from './effects.ts';
import { CliError, EXIT } from './errors.ts';
import type { Emit } from './events.ts';
import type { InputFolder } from './input.ts';
import { type Manifest, ManifestSchema, sha256 } from './manifest.ts';

/** A whole input and output in memory: documents, the reference and templates in; files out. */
export interface MemoryWorld {
  documents: Map<string, Uint8Array | string>;
  reference: NationalReference;
  /** readings.json's text, when the input folder has one. */
  readings?: string;
  templates: Templates;
  /** The published output, or null before the first build. */
  out: Map<string, Content> | null;
  locked: boolean;
}

const bytesOf = (c: Content) => (typeof c === 'string' ? new TextEncoder().encode(c) : c);

/**
 * Effects over memory: what the engine does to a disk, done to maps. The benchmark times the
 * engine with them (no disk in the numbers) and the tests check reuse, atomic publishing and the
 * lock in milliseconds.
 */
export function memoryEffects(world: MemoryWorld, emit: Emit): Effects {
  return {
    checkOutput: () => {},
    lock: () => {
      if (world.locked) throw new CliError('another build holds the lock of this output', EXIT.locked);
      world.locked = true;
      return () => {
        world.locked = false;
      };
    },
    recover: () => {},
    readInput: (): InputFolder => ({
      documents: [...world.documents]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([file, content]) => ({ file, bytes: bytesOf(content) })),
      reference: world.reference,
      referenceSha256: sha256(JSON.stringify(world.reference)),
      referenceSource: { file: 'national-figures.json', origin: 'input' },
      ...readingsOf(world.readings),
    }),
    readTemplates: () => world.templates,
    readManifest: (): Manifest | null => {
      const content = world.out?.get('manifest.json');
      if (content === undefined) return null;
      const parsed = ManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(bytesOf(content))));
      return parsed.success ? parsed.data : null;
    },
    readOutput: (path) => {
      const content = world.out?.get(path);
      return content === undefined ? null : bytesOf(content);
    },
    publish: (files) => {
      world.out = new Map(files);
    },
    emit,
    checkpoint: async () => {},
  };
}

/** readings.json read as the file-system effects read it: refused whole, with its errors, when invalid. */
function readingsOf(
  text: string | undefined,
): Pick<InputFolder, 'readings' | 'readingsSha256' | 'diagnostics'> {
  if (text === undefined) return { readings: [], readingsSha256: null, diagnostics: [] };
  const result = readReadings(text);
  return result.ok
    ? { readings: result.readings, readingsSha256: sha256(text), diagnostics: [] }
    : { readings: [], readingsSha256: sha256(text), diagnostics: result.diagnostics };
}
