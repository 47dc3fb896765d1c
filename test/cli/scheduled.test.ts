import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockHolder, lockPath } from '../../src/build/lock.ts';
import { ManifestSchema, sha256 } from '../../src/build/manifest.ts';
import { main } from '../../src/cli/index.ts';
import { startCli } from '../helpers/child.ts';
import { digest, run, seedsCopy, snapshot, tempDir } from '../helpers/cli.ts';
import { seedText } from '../helpers/seeds.ts';

/** A fifth region for the run: North East's update under another region's name. */
const northWest = () =>
  seedText('north-east').replaceAll('North East', 'North West').replace('from 14%', 'from 12%');

// HTML only: what these tests check (reuse, locks, recovery, kills) is the same for PDFs, which
// the shared build and test/build/engine.test.ts cover.
async function buildInto(input: string, out: string, ...args: string[]) {
  const result = await run('build', '--input', input, '--out', out, '--json', '--format', 'html', ...args);
  const events = result.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { ...result, events };
}
const renderedOf = (events: Array<Record<string, unknown>>) =>
  (events.find((e) => e.event === 'published')?.rendered ?? null) as string[] | null;

/** The output folder agrees with its manifest: every file listed, with the bytes recorded. */
function consistent(out: string): void {
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
  const files = snapshot(out);
  expect([...files.keys()].filter((f) => f !== 'manifest.json').sort()).toEqual(
    manifest.outputs.map((o) => o.path).sort(),
  );
  for (const o of manifest.outputs) expect(sha256(files.get(o.path) as Buffer)).toBe(o.sha256);
}

// Each test here runs several whole builds, some in child processes; on two cores with the other
// test worker busy, a minute is not always enough.
describe('incremental builds', { timeout: 240_000 }, () => {
  // How much faster the second run is, is measured by `npm run bench` (src/bench/run.ts): a ratio
  // of wall-clock times failed on a busy machine, so the test asserts what the run does.
  it('a second run with no change renders nothing and writes nothing', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    const first = await buildInto(input, out);
    expect(renderedOf(first.events)?.length).toBeGreaterThan(90);
    const before = digest(out);
    const written = new Map([...before.keys()].map((path) => [path, statSync(join(out, path)).mtimeMs]));

    const second = await buildInto(input, out);
    expect(second.code).toBe(0);
    expect(second.events.map((e) => e.event)).toEqual(['reference', 'up-to-date']);
    expect(second.events.at(-1)).toMatchObject({ event: 'up-to-date', exit: 0 });
    expect(digest(out)).toEqual(before);
    for (const [path, mtime] of written) expect(statSync(join(out, path)).mtimeMs, path).toBe(mtime);
  });
});

describe('safe to repeat and to interrupt', { timeout: 240_000 }, () => {
  it('a build killed part-way leaves the earlier out/ byte-identical, and the next run recovers', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    await buildInto(input, out);
    const before = digest(out);
    writeFileSync(join(input, 'nw.txt'), northWest());
    // Killed with the staging folder part-written (charts drawn, no report yet) and with it
    // complete, just before publishing: the two states a kill can leave behind. Each kill is a
    // child process of its own, so two are all this end-to-end test affords; a publish failing
    // part-way is tested in memory (test/build/engine.test.ts) and at each rename
    // (test/cli/environment.test.ts).
    const points: Array<(e: Record<string, unknown>) => boolean> = [
      (e) => e.event === 'chart' && e.status === 'rendered',
      (e) => e.event === 'report' && e.path === 'regions/north-west/pack.html',
    ];
    for (const point of points) {
      const build = startCli('build', '--input', input, '--out', out, '--force', '--format', 'html');
      await build.until(point);
      build.child.kill('SIGKILL');
      expect(await build.done).toBe('SIGKILL');
      expect(digest(out)).toEqual(before);
    }
    // Killed runs left a lock and staging folders behind; the next run takes them over.
    const next = await buildInto(input, out);
    expect(next.code).toBe(0);
    expect(readdirSync(dirname(out)).filter((n) => n.includes('.staging-'))).toEqual([]);
    expect(lockHolder(out)).toBeNull();
    consistent(out);
    expect(snapshot(out).has('regions/north-west/pack.html')).toBe(true);
  });

  it('a publish cut between its two renames is put back by the next run', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    await buildInto(input, out);
    const before = digest(out);
    // What a run killed between "move old aside" and "move new in" leaves: no out/, the old one aside.
    renameSync(out, join(dirname(out), '.out.old-999999'));
    const { events } = await buildInto(input, out);
    // Which reference was used is said first; then nothing is rendered.
    expect(events.map((e) => e.event)).toEqual(['reference', 'up-to-date']);
    expect(digest(out)).toEqual(before);
  });

  it('two concurrent builds never interleave: one waits its turn by exiting with 75', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    const [a, b] = [
      startCli('build', '--input', input, '--out', out, '--format', 'html'),
      startCli('build', '--input', input, '--out', out, '--format', 'html'),
    ];
    const codes = (await Promise.all([a.done, b.done])).sort();
    expect(codes).toEqual([0, 75]);
    const refused = [a, b].find((x) => x.stderr.join('').includes('another build'));
    expect(refused?.stderr.join('')).toMatch(
      /another build \(process \d+ on .*\) is writing .*; this run stops so the two cannot mix/,
    );
    consistent(out);
  });

  it('a stale lock from a killed run is taken over; a live one is respected', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    mkdirSync(dirname(lockPath(out)), { recursive: true });
    writeFileSync(lockPath(out), JSON.stringify({ pid: 999999, host: (await import('node:os')).hostname() }));
    expect((await buildInto(input, out)).code).toBe(0);
    expect(lockHolder(out)).toBeNull();

    const release = acquireLock(out);
    const held = await run('build', '--input', input, '--out', out, '--format', 'html');
    expect(held.code).toBe(75);
    expect(held.stderr).toContain(`another build (process ${process.pid} on `);
    release();
    expect(lockHolder(out)).toBeNull();
  });
});

