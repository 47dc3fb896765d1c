import { type Manifest, sha256 } from './manifest.ts';

export type Content = string | Uint8Array;

export interface OutputEntry {
  content: Content;
  key: string;
  builtFrom: string[];
}

/** The previous build in the output folder, as a source of bytes that need not be rendered again. */
export interface PreviousBuild {
  manifest: Manifest | null;
  read(path: string): Uint8Array | null;
}

/**
 * Every file a build publishes, each with the key of what it was made from. A group of files with
 * the same key as last time, whose bytes on disk still match the manifest, is taken as it was;
 * anything else is rendered. Rendering is the expensive part (charts and PDFs); everything else
 * is recomputed on every run.
 */
export class Outputs {
  readonly entries = new Map<string, OutputEntry>();
  readonly rendered: string[] = [];
  reused = 0;
  kept = 0;

  /**
   * `previous` is the build being replaced; `reuse` false (--force) renders everything, though
   * files this run does not build at all (other regions under --region) are still kept from it.
   */
  constructor(
    private readonly previous: PreviousBuild,
    private readonly reuse: boolean,
  ) {}

  /** The previous bytes of a path, if its recorded key is `key` and the file is intact. */
  private reusable(path: string, key: string): Uint8Array | null {
    if (!this.reuse) return null;
    const entry = this.previous.manifest?.outputs.find((o) => o.path === path);
    if (!entry || entry.key !== key) return null;
    const bytes = this.previous.read(path);
    return bytes && sha256(bytes) === entry.sha256 ? bytes : null;
  }

  /** Renders a group of files that share one key, or reuses all of them. Returns their contents. */
  async produce(
    paths: readonly string[],
    key: string,
    builtFrom: string[],
    render: () => Promise<Map<string, Content>>,
  ): Promise<{ files: Map<string, Content>; status: 'rendered' | 'reused' }> {
    const previous = paths.map((p) => [p, this.reusable(p, key)] as const);
    if (previous.every(([, bytes]) => bytes !== null)) {
      const files = new Map<string, Content>(previous.map(([p, bytes]) => [p, bytes as Uint8Array]));
      for (const [p, content] of files) this.entries.set(p, { content, key, builtFrom });
      this.reused += files.size;
      return { files, status: 'reused' };
    }
    const files = await render();
    for (const [p, content] of files) {
      this.entries.set(p, { content, key, builtFrom });
      this.rendered.push(p);
    }
    return { files, status: 'rendered' };
  }

  /** A file computed on every run: counted as rendered only when its bytes differ from last time. */
  put(path: string, content: Content, builtFrom: string[]): void {
    const key = sha256(content);
    this.entries.set(path, { content, key, builtFrom });
    if (this.reusable(path, key)) this.reused += 1;
    else this.rendered.push(path);
  }

  /** Keeps a previous file that this run does not build (another region's pack under --region). */
  keep(path: string): boolean {
    const entry = this.previous.manifest?.outputs.find((o) => o.path === path);
    const bytes = this.previous.read(path);
    if (!entry || !bytes || sha256(bytes) !== entry.sha256) return false;
    this.entries.set(path, { content: bytes, key: entry.key, builtFrom: entry.built_from });
    this.kept += 1;
    return true;
  }

  previousPaths(prefix: string): string[] {
    return (this.previous.manifest?.outputs ?? []).map((o) => o.path).filter((p) => p.startsWith(prefix));
  }
}
