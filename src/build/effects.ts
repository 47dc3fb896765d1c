import type { Chart } from '../charts/index.ts';
import type { Templates } from '../render/index.ts';
import type { NationalView, RegionalView } from '../render/view/schema.ts';
import type { Content } from './cache.ts';
import type { Emit } from './events.ts';
import type { InputFolder } from './input.ts';
import type { Manifest } from './manifest.ts';

/**
 * The only doors a build has to the outside world. The command line passes effects over the file
 * system (`fileSystemEffects`); tests pass effects over memory, so incremental, atomic and lock
 * behaviour is tested in milliseconds without a disk.
 */
export interface Effects {
  /** Refuses an output folder that is not an earlier build of this tool, before anything is read. */
  checkOutput(): void;
  /** Takes the one-build-at-a-time lock (or throws, exit 75); returns its release. */
  lock(): () => void;
  /** Undoes what a killed run left behind, then checks the output folder again. */
  recover(): void;
  /** The input: documents and the national reference, read and checked. */
  readInput(): InputFolder;
  /** The templates to word and lay out the reports with. */
  readTemplates(): Templates;
  /** The manifest of the build in the output folder, or null. */
  readManifest(): Manifest | null;
  /** The bytes of a file of the previous build, or null. */
  readOutput(path: string): Uint8Array | null;
  /** Writes every file and swaps them in at once: all or nothing. */
  publish(files: ReadonlyMap<string, Content>): void;
  /** Reports progress and results. */
  emit: Emit;
  /** Lets other work run between steps; throws to stop the build (a signal). */
  checkpoint(): Promise<void>;
}

/** What turns a chart or a view into bytes: the real renderers, or stand-ins in tests. */
export interface Renderers {
  chart(chart: Chart): Promise<Map<string, Content>>;
  html(view: NationalView | RegionalView, templates: Templates): string;
  pdf(view: NationalView | RegionalView): Promise<Uint8Array>;
}
