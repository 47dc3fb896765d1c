import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isAlive } from './alive.ts';
import { CliError, EXIT } from './errors.ts';
import { MANIFEST_FORMAT, ManifestSchema, ManifestWithoutFormatSchema, TOOL_NAME } from './manifest.ts';

/** Output files by path relative to the output folder. */
export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

/** A manifest larger than this is not one a build wrote (the seeds' is 60 KB). */
const MANIFEST_LIMIT = 64 * 1024 * 1024;

const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + sep);

/** Where a path really is, links followed, for as much of it as exists. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPath(parent), basename(path));
  }
}

/**
 * Everything that can be told about --out before a single input is read: it must be a new folder,
 * an empty one, or an earlier build of this tool and nothing else, and it must be a folder that a
 * build can replace by renaming. A mistyped --out then costs nothing, and never someone's files.
 * Checked again just before publishing, in case something was put there during the build.
 */
export function checkOutputFolder(options: {
  out: string;
  input: string;
  templates: string | null;
  reference?: string | null | undefined;
}): void {
  const outDir = options.out;
  const target = resolve(outDir);
  const readFrom = [
    { option: '--input', dir: options.input },
    ...(options.templates ? [{ option: '--templates', dir: options.templates }] : []),
    ...(options.reference ? [{ option: '--reference', dir: options.reference }] : []),
  ];
  const realTarget = realPath(target);
  for (const { option, dir } of readFrom) {
    const source = resolve(dir);
    const realSource = realPath(source);
    if (
      inside(source, target) ||
      inside(target, source) ||
      inside(realSource, realTarget) ||
      inside(realTarget, realSource)
    ) {
      throw new CliError(
        `expected --out outside ${option} and not containing it; found --out "${outDir}" and ${option} "${dir}". A build replaces its whole output folder, so it would replace what it reads. Choose another --out, such as a folder beside ${option}.`,
        EXIT.usage,
      );
    }
  }
  assertReplaceable(outDir);
}

/** Refuses an --out that is not a new folder, an empty folder, or an earlier build of this tool. */
export function assertReplaceable(outDir: string): void {
  const target = resolve(outDir);
  const refuse = (found: string, fix: string) =>
    new CliError(
      `refusing to replace --out "${outDir}": expected a new folder, an empty one, or an earlier build of ${TOOL_NAME}; found ${found}. Nothing was written. ${fix}`,
      EXIT.usage,
    );
  let stat: Stats;
  try {
    stat = lstatSync(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    assertCreatable(outDir, target);
    return;
  }
  if (stat.isSymbolicLink()) {
    throw refuse(
      `a symbolic link to ${readlinkSync(target)}; a build replaces its output folder, and would replace the link`,
      `Give the folder's own path as --out, or remove the link.`,
    );
  }
  if (!stat.isDirectory()) {
    throw refuse(
      `${stat.isFile() ? 'a file' : 'something that is not a folder'}`,
      'Choose another --out, or move that file away.',
    );
  }
  const parent = statSync(dirname(target));
  if (parent.dev !== stat.dev || parent.ino === stat.ino) {
    throw refuse(
      'a mount point; a build replaces its output folder by renaming, and a mount point cannot be renamed',
      `Use a folder inside it, such as --out ${join(outDir, 'reports')}.`,
    );
  }
  const entries = readdirSync(target);
  if (entries.length === 0) return;
  const shown = `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} (${entries.sort().slice(0, 5).join(', ')}${entries.length > 5 ? ', …' : ''})`;
  const fix = 'Choose an empty or new --out folder; if it is an old build, remove it first.';
  const marker = readMarker(target);
  if (typeof marker === 'string') throw refuse(`${shown} and ${marker}`, fix);
  const foreign = filesNotIn(target, marker);
  if (foreign.length > 0) {
    throw refuse(
      `an earlier build with ${foreign.length === 1 ? 'a file' : 'files'} no build wrote: ${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}`,
      'Move them out of the folder (a build would remove them), and run again.',
    );
  }
}

/** A new --out is made with its parents; none of them may be a file. */
function assertCreatable(outDir: string, target: string): void {
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    let stat: Stats;
    try {
      stat = statSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && dirname(dir) !== dir) continue;
      throw error;
    }
    if (stat.isDirectory()) return;
    throw new CliError(
      `expected --out "${outDir}" to be a folder, or one that can be made; found that ${dir} is a file, so no folder can be made inside it. Choose an --out whose parent is a folder.`,
      EXIT.usage,
    );
  }
}