describe('progress', { timeout: 240_000 }, () => {
  it('is shown per document and per report on a terminal, and not otherwise; --json gives one event per line', async () => {
    const input = seedsCopy();
    const capture = async (tty: boolean, ...extra: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await main(
        ['build', '--input', input, '--out', join(tempDir(), 'out'), '--format', 'html', ...extra],
        {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          tty,
        },
      );
      return { code, stdout, stderr };
    };
    const terminal = await capture(true);
    expect(terminal.stderr).toContain('read north-east-2023.txt: North East 2023');
    expect(terminal.stderr).toContain('rendered regions/south-west/pack.html');
    const quiet = await capture(false);
    expect(quiet.stderr).not.toContain('read north-east-2023.txt');
    expect(quiet.stderr).not.toContain('rendered regions/');
    expect(quiet.stdout).toMatch(
      /^Read 4 plan updates \(0 errors, 0 warnings, 4 notes\); rendered \d+ files, reused 0; wrote \d+ files to /,
    );
    const json = await capture(false, '--json');
    const events = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { event: string });
    expect(new Set(events.map((e) => e.event))).toEqual(
      new Set(['reference', 'document', 'chart', 'report', 'diagnostic', 'published']),
    );
    expect(json.stderr).toBe('');
  });
});

describe('watch', { timeout: 240_000 }, () => {
  it('picks up a new document (even one added during a build), keeps watching through a broken one, and picks up its correction', async () => {
    const input = seedsCopy();
    const out = join(tempDir(), 'out');
    const watching = startCli('watch', '--input', input, '--out', out, '--format', 'html');
    try {
      // Dropped in while the first build is still running: it must not be missed.
      await watching.until((e) => e.event === 'watching');
      writeFileSync(join(input, 'nw.txt'), northWest());
      await watching.until((e) => e.event === 'published' && e.plans === 5);
      expect(existsSync(join(out, 'regions/north-west/pack.html'))).toBe(true);

      const broken = northWest()
        .replaceAll('North West', 'Wales')
        .replace('by 4 percentage points from 12% in March 2023.', 'by 4 percentage points from 12%.');
      writeFileSync(join(input, 'wales.txt'), broken);
      await watching.until((e) => e.event === 'failed');
      expect(watching.events).toContainEqual(
        expect.objectContaining({
          event: 'diagnostic',
          code: 'target-unreadable',
          file: 'wales.txt',
          line: 69,
        }),
      );
      expect(existsSync(join(out, 'regions/wales'))).toBe(false);

      writeFileSync(join(input, 'wales.txt'), northWest().replaceAll('North West', 'Wales'));
      await watching.until((e) => e.event === 'published' && e.plans === 6);
      expect(existsSync(join(out, 'regions/wales/pack.html'))).toBe(true);
    } finally {
      watching.child.kill('SIGTERM');
    }
    expect(await watching.done).toBe(0);
  });
});