/** The paths an earlier build's manifest lists, or why the folder is not an earlier build. */
function readMarker(target: string): Set<string> | string {
  const path = join(target, 'manifest.json');
  let stat: Stats;
  try {
    stat = lstatSync(path);
  } catch {
    return 'no manifest.json, which every build writes';
  }
  if (!stat.isFile()) return 'a manifest.json that is not a plain file';
  if (stat.size > MANIFEST_LIMIT) return 'a manifest.json far larger than any build writes';
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return 'a manifest.json that is not JSON';
  }
  const tool = (data as { tool?: { name?: unknown } } | null)?.tool?.name;
  if (tool !== TOOL_NAME) {
    const name = (data as { name?: unknown } | null)?.name ?? tool;
    return `a manifest.json that is not ${TOOL_NAME}'s${typeof name === 'string' ? ` (it names "${name.slice(0, 60)}")` : ''}`;
  }
  const format = (data as { format?: unknown }).format;
  const parsed =
    format === undefined ? ManifestWithoutFormatSchema.safeParse(data) : ManifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return format === undefined || format === MANIFEST_FORMAT
      ? `a ${TOOL_NAME} manifest.json that does not match its schema (${issue?.path.join('.') || 'top level'}: ${issue?.message})`
      : `a manifest.json of format ${JSON.stringify(format)}, which this version (format ${MANIFEST_FORMAT}) does not know`;
  }
  return new Set(['manifest.json', ...parsed.data.outputs.map((o) => o.path)]);
}

/** Files under `target` that `listed` does not name, and anything that is neither a file nor a folder. */
function filesNotIn(target: string, listed: ReadonlySet<string>): string[] {
  const foreign: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const rel = relative(target, path).split(sep).join('/');
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path);
      // A build writes regular files only: a link, even at a listed path, could lead reuse elsewhere.
      else if (!stat.isFile()) foreign.push(`${rel} (${stat.isSymbolicLink() ? 'a link' : 'not a file'})`);
      else if (!listed.has(rel)) foreign.push(rel);
    }
  };
  walk(target);
  return foreign;
}

const sibling = (target: string, kind: 'staging' | 'old', pid: number) =>
  join(dirname(target), `.${basename(target)}.${kind}-${pid}`);

/**
 * Undoes what a killed run left beside the output folder. Publishing renames the old folder
 * aside, then the new one in: a run killed between the two leaves only the old one aside, and it
 * is put back. Staging folders of runs that are gone are removed. Called with the lock held.
 */
export function recoverInterruptedPublish(outDir: string): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  if (!existsSync(parent)) return;
  const prefix = `.${basename(target)}.`;
  for (const name of readdirSync(parent).sort()) {
    const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(staging|old)-(\\d+)$`).exec(
      name,
    );
    if (!match || isAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Writes every file into a staging folder beside the output folder, then swaps it in. A run that
 * fails or is killed before the swap leaves the previous output untouched; nothing is ever
 * half-written.
 */
export function publish(outDir: string, files: OutputFiles): void {
  const target = resolve(outDir);
  assertReplaceable(outDir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = sibling(target, 'staging', process.pid);
  const old = sibling(target, 'old', process.pid);
  rmSync(staging, { recursive: true, force: true });
  let aside = false;
  try {
    for (const [name, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const path = resolve(staging, name);
      if (!path.startsWith(staging + sep))
        throw new CliError(`refusing to write "${name}": it is outside the output folder`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (existsSync(target)) {
      renameSync(target, old);
      aside = true;
    }
    renameSync(staging, target);
  } catch (error) {
    // A failed publish (a full disk, a device error) changes nothing: the previous build goes
    // back. Should even that fail, the next run puts it back (recoverInterruptedPublish).
    if (aside) quietly(() => existsSync(target) || renameSync(old, target));
    quietly(() => rmSync(staging, { recursive: true, force: true }));
    throw error;
  }
  // The new build is in place; an old one that cannot be removed now is removed by the next run.
  quietly(() => rmSync(old, { recursive: true, force: true }));
}

/** Clean-up that must not hide the failure that called for it. */
function quietly(step: () => unknown): void {
  try {
    step();
  } catch {
    // Left for the next run's recoverInterruptedPublish.
  }
}
